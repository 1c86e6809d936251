//! `bytes`, and the methods `bytearray` shares with it: construction,
//! repr, indexing and slicing, comparison, `+`, `in`, `%` formatting, and
//! the methods learners use (`decode`, `hex`/`fromhex`, `split`, `find`,
//! `strip`, `replace`, the ASCII case and class tests …), with CPython's
//! results and error messages.
//!
//! Owns: the byte-string algorithms, written once for both types; a method
//! called on a bytearray returns a bytearray. Never: mutates (that is
//! `bytearray`, in `vm::builtins::bytearray`), and never holds a borrow of
//! a bytearray across a call into Python code (receivers and arguments
//! are copied out first).

use super::int::int_ref;
use super::Methods;
use crate::vm::call::Args;
use crate::vm::code::CmpOp;
use crate::vm::value::{Obj, Value};
use crate::vm::{PyResult, Vm};

use super::bytearray::bytearray_value;

pub fn bytes_value(data: Vec<u8>) -> Value {
    Value::obj(Obj::Bytes(data.into_boxed_slice()))
}

/// A bytes or bytearray value of the receiver's kind.
fn make(bytearray: bool, data: Vec<u8>) -> Value {
    if bytearray {
        bytearray_value(data)
    } else {
        bytes_value(data)
    }
}

/// The bytes of `text`'s chars below 256 (a `%(key)` of a bytes template).
pub fn latin1_value(text: &str) -> Value {
    bytes_value(text.chars().map(|c| c as u32 as u8).collect())
}

/// The contents of a bytes-like value (bytes or bytearray, or a
/// subclass instance wrapping one), copied.
pub fn as_bytes(v: &Value) -> Option<Vec<u8>> {
    match v.as_obj().map(|o| &**o) {
        Some(Obj::Bytes(b)) => Some(b.to_vec()),
        Some(Obj::ByteArray(b)) => Some(b.borrow().clone()),
        Some(Obj::Instance(_)) => as_bytes(&super::payload(v)?),
        _ => None,
    }
}

fn is_bytearray(v: &Value) -> bool {
    matches!(v.as_obj().map(|o| &**o), Some(Obj::ByteArray(_)))
}

/// A bytes-like argument, or "a bytes-like object is required, not 'T'".
fn need_bytes(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    match as_bytes(v) {
        Some(b) => Ok(b),
        None => {
            let t = vm.type_name(v);
            vm.type_error(format!("a bytes-like object is required, not '{t}'"))
        }
    }
}

/// The receiver of a method and whether it is a bytearray.
fn this(vm: &Vm, args: &Args, name: &str) -> PyResult<(Vec<u8>, bool)> {
    match args.pos.first() {
        Some(v) => match as_bytes(v) {
            Some(b) => Ok((b, is_bytearray(v))),
            None => {
                let t = vm.type_name(v);
                vm.type_error(format!(
                    "descriptor '{name}' requires a 'bytes' object but received a '{t}'"
                ))
            }
        },
        None => vm.type_error(format!("unbound method bytes.{name}() needs an argument")),
    }
}

/// `repr(b)`: `b'...'`, or `b"..."` when the bytes hold `'` and no `"`.
/// A bytearray's repr escapes every `'` (CPython's `bytearray_repr`).
pub fn repr_of(b: &[u8], bytearray: bool) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(quote);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            b'\'' if bytearray || quote == '\'' => out.push_str("\\'"),
            0x20..=0x7e => out.push(char::from(c)),
            c => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    out.push(quote);
    out
}

pub fn repr(b: &[u8]) -> String {
    repr_of(b, false)
}

/// `==`, `<` … between bytes and bytearrays (lexicographic).
pub fn compare(a: &Value, b: &Value, op: CmpOp) -> Option<bool> {
    let (x, y) = (as_bytes(a)?, as_bytes(b)?);
    Some(super::ord_cmp(x.cmp(&y), op))
}

/// `a + b`: the left operand's kind.
pub fn concat(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    let (Some(x), bytearray) = (as_bytes(a), is_bytearray(a)) else {
        return Ok(None);
    };
    match as_bytes(b) {
        Some(y) => Ok(Some(make(bytearray, [x, y].concat()))),
        None if super::is_builtin_value(b) => {
            let (ta, tb) = (vm.type_name(a), vm.type_name(b));
            vm.type_error(format!("can't concat {tb} to {ta}"))
        }
        None => Ok(None),
    }
}

/// `b % args`.
pub fn percent(vm: &mut Vm, a: &Value, args: &Value) -> PyResult<Value> {
    let fmt = as_bytes(a).unwrap_or_default();
    let out = super::format::percent_format_bytes(vm, &fmt, args)?;
    Ok(make(is_bytearray(a), out))
}

/// A byte value (`ord`-like): an int in `range(256)`.
pub(super) fn byte_of(vm: &mut Vm, v: &Value) -> PyResult<u8> {
    let i = match int_ref(v) {
        Some(i) => i.to_i64(),
        None => Some(super::int::index_of(vm, v)?),
    };
    match i.filter(|i| (0..256).contains(i)) {
        Some(i) => Ok(i as u8),
        None => vm.value_error("byte must be in range(0, 256)"),
    }
}

/// A `sub` argument of `find`/`count`/`in`: bytes-like or one byte.
fn sub_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = as_bytes(v) {
        return Ok(b);
    }
    if int_ref(v).is_some() {
        return Ok(vec![byte_of(vm, v)?]);
    }
    let t = vm.type_name(v);
    vm.type_error(format!(
        "argument should be integer or bytes-like object, not '{t}'"
    ))
}

