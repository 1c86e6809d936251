//! printf-style formatting, `fmt % args`, as CPython 3.11's
//! `PyUnicode_Format`: a lazy parser of the template into literal text and
//! conversion specs, the cursor over the arguments with CPython's rules
//! (a tuple, a single value, or a mapping for `%(key)s`), and the
//! rendering of one converted int, float, char or string in its field.
//!
//! Owns: the template grammar, argument bookkeeping and field layout, and
//! their messages. Never: fetches arguments or calls `str()`, `repr()`,
//! `ascii()`, `int()` or `float()` on objects — the VM walks the pieces,
//! does that, and calls the `render_*` methods.

use super::float_text::{double_to_string, DtoaFlags};
use super::{IntRef, NumError, MAX_TEXT_LEN};

/// The flags `-+ #0` of one conversion.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PercentFlags {
    /// `-`: left-justify (pad on the right with spaces).
    pub left: bool,
    /// `+`: a sign for every number.
    pub sign: bool,
    /// ` `: a space before non-negative numbers.
    pub space: bool,
    /// `#`: the alternate form (`0x`, `0o`, kept point and zeros).
    pub alt: bool,
    /// `0`: pad numbers with zeros after the sign.
    pub zero: bool,
}

/// A width or precision.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PercentCount {
    None,
    Num(usize),
    /// `*`: taken from the next argument (an int).
    Star,
}

/// One conversion spec: `%[(key)][flags][width][.precision][hlL]conversion`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PercentSpec<'a> {
    /// `(key)`: the argument is `args[key]` (`args` must be a mapping).
    pub key: Option<&'a str>,
    pub flags: PercentFlags,
    pub width: PercentCount,
    pub precision: PercentCount,
    /// The conversion character; one of `diouxXeEfFgGcrsa` is supported,
    /// any other raises [`PercentSpec::unsupported`] after its argument was
    /// fetched.
    pub conversion: char,
    /// The index (in characters) of the conversion character.
    pub index: usize,
    /// A malformed spec ("incomplete format", "width too big", "precision
    /// too big"): the VM raises it after looking up `key` and fetching the
    /// `*` arguments this spec names, and before fetching its value.
    pub deferred_error: Option<NumError>,
}

/// One piece of a template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PercentPiece<'a> {
    /// Text copied as it is (`%%` yields `Literal("%")`).
    Literal(&'a str),
    Spec(PercentSpec<'a>),
}

/// The pieces of a template, parsed lazily so that an error in a later
/// spec is raised only after the earlier ones were converted, as CPython.
pub struct PercentSpecs<'a> {
    fmt: &'a str,
    /// Byte offset of the next unread character.
    pos: usize,
    /// Character index of the next unread character.
    index: usize,
    failed: bool,
}

/// Parses `fmt` lazily.
pub fn parse_percent(fmt: &str) -> PercentSpecs<'_> {
    PercentSpecs {
        fmt,
        pos: 0,
        index: 0,
        failed: false,
    }
}

impl<'a> PercentSpecs<'a> {
    fn peek(&self) -> Option<char> {
        self.fmt[self.pos..].chars().next()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        self.index += 1;
        Some(c)
    }

