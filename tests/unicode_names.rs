#![cfg(not(target_arch = "wasm32"))]
//! `\N{...}` names through our `unicode_names2` (crates/unicode_names2) and
//! its table (src/lang/unicode_names.txt), against what python3's own
//! `\N{...}` gives for the same names: case rules, aliases, Hangul syllables,
//! CJK ideographs, and names that are not names.

use std::process::Command;

const NAMES: &[&str] = &[
    "SNOWMAN",
    "snowman",
    "Greek Small Letter Alpha",
    "LATIN CAPITAL LETTER GHA",
    "NULL",
    "BYTE ORDER MARK",
    "VS256",
    "SPACE",
    "CJK COMPATIBILITY IDEOGRAPH-F900",
    "CJK UNIFIED IDEOGRAPH-4E00",
    "cjk unified ideograph-4E00",
    "CJK UNIFIED IDEOGRAPH-4e00",
    "CJK UNIFIED IDEOGRAPH-04E00",
    "CJK UNIFIED IDEOGRAPH-9FFF",
    "CJK UNIFIED IDEOGRAPH-A000",
    "CJK UNIFIED IDEOGRAPH-2A6DF",
    "CJK UNIFIED IDEOGRAPH-3134A",
    "CJK UNIFIED IDEOGRAPH-3134B",
    "CJK UNIFIED IDEOGRAPH-",
    "HANGUL SYLLABLE GA",
    "hangul syllable GA",
    "HANGUL SYLLABLE ga",
    "HANGUL SYLLABLE A",
    "HANGUL SYLLABLE GAG",
    "HANGUL SYLLABLE GGWEOLH",
    "HANGUL SYLLABLE HIH",
    "HANGUL SYLLABLE G",
    "HANGUL SYLLABLE ",
    "HANGUL SYLLABLE GAX",
    "HANGUL LETTER KIYEOK",
    "TANGUT IDEOGRAPH-17000",
    "NUSHU CHARACTER-1B170",
    "LATIN CAPITAL LETTER A WITH MACRON AND GRAVE",
    "NO SUCH NAME",
    "",
    "SNOWMAN ",
    "ÉTÉ",
];

/// What python3's `\N{name}` gives for each name: the code point, or None.
fn python3() -> Vec<Option<u32>> {
    let program = r#"
import json, sys
for name in json.load(sys.stdin):
    try:
        print(ord(eval('"\\N{' + name + '}"')))
    except SyntaxError:
        print("None")
"#;
    let mut child = Command::new("python3")
        .args(["-c", program])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("python3");
    let json = serde_json::to_string(NAMES).unwrap();
    std::io::Write::write_all(child.stdin.as_mut().unwrap(), json.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| l.parse().ok())
        .collect()
}

#[test]
fn names_resolve_as_python3s_escapes_do() {
    interleave::sources::share_unicode_names();
    let want = python3();
    assert_eq!(want.len(), NAMES.len());
    for (name, want) in NAMES.iter().zip(want) {
        let got = unicode_names2::character(name).map(u32::from);
        assert_eq!(got, want, "\\N{{{name}}}");
    }
}

#[test]
fn every_name_of_the_table_resolves_to_its_character() {
    interleave::sources::share_unicode_names();
    let table = interleave::sources::get(interleave::sources::UNICODE_NAMES).unwrap();
    let mut n = 0;
    for line in table.lines().filter(|l| !l.starts_with('#')) {
        let fields: Vec<&str> = line.split(';').collect();
        if fields.len() == 2 {
            let want = u32::from_str_radix(fields[1], 16).unwrap();
            assert_eq!(
                unicode_names2::character(fields[0]).map(u32::from),
                Some(want),
                "{line}"
            );
            n += 1;
        }
    }
    assert!(n > 30_000, "{n} names");
}
