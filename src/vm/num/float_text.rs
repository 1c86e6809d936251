//! Floats as text, both ways: `repr(x)`/`str(x)` (shortest round-trip
//! digits, exponent form below 1e-4 and from 1e16), CPython's
//! `PyOS_double_to_string` for the `e`, `f`, `g` and `r` codes that `%`
//! formatting and `format()` build on, and `float(s)`.
//!
//! Owns: the layout of digits, point, zeros and exponent, and the grammar
//! `float()` accepts. Never: generates digits itself — Rust's formatter is
//! correctly rounded (ties to even on exact halves) and gives the shortest
//! round-trip digits, which is exactly what CPython's dtoa gives; and never
//! handles width, fill or grouping (that is `format`).

use super::unicode::{py_str_repr, to_ascii_number_text};
use super::NumError;

/// Options of `PyOS_double_to_string`.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct DtoaFlags {
    /// Always write a sign (`+` for non-negative numbers).
    pub sign: bool,
    /// Add `.0` to integral values in non-exponent form (`r`, `g`).
    pub add_dot_0: bool,
    /// The `#` alternate form: keep the point and trailing zeros.
    pub alt: bool,
    /// `z`: a value that rounds to zero is written without a minus sign.
    pub no_neg_0: bool,
}

/// `(digits, decpt)` of `|x|`: the value is `0.digits * 10**decpt`, with
/// trailing zeros stripped (but `"0"` for zero), from Rust's exponent form.
fn digits_of(exp_form: &str) -> (Vec<u8>, i64) {
    let (mantissa, exp) = exp_form.split_once('e').unwrap_or((exp_form, "0"));
    let exp: i64 = exp.parse().unwrap_or(0);
    let mut digits: Vec<u8> = mantissa.bytes().filter(u8::is_ascii_digit).collect();
    while digits.len() > 1 && digits.last() == Some(&b'0') {
        digits.pop();
    }
    if digits == b"0" {
        return (digits, 1);
    }
    (digits, exp + 1)
}

/// CPython's `PyOS_double_to_string(x, code, precision, flags)`: `code`
/// is one of `e E f F g G r`; `precision` is ignored for `r`.
pub(crate) fn double_to_string(x: f64, code: char, precision: usize, flags: DtoaFlags) -> String {
    let upper = code.is_ascii_uppercase();
    let code = code.to_ascii_lowercase();
    let mut out = String::new();
    if !x.is_finite() {
        if x.is_infinite() && x < 0.0 {
            out.push('-');
        } else if flags.sign {
            out.push('+');
        }
        out.push_str(match (x.is_nan(), upper) {
            (true, false) => "nan",
            (true, true) => "NAN",
            (false, false) => "inf",
            (false, true) => "INF",
        });
        return out;
    }
    let a = x.abs();
    let mut negative = x.is_sign_negative();
    let body = if code == 'f' {
        let mut s = format!("{a:.precision$}");
        if precision == 0 && flags.alt {
            s.push('.');
        }
        if flags.no_neg_0 && s.bytes().all(|b| b == b'0' || b == b'.') {
            negative = false;
        }
        s
    } else {
        let (precision, exp_form) = match code {
            'e' => (precision + 1, format!("{a:.precision$e}")),
            'g' => {
                let p = precision.max(1);
                (p, format!("{a:.prec$e}", prec = p - 1))
            }
            _ => (0, format!("{a:e}")),
        };
        let (digits, decpt) = digits_of(&exp_form);
        if flags.no_neg_0 && digits == b"0" {
            negative = false;
        }
        layout(&digits, decpt, code, precision as i64, flags)
    };
    if negative {
        out.push('-');
    } else if flags.sign {
        out.push('+');
    }
    out.push_str(&body);
    if upper {
        out.make_ascii_uppercase();
    }
    out
}

