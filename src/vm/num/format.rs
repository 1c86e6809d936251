//! The format-spec mini-language of `format(value, spec)`, `str.format`
//! and f-strings, `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`,
//! applied to ints, floats and strs as CPython 3.11's
//! `Python/formatter_unicode.c` does, with its error messages.
//!
//! Owns: parsing a spec and laying a number or string out in it (sign,
//! prefix, fill, zero padding, thousands grouping). Never: calls
//! `__format__` or `str()` of other objects — the VM does, and hands ints,
//! floats and strs here.

use super::float_text::{double_to_string, float_repr, DtoaFlags};
use super::unicode::decimal_value;
use super::{IntRef, NumError, MAX_TEXT_LEN};

/// Where a value sits in its field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    /// `<`
    Left,
    /// `>`
    Right,
    /// `^`
    Center,
    /// `=`: padding between the sign (and prefix) and the digits.
    AfterSign,
}

/// The sign option.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignMode {
    /// No sign option given (a `-` only for negatives).
    Default,
    /// `-` given explicitly: same output as the default.
    Minus,
    /// `+`: a sign for every number.
    Plus,
    /// ` `: a space for non-negative numbers.
    Space,
}

/// The thousands separator option.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grouping {
    /// `,`
    Comma,
    /// `_` (every 4 digits for `b`, `o`, `x`, `X`).
    Underscore,
}

/// A parsed format spec.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatSpec {
    pub fill: char,
    pub align: Align,
    pub sign: SignMode,
    /// `z`: no `-` on a float that rounds to zero.
    pub no_neg_0: bool,
    /// `#`
    pub alternate: bool,
    pub width: Option<usize>,
    pub grouping: Option<Grouping>,
    pub precision: Option<usize>,
    /// The presentation type; the default of the value's type when none
    /// was given (`None` only for floats: "like repr").
    pub ty: Option<char>,
}

fn is_align(c: char) -> Option<Align> {
    match c {
        '<' => Some(Align::Left),
        '>' => Some(Align::Right),
        '^' => Some(Align::Center),
        '=' => Some(Align::AfterSign),
        _ => None,
    }
}

/// Reads decimal digits (any Unicode decimal digit, as CPython) into a
/// count; `None` when there are none.
fn get_integer(chars: &[char], pos: &mut usize) -> Result<Option<usize>, NumError> {
    let mut acc: u64 = 0;
    let mut n = 0;
    while let Some(d) = chars.get(*pos).and_then(|&c| decimal_value(c)) {
        acc = acc
            .checked_mul(10)
            .and_then(|a| a.checked_add(u64::from(d)))
            .filter(|&a| a <= i64::MAX as u64)
            .ok_or_else(|| NumError::value("Too many decimal digits in format string"))?;
        *pos += 1;
        n += 1;
    }
    // On 32-bit targets a count beyond usize saturates (and is then too
    // wide for any text: MemoryError).
    Ok((n > 0).then_some(usize::try_from(acc).unwrap_or(usize::MAX)))
}

/// A character in a message: itself when printable ASCII, else `\x..`.
fn code_in_message(c: char) -> String {
    if c > ' ' && c < '\x7f' {
        format!("'{c}'")
    } else {
        format!("'\\x{:x}'", c as u32)
    }
}

fn unknown_code(ty: char, type_name: &str) -> NumError {
    NumError::value(format!(
        "Unknown format code {} for object of type '{type_name}'",
        code_in_message(ty)
    ))
}

