//! `str`: repr with CPython's quoting, indexing and slicing by code point,
//! the methods learners use, and `%` formatting (`bytes` and `bytearray`
//! are in `bytes.rs`/`bytearray.rs`, the codecs of `encode` in
//! `codec.rs`).

use super::Methods;
use crate::vm::call::Args;
use crate::vm::value::{Obj, PyStr, Value};
use crate::vm::{PyResult, Vm};

/// `repr(s)`: single quotes unless the text has `'` and no `"`; escapes
/// for what is not printable (CPython's rules, from `vm::num`).
pub fn repr(s: &str) -> String {
    crate::vm::num::py_str_repr(s)
}

/// Normalizes a Python index against `len`; `None` if out of range.
pub fn norm_index(i: i64, len: usize) -> Option<usize> {
    let len = len as i64;
    let j = if i < 0 { i + len } else { i };
    (0..len).contains(&j).then_some(j as usize)
}

/// `slice.indices(len)`: (start, stop, step) clamped as CPython does.
pub fn slice_indices(vm: &mut Vm, s: &[Value; 3], len: usize) -> PyResult<(i64, i64, i64)> {
    let len = len as i64;
    let step = match &s[2] {
        Value::None => 1,
        v => super::int::index_of(vm, v)?,
    };
    if step == 0 {
        return vm.value_error("slice step cannot be zero");
    }
    let get = |vm: &mut Vm, v: &Value, default: i64| -> PyResult<i64> {
        match v {
            Value::None => Ok(default),
            v => super::int::index_of(vm, v).or_else(|e| {
                if vm.err_is(&e, "IndexError") {
                    // A huge int: clamp.
                    Ok(if matches!(v, Value::Obj(o) if matches!(&**o, Obj::BigInt(b) if num_traits::Signed::is_negative(b))) {
                        i64::MIN / 2
                    } else {
                        i64::MAX / 2
                    })
                } else {
                    Err(e)
                }
            }),
        }
    };
    let (lo_default, hi_default) = if step > 0 { (0, len) } else { (len - 1, -1) };
    let mut start = get(vm, &s[0], lo_default)?;
    let mut stop = get(vm, &s[1], hi_default)?;
    let clamp = |x: &mut i64, explicit: bool| {
        if !explicit {
            return;
        }
        if *x < 0 {
            *x += len;
            if *x < 0 {
                *x = if step < 0 { -1 } else { 0 };
            }
        } else if *x >= len {
            *x = if step < 0 { len - 1 } else { len };
        }
    };
    clamp(&mut start, !s[0].is_none());
    clamp(&mut stop, !s[1].is_none());
    Ok((start, stop, step))
}

/// The positions selected by a slice.
pub fn slice_positions(start: i64, stop: i64, step: i64) -> impl Iterator<Item = usize> {
    let mut i = start;
    std::iter::from_fn(move || {
        if (step > 0 && i < stop) || (step < 0 && i > stop) {
            let r = i as usize;
            i += step;
            Some(r)
        } else {
            None
        }
    })
}

pub fn getitem(vm: &mut Vm, s: &PyStr, key: &Value) -> PyResult<Value> {
    if let Some(Obj::Slice(sl)) = key.as_obj().map(|o| &**o) {
        let (a, b, c) = slice_indices(vm, sl, s.chars)?;
        if s.is_ascii() {
            let bytes = s.s.as_bytes();
            let out: String = slice_positions(a, b, c).map(|i| bytes[i] as char).collect();
            return Ok(Value::string(out));
        }
        let chars: Vec<char> = s.s.chars().collect();
        let out: String = slice_positions(a, b, c).map(|i| chars[i]).collect();
        return Ok(Value::string(out));
    }
    let i = match key {
        Value::Int(_) | Value::Bool(_) => super::int::index_of(vm, key)?,
        _ => {
            let t = vm.type_name(key);
            return vm.type_error(format!("string indices must be integers, not '{t}'"));
        }
    };
    match norm_index(i, s.chars) {
        Some(j) => {
            let c = if s.is_ascii() {
                s.s.as_bytes()[j] as char
            } else {
                s.s.chars().nth(j).unwrap_or(' ')
            };
            Ok(Value::string(c.to_string()))
        }
        None => Err(vm.error("IndexError", "string index out of range")),
    }
}

