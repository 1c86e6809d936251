//! Ints as text, both ways: `int(s, base)` with CPython's grammar
//! (whitespace, sign, `0x`/`0o`/`0b` prefixes, PEP 515 underscores,
//! Unicode digits), `str(n)` with CPython 3.11's 4300-digit limit, and
//! `hex`/`oct`/`bin` and the radix digits `format()` uses.
//!
//! Owns: the literal grammar of `int()` and its messages. Never: parses
//! Python source literals (the compiler does) or formats widths and fills
//! (that is `format`).

use num_bigint::BigInt;
use num_traits::Num;

use super::unicode::{py_str_repr, to_ascii_number_text};
use super::{Int, IntRef, NumError};

/// `sys.get_int_max_str_digits()` of CPython 3.11: decimal conversions of
/// longer ints raise `ValueError`.
pub const MAX_STR_DIGITS: usize = 4300;

fn invalid_literal(base: i64, original: &str) -> NumError {
    let repr: String = py_str_repr(original).chars().take(200).collect();
    NumError::value(format!(
        "invalid literal for int() with base {base}: {repr}"
    ))
}

fn too_many_digits_to_parse(digits: usize) -> NumError {
    NumError::value(format!(
        "Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string conversion: \
         value has {digits} digits; use sys.set_int_max_str_digits() to increase the limit"
    ))
}

fn too_many_digits_to_print() -> NumError {
    NumError::value(format!(
        "Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string conversion; \
         use sys.set_int_max_str_digits() to increase the limit"
    ))
}

/// `int(s, base)` for a `str` (`base` 0 means "as a Python literal").
pub fn parse_int(s: &str, base: i64) -> Result<Int, NumError> {
    if base != 0 && !(2..=36).contains(&base) {
        return Err(NumError::value("int() base must be >= 2 and <= 36, or 0"));
    }
    let fail = || invalid_literal(base, s);
    let ascii = to_ascii_number_text(s).ok_or_else(fail)?;
    let b = ascii.as_bytes();
    let is_space = |c: u8| matches!(c, b' ' | b'\t'..=b'\r');
    let mut i = 0;
    while i < b.len() && is_space(b[i]) {
        i += 1;
    }
    let negative = match b.get(i) {
        Some(b'-') => {
            i += 1;
            true
        }
        Some(b'+') => {
            i += 1;
            false
        }
        _ => false,
    };
    let at = |k: usize| b.get(k).map(u8::to_ascii_lowercase);
    let mut radix = base as u32;
    let mut only_zeros = false;
    if radix == 0 {
        radix = match (at(i), at(i + 1)) {
            (Some(b'0'), Some(b'x')) => 16,
            (Some(b'0'), Some(b'o')) => 8,
            (Some(b'0'), Some(b'b')) => 2,
            (Some(b'0'), _) => {
                // Old C-style octal: only zero is still allowed.
                only_zeros = true;
                10
            }
            _ => 10,
        };
    }
    let prefix = match radix {
        16 => Some(b'x'),
        8 => Some(b'o'),
        2 => Some(b'b'),
        _ => None,
    };
    if at(i) == Some(b'0') && prefix.is_some() && at(i + 1) == prefix {
        i += 2;
        if b.get(i) == Some(&b'_') {
            i += 1;
        }
    }
    if b.get(i) == Some(&b'_') {
        return Err(fail());
    }
    let mut digits = String::new();
    let mut prev = 0u8;
    while i < b.len() {
        let c = b[i];
        if c == b'_' {
            if prev == b'_' {
                return Err(fail());
            }
        } else if char::from(c).is_digit(radix) {
            digits.push(char::from(c));
        } else {
            break;
        }
        prev = c;
        i += 1;
    }
    if prev == b'_' || digits.is_empty() {
        return Err(fail());
    }
    if !radix.is_power_of_two() && digits.len() > MAX_STR_DIGITS {
        return Err(too_many_digits_to_parse(digits.len()));
    }
    if only_zeros && digits.bytes().any(|c| c != b'0') {
        return Err(fail());
    }
    while i < b.len() && is_space(b[i]) {
        i += 1;
    }
    if i != b.len() {
        return Err(fail());
    }
    let value = match u64::from_str_radix(&digits, radix) {
        Ok(v) => Int::from(v),
        Err(_) => Int::from(BigInt::from_str_radix(&digits, radix).map_err(|_| fail())?),
    };
    Ok(if negative { -&value } else { value })
}