/// `x in b`.
pub fn contains(vm: &mut Vm, container: &Value, item: &Value) -> PyResult<bool> {
    let hay = as_bytes(container).unwrap_or_default();
    let needle = match as_bytes(item) {
        Some(n) => n,
        None if int_ref(item).is_some() => vec![byte_of(vm, item)?],
        None => {
            let t = vm.type_name(item);
            return vm.type_error(format!("a bytes-like object is required, not '{t}'"));
        }
    };
    Ok(find_in(&hay, &needle, 0, hay.len()).is_some())
}

/// `b[i]` and `b[i:j:k]`.
pub fn getitem(vm: &mut Vm, container: &Value, key: &Value) -> PyResult<Value> {
    let b = as_bytes(container).unwrap_or_default();
    let bytearray = is_bytearray(container);
    if let Some(Obj::Slice(sl)) = key.as_obj().map(|o| &**o) {
        let (x, y, z) = super::str::slice_indices(vm, sl, b.len())?;
        let out: Vec<u8> = super::str::slice_positions(x, y, z).map(|i| b[i]).collect();
        return Ok(make(bytearray, out));
    }
    let kind = if bytearray { "bytearray" } else { "byte" };
    if int_ref(key).is_none() && vm.special(key, "__index__").is_none() {
        let t = vm.type_name(key);
        return vm.type_error(format!(
            "{kind} indices must be integers or slices, not {t}"
        ));
    }
    let i = super::int::index_of(vm, key)?;
    match super::str::norm_index(i, b.len()) {
        Some(j) => Ok(Value::Int(i64::from(b[j]))),
        None if bytearray => Err(vm.error("IndexError", "bytearray index out of range")),
        None => Err(vm.error("IndexError", "index out of range")),
    }
}

/// The items of an iterable of ints in `range(256)` (`bytes([1, 2])`;
/// `bytes()` itself words the range error "bytes must be …").
pub fn bytes_from_ints(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    let items = vm.collect(v)?;
    let mut out = Vec::with_capacity(items.len());
    for x in &items {
        out.push(byte_of(vm, x)?);
    }
    Ok(out)
}

/// `bytes(...)` and `bytearray(...)`: from nothing, a count, a str with
/// an encoding, a bytes-like value, or an iterable of ints.
pub fn construct(vm: &mut Vm, mut args: Args, bytearray: bool) -> PyResult<Value> {
    let name = if bytearray { "bytearray" } else { "bytes" };
    let source = args.arg(0, "source");
    let encoding = args.arg(1, "encoding");
    let errors = args.arg(2, "errors");
    if let Some((k, _)) = args.kw.first() {
        let k = k.as_str().unwrap_or("?").to_string();
        return vm.type_error(format!("'{k}' is an invalid keyword argument for {name}()"));
    }
    if args.pos.len() > 3 {
        return vm.type_error(format!(
            "{name}() takes at most 3 arguments ({} given)",
            args.pos.len()
        ));
    }
    // CPython checks the types of `encoding` and `errors` first.
    let enc_text = match &encoding {
        Some(e) => Some(super::codec::str_arg(
            vm,
            Some(e.clone()),
            name,
            "encoding",
            "utf-8",
        )?),
        None => None,
    };
    let errors_text = match &errors {
        Some(e) => Some(super::codec::str_arg(
            vm,
            Some(e.clone()),
            name,
            "errors",
            "strict",
        )?),
        None => None,
    };
    let Some(v) = source else {
        if encoding.is_some() || errors.is_some() {
            return vm.type_error("encoding or errors without sequence argument");
        }
        return Ok(make(bytearray, Vec::new()));
    };
    if let Some(s) = v.as_str() {
        let Some(enc) = enc_text else {
            return vm.type_error("string argument without an encoding");
        };
        let errors = errors_text.unwrap_or_else(|| "strict".to_string());
        let data = super::codec::encode(vm, s, &enc, &errors)?;
        return Ok(make(bytearray, data));
    }
    if encoding.is_some() {
        return vm.type_error("encoding without a string argument");
    }
    if errors.is_some() {
        return vm.type_error("errors without a string argument");
    }
    if let Some(b) = as_bytes(&v) {
        if !bytearray && matches!(v.as_obj().map(|o| &**o), Some(Obj::Bytes(_))) {
            return Ok(v.clone());
        }
        return Ok(make(bytearray, b));
    }
    if !bytearray && !super::is_builtin_value(&v) {
        if let Some(f) = vm.special(&v, "__bytes__") {
            let r = vm.call(&f, Args::new(vec![]))?;
            return match as_bytes(&r) {
                Some(b) => Ok(bytes_value(b)),
                None => {
                    let t = vm.type_name(&r);
                    vm.type_error(format!("__bytes__ returned non-bytes (type {t})"))
                }
            };
        }
    }
    if let Some(n) = int_ref(&v) {
        return match n.to_i64() {
            Some(n) if n < 0 => vm.value_error("negative count"),
            Some(n) if n <= 1 << 30 => Ok(make(bytearray, vec![0u8; n as usize])),
            Some(_) => Err(vm.error("MemoryError", "")),
            None => Err(vm.error(
                "OverflowError",
                "cannot fit 'int' into an index-sized integer",
            )),
        };
    }
    if vm.get_iter(&v).is_err() || matches!(v, Value::Float(_)) {
        let t = vm.type_name(&v);
        return vm.type_error(format!("cannot convert '{t}' object to {name}"));
    }
    let data = match bytes_from_ints(vm, &v) {
        Err(e) if !bytearray && vm.err_is(&e, "ValueError") => {
            return vm.value_error("bytes must be in range(0, 256)")
        }
        r => r?,
    };
    Ok(make(bytearray, data))
}

/// ASCII whitespace as `bytes.split()`/`strip()`/`isspace()` see it.
fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

/// The first index of `needle` in `hay[start..end]`.
fn find_in(hay: &[u8], needle: &[u8], start: usize, end: usize) -> Option<usize> {
    if start > end || end > hay.len() {
        return None;
    }
    if needle.is_empty() {
        return Some(start);
    }
    hay[start..end]
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|i| i + start)
}