/// `str()`, `str(x)`, `str(b, encoding, errors)`.
pub fn construct(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let object = args.arg(0, "object");
    let encoding = args.arg(1, "encoding");
    let errors = args.arg(2, "errors");
    if let Some((k, _)) = args.kw.first() {
        let k = k.as_str().unwrap_or("?").to_string();
        return vm.type_error(format!("'{k}' is an invalid keyword argument for str()"));
    }
    if args.pos.len() > 3 {
        return vm.type_error(format!(
            "str() takes at most 3 arguments ({} given)",
            args.pos.len()
        ));
    }
    let Some(v) = object else {
        return Ok(Value::str(""));
    };
    if encoding.is_none() && errors.is_none() {
        return vm.str_of(&v).map(Value::string);
    }
    let encoding = super::codec::str_arg(vm, encoding, "str", "encoding", "utf-8")?;
    let errors = super::codec::str_arg(vm, errors, "str", "errors", "strict")?;
    let Some(data) = super::bytes::as_bytes(&v) else {
        if v.as_str().is_some() {
            return vm.type_error("decoding str is not supported");
        }
        let t = vm.type_name(&v);
        return vm.type_error(format!(
            "decoding to str: need a bytes-like object, {t} found"
        ));
    };
    super::codec::decode(vm, &data, &encoding, &errors).map(Value::string)
}

impl Vm {
    pub fn error_val<T>(&self, name: &str, msg: &str) -> PyResult<T> {
        Err(self.error(name, msg))
    }
}

/// The receiver of a str method.
fn this<'a>(vm: &Vm, args: &'a Args, method: &str) -> PyResult<&'a str> {
    match args.pos.first().and_then(|v| v.as_str()) {
        Some(s) => Ok(s),
        None => vm.type_error(format!("descriptor '{method}' requires a 'str' object")),
    }
}

fn str_arg(vm: &Vm, v: Option<&Value>, method: &str, what: &str) -> PyResult<Option<String>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => match v.as_str() {
            Some(s) => Ok(Some(s.to_string())),
            None => {
                let t = vm.type_name(v);
                let _ = method;
                vm.type_error(format!("{what} must be str or None, not {t}"))
            }
        },
    }
}

fn must_str(vm: &Vm, v: Option<&Value>, what: &str) -> PyResult<String> {
    match v.and_then(|v| v.as_str()) {
        Some(s) => Ok(s.to_string()),
        None => {
            let t = v
                .map(|v| vm.type_name(v))
                .unwrap_or_else(|| "nothing".into());
            vm.type_error(format!("{what}must be str, not {t}"))
        }
    }
}

fn int_arg(vm: &mut Vm, v: Option<&Value>, default: i64) -> PyResult<i64> {
    match v {
        None | Some(Value::None) => Ok(default),
        Some(v) => super::int::index_of(vm, v),
    }
}

fn split(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    split_impl(vm, args, false)
}

fn rsplit(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    split_impl(vm, args, true)
}

fn split_impl(vm: &mut Vm, args: &mut Args, right: bool) -> PyResult<Value> {
    let sep = args.arg(1, "sep");
    let maxsplit = args.arg(2, "maxsplit");
    let s = this(vm, args, "split")?.to_string();
    let sep = str_arg(vm, sep.as_ref(), "split", "sep")?;
    let max = int_arg(vm, maxsplit.as_ref(), -1)?;
    let limit = if max < 0 { usize::MAX } else { max as usize };
    let parts: Vec<String> = match sep {
        Some(sep) => {
            if sep.is_empty() {
                return vm.value_error("empty separator");
            }
            if right {
                let mut v: Vec<String> = s
                    .rsplitn(limit.saturating_add(1), sep.as_str())
                    .map(str::to_string)
                    .collect();
                v.reverse();
                v
            } else {
                s.splitn(limit.saturating_add(1), sep.as_str())
                    .map(str::to_string)
                    .collect()
            }
        }
        None => whitespace_split(&s, limit, right),
    };
    Ok(Value::list(parts.into_iter().map(Value::string).collect()))
}