impl FormatSpec {
    /// Parses `spec` for a value of `type_name` whose type defaults to
    /// `default_type` and `default_align` (`'d'`/Right for ints,
    /// `None`/Right for floats, `'s'`/Left for strs).
    pub fn parse(
        spec: &str,
        default_type: Option<char>,
        default_align: Align,
        type_name: &str,
    ) -> Result<FormatSpec, NumError> {
        let chars: Vec<char> = spec.chars().collect();
        let end = chars.len();
        let mut pos = 0;
        let mut out = FormatSpec {
            fill: ' ',
            align: default_align,
            sign: SignMode::Default,
            no_neg_0: false,
            alternate: false,
            width: None,
            grouping: None,
            precision: None,
            ty: default_type,
        };
        let mut fill_given = false;
        let mut align_given = false;
        if let Some(a) = chars.get(1).and_then(|&c| is_align(c)) {
            out.align = a;
            out.fill = chars[0];
            fill_given = true;
            align_given = true;
            pos = 2;
        } else if let Some(a) = chars.first().and_then(|&c| is_align(c)) {
            out.align = a;
            align_given = true;
            pos = 1;
        }
        if let Some(&c) = chars.get(pos) {
            let sign = match c {
                '+' => Some(SignMode::Plus),
                '-' => Some(SignMode::Minus),
                ' ' => Some(SignMode::Space),
                _ => None,
            };
            if let Some(s) = sign {
                out.sign = s;
                pos += 1;
            }
        }
        if chars.get(pos) == Some(&'z') {
            out.no_neg_0 = true;
            pos += 1;
        }
        if chars.get(pos) == Some(&'#') {
            out.alternate = true;
            pos += 1;
        }
        if !fill_given && chars.get(pos) == Some(&'0') {
            out.fill = '0';
            if !align_given && default_align == Align::Right {
                out.align = Align::AfterSign;
            }
            pos += 1;
        }
        out.width = get_integer(&chars, &mut pos)?;
        let both = || NumError::value("Cannot specify both ',' and '_'.");
        if chars.get(pos) == Some(&',') {
            out.grouping = Some(Grouping::Comma);
            pos += 1;
        }
        if chars.get(pos) == Some(&'_') {
            if out.grouping.is_some() {
                return Err(both());
            }
            out.grouping = Some(Grouping::Underscore);
            pos += 1;
        }
        if chars.get(pos) == Some(&',') {
            return Err(both());
        }
        if chars.get(pos) == Some(&'.') {
            pos += 1;
            out.precision = get_integer(&chars, &mut pos)?;
            if out.precision.is_none() {
                return Err(NumError::value("Format specifier missing precision"));
            }
        }
        if end - pos > 1 {
            return Err(NumError::value(format!(
                "Invalid format specifier '{spec}' for object of type '{type_name}'"
            )));
        }
        if end - pos == 1 {
            out.ty = Some(chars[pos]);
        }
        if let Some(g) = out.grouping {
            let ok = match out.ty {
                None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => true,
                Some('b' | 'o' | 'x' | 'X') => g == Grouping::Underscore,
                _ => false,
            };
            if !ok {
                let sep = if g == Grouping::Comma { ',' } else { '_' };
                let ty = out.ty.unwrap_or('\0');
                return Err(NumError::value(format!(
                    "Cannot specify '{sep}' with {}.",
                    code_in_message(ty)
                )));
            }
        }
        Ok(out)
    }

    /// The separator and group size for digits of presentation type `ty`.
    fn group(&self) -> Option<(char, usize)> {
        match (self.grouping?, self.ty) {
            (Grouping::Comma, _) => Some((',', 3)),
            (Grouping::Underscore, Some('b' | 'o' | 'x' | 'X')) => Some(('_', 4)),
            (Grouping::Underscore, _) => Some(('_', 3)),
        }
    }

    /// A field wider than [`MAX_TEXT_LEN`] is a `MemoryError` (CPython
    /// fails to allocate it), raised after every other check.
    pub(crate) fn check_width(&self) -> Result<(), NumError> {
        match self.width {
            Some(w) if w > MAX_TEXT_LEN => Err(NumError::Memory),
            _ => Ok(()),
        }
    }

    fn width_i64(&self) -> i64 {
        self.width.map_or(-1, |w| w as i64)
    }
}

