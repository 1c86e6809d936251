//! The character of a Unicode name, as CPython's `\N{...}` escape finds it
//! (`Modules/unicodedata.c`, `_getcode`), for `ruff_python_parser`, whose
//! only use of its name crate is [`character`].
//!
//! The table is not compiled in: the program that uses this crate hands it
//! over with [`set_table`] (Interleave: `src/lang/unicode_names.txt`, which
//! `generate.py` writes from python3's unicodedata). Until then every name is
//! unknown. Names are matched without regard to ASCII case, as CPython does;
//! Hangul syllables and CJK unified ideographs are computed, with CPython's
//! rules for them, which are stricter: upper case only, `HANGUL SYLLABLE `
//! and jamo, or `CJK UNIFIED IDEOGRAPH-` and four or five hex digits in one
//! of the table's ranges.

use std::collections::HashMap;
use std::sync::OnceLock;

static TABLE: OnceLock<&'static str> = OnceLock::new();
static INDEX: OnceLock<Index> = OnceLock::new();

const CJK: &str = "CJK UNIFIED IDEOGRAPH-";
const HANGUL: &str = "HANGUL SYLLABLE ";

/// The table, read into a map on first use.
struct Index {
    names: HashMap<&'static str, char>,
    /// Ranges of CJK unified ideographs, inclusive.
    ideographs: Vec<(u32, u32)>,
}

/// Hands over the table (lines `NAME;HEX`, `CJK UNIFIED IDEOGRAPH-;FIRST;LAST`,
/// `#` comments). The first table given is kept; returns false for a later one.
pub fn set_table(table: &'static str) -> bool {
    TABLE.set(table).is_ok()
}

/// True once a table was given.
pub fn has_table() -> bool {
    TABLE.get().is_some()
}

fn index() -> Option<&'static Index> {
    let table = TABLE.get()?;
    Some(INDEX.get_or_init(|| {
        let mut names = HashMap::new();
        let mut ideographs = Vec::new();
        for line in table.lines().filter(|l| !l.is_empty() && !l.starts_with('#')) {
            let mut fields = line.split(';');
            let (Some(name), Some(first)) = (fields.next(), fields.next()) else {
                continue;
            };
            let Ok(first) = u32::from_str_radix(first, 16) else {
                continue;
            };
            match fields.next().map(|last| u32::from_str_radix(last, 16)) {
                Some(Ok(last)) if name == CJK => ideographs.push((first, last)),
                Some(_) => {}
                None => {
                    if let Some(c) = char::from_u32(first) {
                        names.insert(name, c);
                    }
                }
            }
        }
        Index { names, ideographs }
    }))
}

/// The character named `name`, or `None` (unknown name, or no table yet).
pub fn character(name: &str) -> Option<char> {
    let index = index()?;
    if let Some(jamo) = name.strip_prefix(HANGUL) {
        return hangul_syllable(jamo);
    }
    if let Some(hex) = name.strip_prefix(CJK) {
        return ideograph(index, hex);
    }
    if name.bytes().any(|b| b.is_ascii_lowercase()) {
        index.names.get(name.to_ascii_uppercase().as_str()).copied()
    } else {
        index.names.get(name).copied()
    }
}

fn ideograph(index: &Index, hex: &str) -> Option<char> {
    let upper_hex = hex
        .bytes()
        .all(|b| b.is_ascii_digit() || (b'A'..=b'F').contains(&b));
    if !(hex.len() == 4 || hex.len() == 5) || !upper_hex {
        return None;
    }
    let code = u32::from_str_radix(hex, 16).ok()?;
    index
        .ideographs
        .iter()
        .any(|&(a, b)| (a..=b).contains(&code))
        .then(|| char::from_u32(code))
        .flatten()
}

// The jamo of Hangul syllable names (the Unicode Standard, 3.12).
const LEADS: [&str; 19] = [
    "G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P",
    "H",
];
const VOWELS: [&str; 21] = [
    "A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO", "WE",
    "WI", "YU", "EU", "YI", "I",
];
const TAILS: [&str; 28] = [
    "", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH", "M",
    "B", "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H",
];

/// The longest jamo of `column` at the start of `s`: (its index, its length).
fn longest_jamo(s: &str, column: &[&str]) -> Option<(u32, usize)> {
    column
        .iter()
        .enumerate()
        .filter(|(_, j)| s.starts_with(**j))
        .max_by_key(|(i, j)| (j.len(), std::cmp::Reverse(*i)))
        .map(|(i, j)| (i as u32, j.len()))
}

fn hangul_syllable(rest: &str) -> Option<char> {
    let (l, n) = longest_jamo(rest, &LEADS)?;
    let rest = &rest[n..];
    let (v, n) = longest_jamo(rest, &VOWELS)?;
    let rest = &rest[n..];
    let (t, n) = longest_jamo(rest, &TAILS)?;
    if n != rest.len() {
        return None;
    }
    char::from_u32(0xAC00 + (l * 21 + v) * 28 + t)
}