fn whitespace_split(s: &str, limit: usize, right: bool) -> Vec<String> {
    if right {
        let rev: String = s.chars().rev().collect();
        let mut parts = whitespace_split(&rev, limit, false);
        parts.reverse();
        return parts
            .into_iter()
            .map(|p| p.chars().rev().collect())
            .collect();
    }
    let mut out = Vec::new();
    let mut rest = s.trim_start();
    while !rest.is_empty() {
        if out.len() == limit {
            out.push(rest.to_string());
            return out;
        }
        match rest.find(char::is_whitespace) {
            Some(i) => {
                out.push(rest[..i].to_string());
                rest = rest[i..].trim_start();
            }
            None => {
                out.push(rest.to_string());
                break;
            }
        }
    }
    out
}

fn strip_impl(vm: &mut Vm, args: &mut Args, left: bool, right: bool) -> PyResult<Value> {
    let chars = args.arg(1, "chars");
    let s = this(vm, args, "strip")?;
    let chars = str_arg(vm, chars.as_ref(), "strip", "strip arg")?;
    let r = match chars {
        None => match (left, right) {
            (true, true) => s.trim(),
            (true, false) => s.trim_start(),
            _ => s.trim_end(),
        },
        Some(cs) => {
            let f = |c: char| cs.contains(c);
            match (left, right) {
                (true, true) => s.trim_matches(f),
                (true, false) => s.trim_start_matches(f),
                _ => s.trim_end_matches(f),
            }
        }
    };
    Ok(Value::str(r))
}

fn strip(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    strip_impl(vm, args, true, true)
}
fn lstrip(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    strip_impl(vm, args, true, false)
}
fn rstrip(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    strip_impl(vm, args, false, true)
}

fn join(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let sep = this(vm, args, "join")?.to_string();
    let Some(it) = args.pos.get(1).cloned() else {
        return vm.type_error("join() takes exactly one argument (0 given)");
    };
    let items = vm.collect(&it)?;
    let mut out = String::new();
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        match x.as_str() {
            Some(s) => out.push_str(s),
            None => {
                let t = vm.type_name(x);
                return vm.type_error(format!(
                    "sequence item {i}: expected str instance, {t} found"
                ));
            }
        }
    }
    Ok(Value::string(out))
}

fn replace(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let s = this(vm, args, "replace")?.to_string();
    let old = must_str(vm, args.pos.get(1), "replace() argument 1 ")?;
    let new = must_str(vm, args.pos.get(2), "replace() argument 2 ")?;
    let count = int_arg(vm, args.pos.get(3), -1)?;
    let r = if count < 0 {
        if old.is_empty() {
            let mut out = new.clone();
            for c in s.chars() {
                out.push(c);
                out.push_str(&new);
            }
            out
        } else {
            s.replace(&old, &new)
        }
    } else {
        s.replacen(&old, &new, count as usize)
    };
    Ok(Value::string(r))
}

