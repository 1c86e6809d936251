//! Text encodings: `str.encode`, `bytes.decode` and `str(b, encoding)`
//! for UTF-8 (and `utf-8-sig`), ASCII, Latin-1, UTF-16 and UTF-32 (with
//! or without byte-order mark), under the error handlers `strict`,
//! `ignore`, `replace`, `backslashreplace` and `xmlcharrefreplace`, with
//! CPython's UnicodeDecodeError/UnicodeEncodeError (their `args` are
//! `(encoding, object, start, end, reason)`, so `e.start`, `e.reason` …
//! and `str(e)` read as in CPython).
//!
//! Owns: the codec registry's names and aliases, where each codec finds
//! an error (the same positions and reasons as CPython's decoders).
//! Never: touches the surrogate code points a Rust `String` cannot hold
//! (`surrogateescape`, `surrogatepass` are reported as not simulated).

use crate::vm::value::{Obj, Value};
use crate::vm::{PyErr, PyResult, Vm};

/// A codec we simulate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Codec {
    Utf8,
    Utf8Sig,
    Ascii,
    Latin1,
    /// UTF-16 with a byte-order mark (little-endian when there is none).
    Utf16,
    Utf16Le,
    Utf16Be,
    Utf32,
    Utf32Le,
    Utf32Be,
}

/// Encodings CPython has and we do not simulate (they raise
/// NotImplementedError rather than an untrue LookupError).
const NOT_SIMULATED: &[&str] = &[
    "cp1252",
    "cp1251",
    "cp1250",
    "cp437",
    "cp850",
    "cp936",
    "cp932",
    "cp949",
    "cp950",
    "gbk",
    "gb2312",
    "gb18030",
    "big5",
    "shift_jis",
    "sjis",
    "euc_jp",
    "euc_kr",
    "iso2022_jp",
    "koi8_r",
    "mac_roman",
    "utf_7",
    "idna",
    "punycode",
    "rot_13",
    "base64",
    "hex",
    "iso8859_2",
    "iso8859_15",
    "windows_1252",
    "mbcs",
    "raw_unicode_escape",
    "unicode_escape",
];

impl Codec {
    /// The codec for an encoding name, as Python's codec registry spells
    /// them (`UTF8`, `utf_8`, `latin1`, `iso-8859-1`, `us-ascii` …).
    pub fn lookup(vm: &Vm, name: &str) -> PyResult<Codec> {
        let norm: String = name
            .trim()
            .to_ascii_lowercase()
            .chars()
            .map(|c| if c == '-' || c == ' ' { '_' } else { c })
            .collect();
        Ok(match norm.as_str() {
            "utf_8" | "utf8" | "u8" | "utf" | "cp65001" => Codec::Utf8,
            "utf_8_sig" | "utf8_sig" => Codec::Utf8Sig,
            "ascii" | "us_ascii" | "646" | "us" | "ansi_x3.4_1968" => Codec::Ascii,
            "latin_1" | "latin1" | "latin" | "l1" | "iso_8859_1" | "iso8859_1" | "8859"
            | "cp819" | "iso_8859_1:1987" => Codec::Latin1,
            "utf_16" | "utf16" | "u16" => Codec::Utf16,
            "utf_16_le" | "utf_16le" | "utf16le" => Codec::Utf16Le,
            "utf_16_be" | "utf_16be" | "utf16be" => Codec::Utf16Be,
            "utf_32" | "utf32" | "u32" => Codec::Utf32,
            "utf_32_le" | "utf_32le" | "utf32le" => Codec::Utf32Le,
            "utf_32_be" | "utf_32be" | "utf32be" => Codec::Utf32Be,
            n if NOT_SIMULATED.contains(&n) => {
                return Err(vm.error(
                    "NotImplementedError",
                    format!("the '{name}' encoding is not simulated"),
                ))
            }
            _ => return Err(vm.error("LookupError", format!("unknown encoding: {name}"))),
        })
    }

    /// The codec's name in error messages.
    pub fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Utf8Sig => "utf-8-sig",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
            Codec::Utf16 => "utf-16",
            Codec::Utf16Le => "utf-16-le",
            Codec::Utf16Be => "utf-16-be",
            Codec::Utf32 => "utf-32",
            Codec::Utf32Le => "utf-32-le",
            Codec::Utf32Be => "utf-32-be",
        }
    }
}

/// An error handler.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Handler {
    Strict,
    Ignore,
    Replace,
    BackslashReplace,
    XmlCharRefReplace,
}