    /// Parses the spec after a `%` (already consumed).
    fn spec(&mut self) -> Result<PercentPiece<'a>, NumError> {
        if self.peek() == Some('%') {
            self.bump();
            return Ok(PercentPiece::Literal("%"));
        }
        let mut spec = PercentSpec {
            key: None,
            flags: PercentFlags::default(),
            width: PercentCount::None,
            precision: PercentCount::None,
            conversion: '\0',
            index: 0,
            deferred_error: None,
        };
        if self.peek() == Some('(') {
            self.bump();
            let start = self.pos;
            let mut depth = 1;
            loop {
                match self.bump() {
                    None => return Err(NumError::value("incomplete format key")),
                    Some('(') => depth += 1,
                    Some(')') => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    Some(_) => {}
                }
            }
            spec.key = Some(&self.fmt[start..self.pos - 1]);
        }
        let incomplete = || NumError::value("incomplete format");
        let mut ch = self.bump();
        loop {
            match ch {
                Some('-') => spec.flags.left = true,
                Some('+') => spec.flags.sign = true,
                Some(' ') => spec.flags.space = true,
                Some('#') => spec.flags.alt = true,
                Some('0') => spec.flags.zero = true,
                _ => break,
            }
            ch = self.bump();
        }
        if ch == Some('*') {
            spec.width = PercentCount::Star;
            ch = self.bump();
        } else if let Some(d) = ch.and_then(|c| c.to_digit(10)) {
            let mut w = u64::from(d);
            loop {
                ch = self.bump();
                let Some(d) = ch.and_then(|c| c.to_digit(10)) else {
                    break;
                };
                match w.checked_mul(10).and_then(|w| w.checked_add(u64::from(d))) {
                    Some(v) if v <= i64::MAX as u64 => w = v,
                    _ => {
                        spec.deferred_error = Some(NumError::value("width too big"));
                        return Ok(PercentPiece::Spec(spec));
                    }
                }
            }
            spec.width = PercentCount::Num(usize::try_from(w).unwrap_or(usize::MAX));
        }
        if ch == Some('.') {
            spec.precision = PercentCount::Num(0);
            ch = self.bump();
            if ch == Some('*') {
                spec.precision = PercentCount::Star;
                ch = self.bump();
            } else if let Some(d) = ch.and_then(|c| c.to_digit(10)) {
                let mut p = u64::from(d);
                loop {
                    ch = self.bump();
                    let Some(d) = ch.and_then(|c| c.to_digit(10)) else {
                        break;
                    };
                    match p.checked_mul(10).and_then(|p| p.checked_add(u64::from(d))) {
                        Some(v) if v <= i32::MAX as u64 => p = v,
                        _ => {
                            spec.deferred_error = Some(NumError::value("precision too big"));
                            return Ok(PercentPiece::Spec(spec));
                        }
                    }
                }
                spec.precision = PercentCount::Num(usize::try_from(p).unwrap_or(usize::MAX));
            }
        }
        if matches!(ch, Some('h' | 'l' | 'L')) {
            ch = self.bump();
        }
        match ch {
            Some(c) => {
                spec.conversion = c;
                spec.index = self.index - 1;
            }
            None => spec.deferred_error = Some(incomplete()),
        }
        Ok(PercentPiece::Spec(spec))
    }
}

impl<'a> Iterator for PercentSpecs<'a> {
    type Item = Result<PercentPiece<'a>, NumError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed || self.pos >= self.fmt.len() {
            return None;
        }
        let rest = &self.fmt[self.pos..];
        if let Some(after) = rest.strip_prefix('%') {
            let _ = after;
            self.bump();
            let piece = self.spec();
            self.failed = piece.is_err();
            return Some(piece);
        }
        let len = rest.find('%').unwrap_or(rest.len());
        let text = &rest[..len];
        self.index += text.chars().count();
        self.pos += len;
        Some(Ok(PercentPiece::Literal(text)))
    }
}

/// Which argument a conversion takes, from the [`PercentArgs`] cursor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PercentArg {
    /// `args[i]` of the argument tuple.
    Item(usize),
    /// The current argument object itself: the non-tuple `args`, or the
    /// value looked up by the last `(key)`.
    Whole,
}

/// CPython's bookkeeping of which argument comes next (`argidx`/`arglen`
/// of `unicode_formatter_t`), and the errors about argument counts.
#[derive(Clone, Debug)]
pub struct PercentArgs {
    arglen: i64,
    argidx: i64,
    has_mapping: bool,
}

impl PercentArgs {
    /// A cursor for `fmt % args`: `tuple_len` is `Some(len)` when `args`
    /// is a tuple; `is_mapping` when `args` is a mapping (has
    /// `__getitem__` and is neither a tuple nor a str), which makes
    /// `%(key)` conversions possible.
    pub fn new(tuple_len: Option<usize>, is_mapping: bool) -> Self {
        let (arglen, argidx) = match tuple_len {
            Some(n) => (n as i64, 0),
            None => (-1, -2),
        };
        PercentArgs {
            arglen,
            argidx,
            has_mapping: is_mapping && tuple_len.is_none(),
        }
    }