fn affix(vm: &mut Vm, args: &mut Args, start: bool) -> PyResult<Value> {
    let name = if start { "startswith" } else { "endswith" };
    let s = this_str(vm, args, name)?;
    let lo = int_arg(vm, args.pos.get(2), 0)?;
    let hi = int_arg(vm, args.pos.get(3), s.chars as i64)?;
    // A start beyond the end matches nothing, not even "".
    let beyond = lo > s.chars as i64;
    let (lo, hi) = clamp_range(lo, hi, s.chars);
    let sub: &str = if lo <= hi { char_slice(s, lo, hi) } else { "" };
    let Some(arg) = args.pos.get(1).cloned() else {
        return vm.type_error(format!("{name}() takes at least 1 argument (0 given)"));
    };
    let cands: Vec<Value> = match arg.as_tuple() {
        Some(t) => t.to_vec(),
        None => vec![arg.clone()],
    };
    for c in cands {
        let Some(p) = c.as_str() else {
            let t = vm.type_name(&c);
            return vm.type_error(format!(
                "{name} first arg must be str or a tuple of str, not {t}"
            ));
        };
        if beyond {
            continue;
        }
        if (start && sub.starts_with(p)) || (!start && sub.ends_with(p)) {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

/// The str a method is called on, with its cached length and ASCII flag.
fn this_str<'a>(vm: &Vm, args: &'a Args, method: &str) -> PyResult<&'a PyStr> {
    match args.pos.first().and_then(|v| v.as_obj()).map(|o| &**o) {
        Some(Obj::Str(s)) => Ok(s),
        _ => vm.type_error(format!("descriptor '{method}' requires a 'str' object")),
    }
}

/// The text between char indices `lo..hi` (`lo <= hi <= s.chars`),
/// borrowed: no copy, and for ASCII no scan (`find`/`startswith` with a
/// start index stay cheap on long strings).
fn char_slice(s: &PyStr, lo: usize, hi: usize) -> &str {
    if s.is_ascii() {
        return &s.s[lo..hi];
    }
    let byte_at = |t: &str, n: usize| t.char_indices().nth(n).map_or(t.len(), |(b, _)| b);
    let blo = byte_at(&s.s, lo);
    let bhi = blo + byte_at(&s.s[blo..], hi - lo);
    &s.s[blo..bhi]
}

fn clamp_range(lo: i64, hi: i64, len: usize) -> (usize, usize) {
    let n = len as i64;
    let fix = |x: i64| -> usize { (if x < 0 { (x + n).max(0) } else { x.min(n) }) as usize };
    (fix(lo), fix(hi))
}

fn startswith(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    affix(vm, args, true)
}
fn endswith(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    affix(vm, args, false)
}

/// find/rfind/index/rindex/count over characters.
fn search(vm: &mut Vm, args: &mut Args, name: &str) -> PyResult<Option<i64>> {
    let s = this_str(vm, args, name)?;
    let sub = must_str(vm, args.pos.get(1), "must be str, not ").or_else(|_| {
        let t = args.pos.get(1).map(|v| vm.type_name(v)).unwrap_or_default();
        vm.type_error(format!("must be str, not {t}"))
    })?;
    let lo = int_arg(vm, args.pos.get(2), 0)?;
    let hi = int_arg(vm, args.pos.get(3), s.chars as i64)?;
    if lo > s.chars as i64 {
        return Ok(None);
    }
    let (lo, hi) = clamp_range(lo, hi, s.chars);
    if lo > hi {
        return Ok(None);
    }
    let hay = char_slice(s, lo, hi);
    let found = if name.starts_with('r') {
        hay.rfind(&sub)
    } else {
        hay.find(&sub)
    };
    Ok(found.map(|b| {
        let skipped = if s.is_ascii() {
            b
        } else {
            hay[..b].chars().count()
        };
        (skipped + lo) as i64
    }))
}

fn find(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    Ok(Value::Int(search(vm, args, "find")?.unwrap_or(-1)))
}
fn rfind(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    Ok(Value::Int(search(vm, args, "rfind")?.unwrap_or(-1)))
}
fn index(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    match search(vm, args, "index")? {
        Some(i) => Ok(Value::Int(i)),
        None => vm.value_error("substring not found"),
    }
}
fn rindex(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    match search(vm, args, "rindex")? {
        Some(i) => Ok(Value::Int(i)),
        None => vm.value_error("substring not found"),
    }
}

fn count(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let s = this(vm, args, "count")?.to_string();
    let sub = must_str(vm, args.pos.get(1), "must be str, not ")?;
    let chars: Vec<char> = s.chars().collect();
    let lo = int_arg(vm, args.pos.get(2), 0)?;
    let hi = int_arg(vm, args.pos.get(3), chars.len() as i64)?;
    let (lo, hi) = clamp_range(lo, hi, chars.len());
    if lo > hi {
        return Ok(Value::Int(0));
    }
    let hay: String = chars[lo..hi].iter().collect();
    let n = if sub.is_empty() {
        hay.chars().count() + 1
    } else {
        hay.matches(sub.as_str()).count()
    };
    Ok(Value::Int(n as i64))
}

fn map_str(vm: &mut Vm, args: &mut Args, name: &str, f: fn(&str) -> String) -> PyResult<Value> {
    let s = this(vm, args, name)?;
    Ok(Value::string(f(s)))
}

fn upper(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    map_str(vm, args, "upper", str::to_uppercase)
}
fn lower(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    map_str(vm, args, "lower", str::to_lowercase)
}
fn casefold(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    map_str(vm, args, "casefold", |s| {
        s.to_lowercase().replace('ß', "ss").replace('ς', "σ")
    })
}
fn swapcase(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    map_str(vm, args, "swapcase", |s| {
        s.chars()
            .flat_map(|c| -> Vec<char> {
                if c.is_uppercase() {
                    c.to_lowercase().collect()
                } else if c.is_lowercase() {
                    c.to_uppercase().collect()
                } else {
                    vec![c]
                }
            })
            .collect()
    })
}
fn title(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    map_str(vm, args, "title", |s| {
        let mut out = String::new();
        let mut prev_cased = false;
        for c in s.chars() {
            if prev_cased {
                out.extend(c.to_lowercase());
            } else {
                out.extend(c.to_uppercase());
            }
            prev_cased = c.is_alphabetic() && (c.is_uppercase() || c.is_lowercase());
        }
        out
    })
}
fn capitalize(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    map_str(vm, args, "capitalize", |s| {
        let mut cs = s.chars();
        match cs.next() {
            Some(f) => f
                .to_uppercase()
                .chain(cs.flat_map(char::to_lowercase))
                .collect(),
            None => String::new(),
        }
    })
}

fn pred(vm: &mut Vm, args: &mut Args, name: &str, f: fn(&str) -> bool) -> PyResult<Value> {
    let s = this(vm, args, name)?;
    Ok(Value::Bool(f(s)))
}
/// Digits that are not decimal digits (superscripts, circled digits).
fn is_extra_digit(c: char) -> bool {
    matches!(c, '\u{b2}' | '\u{b3}' | '\u{b9}' | '\u{2070}' | '\u{2074}'..='\u{2079}' | '\u{2080}'..='\u{2089}' | '\u{2460}'..='\u{2468}' | '\u{2474}'..='\u{247c}' | '\u{2488}'..='\u{2490}' | '\u{24f5}'..='\u{24fd}' | '\u{2776}'..='\u{277e}')
}
fn isdigit(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    pred(vm, args, "isdigit", |s| {
        !s.is_empty()
            && s.chars()
                .all(|c| crate::vm::num::decimal_value(c).is_some() || is_extra_digit(c))
    })
}
fn isdecimal(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    pred(vm, args, "isdecimal", |s| {
        !s.is_empty()
            && s.chars()
                .all(|c| crate::vm::num::decimal_value(c).is_some())
    })
}
fn isprintable(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    pred(vm, args, "isprintable", |s| {
        s.chars().all(crate::vm::num::is_printable)
    })
}
fn isascii(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    pred(vm, args, "isascii", |s| s.is_ascii())
}
fn isnumeric(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    pred(vm, args, "isnumeric", |s| {
        !s.is_empty() && s.chars().all(char::is_numeric)
    })
}
fn isalpha(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    pred(vm, args, "isalpha", |s| {
        !s.is_empty() && s.chars().all(char::is_alphabetic)
    })
}
fn isalnum(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    pred(vm, args, "isalnum", |s| {
        !s.is_empty() && s.chars().all(char::is_alphanumeric)
    })
}
fn isspace(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    pred(vm, args, "isspace", |s| {
        !s.is_empty() && s.chars().all(char::is_whitespace)
    })
}
fn isupper(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    pred(vm, args, "isupper", |s| {
        s.chars().any(char::is_uppercase) && !s.chars().any(char::is_lowercase)
    })
}
fn islower(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    pred(vm, args, "islower", |s| {
        s.chars().any(char::is_lowercase) && !s.chars().any(char::is_uppercase)
    })
}
fn isidentifier(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    pred(vm, args, "isidentifier", |s| {
        let mut cs = s.chars();
        matches!(cs.next(), Some(c) if c == '_' || c.is_alphabetic())
            && cs.all(|c| c == '_' || c.is_alphanumeric())
    })
}
fn istitle(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    pred(vm, args, "istitle", |s| {
        let mut prev_cased = false;
        let mut any = false;
        for c in s.chars() {
            if c.is_uppercase() {
                if prev_cased {
                    return false;
                }
                prev_cased = true;
                any = true;
            } else if c.is_lowercase() {
                if !prev_cased {
                    return false;
                }
                prev_cased = true;
                any = true;
            } else {
                prev_cased = false;
            }
        }
        any
    })
}

fn pad(vm: &mut Vm, args: &mut Args, name: &str, align: char) -> PyResult<Value> {
    let s = this(vm, args, name)?.to_string();
    let width = int_arg(vm, args.pos.get(1), 0)?;
    let fill = match args.pos.get(2) {
        None => ' ',
        Some(v) => match v.as_str() {
            Some(f) if f.chars().count() == 1 => f.chars().next().unwrap_or(' '),
            _ => return vm.type_error("The fill character must be exactly one character long"),
        },
    };
    let n = s.chars().count() as i64;
    if width <= n {
        return Ok(Value::string(s));
    }
    let total = (width - n) as usize;
    let (left, right) = match align {
        '<' => (0, total),
        '>' => (total, 0),
        _ => {
            // CPython's centering: extra space goes left when width is odd.
            let left = total / 2 + (total & width as usize & 1);
            (left, total - left)
        }
    };
    let mut out = String::new();
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(&s);
    out.extend(std::iter::repeat_n(fill, right));
    Ok(Value::string(out))
}
fn center(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    pad(vm, args, "center", '^')
}
fn ljust(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    pad(vm, args, "ljust", '<')
}
fn rjust(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    pad(vm, args, "rjust", '>')
}
fn zfill(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let s = this(vm, args, "zfill")?.to_string();
    let width = int_arg(vm, args.pos.get(1), 0)?;
    let n = s.chars().count() as i64;
    if width <= n {
        return Ok(Value::string(s));
    }
    let zeros = "0".repeat((width - n) as usize);
    let r = match s.chars().next() {
        Some(c @ ('+' | '-')) => format!("{c}{zeros}{}", &s[1..]),
        _ => format!("{zeros}{s}"),
    };
    Ok(Value::string(r))
}

fn partition_impl(vm: &mut Vm, args: &mut Args, right: bool) -> PyResult<Value> {
    let s = this(vm, args, "partition")?.to_string();
    let sep = must_str(vm, args.pos.get(1), "must be str, not ")?;
    if sep.is_empty() {
        return vm.value_error("empty separator");
    }
    let found = if right { s.rfind(&sep) } else { s.find(&sep) };
    let parts = match found {
        Some(i) => [
            s[..i].to_string(),
            sep.clone(),
            s[i + sep.len()..].to_string(),
        ],
        None if right => [String::new(), String::new(), s.clone()],
        None => [s.clone(), String::new(), String::new()],
    };
    Ok(Value::tuple(parts.into_iter().map(Value::string).collect()))
}
fn partition(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    partition_impl(vm, args, false)
}
fn rpartition(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    partition_impl(vm, args, true)
}

fn splitlines(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let keep = args.arg(1, "keepends");
    let s = this(vm, args, "splitlines")?.to_string();
    let keep = match keep {
        Some(v) => vm.truthy(&v)?,
        None => false,
    };
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        let is_break = matches!(
            c,
            '\n' | '\r'
                | '\x0b'
                | '\x0c'
                | '\x1c'
                | '\x1d'
                | '\x1e'
                | '\u{85}'
                | '\u{2028}'
                | '\u{2029}'
        );
        if is_break {
            let mut end = c.to_string();
            if c == '\r' && chars.peek() == Some(&'\n') {
                chars.next();
                end.push('\n');
            }
            if keep {
                cur.push_str(&end);
            }
            out.push(Value::string(std::mem::take(&mut cur)));
        } else {
            cur.push(c);
        }
    }
    if !cur.is_empty() {
        out.push(Value::string(cur));
    }
    Ok(Value::list(out))
}

