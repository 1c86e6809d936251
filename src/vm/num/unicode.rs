//! The few Unicode facts number parsing and error messages need, as
//! CPython 3.11 (Unicode 14.0) has them: which characters are whitespace
//! (`str.isspace`), which are decimal digits (`int('١٢')`), which are
//! printable (`str.isprintable`, for `repr`), and `repr(str)` itself.
//!
//! Owns: these predicates over the generated tables in `unicode_tables`.
//! Never: edits the tables by hand — `testdata/gen.py` writes them from
//! Python's own `unicodedata`.

use super::unicode_tables::{DECIMAL_ZEROS, NON_PRINTABLE};

/// `c.isspace()`.
pub fn is_py_space(c: char) -> bool {
    match c {
        '\t'..='\r' | '\x1c'..='\x1f' | ' ' => true,
        c if c.is_ascii() => false,
        // Outside ASCII, Python's whitespace is Unicode's White_Space.
        c => c.is_whitespace(),
    }
}

/// `s.strip()` with no argument.
pub fn strip_py_whitespace(s: &str) -> &str {
    s.trim_matches(is_py_space)
}

/// The value of a Unicode decimal digit (category Nd), as
/// `unicodedata.decimal(c)`.
pub fn decimal_value(c: char) -> Option<u32> {
    let cp = c as u32;
    if c.is_ascii_digit() {
        return Some(cp - '0' as u32);
    }
    let i = DECIMAL_ZEROS.partition_point(|&z| z <= cp);
    let zero = *DECIMAL_ZEROS.get(i.checked_sub(1)?)?;
    (cp - zero < 10).then_some(cp - zero)
}

/// `c.isprintable()`.
pub fn is_printable(c: char) -> bool {
    let cp = c as u32;
    if (0x20..0x7f).contains(&cp) {
        return true;
    }
    let i = NON_PRINTABLE.partition_point(|&(lo, _)| lo <= cp);
    match i.checked_sub(1).and_then(|i| NON_PRINTABLE.get(i)) {
        Some(&(_, hi)) => cp > hi,
        None => true,
    }
}

/// `repr(s)` for a `str`, as CPython writes it.
pub fn py_str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if is_printable(c) => out.push(c),
            c => {
                let cp = c as u32;
                if cp <= 0xff {
                    out.push_str(&format!("\\x{cp:02x}"));
                } else if cp <= 0xffff {
                    out.push_str(&format!("\\u{cp:04x}"));
                } else {
                    out.push_str(&format!("\\U{cp:08x}"));
                }
            }
        }
    }
    out.push(quote);
    out
}

/// CPython's `_PyUnicode_TransformDecimalAndSpaceToASCII`: non-ASCII
/// whitespace becomes a space and non-ASCII digits their ASCII digit;
/// `None` when some other non-ASCII character makes the text unparsable.
pub(crate) fn to_ascii_number_text(s: &str) -> Option<std::borrow::Cow<'_, str>> {
    if s.is_ascii() {
        return Some(std::borrow::Cow::Borrowed(s));
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c);
        } else if is_py_space(c) {
            out.push(' ');
        } else {
            let d = decimal_value(c)?;
            out.push(char::from(b'0' + d as u8));
        }
    }
    Some(std::borrow::Cow::Owned(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_and_spaces() {
        assert_eq!(decimal_value('٣'), Some(3));
        assert_eq!(decimal_value('٠'), Some(0));
        assert_eq!(decimal_value('x'), None);
        assert_eq!(decimal_value('\u{10ffff}'), None);
        assert!(is_py_space('\u{a0}'));
        assert!(is_py_space('\x1c'));
        assert!(!is_py_space('\u{200b}'));
        assert_eq!(strip_py_whitespace("\u{3000} a b\n"), "a b");
    }

    #[test]
    fn reprs() {
        assert_eq!(py_str_repr("a'b"), "\"a'b\"");
        assert_eq!(py_str_repr("a'\"b"), "'a\\'\"b'");
        assert_eq!(
            py_str_repr("\x1c\u{a0}é\u{200b}\u{e000}\u{10ffff}"),
            "'\\x1c\\xa0é\\u200b\\ue000\\U0010ffff'"
        );
    }
}