    /// Before a `(key)` lookup: `args` must be a mapping.
    pub fn check_mapping(&self) -> Result<(), NumError> {
        if self.has_mapping {
            Ok(())
        } else {
            Err(NumError::type_error("format requires a mapping"))
        }
    }

    /// After a `(key)` lookup: the value found is the current argument.
    pub fn looked_up(&mut self) {
        self.arglen = -1;
        self.argidx = -2;
    }

    /// The next argument to take (for a `*` or a conversion).
    pub fn next_arg(&mut self) -> Result<PercentArg, NumError> {
        if self.argidx < self.arglen {
            let i = self.argidx;
            self.argidx += 1;
            if self.arglen < 0 {
                return Ok(PercentArg::Whole);
            }
            return Ok(PercentArg::Item(i as usize));
        }
        Err(NumError::type_error(
            "not enough arguments for format string",
        ))
    }

    /// After each conversion (`at_end == false`), and after the whole
    /// template (`at_end == true`): CPython checks a mapping's use after
    /// each conversion and other arguments' at the end.
    pub fn check_all_used(&self, at_end: bool) -> Result<(), NumError> {
        let unused = self.argidx < self.arglen;
        let checked_now = if at_end {
            !self.has_mapping
        } else {
            self.has_mapping
        };
        if unused && checked_now {
            return Err(NumError::type_error(
                "not all arguments converted during string formatting",
            ));
        }
        Ok(())
    }
}

/// The width a `*` argument gives: `(width, left_justify)`.
pub fn star_width(v: IntRef<'_>) -> Result<(usize, bool), NumError> {
    let w = v
        .to_i64()
        .ok_or_else(|| NumError::overflow("Python int too large to convert to C ssize_t"))?;
    let width = usize::try_from(w.unsigned_abs()).unwrap_or(usize::MAX);
    Ok((width, w < 0))
}

/// The precision a `*` argument gives (negative means 0).
pub fn star_precision(v: IntRef<'_>) -> Result<usize, NumError> {
    let p = v
        .to_i64()
        .filter(|p| i32::try_from(*p).is_ok())
        .ok_or_else(|| NumError::overflow("Python int too large to convert to C int"))?;
    Ok(p.max(0) as usize)
}

