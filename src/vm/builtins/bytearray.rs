//! `bytearray`: the mutable bytes. Item and slice assignment and
//! deletion, `+=` and `*=` in place, and the list-like methods (`append`,
//! `extend`, `insert`, `pop`, `remove`, `reverse`, `clear`, `copy`); the
//! methods it shares with `bytes` live in `vm::builtins::bytes`.
//!
//! Owns: every change to a bytearray's contents. Never: holds the borrow
//! of the contents while Python code runs (values are converted first),
//! and never hashes (a bytearray is unhashable).

use std::cell::RefCell;

use super::bytes::{as_bytes, byte_of, bytes_from_ints, SHARED_METHODS};
use super::int::int_ref;
use super::str::{norm_index, slice_indices, slice_positions};
use super::Methods;
use crate::vm::call::Args;
use crate::vm::code::BinOp;
use crate::vm::value::{Obj, Value};
use crate::vm::{PyResult, Vm};

pub fn bytearray_value(data: Vec<u8>) -> Value {
    Value::obj(Obj::ByteArray(RefCell::new(data)))
}

/// The contents cell of a bytearray receiver.
fn this<'a>(vm: &Vm, args: &'a Args, name: &str) -> PyResult<&'a RefCell<Vec<u8>>> {
    match args.pos.first().and_then(|v| v.as_obj()).map(|o| &**o) {
        Some(Obj::ByteArray(b)) => Ok(b),
        _ => vm.type_error(format!("descriptor '{name}' requires a 'bytearray' object")),
    }
}

/// An integer index for a bytearray, or CPython's TypeError.
fn index_arg(vm: &mut Vm, key: &Value) -> PyResult<i64> {
    if int_ref(key).is_none() && vm.special(key, "__index__").is_none() {
        let t = vm.type_name(key);
        return vm.type_error(format!(
            "bytearray indices must be integers or slices, not {t}"
        ));
    }
    super::int::index_of(vm, key)
}

/// What may be assigned to a slice: bytes-like, or an iterable of ints.
fn slice_source(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = as_bytes(v) {
        return Ok(b);
    }
    if v.as_str().is_some() || int_ref(v).is_some() || vm.get_iter(v).is_err() {
        return vm
            .type_error("can assign only bytes, buffers, or iterables of ints in range(0, 256)");
    }
    bytes_from_ints(vm, v)
}

/// `ba[key] = value`.
pub fn setitem(vm: &mut Vm, cell: &RefCell<Vec<u8>>, key: &Value, value: &Value) -> PyResult<()> {
    if let Some(Obj::Slice(s)) = key.as_obj().map(|k| &**k) {
        let new = slice_source(vm, value)?;
        let len = cell.borrow().len();
        let (a, b, c) = slice_indices(vm, s, len)?;
        if c == 1 {
            let (a, b) = (a.max(0) as usize, b.max(a) as usize);
            cell.borrow_mut().splice(a..b.min(len), new);
            return Ok(());
        }
        let positions: Vec<usize> = slice_positions(a, b, c).collect();
        if positions.len() != new.len() {
            return vm.value_error(format!(
                "attempt to assign bytes of size {} to extended slice of size {}",
                new.len(),
                positions.len()
            ));
        }
        let mut data = cell.borrow_mut();
        for (p, v) in positions.into_iter().zip(new) {
            data[p] = v;
        }
        return Ok(());
    }
    let i = index_arg(vm, key)?;
    let byte = byte_of(vm, value)?;
    let mut data = cell.borrow_mut();
    match norm_index(i, data.len()) {
        Some(j) => {
            data[j] = byte;
            Ok(())
        }
        None => {
            drop(data);
            Err(vm.error("IndexError", "bytearray index out of range"))
        }
    }
}

/// `del ba[key]`.
pub fn delitem(vm: &mut Vm, cell: &RefCell<Vec<u8>>, key: &Value) -> PyResult<()> {
    if let Some(Obj::Slice(s)) = key.as_obj().map(|k| &**k) {
        let len = cell.borrow().len();
        let (a, b, c) = slice_indices(vm, s, len)?;
        let mut positions: Vec<usize> = slice_positions(a, b, c).collect();
        positions.sort_unstable();
        let mut data = cell.borrow_mut();
        let mut k = 0;
        let mut i = 0;
        data.retain(|_| {
            let drop_it = positions.get(k) == Some(&i);
            if drop_it {
                k += 1;
            }
            i += 1;
            !drop_it
        });
        return Ok(());
    }
    let i = index_arg(vm, key)?;
    let mut data = cell.borrow_mut();
    match norm_index(i, data.len()) {
        Some(j) => {
            data.remove(j);
            Ok(())
        }
        None => {
            drop(data);
            Err(vm.error("IndexError", "bytearray index out of range"))
        }
    }
}