impl IntRef<'_> {
    /// `str(n)` (and `repr(n)`), refusing more than 4300 digits.
    pub fn to_str(self) -> Result<String, NumError> {
        match self {
            IntRef::Small(v) => Ok(v.to_string()),
            IntRef::Big(b) => {
                // More than 4300 digits for sure: don't build them.
                if (b.bits() - 1) * 30103 / 100000 >= MAX_STR_DIGITS as u64 {
                    return Err(too_many_digits_to_print());
                }
                let s = b.to_string();
                let len = s.len() - usize::from(s.starts_with('-'));
                if len > MAX_STR_DIGITS {
                    return Err(too_many_digits_to_print());
                }
                Ok(s)
            }
        }
    }

    /// The digits in base 2, 8 or 16 (or 10), with a leading `-` for
    /// negatives and no prefix: `format(n, 'x')`.
    pub fn to_radix(self, radix: u32, upper: bool) -> String {
        let mut s = match self {
            IntRef::Small(v) => {
                let m = v.unsigned_abs();
                let digits = match radix {
                    2 => format!("{m:b}"),
                    8 => format!("{m:o}"),
                    16 => format!("{m:x}"),
                    _ => m.to_string(),
                };
                if v < 0 {
                    format!("-{digits}")
                } else {
                    digits
                }
            }
            IntRef::Big(b) => b.to_str_radix(radix),
        };
        if upper {
            s.make_ascii_uppercase();
        }
        s
    }

    /// `hex(n)`, `oct(n)` or `bin(n)`: `-0xff`.
    pub fn to_radix_prefixed(self, radix: u32) -> String {
        let prefix = match radix {
            2 => "0b",
            8 => "0o",
            _ => "0x",
        };
        let digits = self.to_radix(radix, false);
        match digits.strip_prefix('-') {
            Some(d) => format!("-{prefix}{d}"),
            None => format!("{prefix}{digits}"),
        }
    }
}

impl Int {
    /// `str(n)`.
    pub fn to_str(&self) -> Result<String, NumError> {
        self.as_ref().to_str()
    }

    /// `hex(n)`.
    pub fn to_hex(&self) -> String {
        self.as_ref().to_radix_prefixed(16)
    }

    /// `oct(n)`.
    pub fn to_oct(&self) -> String {
        self.as_ref().to_radix_prefixed(8)
    }

    /// `bin(n)`.
    pub fn to_bin(&self) -> String {
        self.as_ref().to_radix_prefixed(2)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_literals() {
        assert_eq!(parse_int(" -0x_f ", 16).unwrap(), Int::from(-15));
        assert_eq!(parse_int("0O17", 0).unwrap(), Int::from(15));
        assert_eq!(parse_int("0_0", 0).unwrap(), Int::from(0));
        assert_eq!(parse_int("z", 36).unwrap(), Int::from(35));
        assert_eq!(parse_int("١٢", 10).unwrap(), Int::from(12));
        assert_eq!(
            parse_int("18446744073709551616", 10)
                .unwrap()
                .to_str()
                .unwrap(),
            "18446744073709551616"
        );
        for (s, base) in [
            ("012", 0),
            ("0x", 16),
            ("1__2", 10),
            ("_1", 10),
            ("1_", 10),
            ("", 10),
            ("0_b1", 0),
            ("9", 8),
        ] {
            assert_eq!(
                parse_int(s, base),
                Err(NumError::value(format!(
                    "invalid literal for int() with base {base}: {}",
                    py_str_repr(s)
                )))
            );
        }
        assert!(parse_int("1", 37).is_err());
    }

    #[test]
    fn digit_limit() {
        let s = "1".repeat(4300);
        assert!(parse_int(&s, 10).is_ok());
        let s = "1".repeat(4301);
        assert_eq!(parse_int(&s, 10), Err(too_many_digits_to_parse(4301)));
        assert!(parse_int(&s, 16).is_ok());
        let big = parse_int(&s, 16).unwrap();
        assert_eq!(big.to_str(), Err(too_many_digits_to_print()));
    }

    #[test]
    fn radix_text() {
        assert_eq!(Int::from(-255).to_hex(), "-0xff");
        assert_eq!(Int::from(-8).to_oct(), "-0o10");
        assert_eq!(Int::from(-5).to_bin(), "-0b101");
        assert_eq!(Int::from(i64::MIN).to_hex(), "-0x8000000000000000");
    }
}