/// The handler named `errors`; looked up only when an error happens, as
/// CPython does.
fn handler(vm: &Vm, errors: &str) -> PyResult<Handler> {
    Ok(match errors {
        "strict" => Handler::Strict,
        "ignore" => Handler::Ignore,
        "replace" => Handler::Replace,
        "backslashreplace" => Handler::BackslashReplace,
        "xmlcharrefreplace" => Handler::XmlCharRefReplace,
        "surrogateescape" | "surrogatepass" | "namereplace" => {
            return Err(vm.error(
                "NotImplementedError",
                format!("the '{errors}' error handler is not simulated"),
            ))
        }
        _ => {
            return Err(vm.error(
                "LookupError",
                format!("unknown error handler name '{errors}'"),
            ))
        }
    })
}

/// A `UnicodeDecodeError(encoding, object, start, end, reason)`.
pub fn decode_error(
    vm: &Vm,
    encoding: &str,
    data: &[u8],
    start: usize,
    end: usize,
    reason: &str,
) -> PyErr {
    let args = vec![
        Value::str(encoding),
        Value::obj(Obj::Bytes(data.to_vec().into_boxed_slice())),
        Value::Int(start as i64),
        Value::Int(end as i64),
        Value::str(reason),
    ];
    PyErr::Exc(vm.new_exception(vm.types.exc("UnicodeDecodeError"), args))
}

/// A `UnicodeEncodeError(encoding, object, start, end, reason)`; `start`
/// and `end` count characters.
fn encode_error(vm: &Vm, encoding: &str, s: &str, start: usize, end: usize, reason: &str) -> PyErr {
    let args = vec![
        Value::str(encoding),
        Value::str(s),
        Value::Int(start as i64),
        Value::Int(end as i64),
        Value::str(reason),
    ];
    PyErr::Exc(vm.new_exception(vm.types.exc("UnicodeEncodeError"), args))
}

/// Decodes `data`; `errors` names the handler.
pub fn decode(vm: &Vm, data: &[u8], encoding: &str, errors: &str) -> PyResult<String> {
    let codec = Codec::lookup(vm, encoding)?;
    let mut out = String::with_capacity(data.len());
    // What to do at a malformed range [start, end): the handler's
    // replacement, or the exception.
    let on_error = |out: &mut String, name: &str, start: usize, end: usize, reason: &str| {
        match handler(vm, errors)? {
            Handler::Strict | Handler::XmlCharRefReplace => {
                return Err(decode_error(vm, name, data, start, end, reason))
            }
            Handler::Ignore => {}
            Handler::Replace => out.push('\u{fffd}'),
            Handler::BackslashReplace => {
                for b in &data[start..end] {
                    out.push_str(&format!("\\x{b:02x}"));
                }
            }
        }
        Ok(())
    };
    match codec {
        Codec::Utf8 | Codec::Utf8Sig => {
            let mut pos = 0;
            if codec == Codec::Utf8Sig && data.starts_with(b"\xef\xbb\xbf") {
                pos = 3;
            }
            loop {
                match std::str::from_utf8(&data[pos..]) {
                    Ok(s) => {
                        out.push_str(s);
                        break;
                    }
                    Err(e) => {
                        let good = pos + e.valid_up_to();
                        out.push_str(std::str::from_utf8(&data[pos..good]).unwrap_or(""));
                        let (end, reason) = match e.error_len() {
                            None => (data.len(), "unexpected end of data"),
                            Some(n) => {
                                let lead = data[good];
                                let bad_start = matches!(lead, 0x80..=0xc1 | 0xf5..=0xff);
                                let reason = if bad_start {
                                    "invalid start byte"
                                } else {
                                    "invalid continuation byte"
                                };
                                (good + n, reason)
                            }
                        };
                        on_error(&mut out, codec.name(), good, end, reason)?;
                        pos = end;
                    }
                }
            }
        }
        Codec::Ascii => {
            for (i, &b) in data.iter().enumerate() {
                if b < 0x80 {
                    out.push(char::from(b));
                } else {
                    on_error(&mut out, "ascii", i, i + 1, "ordinal not in range(128)")?;
                }
            }
        }
        Codec::Latin1 => out.extend(data.iter().map(|&b| char::from(b))),
        Codec::Utf16 | Codec::Utf16Le | Codec::Utf16Be => {
            let (mut big, mut pos) = (codec == Codec::Utf16Be, 0);
            if codec == Codec::Utf16 {
                if data.starts_with(b"\xff\xfe") {
                    pos = 2;
                } else if data.starts_with(b"\xfe\xff") {
                    (big, pos) = (true, 2);
                }
            }
            let name = if big { "utf-16-be" } else { "utf-16-le" };
            let unit = |i: usize| -> u32 {
                let (a, b) = (u32::from(data[i]), u32::from(data[i + 1]));
                if big {
                    a << 8 | b
                } else {
                    b << 8 | a
                }
            };
            while pos < data.len() {
                if data.len() - pos < 2 {
                    on_error(&mut out, name, pos, data.len(), "truncated data")?;
                    break;
                }
                let u = unit(pos);
                if !(0xd800..0xe000).contains(&u) {
                    out.push(char::from_u32(u).unwrap_or('\u{fffd}'));
                    pos += 2;
                } else if u >= 0xdc00 {
                    on_error(&mut out, name, pos, pos + 2, "illegal encoding")?;
                    pos += 2;
                } else if data.len() - pos < 4 {
                    on_error(&mut out, name, pos, data.len(), "unexpected end of data")?;
                    break;
                } else {
                    let low = unit(pos + 2);
                    if (0xdc00..0xe000).contains(&low) {
                        let c = 0x10000 + ((u - 0xd800) << 10) + (low - 0xdc00);
                        out.push(char::from_u32(c).unwrap_or('\u{fffd}'));
                        pos += 4;
                    } else {
                        on_error(&mut out, name, pos, pos + 2, "illegal UTF-16 surrogate")?;
                        pos += 2;
                    }
                }
            }
        }
        Codec::Utf32 | Codec::Utf32Le | Codec::Utf32Be => {
            let (mut big, mut pos) = (codec == Codec::Utf32Be, 0);
            if codec == Codec::Utf32 {
                if data.starts_with(b"\xff\xfe\x00\x00") {
                    pos = 4;
                } else if data.starts_with(b"\x00\x00\xfe\xff") {
                    (big, pos) = (true, 4);
                }
            }
            let name = if big { "utf-32-be" } else { "utf-32-le" };
            while pos < data.len() {
                if data.len() - pos < 4 {
                    on_error(&mut out, name, pos, data.len(), "truncated data")?;
                    break;
                }
                let mut q = [data[pos], data[pos + 1], data[pos + 2], data[pos + 3]];
                if big {
                    q.reverse();
                }
                let c = u32::from_le_bytes(q);
                match char::from_u32(c) {
                    Some(ch) => out.push(ch),
                    None if c > 0x10ffff => on_error(
                        &mut out,
                        name,
                        pos,
                        pos + 4,
                        "code point not in range(0x110000)",
                    )?,
                    None => on_error(
                        &mut out,
                        name,
                        pos,
                        pos + 4,
                        "code point in surrogate code point range(0xd800, 0xe000)",
                    )?,
                }
                pos += 4;
            }
        }
    }
    Ok(out)
}