/// The last index of `needle` in `hay[start..end]`.
fn rfind_in(hay: &[u8], needle: &[u8], start: usize, end: usize) -> Option<usize> {
    if start > end || end > hay.len() {
        return None;
    }
    if needle.is_empty() {
        return Some(end);
    }
    hay[start..end]
        .windows(needle.len())
        .rposition(|w| w == needle)
        .map(|i| i + start)
}

/// Optional `start`/`end` arguments at `args.pos[i]`, `[i+1]`, clamped
/// as CPython's `ADJUST_INDICES`; `None` when start is past the end.
fn bounds(vm: &mut Vm, args: &Args, i: usize, len: usize) -> PyResult<Option<(usize, usize)>> {
    let get = |vm: &mut Vm, v: Option<&Value>, default: i64| -> PyResult<i64> {
        match v {
            None | Some(Value::None) => Ok(default),
            Some(v) => match int_ref(v) {
                Some(n) => Ok(n.to_i64().unwrap_or(if n.is_negative() {
                    i64::MIN / 2
                } else {
                    i64::MAX / 2
                })),
                None => super::int::index_of(vm, v),
            },
        }
    };
    let n = len as i64;
    let mut start = get(vm, args.pos.get(i), 0)?;
    let mut end = get(vm, args.pos.get(i + 1), n)?;
    if end > n {
        end = n;
    } else if end < 0 {
        end = (end + n).max(0);
    }
    if start < 0 {
        start = (start + n).max(0);
    }
    Ok((start <= n).then_some((start as usize, end.max(0) as usize)))
}

fn search(vm: &mut Vm, args: &mut Args, name: &str, right: bool) -> PyResult<Option<usize>> {
    let (hay, _) = this(vm, args, name)?;
    let Some(sub) = args.pos.get(1).cloned() else {
        return vm.type_error(format!("{name}() takes at least 1 argument (0 given)"));
    };
    let needle = sub_arg(vm, &sub)?;
    let Some((start, end)) = bounds(vm, args, 2, hay.len())? else {
        return Ok(None);
    };
    Ok(if right {
        rfind_in(&hay, &needle, start, end)
    } else {
        find_in(&hay, &needle, start, end)
    })
}

fn position(r: Option<usize>) -> Value {
    Value::Int(r.map_or(-1, |i| i as i64))
}

fn find(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    search(vm, args, "find", false).map(position)
}

fn rfind(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    search(vm, args, "rfind", true).map(position)
}

fn index(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    match search(vm, args, "index", false)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => vm.value_error("subsection not found"),
    }
}

fn rindex(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    match search(vm, args, "rindex", true)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => vm.value_error("subsection not found"),
    }
}

fn count(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let (hay, _) = this(vm, args, "count")?;
    let Some(sub) = args.pos.get(1).cloned() else {
        return vm.type_error("count() takes at least 1 argument (0 given)");
    };
    let needle = sub_arg(vm, &sub)?;
    let Some((start, end)) = bounds(vm, args, 2, hay.len())? else {
        return Ok(Value::Int(0));
    };
    if needle.is_empty() {
        return Ok(Value::Int((end.saturating_sub(start) + 1) as i64));
    }
    let (mut n, mut i) = (0, start);
    while let Some(j) = find_in(&hay, &needle, i, end) {
        n += 1;
        i = j + needle.len();
    }
    Ok(Value::Int(n))
}