/// Lays out digits as CPython's `format_float_short` does for `e`, `g`
/// and `r`: `precision` is the digit count asked of dtoa.
fn layout(digits: &[u8], mut decpt: i64, code: char, precision: i64, flags: DtoaFlags) -> String {
    let len = digits.len() as i64;
    let mut vend = len;
    let use_exp = match code {
        'e' => {
            vend = precision;
            true
        }
        'g' => {
            let limit = if flags.add_dot_0 {
                precision - 1
            } else {
                precision
            };
            if flags.alt {
                vend = precision;
            }
            decpt <= -4 || decpt > limit
        }
        _ => decpt <= -4 || decpt > 16,
    };
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vstart = if decpt <= 0 { decpt - 1 } else { 0 };
    vend = if !use_exp && flags.add_dot_0 {
        vend.max(decpt + 1)
    } else {
        vend.max(decpt)
    };
    let mut s = String::with_capacity((vend - vstart) as usize + 8);
    for i in vstart..vend {
        if i == decpt {
            s.push('.');
        }
        let d = if (0..len).contains(&i) {
            digits[i as usize]
        } else {
            b'0'
        };
        s.push(char::from(d));
    }
    if decpt == vend {
        s.push('.');
    }
    if s.ends_with('.') && !flags.alt {
        s.pop();
    }
    if use_exp {
        let sign = if exp < 0 { '-' } else { '+' };
        s.push_str(&format!("e{sign}{:02}", exp.unsigned_abs()));
    }
    s
}

/// `repr(x)` and `str(x)`.
pub fn float_repr(x: f64) -> String {
    double_to_string(
        x,
        'r',
        0,
        DtoaFlags {
            add_dot_0: true,
            ..DtoaFlags::default()
        },
    )
}

/// Checks CPython's underscore rule (each `_` between two digits) and
/// removes the underscores.
pub(crate) fn remove_underscores(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in b.iter().enumerate() {
        if c == b'_' {
            let before = i > 0 && b[i - 1].is_ascii_digit();
            let after = b.get(i + 1).is_some_and(u8::is_ascii_digit);
            if !(before && after) {
                return None;
            }
        } else {
            out.push(char::from(c));
        }
    }
    Some(out)
}

/// Is `s` (ASCII, no underscores, stripped) a float in the grammar of
/// CPython's `_Py_parse_inf_or_nan` and `_PyOS_ascii_strtod`?
fn is_float_literal(s: &str) -> bool {
    let body = s.strip_prefix(['+', '-']).unwrap_or(s);
    let lower = body.to_ascii_lowercase();
    if matches!(lower.as_str(), "inf" | "infinity" | "nan") {
        return true;
    }
    let b = body.as_bytes();
    let mut i = 0;
    let int_digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    i += int_digits;
    let mut frac_digits = 0;
    if b.get(i) == Some(&b'.') {
        i += 1;
        frac_digits = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        i += frac_digits;
    }
    if int_digits + frac_digits == 0 {
        return false;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let exp_digits = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if exp_digits == 0 {
            return false;
        }
        i += exp_digits;
    }
    i == b.len()
}

/// `float(s)` for a `str`.
pub fn parse_float(s: &str) -> Result<f64, NumError> {
    let fail = || {
        NumError::value(format!(
            "could not convert string to float: {}",
            py_str_repr(s)
        ))
    };
    let ascii = to_ascii_number_text(s).ok_or_else(fail)?;
    let stripped = ascii.trim_matches(|c: char| c.is_ascii_whitespace() || c == '\x0b');
    let cleaned = if stripped.contains('_') {
        std::borrow::Cow::Owned(remove_underscores(stripped).ok_or_else(fail)?)
    } else {
        std::borrow::Cow::Borrowed(stripped)
    };
    if !is_float_literal(&cleaned) {
        return Err(fail());
    }
    cleaned.parse::<f64>().map_err(|_| fail())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reprs() {
        let cases = [
            (1.0, "1.0"),
            (-0.0, "-0.0"),
            (0.1, "0.1"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (1.5e-5, "1.5e-05"),
            (0.0001, "0.0001"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (5e-324, "5e-324"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
            (123456789.0, "123456789.0"),
        ];
        for (x, want) in cases {
            assert_eq!(float_repr(x), want);
        }
    }

    #[test]
    fn parses() {
        assert_eq!(parse_float(" 1_0.5 ").unwrap(), 10.5);
        assert_eq!(parse_float("-InFiNiTy").unwrap(), f64::NEG_INFINITY);
        assert!(parse_float("+nan").unwrap().is_nan());
        assert_eq!(parse_float("١٢٣.٥").unwrap(), 123.5);
        assert_eq!(parse_float("1e5_0").unwrap(), 1e50);
        for bad in [
            "", "1._5", "1_e5", ".e1", "1e", "0x10", "in f", "\x1c1", "1__0",
        ] {
            assert_eq!(
                parse_float(bad),
                Err(NumError::value(format!(
                    "could not convert string to float: {}",
                    py_str_repr(bad)
                ))),
                "{bad:?}"
            );
        }
    }
}