/// Encodes `s`; `errors` names the handler.
pub fn encode(vm: &Vm, s: &str, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let codec = Codec::lookup(vm, encoding)?;
    let limit = match codec {
        Codec::Ascii => 0x80,
        Codec::Latin1 => 0x100,
        Codec::Utf8 => return Ok(s.as_bytes().to_vec()),
        Codec::Utf8Sig => return Ok([b"\xef\xbb\xbf", s.as_bytes()].concat()),
        Codec::Utf16 | Codec::Utf16Le | Codec::Utf16Be => {
            let mut out = Vec::with_capacity(2 * s.len() + 2);
            if codec == Codec::Utf16 {
                out.extend_from_slice(b"\xff\xfe");
            }
            for u in s.encode_utf16() {
                if codec == Codec::Utf16Be {
                    out.extend_from_slice(&u.to_be_bytes());
                } else {
                    out.extend_from_slice(&u.to_le_bytes());
                }
            }
            return Ok(out);
        }
        Codec::Utf32 | Codec::Utf32Le | Codec::Utf32Be => {
            let mut out = Vec::with_capacity(4 * s.len() + 4);
            if codec == Codec::Utf32 {
                out.extend_from_slice(b"\xff\xfe\x00\x00");
            }
            for c in s.chars() {
                if codec == Codec::Utf32Be {
                    out.extend_from_slice(&u32::from(c).to_be_bytes());
                } else {
                    out.extend_from_slice(&u32::from(c).to_le_bytes());
                }
            }
            return Ok(out);
        }
    };
    let reason = if limit == 0x80 {
        "ordinal not in range(128)"
    } else {
        "ordinal not in range(256)"
    };
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = u32::from(chars[i]);
        if c < limit {
            out.push(c as u8);
            i += 1;
            continue;
        }
        // The run of characters the codec cannot encode.
        let end = i + chars[i..]
            .iter()
            .take_while(|&&ch| u32::from(ch) >= limit)
            .count();
        match handler(vm, errors)? {
            Handler::Strict => return Err(encode_error(vm, codec.name(), s, i, end, reason)),
            Handler::Ignore => {}
            Handler::Replace => out.extend(std::iter::repeat_n(b'?', end - i)),
            Handler::XmlCharRefReplace => {
                for &ch in &chars[i..end] {
                    out.extend_from_slice(format!("&#{};", u32::from(ch)).as_bytes());
                }
            }
            Handler::BackslashReplace => {
                for &ch in &chars[i..end] {
                    let n = u32::from(ch);
                    let esc = if n < 0x100 {
                        format!("\\x{n:02x}")
                    } else if n < 0x10000 {
                        format!("\\u{n:04x}")
                    } else {
                        format!("\\U{n:08x}")
                    };
                    out.extend_from_slice(esc.as_bytes());
                }
            }
        }
        i = end;
    }
    Ok(out)
}