fn affix(vm: &mut Vm, args: &mut Args, name: &str, start: bool) -> PyResult<Value> {
    let (hay, _) = this(vm, args, name)?;
    let Some(arg) = args.pos.get(1).cloned() else {
        return vm.type_error(format!("{name}() takes at least 1 argument (0 given)"));
    };
    let cands: Vec<Value> = match arg.as_tuple() {
        Some(t) => t.to_vec(),
        None => vec![arg.clone()],
    };
    let bounds = bounds(vm, args, 2, hay.len())?;
    for c in cands {
        let Some(p) = as_bytes(&c) else {
            let t = vm.type_name(&c);
            return vm.type_error(format!(
                "{name} first arg must be bytes or a tuple of bytes, not {t}"
            ));
        };
        let Some((lo, hi)) = bounds else { continue };
        if hi < lo || hi - lo < p.len() {
            continue;
        }
        let hit = if start {
            hay[lo..lo + p.len()] == p[..]
        } else {
            hay[hi - p.len()..hi] == p[..]
        };
        if hit {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn startswith(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    affix(vm, args, "startswith", true)
}

fn endswith(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    affix(vm, args, "endswith", false)
}

/// The `maxsplit` argument (-1: no limit).
fn maxsplit_arg(vm: &mut Vm, v: Option<Value>) -> PyResult<usize> {
    let n = match v {
        None => -1,
        Some(v) => super::int::index_of(vm, &v)?,
    };
    Ok(if n < 0 { usize::MAX } else { n as usize })
}

fn split_impl(vm: &mut Vm, args: &mut Args, right: bool) -> PyResult<Value> {
    let name = if right { "rsplit" } else { "split" };
    let sep = args.arg(1, "sep");
    let maxsplit = args.arg(2, "maxsplit");
    let (s, ba) = this(vm, args, name)?;
    let limit = maxsplit_arg(vm, maxsplit)?;
    let parts: Vec<Vec<u8>> = match sep.filter(|v| !v.is_none()) {
        Some(sep) => {
            let sep = need_bytes(vm, &sep)?;
            if sep.is_empty() {
                return vm.value_error("empty separator");
            }
            split_on(&s, &sep, limit, right)
        }
        None => split_whitespace(&s, limit, right),
    };
    Ok(Value::list(
        parts.into_iter().map(|p| make(ba, p)).collect(),
    ))
}

fn split_on(s: &[u8], sep: &[u8], limit: usize, right: bool) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    if right {
        let mut end = s.len();
        while out.len() < limit {
            match rfind_in(s, sep, 0, end) {
                Some(i) => {
                    out.push(s[i + sep.len()..end].to_vec());
                    end = i;
                }
                None => break,
            }
        }
        out.push(s[..end].to_vec());
        out.reverse();
    } else {
        let mut start = 0;
        while out.len() < limit {
            match find_in(s, sep, start, s.len()) {
                Some(i) => {
                    out.push(s[start..i].to_vec());
                    start = i + sep.len();
                }
                None => break,
            }
        }
        out.push(s[start..].to_vec());
    }
    out
}

fn split_whitespace(s: &[u8], limit: usize, right: bool) -> Vec<Vec<u8>> {
    if right {
        let rev: Vec<u8> = s.iter().rev().copied().collect();
        let mut parts = split_whitespace(&rev, limit, false);
        parts.reverse();
        for p in &mut parts {
            p.reverse();
        }
        return parts;
    }
    let mut out = Vec::new();
    let mut i = 0;
    loop {
        while i < s.len() && is_space(s[i]) {
            i += 1;
        }
        if i >= s.len() {
            break;
        }
        if out.len() == limit {
            out.push(s[i..].to_vec());
            break;
        }
        let start = i;
        while i < s.len() && !is_space(s[i]) {
            i += 1;
        }
        out.push(s[start..i].to_vec());
    }
    out
}

fn split(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    split_impl(vm, args, false)
}

fn rsplit(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    split_impl(vm, args, true)
}

fn splitlines(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let keep = args.arg(1, "keepends");
    let (s, ba) = this(vm, args, "splitlines")?;
    let keep = match keep {
        Some(v) => vm.truthy(&v)?,
        None => false,
    };
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < s.len() {
        let eol = match s[i] {
            b'\r' if s.get(i + 1) == Some(&b'\n') => 2,
            b'\r' | b'\n' => 1,
            _ => {
                i += 1;
                continue;
            }
        };
        let end = if keep { i + eol } else { i };
        out.push(make(ba, s[start..end].to_vec()));
        i += eol;
        start = i;
    }
    if start < s.len() {
        out.push(make(ba, s[start..].to_vec()));
    }
    Ok(Value::list(out))
}

fn partition_impl(vm: &mut Vm, args: &mut Args, right: bool) -> PyResult<Value> {
    let name = if right { "rpartition" } else { "partition" };
    let (s, ba) = this(vm, args, name)?;
    let Some(sep) = args.pos.get(1).cloned() else {
        return vm.type_error(format!("{name}() takes exactly one argument (0 given)"));
    };
    let sep = need_bytes(vm, &sep)?;
    if sep.is_empty() {
        return vm.value_error("empty separator");
    }
    let found = if right {
        rfind_in(&s, &sep, 0, s.len())
    } else {
        find_in(&s, &sep, 0, s.len())
    };
    let parts = match found {
        Some(i) => [s[..i].to_vec(), sep.clone(), s[i + sep.len()..].to_vec()],
        None if right => [Vec::new(), Vec::new(), s],
        None => [s, Vec::new(), Vec::new()],
    };
    Ok(Value::tuple(
        parts.into_iter().map(|p| make(ba, p)).collect(),
    ))
}

fn partition(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    partition_impl(vm, args, false)
}

fn rpartition(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    partition_impl(vm, args, true)
}

fn join(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let (sep, ba) = this(vm, args, "join")?;
    let Some(it) = args.pos.get(1).cloned() else {
        return vm.type_error("join() takes exactly one argument (0 given)");
    };
    let items = vm.collect(&it)?;
    let mut out = Vec::new();
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        match as_bytes(x) {
            Some(b) => out.extend_from_slice(&b),
            None => {
                let t = vm.type_name(x);
                return vm.type_error(format!(
                    "sequence item {i}: expected a bytes-like object, {t} found"
                ));
            }
        }
    }
    Ok(make(ba, out))
}

fn strip_impl(
    vm: &mut Vm,
    args: &mut Args,
    name: &str,
    left: bool,
    right: bool,
) -> PyResult<Value> {
    let chars = args.arg(1, "bytes");
    let (s, ba) = this(vm, args, name)?;
    let set: Option<Vec<u8>> = match chars.filter(|v| !v.is_none()) {
        Some(c) => Some(need_bytes(vm, &c)?),
        None => None,
    };
    let strip = |c: u8| match &set {
        Some(set) => set.contains(&c),
        None => is_space(c),
    };
    let mut lo = 0;
    let mut hi = s.len();
    if left {
        while lo < hi && strip(s[lo]) {
            lo += 1;
        }
    }
    if right {
        while hi > lo && strip(s[hi - 1]) {
            hi -= 1;
        }
    }
    Ok(make(ba, s[lo..hi].to_vec()))
}

fn strip(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    strip_impl(vm, args, "strip", true, true)
}

fn lstrip(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    strip_impl(vm, args, "lstrip", true, false)
}

fn rstrip(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    strip_impl(vm, args, "rstrip", false, true)
}

fn replace(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let (s, ba) = this(vm, args, "replace")?;
    let (Some(old), Some(new)) = (args.pos.get(1).cloned(), args.pos.get(2).cloned()) else {
        return vm.type_error(format!(
            "replace expected at least 2 arguments, got {}",
            args.pos.len().saturating_sub(1)
        ));
    };
    let (old, new) = (need_bytes(vm, &old)?, need_bytes(vm, &new)?);
    let count = match args.pos.get(3) {
        Some(v) => super::int::index_of(vm, v)?,
        None => -1,
    };
    let mut limit = if count < 0 {
        usize::MAX
    } else {
        count as usize
    };
    let mut out = Vec::with_capacity(s.len());
    if old.is_empty() {
        for &c in &s {
            if limit > 0 {
                out.extend_from_slice(&new);
                limit -= 1;
            }
            out.push(c);
        }
        if limit > 0 {
            out.extend_from_slice(&new);
        }
        return Ok(make(ba, out));
    }
    let mut i = 0;
    while limit > 0 {
        match find_in(&s, &old, i, s.len()) {
            Some(j) => {
                out.extend_from_slice(&s[i..j]);
                out.extend_from_slice(&new);
                i = j + old.len();
                limit -= 1;
            }
            None => break,
        }
    }
    out.extend_from_slice(&s[i..]);
    Ok(make(ba, out))
}

/// A method mapping each byte (the ASCII case conversions).
fn map_bytes(
    vm: &mut Vm,
    args: &Args,
    name: &str,
    f: impl Fn(&[u8]) -> Vec<u8>,
) -> PyResult<Value> {
    let (s, ba) = this(vm, args, name)?;
    Ok(make(ba, f(&s)))
}

fn upper(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    map_bytes(vm, args, "upper", |s| s.to_ascii_uppercase())
}

fn lower(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    map_bytes(vm, args, "lower", |s| s.to_ascii_lowercase())
}

fn swapcase(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    map_bytes(vm, args, "swapcase", |s| {
        s.iter()
            .map(|&c| {
                if c.is_ascii_lowercase() {
                    c.to_ascii_uppercase()
                } else {
                    c.to_ascii_lowercase()
                }
            })
            .collect()
    })
}

fn title(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    map_bytes(vm, args, "title", |s| {
        let mut prev_cased = false;
        s.iter()
            .map(|&c| {
                let r = if prev_cased {
                    c.to_ascii_lowercase()
                } else {
                    c.to_ascii_uppercase()
                };
                prev_cased = c.is_ascii_alphabetic();
                r
            })
            .collect()
    })
}

fn capitalize(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    map_bytes(vm, args, "capitalize", |s| {
        s.iter()
            .enumerate()
            .map(|(i, &c)| {
                if i == 0 {
                    c.to_ascii_uppercase()
                } else {
                    c.to_ascii_lowercase()
                }
            })
            .collect()
    })
}

/// A class test: true when non-empty and every byte passes.
fn pred(vm: &mut Vm, args: &Args, name: &str, f: impl Fn(&[u8]) -> bool) -> PyResult<Value> {
    let (s, _) = this(vm, args, name)?;
    Ok(Value::Bool(f(&s)))
}

fn isalpha(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    pred(vm, args, "isalpha", |s| {
        !s.is_empty() && s.iter().all(u8::is_ascii_alphabetic)
    })
}

fn isdigit(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    pred(vm, args, "isdigit", |s| {
        !s.is_empty() && s.iter().all(u8::is_ascii_digit)
    })
}

fn isalnum(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    pred(vm, args, "isalnum", |s| {
        !s.is_empty() && s.iter().all(u8::is_ascii_alphanumeric)
    })
}

fn isspace(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    pred(vm, args, "isspace", |s| {
        !s.is_empty() && s.iter().all(|&c| is_space(c))
    })
}

fn isupper(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    pred(vm, args, "isupper", |s| {
        s.iter().any(u8::is_ascii_uppercase) && !s.iter().any(u8::is_ascii_lowercase)
    })
}

fn islower(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    pred(vm, args, "islower", |s| {
        s.iter().any(u8::is_ascii_lowercase) && !s.iter().any(u8::is_ascii_uppercase)
    })
}

fn isascii(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    pred(vm, args, "isascii", |s| s.is_ascii())
}

fn istitle(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    pred(vm, args, "istitle", |s| {
        let (mut prev_cased, mut any) = (false, false);
        for &c in s {
            if c.is_ascii_uppercase() {
                if prev_cased {
                    return false;
                }
                prev_cased = true;
                any = true;
            } else if c.is_ascii_lowercase() {
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
    let (s, ba) = this(vm, args, name)?;
    let width = match args.pos.get(1) {
        Some(v) => super::int::index_of(vm, v)?,
        None => return vm.type_error(format!("{name}() takes at least 1 argument (0 given)")),
    };
    let fill = match args.pos.get(2) {
        None => b' ',
        Some(v) => match as_bytes(v) {
            Some(f) if f.len() == 1 => f[0],
            _ => {
                let t = vm.type_name(v);
                return vm.type_error(format!(
                    "{name}() argument 2 must be a byte string of length 1, not {t}"
                ));
            }
        },
    };
    let n = s.len() as i64;
    if width <= n {
        return Ok(make(ba, s));
    }
    if width > 1 << 30 {
        return Err(vm.error("MemoryError", ""));
    }
    let total = (width - n) as usize;
    let (left, right) = match align {
        '<' => (0, total),
        '>' => (total, 0),
        _ => {
            // CPython's centering: the extra byte goes left when the
            // width is odd.
            let left = total / 2 + (total & width as usize & 1);
            (left, total - left)
        }
    };
    let mut out = vec![fill; left];
    out.extend_from_slice(&s);
    out.extend(std::iter::repeat_n(fill, right));
    Ok(make(ba, out))
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
    let (s, ba) = this(vm, args, "zfill")?;
    let width = match args.pos.get(1) {
        Some(v) => super::int::index_of(vm, v)?,
        None => return vm.type_error("zfill() takes exactly one argument (0 given)"),
    };
    let n = s.len() as i64;
    if width <= n {
        return Ok(make(ba, s));
    }
    if width > 1 << 30 {
        return Err(vm.error("MemoryError", ""));
    }
    let zeros = (width - n) as usize;
    let mut out = Vec::with_capacity(width as usize);
    let body = match s.first() {
        Some(&c @ (b'+' | b'-')) => {
            out.push(c);
            &s[1..]
        }
        _ => &s[..],
    };
    out.extend(std::iter::repeat_n(b'0', zeros));
    out.extend_from_slice(body);
    Ok(make(ba, out))
}

fn removeprefix(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let (s, ba) = this(vm, args, "removeprefix")?;
    let p = need_bytes(vm, args.pos.get(1).unwrap_or(&Value::None))?;
    Ok(make(ba, s.strip_prefix(&p[..]).unwrap_or(&s).to_vec()))
}

fn removesuffix(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let (s, ba) = this(vm, args, "removesuffix")?;
    let p = need_bytes(vm, args.pos.get(1).unwrap_or(&Value::None))?;
    Ok(make(ba, s.strip_suffix(&p[..]).unwrap_or(&s).to_vec()))
}

fn expandtabs(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let size = args.arg(1, "tabsize");
    let (s, ba) = this(vm, args, "expandtabs")?;
    let size = match size {
        Some(v) => super::int::index_of(vm, &v)?.max(0) as usize,
        None => 8,
    };
    let mut out = Vec::with_capacity(s.len());
    let mut col = 0;
    for c in s {
        match c {
            b'\t' => {
                if size > 0 {
                    let n = size - col % size;
                    out.extend(std::iter::repeat_n(b' ', n));
                    col += n;
                }
            }
            b'\n' | b'\r' => {
                out.push(c);
                col = 0;
            }
            c => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(make(ba, out))
}

fn decode(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let encoding = args.arg(1, "encoding");
    let errors = args.arg(2, "errors");
    let (s, _) = this(vm, args, "decode")?;
    let encoding = super::codec::str_arg(vm, encoding, "decode", "encoding", "utf-8")?;
    let errors = super::codec::str_arg(vm, errors, "decode", "errors", "strict")?;
    super::codec::decode(vm, &s, &encoding, &errors).map(Value::string)
}

fn hex(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let sep = args.arg(1, "sep");
    let per = args.arg(2, "bytes_per_sep");
    let (s, _) = this(vm, args, "hex")?;
    let digits = |b: &[u8]| -> String { b.iter().map(|x| format!("{x:02x}")).collect() };
    let Some(sep) = sep else {
        return Ok(Value::string(digits(&s)));
    };
    let sep: Vec<u8> = match (sep.as_str(), as_bytes(&sep)) {
        (Some(t), _) => t.as_bytes().to_vec(),
        (None, Some(b)) => b,
        _ => {
            let t = vm.type_name(&sep);
            return vm.type_error(format!("sep must be str or bytes, not {t}"));
        }
    };
    if sep.len() != 1 {
        return vm.value_error("sep must be length 1.");
    }
    if !sep[0].is_ascii() {
        return vm.value_error("sep must be ASCII.");
    }
    let per = match per {
        Some(v) => super::int::index_of(vm, &v)?,
        None => 1,
    };
    let group = per.unsigned_abs() as usize;
    if group == 0 || s.is_empty() {
        return Ok(Value::string(digits(&s)));
    }
    // Groups are counted from the right for a positive count, from the
    // left for a negative one.
    let chunks: Vec<&[u8]> = if per > 0 {
        let first = s.len() % group;
        let mut v: Vec<&[u8]> = Vec::new();
        if first > 0 {
            v.push(&s[..first]);
        }
        v.extend(s[first..].chunks(group));
        v
    } else {
        s.chunks(group).collect()
    };
    let sep = char::from(sep[0]).to_string();
    Ok(Value::string(
        chunks
            .into_iter()
            .map(digits)
            .collect::<Vec<_>>()
            .join(&sep),
    ))
}

fn translate(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let delete = args.arg(2, "delete");
    let (s, ba) = this(vm, args, "translate")?;
    let table = match args.pos.get(1) {
        None | Some(Value::None) => None,
        Some(t) => {
            let t = need_bytes(vm, t)?;
            if t.len() != 256 {
                return vm.value_error("translation table must be 256 characters long");
            }
            Some(t)
        }
    };
    let delete = match delete {
        Some(d) => need_bytes(vm, &d)?,
        None => Vec::new(),
    };
    let out = s
        .iter()
        .filter(|c| !delete.contains(c))
        .map(|&c| table.as_ref().map_or(c, |t| t[usize::from(c)]))
        .collect();
    Ok(make(ba, out))
}

fn dunder_getitem(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let (Some(me), Some(key)) = (args.pos.first().cloned(), args.pos.get(1).cloned()) else {
        return vm.type_error("expected 1 argument, got 0");
    };
    this(vm, args, "__getitem__")?;
    getitem(vm, &me, &key)
}

fn dunder_len(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let (s, _) = this(vm, args, "__len__")?;
    Ok(Value::Int(s.len() as i64))
}

fn dunder_contains(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let (Some(me), Some(item)) = (args.pos.first().cloned(), args.pos.get(1).cloned()) else {
        return vm.type_error("expected 1 argument, got 0");
    };
    this(vm, args, "__contains__")?;
    contains(vm, &me, &item).map(Value::Bool)
}

fn getnewargs(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let (s, _) = this(vm, args, "__getnewargs__")?;
    Ok(Value::tuple(vec![bytes_value(s)]))
}

/// The methods of `bytes`; `bytearray` has them too.
pub const SHARED_METHODS: Methods = &[
    ("decode", decode),
    ("hex", hex),
    ("find", find),
    ("rfind", rfind),
    ("index", index),
    ("rindex", rindex),
    ("count", count),
    ("startswith", startswith),
    ("endswith", endswith),
    ("split", split),
    ("rsplit", rsplit),
    ("splitlines", splitlines),
    ("partition", partition),
    ("rpartition", rpartition),
    ("join", join),
    ("strip", strip),
    ("lstrip", lstrip),
    ("rstrip", rstrip),
    ("replace", replace),
    ("upper", upper),
    ("lower", lower),
    ("swapcase", swapcase),
    ("title", title),
    ("capitalize", capitalize),
    ("isalpha", isalpha),
    ("isdigit", isdigit),
    ("isalnum", isalnum),
    ("isspace", isspace),
    ("isupper", isupper),
    ("islower", islower),
    ("isascii", isascii),
    ("istitle", istitle),
    ("center", center),
    ("ljust", ljust),
    ("rjust", rjust),
    ("zfill", zfill),
    ("removeprefix", removeprefix),
    ("removesuffix", removesuffix),
    ("expandtabs", expandtabs),
    ("translate", translate),
    ("__getitem__", dunder_getitem),
    ("__len__", dunder_len),
    ("__contains__", dunder_contains),
];

pub const BYTES_METHODS: Methods = {
    const N: usize = SHARED_METHODS.len() + 1;
    const ALL: [(&str, crate::vm::value::BuiltinFnPtr); N] = {
        let mut out = [SHARED_METHODS[0]; N];
        let mut i = 0;
        while i < SHARED_METHODS.len() {
            out[i] = SHARED_METHODS[i];
            i += 1;
        }
        out[i] = ("__getnewargs__", getnewargs);
        out
    };
    &ALL
};

/// `bytes.fromhex(s)` / `bytearray.fromhex(s)`: hex digit pairs, with
/// whitespace allowed between pairs.
fn fromhex(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let cls = args.pos.first().cloned().unwrap_or(Value::None);
    let s = match args.pos.get(1) {
        Some(v) => match v.as_str() {
            Some(s) => s.to_string(),
            None => {
                let t = vm.type_name(v);
                return vm.type_error(format!("fromhex() argument must be str, not {t}"));
            }
        },
        None => return vm.type_error("fromhex() takes exactly one argument (0 given)"),
    };
    let chars: Vec<char> = s.chars().collect();
    let bad = |vm: &Vm, i: usize| -> PyResult<Value> {
        vm.value_error(format!(
            "non-hexadecimal number found in fromhex() arg at position {i}"
        ))
    };
    let mut out = Vec::with_capacity(chars.len() / 2);
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii() && is_space(chars[i] as u8) {
            i += 1;
            continue;
        }
        let Some(hi) = chars[i].to_digit(16).filter(|_| chars[i].is_ascii()) else {
            return bad(vm, i);
        };
        let lo = chars
            .get(i + 1)
            .filter(|c| c.is_ascii())
            .and_then(|c| c.to_digit(16));
        let Some(lo) = lo else {
            return bad(vm, i + 1);
        };
        out.push((hi * 16 + lo) as u8);
        i += 2;
    }
    let t = &vm.types;
    match &cls {
        Value::Obj(c) if std::rc::Rc::ptr_eq(c, &t.bytearray) => Ok(bytearray_value(out)),
        Value::Obj(c) if std::rc::Rc::ptr_eq(c, &t.bytes) => Ok(bytes_value(out)),
        _ => vm.call(&cls, Args::new(vec![bytes_value(out)])),
    }
}

pub const BYTES_CLASS_METHODS: Methods = &[("fromhex", fromhex)];

/// `bytes.maketrans(from, to)`: the 256-byte table for `translate`.
fn maketrans(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let (Some(a), Some(b)) = (args.pos.first().cloned(), args.pos.get(1).cloned()) else {
        return vm.type_error(format!(
            "maketrans expected 2 arguments, got {}",
            args.pos.len()
        ));
    };
    let (a, b) = (need_bytes(vm, &a)?, need_bytes(vm, &b)?);
    if a.len() != b.len() {
        return vm.value_error("maketrans arguments must have same length");
    }
    let mut table: Vec<u8> = (0..=255).collect();
    for (x, y) in a.into_iter().zip(b) {
        table[usize::from(x)] = y;
    }
    Ok(bytes_value(table))
}

pub const BYTES_STATIC_METHODS: Methods = &[("maketrans", maketrans)];

#[cfg(test)]
mod tests {
    use crate::vm::builtins::run_for_test as run;

    #[test]
    fn bytes_methods_match_cpython() {
        let src = r#"
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: b"a" + "b")
t(lambda: b"a" + bytearray(b"b"))
t(lambda: bytearray(b"a") + b"b")
t(lambda: "a" + b"b")
t(lambda: 3 * bytearray(b"ab"))
t(lambda: bytes([256]))
t(lambda: bytes(["a"]))
t(lambda: bytes(-1))
t(lambda: bytes("abc"))
t(lambda: bytes(1.5))
t(lambda: bytes(None))
t(lambda: bytes(b"x", "utf-8"))
t(lambda: bytes("\xe9", "latin-1"))
t(lambda: b"a"[5])
t(lambda: b"a"[1.5])
t(lambda: b"abc"[0:1] + 1)
t(lambda: b"a".index(b"z"))
t(lambda: b"abc".find("a"))
t(lambda: b"abc".find(98))
t(lambda: b"abc".find(300))
t(lambda: "a" in b"abc")
t(lambda: (97 in b"abc", b"bc" in b"abc", b"" in b"", 1 in b"abc"))
t(lambda: b"abc".split("a"))
t(lambda: b"-".join([b"a", 1]))
t(lambda: b"-".join([b"a", bytearray(b"b")]))
t(lambda: b"abc".startswith("a"))
t(lambda: b"abc".startswith((b"x", b"a")))
t(lambda: b"abc".center(10, "x"))
t(lambda: (b"abc".center(10, b"x"), b"hello".center(10, b"*"), b"-12".zfill(6), b"abc".ljust(6, b"*")))
t(lambda: bytes.fromhex("zz"))
t(lambda: bytes.fromhex("abc"))
t(lambda: bytes.fromhex("a b"))
t(lambda: bytes.fromhex(" 01 02  "))
t(lambda: bytes.fromhex(b"01"))
t(lambda: (b"\x01\x02\x03".hex(":", 2), b"\x01\x02\x03".hex(":", -2), b"\x01\x02\x03".hex(b"-")))
t(lambda: b"\x01".hex("::"))
t(lambda: b"%s" % "a")
t(lambda: b"%s %s" % (b"a", bytearray(b"b")))
t(lambda: b"%r %a" % ("\xe9", b"x"))
t(lambda: b"%c%c" % (65, b"B"))
t(lambda: b"%c" % 256)
t(lambda: b"%5.2f|%-5d|%x|%(a)s" % (3.14159, 42, 255) if False else b"%(a)s" % {b"a": b"x"})
t(lambda: b"%5.2f|%-5d|%x" % (3.14159, 42, 255))
t(lambda: b"%s %s" % (b"a",))
t(lambda: b"%s" % (b"a", b"b"))
t(lambda: (b"abc" < b"abd", b"abc" == "abc", b"ab" == bytearray(b"ab"), hash(b"abc") == hash("abc"), hash(b"")))
t(lambda: b"abc" < "abd")
t(lambda: (b"a b\tc\n".split(), b"  a b  ".rsplit(None, 1), b"a,b,,c".split(b",", 2), b"a,b,,c".rsplit(b",", 2)))
t(lambda: (b"a\nb\r\nc\rd".splitlines(), b"a\nb\r\nc\rd\x0b\x0c".splitlines(True)))
t(lambda: (b"hello world".title(), b"hello world".capitalize(), b"Hello World".swapcase(), b"\xe9abc".upper()))
t(lambda: [b"".isalpha(), b"a1".isalnum(), b" \t\n\x0b\x0c\r".isspace(), b"\x1c".isspace(), b"Ab".istitle(), b"\x80".isascii()])
t(lambda: (b"abc".removeprefix(b"ab"), b"abc".removesuffix(b"bc"), b"abc".partition(b"b"), b"abc".rpartition(b"x")))
t(lambda: b"abc".partition(b""))
t(lambda: (list(b"ab"), b"abcdef"[::-2], b"ab" * -1, b" \x0babc\x0c ".strip(), b"xxabcxx".strip(b"x")))
t(lambda: (b"abc".count(b""), b"abc".find(b"", 10), b"abc".replace(b"", b"-"), b"abcabc".replace(b"b", b"X", 1)))
t(lambda: (b"abcabc".find(b"c", 3), b"abcabc".rfind(b"c", 0, 5), b"abcabc".count(b"bc", 1), b"abc".find(b"c", -1)))
t(lambda: (b"abc".endswith(b"bc", 0, 3), b"abc".endswith(b"bc", 0, 2), b"abc".startswith(b"", 3), b"abc".startswith(b"", 4)))
t(lambda: (b"abc".translate(None, b"b"), b"abc".translate(bytes.maketrans(b"a", b"b"))))
t(lambda: (b"a\tb".expandtabs(4), int(b"12"), float(b"1.5"), repr(b"\x01\x7f\x80'"), repr(b"'\"")))
t(lambda: (iter(b"ab").__class__.__name__, bytes(bytearray(b"xy")), b"hello world foo".split(maxsplit=1)))
"#;
        let want = r##"TypeError can't concat str to bytes
b'ab'
bytearray(b'ab')
TypeError can only concatenate str (not "bytes") to str
bytearray(b'ababab')
ValueError bytes must be in range(0, 256)
TypeError 'str' object cannot be interpreted as an integer
ValueError negative count
TypeError string argument without an encoding
TypeError cannot convert 'float' object to bytes
TypeError cannot convert 'NoneType' object to bytes
TypeError encoding without a string argument
b'\xe9'
IndexError index out of range
TypeError byte indices must be integers or slices, not float
TypeError can't concat int to bytes
ValueError subsection not found
TypeError argument should be integer or bytes-like object, not 'str'
1
ValueError byte must be in range(0, 256)
TypeError a bytes-like object is required, not 'str'
(True, True, True, False)
TypeError a bytes-like object is required, not 'str'
TypeError sequence item 1: expected a bytes-like object, int found
b'a-b'
TypeError startswith first arg must be bytes or a tuple of bytes, not str
True
TypeError center() argument 2 must be a byte string of length 1, not str
(b'xxxabcxxxx', b'**hello***', b'-00012', b'abc***')
ValueError non-hexadecimal number found in fromhex() arg at position 0
ValueError non-hexadecimal number found in fromhex() arg at position 3
ValueError non-hexadecimal number found in fromhex() arg at position 1
b'\x01\x02'
TypeError fromhex() argument must be str, not bytes
('01:0203', '0102:03', '01-02-03')
ValueError sep must be length 1.
TypeError %b requires a bytes-like object, or an object that implements __bytes__, not 'str'
b'a b'
b"'\\xe9' b'x'"
b'AB'
OverflowError %c arg not in range(256)
b'x'
b' 3.14|42   |ff'
TypeError not enough arguments for format string
TypeError not all arguments converted during bytes formatting
(True, False, True, True, 0)
TypeError '<' not supported between instances of 'bytes' and 'str'
([b'a', b'b', b'c'], [b'  a', b'b'], [b'a', b'b', b',c'], [b'a,b', b'', b'c'])
([b'a', b'b', b'c', b'd'], [b'a\n', b'b\r\n', b'c\r', b'd\x0b\x0c'])
(b'Hello World', b'Hello world', b'hELLO wORLD', b'\xe9ABC')
[False, True, True, False, True, False]
(b'c', b'a', (b'a', b'b', b'c'), (b'', b'', b'abc'))
ValueError empty separator
([97, 98], b'fdb', b'', b'abc', b'abc')
(4, -1, b'-a-b-c-', b'aXcabc')
(5, 2, 2, 2)
(True, False, True, False)
(b'ac', b'bbc')
(b'a   b', 12, 1.5, 'b"\\x01\\x7f\\x80\'"', 'b\'\\\'"\'')
('bytes_iterator', b'xy', [b'hello', b'world foo'])
"##;
        assert_eq!(run(src), want);
    }
}