/// CPython's `_PyUnicode_InsertThousandsGrouping`: `digits` grouped from
/// the right, zero-extended (with separators) to at least `min_width`.
fn insert_grouping(digits: &[u8], min_width: i64, group: Option<(char, usize)>) -> String {
    let mut rev: Vec<char> = Vec::with_capacity(digits.len() * 2);
    let mut remaining = digits.len() as i64;
    let mut min_width = min_width;
    let mut next = digits.len();
    let mut use_sep = false;
    let mut emit = |l: i64, remaining: i64, use_sep: bool, sep: char, rev: &mut Vec<char>| {
        let zeros = (l - remaining).max(0);
        let n = remaining.min(l).max(0);
        if use_sep {
            rev.push(sep);
        }
        for _ in 0..n {
            next -= 1;
            rev.push(char::from(digits[next]));
        }
        rev.extend(std::iter::repeat_n('0', zeros as usize));
        n
    };
    let mut broken = false;
    let sep = group.map_or(',', |g| g.0);
    if let Some((_, size)) = group {
        let size = size as i64;
        loop {
            let l = size.min(remaining.max(min_width).max(1));
            let n = emit(l, remaining, use_sep, sep, &mut rev);
            use_sep = true;
            remaining -= n;
            min_width -= l;
            if remaining <= 0 && min_width <= 0 {
                broken = true;
                break;
            }
            min_width -= 1;
        }
    }
    if !broken {
        let l = remaining.max(min_width).max(1);
        emit(l, remaining, use_sep, sep, &mut rev);
    }
    rev.iter().rev().collect()
}

/// The parts of a formatted number, as `calc_number_widths` sees them.
pub(crate) struct Number<'a> {
    pub negative: bool,
    pub prefix: &'a str,
    /// Digits before the point (ASCII), grouped and zero-padded.
    pub digits: &'a str,
    pub has_decimal: bool,
    /// Everything after the point (or after the digits): fraction,
    /// exponent, `%`, `inf`, or the character of `c`.
    pub remainder: &'a str,
}

fn push_fill(out: &mut String, fill: char, n: i64) {
    out.extend(std::iter::repeat_n(fill, n.max(0) as usize));
}

/// Lays a number out in the field: `<lpad><sign><prefix><spad><digits>
/// <point><remainder><rpad>`.
pub(crate) fn layout_number(spec: &FormatSpec, num: &Number<'_>) -> String {
    let sign = match (spec.sign, num.negative) {
        (_, true) => Some('-'),
        (SignMode::Plus, false) => Some('+'),
        (SignMode::Space, false) => Some(' '),
        _ => None,
    };
    let n_non_digit = i64::from(sign.is_some())
        + num.prefix.chars().count() as i64
        + i64::from(num.has_decimal)
        + num.remainder.chars().count() as i64;
    let min_width = if spec.fill == '0' && spec.align == Align::AfterSign {
        spec.width_i64() - n_non_digit
    } else {
        0
    };
    let grouped = if num.digits.is_empty() {
        String::new()
    } else {
        insert_grouping(num.digits.as_bytes(), min_width, spec.group())
    };
    let padding = spec.width_i64() - (n_non_digit + grouped.chars().count() as i64);
    let (mut lpad, mut spad, mut rpad) = (0, 0, 0);
    if padding > 0 {
        match spec.align {
            Align::Left => rpad = padding,
            Align::Center => {
                lpad = padding / 2;
                rpad = padding - lpad;
            }
            Align::AfterSign => spad = padding,
            Align::Right => lpad = padding,
        }
    }
    let mut out = String::new();
    push_fill(&mut out, spec.fill, lpad);
    out.extend(sign);
    out.push_str(num.prefix);
    push_fill(&mut out, spec.fill, spad);
    out.push_str(&grouped);
    if num.has_decimal {
        out.push('.');
    }
    out.push_str(num.remainder);
    push_fill(&mut out, spec.fill, rpad);
    out
}

/// `format(n, spec)` for an `int`.
pub fn format_int(n: IntRef<'_>, spec: &str) -> Result<String, NumError> {
    format_int_typed(n, spec, "int")
}