/// An `encoding`/`errors` argument: a str, or CPython's TypeError.
pub fn str_arg(
    vm: &Vm,
    v: Option<Value>,
    func: &str,
    what: &str,
    default: &str,
) -> PyResult<String> {
    match v {
        None => Ok(default.to_string()),
        Some(v) => match v.as_str() {
            Some(s) => Ok(s.to_string()),
            None => {
                let t = if v.is_none() {
                    "None".to_string()
                } else {
                    vm.type_name(&v)
                };
                vm.type_error(format!("{func}() argument '{what}' must be str, not {t}"))
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use crate::vm::builtins::run_for_test as run;

    #[test]
    fn codecs_match_cpython() {
        // Expected output from python3 (3.11.7).
        let src = r#"
def t(f):
    try:
        print(repr(f()))
    except UnicodeError as e:
        print(type(e).__name__, "|", e, "|", repr(e), e.args[2:], e.encoding, e.start, e.end, e.reason)
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: b"\x00".decode("utf-16"))
t(lambda: b"\x00\xd8".decode("utf-16"))
t(lambda: b"\x00\xd8a\x00".decode("utf-16"))
t(lambda: b"\x00\xdca\x00".decode("utf-16-le"))
t(lambda: b"\xfe\xff\x00a".decode("utf-16"))
t(lambda: b"a\x00\x00".decode("utf-32"))
t(lambda: b"\x00\x00\x11\x00".decode("utf-32"))
t(lambda: b"\x00\xd8\x00\x00".decode("utf-32", "replace"))
t(lambda: "a\xe9\u20ac\U0001f600".encode("utf-16"))
t(lambda: "a\xe9\u20ac\U0001f600".encode("utf-32-be"))
t(lambda: "a\xe9\u20ac\u20ac\U0001f600b".encode("latin1"))
t(lambda: "a\xe9\u20ac\U0001f600".encode("ascii", "replace"))
t(lambda: "a\xe9\u20ac\U0001f600".encode("ascii", "xmlcharrefreplace"))
t(lambda: "a\xe9\u20ac\U0001f600".encode("latin-1", "backslashreplace"))
t(lambda: "a\xe9".encode("us-ascii"))
t(lambda: b"\xe4\xb8".decode())
t(lambda: b"\xe4\xb8a".decode())
t(lambda: b"\xed\xa0\x80".decode())
t(lambda: b"\xc0\xaf".decode())
t(lambda: b"\x80\x80abc\xff".decode("utf-8", "replace"))
t(lambda: b"\xe4\xb8a\xf0\x9f\x98".decode("utf-8", "backslashreplace"))
t(lambda: b"\xe4\xb8a\xf0\x9f\x98".decode("utf-8", "ignore"))
t(lambda: b"ab\xff\xfe".decode("ascii"))
t(lambda: b"\xef\xbb\xbfabc".decode("utf-8-sig"))
t(lambda: b"abc".decode(" UTF-8 "))
t(lambda: b"abc".decode("foo"))
t(lambda: "\xe9".encode("ascii", "bogus"))
t(lambda: "\xe9".encode(errors="bogus"))
t(lambda: "\xe9".encode("ascii", errors=5))
t(lambda: str(b"\xff", "utf-8", "replace"))
t(lambda: str("ab", "ascii"))
t(lambda: str(bytearray(b"ab"), encoding="latin-1"))
t(lambda: str(UnicodeEncodeError("ascii", "a\u20acb", 1, 2, "bad")))
"#;
        let want = r##"UnicodeDecodeError | 'utf-16-le' codec can't decode byte 0x00 in position 0: truncated data | UnicodeDecodeError('utf-16-le', b'\x00', 0, 1, 'truncated data') (0, 1, 'truncated data') utf-16-le 0 1 truncated data
UnicodeDecodeError | 'utf-16-le' codec can't decode bytes in position 0-1: unexpected end of data | UnicodeDecodeError('utf-16-le', b'\x00\xd8', 0, 2, 'unexpected end of data') (0, 2, 'unexpected end of data') utf-16-le 0 2 unexpected end of data
UnicodeDecodeError | 'utf-16-le' codec can't decode bytes in position 0-1: illegal UTF-16 surrogate | UnicodeDecodeError('utf-16-le', b'\x00\xd8a\x00', 0, 2, 'illegal UTF-16 surrogate') (0, 2, 'illegal UTF-16 surrogate') utf-16-le 0 2 illegal UTF-16 surrogate
UnicodeDecodeError | 'utf-16-le' codec can't decode bytes in position 0-1: illegal encoding | UnicodeDecodeError('utf-16-le', b'\x00\xdca\x00', 0, 2, 'illegal encoding') (0, 2, 'illegal encoding') utf-16-le 0 2 illegal encoding
'a'
UnicodeDecodeError | 'utf-32-le' codec can't decode bytes in position 0-2: truncated data | UnicodeDecodeError('utf-32-le', b'a\x00\x00', 0, 3, 'truncated data') (0, 3, 'truncated data') utf-32-le 0 3 truncated data
UnicodeDecodeError | 'utf-32-le' codec can't decode bytes in position 0-3: code point not in range(0x110000) | UnicodeDecodeError('utf-32-le', b'\x00\x00\x11\x00', 0, 4, 'code point not in range(0x110000)') (0, 4, 'code point not in range(0x110000)') utf-32-le 0 4 code point not in range(0x110000)
'�'
b'\xff\xfea\x00\xe9\x00\xac =\xd8\x00\xde'
b'\x00\x00\x00a\x00\x00\x00\xe9\x00\x00 \xac\x00\x01\xf6\x00'
UnicodeEncodeError | 'latin-1' codec can't encode characters in position 2-4: ordinal not in range(256) | UnicodeEncodeError('latin-1', 'aé€€😀b', 2, 5, 'ordinal not in range(256)') (2, 5, 'ordinal not in range(256)') latin-1 2 5 ordinal not in range(256)
b'a???'
b'a&#233;&#8364;&#128512;'
b'a\xe9\\u20ac\\U0001f600'
UnicodeEncodeError | 'ascii' codec can't encode character '\xe9' in position 1: ordinal not in range(128) | UnicodeEncodeError('ascii', 'aé', 1, 2, 'ordinal not in range(128)') (1, 2, 'ordinal not in range(128)') ascii 1 2 ordinal not in range(128)
UnicodeDecodeError | 'utf-8' codec can't decode bytes in position 0-1: unexpected end of data | UnicodeDecodeError('utf-8', b'\xe4\xb8', 0, 2, 'unexpected end of data') (0, 2, 'unexpected end of data') utf-8 0 2 unexpected end of data
UnicodeDecodeError | 'utf-8' codec can't decode bytes in position 0-1: invalid continuation byte | UnicodeDecodeError('utf-8', b'\xe4\xb8a', 0, 2, 'invalid continuation byte') (0, 2, 'invalid continuation byte') utf-8 0 2 invalid continuation byte
UnicodeDecodeError | 'utf-8' codec can't decode byte 0xed in position 0: invalid continuation byte | UnicodeDecodeError('utf-8', b'\xed\xa0\x80', 0, 1, 'invalid continuation byte') (0, 1, 'invalid continuation byte') utf-8 0 1 invalid continuation byte
UnicodeDecodeError | 'utf-8' codec can't decode byte 0xc0 in position 0: invalid start byte | UnicodeDecodeError('utf-8', b'\xc0\xaf', 0, 1, 'invalid start byte') (0, 1, 'invalid start byte') utf-8 0 1 invalid start byte
'��abc�'
'\\xe4\\xb8a\\xf0\\x9f\\x98'
'a'
UnicodeDecodeError | 'ascii' codec can't decode byte 0xff in position 2: ordinal not in range(128) | UnicodeDecodeError('ascii', b'ab\xff\xfe', 2, 3, 'ordinal not in range(128)') (2, 3, 'ordinal not in range(128)') ascii 2 3 ordinal not in range(128)
'abc'
'abc'
LookupError unknown encoding: foo
LookupError unknown error handler name 'bogus'
b'\xc3\xa9'
TypeError encode() argument 'errors' must be str, not int
'�'
TypeError decoding str is not supported
'ab'
"'ascii' codec can't encode character '\\u20ac' in position 1: bad"
"##;
        assert_eq!(run(src), want);
    }
}