impl PercentSpec<'_> {
    /// The error for an unsupported conversion character, raised after
    /// its argument was fetched.
    pub fn unsupported(&self) -> NumError {
        let c = self.conversion;
        let shown = if (' '..='~').contains(&c) { c } else { '?' };
        NumError::value(format!(
            "unsupported format character '{shown}' ({:#x}) at index {}",
            c as u32, self.index
        ))
    }

    /// `TypeError` for a value of type `type_name` that an integer
    /// conversion cannot take.
    pub fn int_type_error(&self, type_name: &str) -> NumError {
        let c = self.conversion;
        let what = if matches!(c, 'o' | 'x' | 'X') {
            "an integer"
        } else {
            "a real number"
        };
        NumError::type_error(format!("%{c} format: {what} is required, not {type_name}"))
    }

    /// `TypeError` for a value of type `type_name` given to a float
    /// conversion (from `PyFloat_AsDouble`).
    pub fn float_type_error(type_name: &str) -> NumError {
        NumError::type_error(format!("must be real number, not {type_name}"))
    }

    /// `TypeError` for `%c` given something other than an int or a
    /// one-character str.
    pub fn char_type_error() -> NumError {
        NumError::type_error("%c requires int or char")
    }

    fn width_or(&self, star: Option<(usize, bool)>) -> (Option<usize>, bool) {
        match (self.width, star) {
            (PercentCount::Num(w), _) => (Some(w), self.flags.left),
            (PercentCount::Star, Some((w, left))) => (Some(w), self.flags.left || left),
            _ => (None, self.flags.left),
        }
    }

    fn precision_or(&self, star: Option<usize>) -> Option<usize> {
        match (self.precision, star) {
            (PercentCount::Num(p), _) => Some(p),
            (PercentCount::Star, Some(p)) => Some(p),
            _ => None,
        }
    }

    /// Renders an int for `d i u o x X` (the VM converts a float with
    /// `int()` first for `d i u`). `star_w`/`star_p` are the values of `*`
    /// width and precision.
    pub fn render_int(
        &self,
        n: IntRef<'_>,
        star_w: Option<(usize, bool)>,
        star_p: Option<usize>,
    ) -> Result<String, NumError> {
        let c = self.conversion;
        let digits = match c {
            'o' => n.to_radix(8, false),
            'x' => n.to_radix(16, false),
            'X' => n.to_radix(16, true),
            _ => n.to_str()?,
        };
        let (negative, digits) = match digits.strip_prefix('-') {
            Some(d) => (true, d),
            None => (false, digits.as_str()),
        };
        let prec = self.precision_or(star_p).unwrap_or(0);
        if prec > MAX_TEXT_LEN {
            return Err(NumError::Memory);
        }
        let mut s = String::with_capacity(prec.max(digits.len()) + 3);
        if negative {
            s.push('-');
        }
        if self.flags.alt {
            match c {
                'o' => s.push_str("0o"),
                'x' => s.push_str("0x"),
                'X' => s.push_str("0X"),
                _ => {}
            }
        }
        s.extend(std::iter::repeat_n('0', prec.saturating_sub(digits.len())));
        s.push_str(digits);
        self.output(&s, true, star_w, star_p)
    }

    /// Renders a float for `e E f F g G`.
    pub fn render_float(
        &self,
        x: f64,
        star_w: Option<(usize, bool)>,
        star_p: Option<usize>,
    ) -> Result<String, NumError> {
        let prec = self.precision_or(star_p).unwrap_or(6);
        if prec > MAX_TEXT_LEN {
            return Err(NumError::Memory);
        }
        let flags = DtoaFlags {
            alt: self.flags.alt,
            ..DtoaFlags::default()
        };
        let s = double_to_string(x, self.conversion, prec, flags);
        self.output(&s, true, star_w, star_p)
    }

    /// Renders `%c` of an int (a code point) — use [`Self::render_str`]
    /// for a one-character str.
    pub fn render_char_code(
        &self,
        n: IntRef<'_>,
        star_w: Option<(usize, bool)>,
        star_p: Option<usize>,
    ) -> Result<String, NumError> {
        let c = n
            .to_i64()
            .and_then(|v| u32::try_from(v).ok())
            .and_then(char::from_u32)
            .ok_or_else(|| NumError::overflow("%c arg not in range(0x110000)"))?;
        self.output(&c.to_string(), false, star_w, star_p)
    }

    /// Renders the text of `%s`, `%r`, `%a` (already converted by the VM)
    /// or a one-character str for `%c`.
    pub fn render_str(
        &self,
        s: &str,
        star_w: Option<(usize, bool)>,
        star_p: Option<usize>,
    ) -> Result<String, NumError> {
        self.output(s, false, star_w, star_p)
    }

    /// CPython's `unicode_format_arg_output`.
    fn output(
        &self,
        s: &str,
        numeric: bool,
        star_w: Option<(usize, bool)>,
        star_p: Option<usize>,
    ) -> Result<String, NumError> {
        let (width, left) = self.width_or(star_w);
        let prec = self.precision_or(star_p);
        if width.unwrap_or(0) > MAX_TEXT_LEN {
            return Err(NumError::Memory);
        }
        let chars: Vec<char> = s.chars().collect();
        let mut len = chars.len() as i64;
        let f = self.flags;
        if width.is_none_or(|w| w as i64 <= len)
            && prec.is_none_or(|p| p as i64 >= len)
            && !(f.sign || f.space)
        {
            return Ok(s.to_string());
        }
        if matches!(self.conversion, 's' | 'r' | 'a') {
            if let Some(p) = prec {
                len = len.min(p as i64);
            }
        }
        let fill = if numeric && f.zero { '0' } else { ' ' };
        let mut width = width.map_or(-1, |w| w as i64);
        let mut pindex = 0usize;
        let mut sign = numeric;
        let mut signchar = ' ';
        if sign {
            match chars.first() {
                Some(&c @ ('-' | '+')) => {
                    signchar = c;
                    len -= 1;
                    pindex = 1;
                }
                _ if f.sign => signchar = '+',
                _ if f.space => signchar = ' ',
                _ => sign = false,
            }
        }
        if width < len {
            width = len;
        }
        let mut out = String::with_capacity(width.max(0) as usize + 1);
        if sign {
            if fill != ' ' {
                out.push(signchar);
            }
            if width > len {
                width -= 1;
            }
        }
        let prefixed = f.alt && matches!(self.conversion, 'x' | 'X' | 'o');
        if prefixed {
            if fill != ' ' {
                out.extend(&chars[pindex..pindex + 2]);
                pindex += 2;
            }
            width = (width - 2).max(0);
            len -= 2;
        }
        if width > len && !left {
            out.extend(std::iter::repeat_n(fill, (width - len) as usize));
            width = len;
        }
        if fill == ' ' {
            if sign {
                out.push(signchar);
            }
            if prefixed {
                out.extend(&chars[pindex..pindex + 2]);
                pindex += 2;
            }
        }
        let end = (pindex as i64 + len.max(0)) as usize;
        out.extend(&chars[pindex..end.min(chars.len())]);
        if width > len {
            out.extend(std::iter::repeat_n(' ', (width - len) as usize));
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vm::num::Int;

    fn one(fmt: &str) -> PercentSpec<'_> {
        let pieces: Vec<_> = parse_percent(fmt).collect();
        match &pieces[..] {
            [Ok(PercentPiece::Spec(s))] => s.clone(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn parses_specs() {
        let s = one("%(a)-#08.3lx");
        assert_eq!(s.key, Some("a"));
        assert!(s.flags.left && s.flags.alt && s.flags.zero);
        assert_eq!(s.width, PercentCount::Num(8));
        assert_eq!(s.precision, PercentCount::Num(3));
        assert_eq!(s.conversion, 'x');
        assert_eq!(s.index, 11);
        assert_eq!(one("%*.*f").width, PercentCount::Star);
        assert_eq!(
            one("%5").deferred_error,
            Some(NumError::value("incomplete format"))
        );
        let pieces: Vec<_> = parse_percent("a%%b").collect();
        assert_eq!(pieces.len(), 3);
        assert!(parse_percent("%(a").next().unwrap().is_err());
    }

    #[test]
    fn renders() {
        let n = |fmt: &str, v: i64| {
            one(fmt)
                .render_int(Int::from(v).as_ref(), None, None)
                .unwrap()
        };
        assert_eq!(n("%.5d", -42), "-00042");
        assert_eq!(n("%08.5d", -42), "-0000042");
        assert_eq!(n("%-8.5x", 42), "0002a   ");
        assert_eq!(n("%#08x", 255), "0x0000ff");
        assert_eq!(n("%#-8x", 255), "0xff    ");
        assert_eq!(n("%+x", 255), "+ff");
        assert_eq!(n("%#5.3x", 1), "0x001");
        let f = |fmt: &str, v: f64| one(fmt).render_float(v, None, None).unwrap();
        assert_eq!(f("%010.3f", -1.23456), "-00001.235");
        assert_eq!(f("%05f", f64::NAN), "00nan");
        assert_eq!(f("%#.0e", 1.5), "2.e+00");
        assert_eq!(one("%5.1s").render_str("abc", None, None).unwrap(), "    a");
        assert_eq!(one("%05s").render_str("a", None, None).unwrap(), "    a");
        assert_eq!(
            one("%y").unsupported().message(),
            "unsupported format character 'y' (0x79) at index 1"
        );
    }

    #[test]
    fn argument_cursor() {
        let mut c = PercentArgs::new(Some(1), false);
        assert_eq!(c.next_arg(), Ok(PercentArg::Item(0)));
        assert!(c.next_arg().is_err());
        let c = PercentArgs::new(None, false);
        assert!(c.check_all_used(true).is_err(), "'abc' % 5");
        let c = PercentArgs::new(None, true);
        assert!(c.check_all_used(true).is_ok(), "'abc' % {{}}");
    }
}