/// `s.encode(encoding="utf-8", errors="strict")`.
fn encode(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let encoding = args.arg(1, "encoding");
    let errors = args.arg(2, "errors");
    if let Some((k, _)) = args.kw.first() {
        let k = k.as_str().unwrap_or("?").to_string();
        return vm.type_error(format!("'{k}' is an invalid keyword argument for encode()"));
    }
    if args.pos.len() > 3 {
        let n = args.pos.len() - 1;
        return vm.type_error(format!("encode() takes at most 2 arguments ({n} given)"));
    }
    let s = this(vm, args, "encode")?.to_string();
    let encoding = super::codec::str_arg(vm, encoding, "encode", "encoding", "utf-8")?;
    let errors = super::codec::str_arg(vm, errors, "encode", "errors", "strict")?;
    let data = super::codec::encode(vm, &s, &encoding, &errors)?;
    Ok(super::bytes::bytes_value(data))
}

fn removeprefix(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let s = this(vm, args, "removeprefix")?.to_string();
    let p = must_str(
        vm,
        args.pos.get(1),
        "removeprefix() argument must be str, not ",
    )?;
    Ok(Value::str(s.strip_prefix(p.as_str()).unwrap_or(&s)))
}
fn removesuffix(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let s = this(vm, args, "removesuffix")?.to_string();
    let p = must_str(
        vm,
        args.pos.get(1),
        "removesuffix() argument must be str, not ",
    )?;
    Ok(Value::str(s.strip_suffix(p.as_str()).unwrap_or(&s)))
}