/// `ba += x` (x bytes-like) and `ba *= n`, in place.
pub fn inplace(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Option<Value>> {
    let Some(Obj::ByteArray(cell)) = a.as_obj().map(|o| &**o) else {
        return Ok(None);
    };
    match op {
        BinOp::Add => match as_bytes(b) {
            Some(more) => {
                cell.borrow_mut().extend_from_slice(&more);
                Ok(Some(a.clone()))
            }
            None if super::is_builtin_value(b) => {
                let t = vm.type_name(b);
                vm.type_error(format!("can't concat {t} to bytearray"))
            }
            None => Ok(None),
        },
        BinOp::Mul => {
            let n = match int_ref(b) {
                Some(n) => n.to_i64().unwrap_or(i64::MAX).max(0) as usize,
                None => return Ok(None),
            };
            let len = cell.borrow().len();
            if len.saturating_mul(n) > 1 << 30 {
                return Err(vm.error("MemoryError", ""));
            }
            let repeated = cell.borrow().repeat(n);
            *cell.borrow_mut() = repeated;
            Ok(Some(a.clone()))
        }
        _ => Ok(None),
    }
}

fn append(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let Some(item) = args.pos.get(1).cloned() else {
        return vm.type_error("bytearray.append() takes exactly one argument (0 given)");
    };
    let byte = byte_of(vm, &item)?;
    this(vm, args, "append")?.borrow_mut().push(byte);
    Ok(Value::None)
}

fn extend(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let Some(src) = args.pos.get(1).cloned() else {
        return vm.type_error("bytearray.extend() takes exactly one argument (0 given)");
    };
    let more = match as_bytes(&src) {
        Some(b) => b,
        None => {
            if vm.get_iter(&src).is_err() {
                let t = vm.type_name(&src);
                return vm.type_error(format!("can't extend bytearray with {t}"));
            }
            bytes_from_ints(vm, &src)?
        }
    };
    this(vm, args, "extend")?.borrow_mut().extend(more);
    Ok(Value::None)
}

fn insert(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let (Some(i), Some(item)) = (args.pos.get(1).cloned(), args.pos.get(2).cloned()) else {
        return vm.type_error(format!(
            "insert expected 2 arguments, got {}",
            args.pos.len().saturating_sub(1)
        ));
    };
    let i = super::int::index_of(vm, &i)?;
    let byte = byte_of(vm, &item)?;
    let cell = this(vm, args, "insert")?;
    let mut data = cell.borrow_mut();
    let n = data.len() as i64;
    let at = if i < 0 { (i + n).max(0) } else { i.min(n) };
    data.insert(at as usize, byte);
    Ok(Value::None)
}

fn pop(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let i = match args.pos.get(1).cloned() {
        Some(v) => super::int::index_of(vm, &v)?,
        None => -1,
    };
    let cell = this(vm, args, "pop")?;
    let mut data = cell.borrow_mut();
    if data.is_empty() {
        drop(data);
        return Err(vm.error("IndexError", "pop from empty bytearray"));
    }
    match norm_index(i, data.len()) {
        Some(j) => Ok(Value::Int(i64::from(data.remove(j)))),
        None => {
            drop(data);
            Err(vm.error("IndexError", "pop index out of range"))
        }
    }
}

fn remove(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let Some(item) = args.pos.get(1).cloned() else {
        return vm.type_error("bytearray.remove() takes exactly one argument (0 given)");
    };
    let byte = byte_of(vm, &item)?;
    let cell = this(vm, args, "remove")?;
    let mut data = cell.borrow_mut();
    match data.iter().position(|&b| b == byte) {
        Some(j) => {
            data.remove(j);
            Ok(Value::None)
        }
        None => {
            drop(data);
            vm.value_error("value not found in bytearray")
        }
    }
}

fn reverse(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    this(vm, args, "reverse")?.borrow_mut().reverse();
    Ok(Value::None)
}

fn clear(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    this(vm, args, "clear")?.borrow_mut().clear();
    Ok(Value::None)
}

fn copy(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let data = this(vm, args, "copy")?.borrow().clone();
    Ok(bytearray_value(data))
}

fn dunder_setitem(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let (Some(key), Some(value)) = (args.pos.get(1).cloned(), args.pos.get(2).cloned()) else {
        return vm.type_error("expected 2 arguments");
    };
    setitem(vm, this(vm, args, "__setitem__")?, &key, &value)?;
    Ok(Value::None)
}

fn dunder_delitem(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let Some(key) = args.pos.get(1).cloned() else {
        return vm.type_error("expected 1 argument, got 0");
    };
    delitem(vm, this(vm, args, "__delitem__")?, &key)?;
    Ok(Value::None)
}

const OWN_METHODS: Methods = &[
    ("__setitem__", dunder_setitem),
    ("__delitem__", dunder_delitem),
    ("append", append),
    ("extend", extend),
    ("insert", insert),
    ("pop", pop),
    ("remove", remove),
    ("reverse", reverse),
    ("clear", clear),
    ("copy", copy),
];

/// The methods of `bytearray`: those of `bytes` and its own.
pub const BYTEARRAY_METHODS: Methods = {
    const N: usize = SHARED_METHODS.len() + OWN_METHODS.len();
    const ALL: [(&str, crate::vm::value::BuiltinFnPtr); N] = {
        let mut out = [SHARED_METHODS[0]; N];
        let mut i = 0;
        while i < SHARED_METHODS.len() {
            out[i] = SHARED_METHODS[i];
            i += 1;
        }
        let mut j = 0;
        while j < OWN_METHODS.len() {
            out[i + j] = OWN_METHODS[j];
            j += 1;
        }
        out
    };
    &ALL
};

#[cfg(test)]
mod tests {
    use crate::vm::builtins::run_for_test as run;

    #[test]
    fn bytearray_matches_cpython() {
        let src = r#"
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
def mk(): return bytearray(b"abcdef")
def s(k, v):
    b = mk(); b[k] = v; return b
def d(k):
    b = mk(); del b[k]; return b
def m(name, *a):
    b = mk(); r = getattr(b, name)(*a); return (r, b)
for k, v in [(slice(1, 3), [65, 66, 67]), (slice(1, 3), "ab"), (slice(1, 3), 5), (slice(1, 3), [300]),
             (slice(1, 3), ["a"]), (slice(None, None, 2), b"xyz"), (slice(None, None, 2), b"xy"),
             (slice(None, None, -1), b"123456"), (slice(4, 1), b"XY"), (-1, 65), (-7, 65), (True, 65),
             (1.0, 65), (0, True), (0, b"a"), (0, 300)]:
    t(lambda: s(k, v))
for k in [0, -1, 10, slice(None, None, 2), slice(1, 3), "a"]:
    t(lambda: d(k))
for call in [("append", 65), ("extend", [1, 2]), ("extend", "ab"), ("extend", 5), ("extend", b"xy"),
             ("insert", 0, 65), ("insert", 100, 65), ("insert", -100, 65), ("insert", 0, 300), ("pop",),
             ("pop", 0), ("pop", -10), ("remove", 99), ("remove", 120), ("reverse",), ("clear",), ("copy",),
             ("upper",), ("split", b"c"), ("hex",), ("decode",), ("find", b"cd"), ("strip", b"af"),
             ("replace", b"b", b"BB"), ("join", [b"1", b"2"]), ("partition", b"c"), ("title",)]:
    t(lambda: m(*call))
t(lambda: bytearray().pop())
def ia(x):
    b = mk(); c = b; b += x; return (b, b is c)
def im(x):
    b = mk(); c = b; b *= x; return (b, b is c)
def bi(x):
    b = b"ab"; c = b; b += x; return (b, b is c)
for f, x in [(ia, b"gh"), (ia, bytearray(b"gh")), (ia, [1, 2]), (ia, "gh"), (im, 2), (im, 0), (bi, b"cd"), (bi, bytearray(b"cd"))]:
    t(lambda: f(x))
t(lambda: (bytearray(b"ab") == b"ab", bytearray(b"ab") < b"b", sorted([b"b", b"a", b"ab"]), max(b"hello")))
t(lambda: (list(bytearray(b"xy")), list(reversed(bytearray(b"abc"))), bytearray(b"abc") * 2, isinstance(bytearray(), bytes)))
t(lambda: {bytearray(b"a")})
t(lambda: hash(bytearray()))
t(lambda: (bytearray(b"\x00a'"), bytearray(b"a'b\""), str(bytearray(b"x")), bytearray(3), bytearray([1, 2]), bytearray("\xe9", "utf-8")))
t(lambda: (bytearray.fromhex("ff 00"), bytearray(b"abc").hex("-"), type(bytearray(b"-").join([b"a"])).__name__))
t(lambda: bytearray("abc"))
t(lambda: bytearray(-1))
t(lambda: bytearray(3.0))
t(lambda: bytearray(b"ab")["x"])
t(lambda: bytearray(b"ab")[5])
t(lambda: (bytearray(b"%s") % b"x", iter(bytearray(b"a")).__class__.__name__, bytearray(b"abcdef")[1:3]))
class Buf(bytearray):
    pass
b = Buf(b"xy")
b.append(122)
t(lambda: (b, len(b), bytes(b), b.upper(), b[0]))
"#;
        let want = r##"bytearray(b'aABCdef')
TypeError can assign only bytes, buffers, or iterables of ints in range(0, 256)
TypeError can assign only bytes, buffers, or iterables of ints in range(0, 256)
ValueError byte must be in range(0, 256)
TypeError 'str' object cannot be interpreted as an integer
bytearray(b'xbydzf')
ValueError attempt to assign bytes of size 2 to extended slice of size 3
bytearray(b'654321')
bytearray(b'abcdXYef')
bytearray(b'abcdeA')
IndexError bytearray index out of range
bytearray(b'aAcdef')
TypeError bytearray indices must be integers or slices, not float
bytearray(b'\x01bcdef')
TypeError 'bytes' object cannot be interpreted as an integer
ValueError byte must be in range(0, 256)
bytearray(b'bcdef')
bytearray(b'abcde')
IndexError bytearray index out of range
bytearray(b'bdf')
bytearray(b'adef')
TypeError bytearray indices must be integers or slices, not str
(None, bytearray(b'abcdefA'))
(None, bytearray(b'abcdef\x01\x02'))
TypeError 'str' object cannot be interpreted as an integer
TypeError can't extend bytearray with int
(None, bytearray(b'abcdefxy'))
(None, bytearray(b'Aabcdef'))
(None, bytearray(b'abcdefA'))
(None, bytearray(b'Aabcdef'))
ValueError byte must be in range(0, 256)
(102, bytearray(b'abcde'))
(97, bytearray(b'bcdef'))
IndexError pop index out of range
(None, bytearray(b'abdef'))
ValueError value not found in bytearray
(None, bytearray(b'fedcba'))
(None, bytearray(b''))
(bytearray(b'abcdef'), bytearray(b'abcdef'))
(bytearray(b'ABCDEF'), bytearray(b'abcdef'))
([bytearray(b'ab'), bytearray(b'def')], bytearray(b'abcdef'))
('616263646566', bytearray(b'abcdef'))
('abcdef', bytearray(b'abcdef'))
(2, bytearray(b'abcdef'))
(bytearray(b'bcde'), bytearray(b'abcdef'))
(bytearray(b'aBBcdef'), bytearray(b'abcdef'))
(bytearray(b'1abcdef2'), bytearray(b'abcdef'))
((bytearray(b'ab'), bytearray(b'c'), bytearray(b'def')), bytearray(b'abcdef'))
(bytearray(b'Abcdef'), bytearray(b'abcdef'))
IndexError pop from empty bytearray
(bytearray(b'abcdefgh'), True)
(bytearray(b'abcdefgh'), True)
TypeError can't concat list to bytearray
TypeError can't concat str to bytearray
(bytearray(b'abcdefabcdef'), True)
(bytearray(b''), True)
(b'abcd', False)
(b'abcd', False)
(True, True, [b'a', b'ab', b'b'], 111)
([120, 121], [99, 98, 97], bytearray(b'abcabc'), False)
TypeError unhashable type: 'bytearray'
TypeError unhashable type: 'bytearray'
(bytearray(b"\x00a\'"), bytearray(b'a\'b"'), "bytearray(b'x')", bytearray(b'\x00\x00\x00'), bytearray(b'\x01\x02'), bytearray(b'\xc3\xa9'))
(bytearray(b'\xff\x00'), '61-62-63', 'bytearray')
TypeError string argument without an encoding
ValueError negative count
TypeError cannot convert 'float' object to bytearray
TypeError bytearray indices must be integers or slices, not str
IndexError bytearray index out of range
(bytearray(b'x'), 'bytearray_iterator', bytearray(b'bc'))
(Buf(b'xyz'), 3, b'xyz', bytearray(b'XYZ'), 120)
"##;
        assert_eq!(run(src), want);
    }
}