/// `format(n, spec)` for an int whose type is named `type_name` (`bool`,
/// or a subclass of `int` that does not override `__format__`).
pub fn format_int_typed(n: IntRef<'_>, spec: &str, type_name: &str) -> Result<String, NumError> {
    if spec.is_empty() {
        return n.to_str();
    }
    let spec = FormatSpec::parse(spec, Some('d'), Align::Right, type_name)?;
    let ty = spec.ty.unwrap_or('d');
    match ty {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => {}
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            return format_float_spec(n.to_f64()?, &spec);
        }
        _ => return Err(unknown_code(ty, type_name)),
    }
    if spec.precision.is_some() {
        return Err(NumError::value(
            "Precision not allowed in integer format specifier",
        ));
    }
    if spec.no_neg_0 {
        return Err(NumError::value(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    if ty == 'c' {
        if spec.sign != SignMode::Default {
            return Err(NumError::value(
                "Sign not allowed with integer format specifier 'c'",
            ));
        }
        if spec.alternate {
            return Err(NumError::value(
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ));
        }
        let v = n
            .to_i64()
            .ok_or_else(|| NumError::overflow("Python int too large to convert to C long"))?;
        let c = u32::try_from(v)
            .ok()
            .and_then(char::from_u32)
            .ok_or_else(|| NumError::overflow("%c arg not in range(0x110000)"))?;
        spec.check_width()?;
        let s = c.to_string();
        return Ok(layout_number(
            &spec,
            &Number {
                negative: false,
                prefix: "",
                digits: "",
                has_decimal: false,
                remainder: &s,
            },
        ));
    }
    spec.check_width()?;
    let (radix, prefix) = match ty {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let digits = if radix == 10 {
        n.to_str()?
    } else {
        n.to_radix(radix, ty == 'X')
    };
    let (negative, digits) = match digits.strip_prefix('-') {
        Some(d) => (true, d),
        None => (false, digits.as_str()),
    };
    let mut spec = spec;
    if ty == 'n' {
        // The C locale: no grouping.
        spec.grouping = None;
    }
    Ok(layout_number(
        &spec,
        &Number {
            negative,
            prefix: if spec.alternate { prefix } else { "" },
            digits,
            has_decimal: false,
            remainder: "",
        },
    ))
}

/// `format(x, spec)` for a `float`.
pub fn format_float(x: f64, spec: &str) -> Result<String, NumError> {
    if spec.is_empty() {
        return Ok(float_repr(x));
    }
    let spec = FormatSpec::parse(spec, None, Align::Right, "float")?;
    match spec.ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => format_float_spec(x, &spec),
        Some(ty) => Err(unknown_code(ty, "float")),
    }
}

/// CPython's `format_float_internal`.
fn format_float_spec(x: f64, spec: &FormatSpec) -> Result<String, NumError> {
    let mut precision = match spec.precision {
        Some(p) if p > i32::MAX as usize => {
            return Err(NumError::value("precision too big"));
        }
        Some(p) if p > MAX_TEXT_LEN => return Err(NumError::Memory),
        p => p,
    };
    spec.check_width()?;
    let mut flags = DtoaFlags {
        alt: spec.alternate,
        no_neg_0: spec.no_neg_0,
        ..DtoaFlags::default()
    };
    let mut default_precision = 6;
    let mut ty = spec.ty.unwrap_or('r');
    if spec.ty.is_none() {
        flags.add_dot_0 = true;
        default_precision = 0;
    }
    if ty == 'n' {
        ty = 'g';
    }
    let mut val = x;
    let mut add_pct = false;
    if ty == '%' {
        ty = 'f';
        val *= 100.0;
        add_pct = true;
    }
    if precision.is_none() {
        precision = Some(default_precision);
    } else if ty == 'r' {
        ty = 'g';
    }
    let mut s = double_to_string(val, ty, precision.unwrap_or(0), flags);
    if add_pct {
        s.push('%');
    }
    let (negative, body) = match s.strip_prefix('-') {
        Some(b) => (true, b),
        None => (false, s.as_str()),
    };
    let n_digits = body.bytes().take_while(u8::is_ascii_digit).count();
    let (digits, rest) = body.split_at(n_digits);
    let (has_decimal, remainder) = match rest.strip_prefix('.') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    let mut spec = spec.clone();
    if spec.ty == Some('n') {
        spec.grouping = None;
    }
    Ok(layout_number(
        &spec,
        &Number {
            negative,
            prefix: "",
            digits,
            has_decimal,
            remainder,
        },
    ))
}

/// `format(s, spec)` for a `str`.
pub fn format_str(s: &str, spec: &str) -> Result<String, NumError> {
    if spec.is_empty() {
        return Ok(s.to_string());
    }
    let spec = FormatSpec::parse(spec, Some('s'), Align::Left, "str")?;
    let ty = spec.ty.unwrap_or('s');
    if ty != 's' {
        return Err(unknown_code(ty, "str"));
    }
    if spec.sign == SignMode::Space {
        return Err(NumError::value(
            "Space not allowed in string format specifier",
        ));
    }
    if spec.sign != SignMode::Default {
        return Err(NumError::value(
            "Sign not allowed in string format specifier",
        ));
    }
    if spec.no_neg_0 {
        return Err(NumError::value(
            "Negative zero coercion (z) not allowed in string format specifier",
        ));
    }
    if spec.alternate {
        return Err(NumError::value(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    if spec.align == Align::AfterSign {
        return Err(NumError::value(
            "'=' alignment not allowed in string format specifier",
        ));
    }
    spec.check_width()?;
    Ok(pad_str(
        s,
        spec.width,
        spec.precision,
        spec.align,
        spec.fill,
    ))
}

/// Truncates `s` to `precision` characters and pads it to `width`.
pub(crate) fn pad_str(
    s: &str,
    width: Option<usize>,
    precision: Option<usize>,
    align: Align,
    fill: char,
) -> String {
    let len = s.chars().count();
    let (text, len) = match precision {
        Some(p) if p < len => {
            let cut = s.char_indices().nth(p).map_or(s.len(), |(i, _)| i);
            (&s[..cut], p)
        }
        _ => (s, len),
    };
    let total = width.unwrap_or(0).max(len);
    let pad = total - len;
    let left = match align {
        Align::Right => pad,
        Align::Center => pad / 2,
        Align::Left | Align::AfterSign => 0,
    };
    let mut out = String::with_capacity(text.len() + pad);
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(text);
    out.extend(std::iter::repeat_n(fill, pad - left));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vm::num::Int;

    fn fi(n: i64, spec: &str) -> String {
        format_int(Int::from(n).as_ref(), spec).unwrap()
    }

    #[test]
    fn ints() {
        assert_eq!(fi(12345678, "012,"), "0,012,345,678");
        assert_eq!(fi(1234, "014,"), "00,000,001,234");
        assert_eq!(fi(-255, "#010_x"), "-0x00_00ff");
        assert_eq!(fi(255, "#X"), "0XFF");
        assert_eq!(fi(65, "^5c"), "  A  ");
        assert_eq!(fi(12, "x<05"), "12xxx");
        assert_eq!(fi(-1, "-^10"), "-----1----");
    }

    #[test]
    fn floats() {
        assert_eq!(format_float(1234.5, "012,.1f").unwrap(), "00,001,234.5");
        assert_eq!(format_float(f64::NAN, "+").unwrap(), "+nan");
        assert_eq!(format_float(-f64::INFINITY, "08").unwrap(), "-0000inf");
        assert_eq!(format_float(0.5, ".0%").unwrap(), "50%");
        assert_eq!(format_float(-0.001, "z.1f").unwrap(), "0.0");
        assert_eq!(format_float(1e16, ".17").unwrap(), "1e+16");
    }

    #[test]
    fn strs_and_errors() {
        assert_eq!(format_str("ab", "05").unwrap(), "ab000");
        assert_eq!(format_str("abc", "^7.2").unwrap(), "  ab   ");
        let err = |r: Result<String, NumError>| r.unwrap_err().message().to_string();
        assert_eq!(err(format_str("x", ",")), "Cannot specify ',' with 's'.");
        assert_eq!(
            err(format_float(1.0, "d")),
            "Unknown format code 'd' for object of type 'float'"
        );
        assert_eq!(
            err(format_int(Int::from(1).as_ref(), "\u{1}")),
            "Unknown format code '\\x1' for object of type 'int'"
        );
        assert_eq!(
            err(format_int(Int::from(1).as_ref(), "abc")),
            "Invalid format specifier 'abc' for object of type 'int'"
        );
    }
}