fn expandtabs(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let s = this(vm, args, "expandtabs")?.to_string();
    let size = int_arg(vm, args.pos.get(1), 8)?.max(0) as usize;
    let mut out = String::new();
    let mut col = 0;
    for c in s.chars() {
        match c {
            '\t' => {
                if size > 0 {
                    let n = size - col % size;
                    out.extend(std::iter::repeat_n(' ', n));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            c => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(Value::string(out))
}

fn format(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let s = this(vm, args, "format")?.to_string();
    let pos = args.pos[1..].to_vec();
    let kw = std::mem::take(&mut args.kw);
    super::format::str_format(vm, &s, &pos, &kw).map(Value::string)
}

fn format_map(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let s = this(vm, args, "format_map")?.to_string();
    let Some(m) = args.pos.get(1).cloned() else {
        return vm.type_error("format_map() takes exactly one argument (0 given)");
    };
    super::format::str_format_map(vm, &s, &m).map(Value::string)
}

fn str_getnewargs(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let s = this(vm, args, "__getnewargs__")?;
    Ok(Value::tuple(vec![Value::str(s)]))
}

/// `str.maketrans(x[, y[, z]])`: a dict from code points to str/None.
fn maketrans(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let table = vm.new_dict_value();
    let t = table.as_obj().expect("dict").clone();
    match args.pos.len() {
        1 => {
            let src = args.pos[0].clone();
            for (k, v) in vm.mapping_items(&src)? {
                let key = match (&k, k.as_str()) {
                    (Value::Int(_), _) => k.clone(),
                    (_, Some(s)) if s.chars().count() == 1 => {
                        Value::Int(s.chars().next().map_or(0, |c| c as i64))
                    }
                    _ => {
                        return vm.value_error("string keys in translate table must be of length 1")
                    }
                };
                vm.dict_set(&t, key, v)?;
            }
        }
        2 | 3 => {
            let (Some(x), Some(y)) = (
                args.pos[0].as_str().map(str::to_string),
                args.pos[1].as_str().map(str::to_string),
            ) else {
                return vm.type_error("maketrans() arguments must be strings");
            };
            if x.chars().count() != y.chars().count() {
                return vm.value_error("the first two maketrans arguments must have equal length");
            }
            for (a, b) in x.chars().zip(y.chars()) {
                vm.dict_set(&t, Value::Int(a as i64), Value::Int(b as i64))?;
            }
            if let Some(z) = args.pos.get(2).and_then(|v| v.as_str()).map(str::to_string) {
                for c in z.chars() {
                    vm.dict_set(&t, Value::Int(c as i64), Value::None)?;
                }
            }
        }
        n => return vm.type_error(format!("maketrans() takes at most 3 arguments ({n} given)")),
    }
    Ok(table)
}

/// `s.translate(table)`: maps code points through `table[ord(c)]`.
fn translate(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let s = this(vm, args, "translate")?.to_string();
    let Some(table) = args.pos.get(1).cloned() else {
        return vm.type_error("translate() takes exactly one argument (0 given)");
    };
    let mut out = String::new();
    for c in s.chars() {
        match vm.getitem(&table, &Value::Int(c as i64)) {
            Ok(Value::None) => {}
            Ok(Value::Int(n)) => match u32::try_from(n).ok().and_then(char::from_u32) {
                Some(m) => out.push(m),
                None => return vm.value_error("character mapping must be in range(0x110000)"),
            },
            Ok(v) => match v.as_str() {
                Some(m) => out.push_str(m),
                None => return vm.type_error("character mapping must return integer, None or str"),
            },
            Err(e) if vm.err_is(&e, "LookupError") => out.push(c),
            Err(e) => return Err(e),
        }
    }
    Ok(Value::string(out))
}

pub const STR_METHODS: Methods = &[
    ("split", split),
    ("rsplit", rsplit),
    ("strip", strip),
    ("lstrip", lstrip),
    ("rstrip", rstrip),
    ("join", join),
    ("replace", replace),
    ("startswith", startswith),
    ("endswith", endswith),
    ("find", find),
    ("rfind", rfind),
    ("index", index),
    ("rindex", rindex),
    ("count", count),
    ("upper", upper),
    ("lower", lower),
    ("casefold", casefold),
    ("swapcase", swapcase),
    ("title", title),
    ("capitalize", capitalize),
    ("isdigit", isdigit),
    ("isdecimal", isdecimal),
    ("isnumeric", isnumeric),
    ("isalpha", isalpha),
    ("isalnum", isalnum),
    ("isspace", isspace),
    ("isupper", isupper),
    ("islower", islower),
    ("isidentifier", isidentifier),
    ("isprintable", isprintable),
    ("isascii", isascii),
    ("istitle", istitle),
    ("center", center),
    ("ljust", ljust),
    ("rjust", rjust),
    ("zfill", zfill),
    ("partition", partition),
    ("rpartition", rpartition),
    ("splitlines", splitlines),
    ("encode", encode),
    ("removeprefix", removeprefix),
    ("removesuffix", removesuffix),
    ("expandtabs", expandtabs),
    ("format", format),
    ("format_map", format_map),
    ("__getnewargs__", str_getnewargs),
    ("translate", translate),
];

pub const STR_STATIC_METHODS: Methods = &[("maketrans", maketrans)];

/// `fmt % args` (printf-style formatting).
pub fn percent_format(vm: &mut Vm, fmt: &str, args: &Value) -> PyResult<String> {
    super::format::percent_format(vm, fmt, args)
}

#[cfg(test)]
mod tests {
    use crate::run::{run, RunOptions};

    /// find/rfind/index/startswith/endswith with start and end, on ASCII
    /// and non-ASCII text (expected output: python3 3.11 on this program).
    #[test]
    fn search_with_bounds_matches_cpython() {
        let program = r#"s = "héllo wörld héllo"
print(s.find("llo"), s.find("llo", 4), s.rfind("llo"), s.find("x"), s.find("", 30), s.find("ö", -8, -2), s.index("w"), s.rindex("h", 0, 10))
print(s.startswith("hé"), s.startswith("wö", 6), s.endswith("llo", 0, 5), s.startswith(("x", "hél")), s.endswith("o", -1), "abc".startswith("", 5), "abc".find("", 3), "abc".find("", 4))
print("aaaa".find("aa", 1), "aaaa".rfind("aa", 0, 3), "abc".find("c", -1), "abc".rfind("", 1, 2))
"#;
        let out = run(program, &RunOptions::default());
        assert_eq!(out.stderr, "");
        assert_eq!(
            out.stdout,
            "2 14 14 -1 -1 -1 6 0\nTrue True True True True False 3 -1\n1 1 2 2\n"
        );
    }
}
