//! `collections.deque`: a double-ended queue with an optional `maxlen`,
//! and its forward and reverse iterators, with CPython 3.11's reprs and
//! messages. Each method is one builtin call, so `append`/`popleft` are
//! atomic under every scheduler model, as they are in CPython.
//!
//! The Rust state ([`Deque`]) is borrowed only while no Python code runs:
//! comparisons and reprs work on a copy of the items and check the
//! mutation counter (`state`) afterwards, as CPython does ("deque mutated
//! during iteration").

use std::collections::VecDeque;

use crate::vm::builtins::list::repr_guard;
use crate::vm::builtins::Methods;
use crate::vm::call::Args;
use crate::vm::code::CmpOp;
use crate::vm::module::native_data;
use crate::vm::value::{Builtin, Obj, ObjRef, Property, Value};
use crate::vm::{PyErr, PyResult, Vm};

/// The state of one deque.
pub struct Deque {
    pub items: VecDeque<Value>,
    /// Never exceeded by `items.len()`.
    pub maxlen: Option<usize>,
    /// Bumped by every change of length or order (iterators compare it).
    pub state: u64,
}

impl Deque {
    fn new() -> Deque {
        Deque {
            items: VecDeque::new(),
            maxlen: None,
            state: 0,
        }
    }

    fn push_back(&mut self, v: Value) {
        self.state += 1;
        if self.maxlen == Some(0) {
            return;
        }
        if Some(self.items.len()) == self.maxlen {
            self.items.pop_front();
        }
        self.items.push_back(v);
    }

    fn push_front(&mut self, v: Value) {
        self.state += 1;
        if self.maxlen == Some(0) {
            return;
        }
        if Some(self.items.len()) == self.maxlen {
            self.items.pop_back();
        }
        self.items.push_front(v);
    }
}

/// The state of a deque iterator: it yields at most the `len` items the
/// deque had when it was made, and fails if the deque changes.
struct DequeIter {
    deque: Value,
    index: usize,
    len: usize,
    state: u64,
    reverse: bool,
}

const ITER_CLASS: &str = "_deque_iterator";
const REVERSE_ITER_CLASS: &str = "_deque_reverse_iterator";

/// Adds `deque` and its iterator classes to `_collections`.
pub fn install(vm: &mut Vm, module: &ObjRef) {
    let class = vm.new_native_class("deque", "collections", DEQUE_METHODS, None);
    if let Obj::Type(td) = &*class {
        let mut dict = td.dict.borrow_mut();
        let maxlen = Value::obj(Obj::Property(Box::new(Property {
            fget: Value::obj(Obj::Builtin(Builtin {
                name: "maxlen",
                owner: Some("deque"),
                func: maxlen,
                bound: None,
            })),
            fset: Value::None,
            fdel: Value::None,
            doc: Value::str("maximum size of a deque or None if unbounded"),
        })));
        let k = vm.intern("maxlen");
        dict.insert_absent(k, crate::vm::ops::str_hash("maxlen"), maxlen);
        let k = vm.intern("__hash__");
        dict.insert_absent(k, crate::vm::ops::str_hash("__hash__"), Value::None);
    }
    vm.module_set(module, "deque", Value::Obj(class));
    for name in [ITER_CLASS, REVERSE_ITER_CLASS] {
        let c = vm.new_native_class(name, "_collections", ITER_METHODS, None);
        vm.module_set(module, name, Value::Obj(c));
    }
}

/// Runs `f` on the deque `v`, or raises the descriptor TypeError.
fn with<R>(vm: &Vm, v: &Value, name: &str, f: impl FnOnce(&mut Deque) -> R) -> PyResult<R> {
    match native_data(v, f) {
        Some(r) => Ok(r),
        None => vm.type_error(format!(
            "descriptor '{name}' for 'collections.deque' objects doesn't apply to a '{}' object",
            vm.type_name(v)
        )),
    }
}

fn is_deque(v: &Value) -> bool {
    native_data(v, |_: &mut Deque| ()).is_some()
}

/// `self` and exactly `n` more positional arguments.
fn expect(vm: &Vm, args: &Args, name: &str, n: usize) -> PyResult<Value> {
    let Some(me) = args.pos.first().cloned() else {
        return vm.type_error(format!(
            "descriptor '{name}' of 'collections.deque' object needs an argument"
        ));
    };
    if !args.kw.is_empty() {
        return vm.type_error(format!("deque.{name}() takes no keyword arguments"));
    }
    let given = args.pos.len() - 1;
    if given != n {
        let msg = match n {
            0 => format!("deque.{name}() takes no arguments ({given} given)"),
            1 => format!("deque.{name}() takes exactly one argument ({given} given)"),
            _ => format!("{name} expected {n} arguments, got {given}"),
        };
        return vm.type_error(msg);
    }
    Ok(me)
}

fn snapshot(vm: &Vm, v: &Value, name: &str) -> PyResult<(Vec<Value>, u64)> {
    with(vm, v, name, |d| {
        (d.items.iter().cloned().collect(), d.state)
    })
}

fn mutated(vm: &Vm, kind: &str) -> PyErr {
    vm.error(kind, "deque mutated during iteration")
}

fn check_state(vm: &Vm, v: &Value, state: u64, kind: &str) -> PyResult<()> {
    if with(vm, v, "__iter__", |d| d.state)? != state {
        return Err(mutated(vm, kind));
    }
    Ok(())
}

/// A new empty deque of class `cls` (the native class or a subclass).
fn new_of(vm: &Vm, cls: &ObjRef, maxlen: Option<usize>) -> Value {
    let mut d = Deque::new();
    d.maxlen = maxlen;
    vm.new_native(cls, d)
}

/// `deque.__new__(cls, *args, **kwargs)`: an empty deque; `__init__` fills it.
fn new(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    match args.pos.first() {
        Some(Value::Obj(cls)) if matches!(&**cls, Obj::Type(_)) => Ok(new_of(vm, cls, None)),
        _ => vm.type_error("deque.__new__(X): X is not a type object"),
    }
}

/// `deque.__init__(self, iterable=(), maxlen=None)`.
fn init(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let Some(me) = args.pos.first().cloned() else {
        return vm
            .type_error("descriptor '__init__' of 'collections.deque' object needs an argument");
    };
    let mut iterable = args.pos.get(1).cloned();
    let mut maxlen_arg = args.pos.get(2).cloned();
    let given = args.pos.len() - 1;
    for (k, v) in std::mem::take(&mut args.kw) {
        match k.as_str() {
            Some("iterable") if iterable.is_none() => iterable = Some(v),
            Some("maxlen") if maxlen_arg.is_none() => maxlen_arg = Some(v),
            Some(name @ ("iterable" | "maxlen")) => {
                return vm.type_error(format!(
                    "argument for deque() given by name ('{name}') and position"
                ))
            }
            Some(name) => {
                return vm.type_error(format!(
                    "'{name}' is an invalid keyword argument for deque()"
                ))
            }
            None => return vm.type_error("keywords must be strings"),
        }
    }
    if given > 2 {
        return vm.type_error(format!("deque() takes at most 2 arguments ({given} given)"));
    }
    let maxlen = match maxlen_arg {
        None | Some(Value::None) => None,
        Some(Value::Int(n)) if n < 0 => return vm.value_error("maxlen must be non-negative"),
        Some(Value::Int(n)) => Some(n as usize),
        Some(Value::Bool(b)) => Some(usize::from(b)),
        Some(_) => return vm.type_error("an integer is required"),
    };
    with(vm, &me, "__init__", |d| {
        d.items.clear();
        d.maxlen = maxlen;
        d.state += 1;
    })?;
    if let Some(it) = iterable {
        extend_from(vm, &me, &it, false)?;
    }
    Ok(Value::None)
}

/// Appends (or, with `left`, prepends one by one) the items of `src`.
fn extend_from(vm: &mut Vm, me: &Value, src: &Value, left: bool) -> PyResult<()> {
    let items = if src.is(me) {
        snapshot(vm, me, "extend")?.0
    } else {
        vm.collect(src)?
    };
    with(vm, me, "extend", |d| {
        for v in items {
            if left {
                d.push_front(v);
            } else {
                d.push_back(v);
            }
        }
    })
}

fn maxlen(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let me = expect(vm, args, "maxlen", 0)?;
    let m = with(vm, &me, "maxlen", |d| d.maxlen)?;
    Ok(m.map_or(Value::None, |n| Value::Int(n as i64)))
}

fn append(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let me = expect(vm, args, "append", 1)?;
    let v = args.pos[1].clone();
    with(vm, &me, "append", |d| d.push_back(v))?;
    Ok(Value::None)
}

fn appendleft(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let me = expect(vm, args, "appendleft", 1)?;
    let v = args.pos[1].clone();
    with(vm, &me, "appendleft", |d| d.push_front(v))?;
    Ok(Value::None)
}

fn pop_end(vm: &mut Vm, args: &Args, name: &str, left: bool) -> PyResult<Value> {
    let me = expect(vm, args, name, 0)?;
    let r = with(vm, &me, name, |d| {
        let v = if left {
            d.items.pop_front()
        } else {
            d.items.pop_back()
        };
        if v.is_some() {
            d.state += 1;
        }
        v
    })?;
    r.ok_or_else(|| vm.error("IndexError", "pop from an empty deque"))
}

fn pop(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    pop_end(vm, args, "pop", false)
}

fn popleft(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    pop_end(vm, args, "popleft", true)
}

fn extend(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let me = expect(vm, args, "extend", 1)?;
    let src = args.pos[1].clone();
    extend_from(vm, &me, &src, false)?;
    Ok(Value::None)
}

fn extendleft(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let me = expect(vm, args, "extendleft", 1)?;
    let src = args.pos[1].clone();
    extend_from(vm, &me, &src, true)?;
    Ok(Value::None)
}

fn rotate(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let Some(me) = args.pos.first().cloned() else {
        return vm
            .type_error("descriptor 'rotate' of 'collections.deque' object needs an argument");
    };
    if args.pos.len() > 2 {
        return vm.type_error(format!(
            "rotate expected at most 1 argument, got {}",
            args.pos.len() - 1
        ));
    }
    let n = match args.pos.get(1) {
        Some(v) => crate::vm::builtins::int::index_of(vm, v)?,
        None => 1,
    };
    with(vm, &me, "rotate", |d| {
        let len = d.items.len() as i64;
        if len > 1 {
            d.items.rotate_right(n.rem_euclid(len) as usize);
            d.state += 1;
        }
    })?;
    Ok(Value::None)
}

fn clear(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let me = expect(vm, args, "clear", 0)?;
    with(vm, &me, "clear", |d| {
        d.items.clear();
        d.state += 1;
    })?;
    Ok(Value::None)
}

fn reverse(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let me = expect(vm, args, "reverse", 0)?;
    with(vm, &me, "reverse", |d| d.items.make_contiguous().reverse())?;
    Ok(Value::None)
}

/// A copy with the same class and maxlen (`copy`, `+`, `*`).
fn copy_of(vm: &mut Vm, me: &Value) -> PyResult<Value> {
    let (items, maxlen) = with(vm, me, "copy", |d| (d.items.clone(), d.maxlen))?;
    let cls = vm.type_of(me);
    let exact = crate::vm::types::type_data(&cls)
        .is_some_and(|td| &*td.name == "deque" && &*td.module == "collections");
    if exact {
        let mut d = Deque::new();
        d.items = items;
        d.maxlen = maxlen;
        return Ok(vm.new_native(&cls, d));
    }
    // A subclass is rebuilt through its constructor, as CPython does.
    let list = Value::list(items.into_iter().collect());
    let m = maxlen.map_or(Value::None, |n| Value::Int(n as i64));
    let mut a = Args::new(vec![list]);
    if !m.is_none() {
        a.kw.push((Value::str("maxlen"), m));
    }
    vm.call(&Value::Obj(cls), a)
}

fn copy(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let me = expect(vm, args, "copy", 0)?;
    copy_of(vm, &me)
}

fn count(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let me = expect(vm, args, "count", 1)?;
    let x = args.pos[1].clone();
    let (items, state) = snapshot(vm, &me, "count")?;
    let mut n = 0;
    for v in &items {
        let same = vm.eq(v, &x)?;
        check_state(vm, &me, state, "RuntimeError")?;
        if same {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

/// A start/stop argument of `index`, clamped to `0..=len` as CPython does.
fn clamp_index(vm: &mut Vm, v: Option<&Value>, len: usize, default: usize) -> PyResult<usize> {
    let Some(v) = v else { return Ok(default) };
    let i = match v {
        Value::Int(i) => *i,
        Value::Bool(b) => i64::from(*b),
        Value::Obj(o) if matches!(&**o, Obj::BigInt(_)) => {
            let negative = vm.compare(v, &Value::Int(0), CmpOp::Lt)?;
            if vm.truthy(&negative)? {
                i64::MIN
            } else {
                i64::MAX
            }
        }
        _ if vm.special(v, "__index__").is_some() => crate::vm::builtins::int::index_of(vm, v)?,
        _ => return vm.type_error("slice indices must be integers or have an __index__ method"),
    };
    let len = len as i64;
    let i = if i < 0 { (i + len).max(0) } else { i.min(len) };
    Ok(i as usize)
}

fn index(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let Some(me) = args.pos.first().cloned() else {
        return vm.type_error("descriptor 'index' of 'collections.deque' object needs an argument");
    };
    if args.pos.len() < 2 || args.pos.len() > 4 {
        let n = args.pos.len().saturating_sub(1);
        let msg = if n < 1 {
            format!("index expected at least 1 argument, got {n}")
        } else {
            format!("index expected at most 3 arguments, got {n}")
        };
        return vm.type_error(msg);
    }
    let x = args.pos[1].clone();
    let (items, state) = snapshot(vm, &me, "index")?;
    let start = clamp_index(vm, args.pos.get(2), items.len(), 0)?;
    let stop = clamp_index(vm, args.pos.get(3), items.len(), items.len())?;
    for (i, v) in items.iter().enumerate().take(stop).skip(start) {
        let same = vm.eq(v, &x)?;
        check_state(vm, &me, state, "RuntimeError")?;
        if same {
            return Ok(Value::Int(i as i64));
        }
    }
    let r = vm.repr_of(&x)?;
    vm.value_error(format!("{r} is not in deque"))
}

fn insert(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let me = expect(vm, args, "insert", 2)?;
    let i = crate::vm::builtins::int::index_of(vm, &args.pos[1])?;
    let v = args.pos[2].clone();
    let full = with(vm, &me, "insert", |d| {
        if Some(d.items.len()) == d.maxlen {
            return true;
        }
        let len = d.items.len() as i64;
        let at = if i < 0 { (i + len).max(0) } else { i.min(len) };
        d.items.insert(at as usize, v);
        d.state += 1;
        false
    })?;
    if full {
        return Err(vm.error("IndexError", "deque already at its maximum size"));
    }
    Ok(Value::None)
}

fn remove(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let me = expect(vm, args, "remove", 1)?;
    let x = args.pos[1].clone();
    let (items, state) = snapshot(vm, &me, "remove")?;
    for (i, v) in items.iter().enumerate() {
        let same = vm.eq(v, &x)?;
        check_state(vm, &me, state, "IndexError")?;
        if same {
            with(vm, &me, "remove", |d| {
                d.items.remove(i);
                d.state += 1;
            })?;
            return Ok(Value::None);
        }
    }
    let r = vm.repr_of(&x)?;
    vm.value_error(format!("{r} is not in deque"))
}

fn len(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let me = expect(vm, args, "__len__", 0)?;
    let n = with(vm, &me, "__len__", |d| d.items.len())?;
    Ok(Value::Int(n as i64))
}

fn bool_(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let me = expect(vm, args, "__bool__", 0)?;
    let n = with(vm, &me, "__bool__", |d| d.items.len())?;
    Ok(Value::Bool(n > 0))
}

fn contains(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let me = expect(vm, args, "__contains__", 1)?;
    let x = args.pos[1].clone();
    let (items, state) = snapshot(vm, &me, "__contains__")?;
    for v in &items {
        let same = vm.eq(v, &x)?;
        check_state(vm, &me, state, "RuntimeError")?;
        if same {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

/// The position of a subscript, or the TypeError/IndexError CPython gives.
fn position(vm: &mut Vm, me: &Value, key: &Value, name: &str) -> PyResult<usize> {
    let i = match key {
        Value::Int(i) => *i,
        Value::Bool(b) => i64::from(*b),
        _ if matches!(key, Value::Obj(o) if matches!(&**o, Obj::BigInt(_)))
            || vm.special(key, "__index__").is_some() =>
        {
            crate::vm::builtins::int::index_of(vm, key)?
        }
        _ => {
            let t = vm.type_name(key);
            return vm.type_error(format!("sequence index must be integer, not '{t}'"));
        }
    };
    let len = with(vm, me, name, |d| d.items.len())?;
    match crate::vm::builtins::str::norm_index(i, len) {
        Some(j) => Ok(j),
        None => Err(vm.error("IndexError", "deque index out of range")),
    }
}

fn getitem(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let me = expect(vm, args, "__getitem__", 1)?;
    let j = position(vm, &me, &args.pos[1], "__getitem__")?;
    let v = with(vm, &me, "__getitem__", |d| d.items.get(j).cloned())?;
    Ok(v.unwrap_or(Value::None))
}

fn setitem(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let me = expect(vm, args, "__setitem__", 2)?;
    let j = position(vm, &me, &args.pos[1], "__setitem__")?;
    let v = args.pos[2].clone();
    with(vm, &me, "__setitem__", |d| {
        if let Some(slot) = d.items.get_mut(j) {
            *slot = v;
        }
    })?;
    Ok(Value::None)
}

fn delitem(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let me = expect(vm, args, "__delitem__", 1)?;
    let j = position(vm, &me, &args.pos[1], "__delitem__")?;
    with(vm, &me, "__delitem__", |d| {
        d.items.remove(j);
        d.state += 1;
    })?;
    Ok(Value::None)
}

fn repr(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let me = expect(vm, args, "__repr__", 0)?;
    let (items, maxlen) = with(vm, &me, "__repr__", |d| {
        (d.items.iter().cloned().collect::<Vec<_>>(), d.maxlen)
    })?;
    let name = vm.type_name(&me);
    let s = repr_guard(&me, "[...]", || {
        let list = vm.repr_of(&Value::list(items))?;
        Ok(match maxlen {
            Some(m) => format!("{name}({list}, maxlen={m})"),
            None => format!("{name}({list})"),
        })
    })?;
    Ok(Value::string(s))
}

fn compare(vm: &mut Vm, args: &Args, name: &str, op: CmpOp) -> PyResult<Value> {
    let me = expect(vm, args, name, 1)?;
    let other = args.pos[1].clone();
    if !is_deque(&other) {
        return Ok(vm.not_implemented());
    }
    let (a, _) = snapshot(vm, &me, name)?;
    let (b, _) = snapshot(vm, &other, name)?;
    vm.compare(&Value::list(a), &Value::list(b), op)
}

macro_rules! comparison {
    ($f:ident, $name:literal, $op:expr) => {
        fn $f(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
            compare(vm, args, $name, $op)
        }
    };
}
comparison!(eq, "__eq__", CmpOp::Eq);
comparison!(ne, "__ne__", CmpOp::Ne);
comparison!(lt, "__lt__", CmpOp::Lt);
comparison!(le, "__le__", CmpOp::Le);
comparison!(gt, "__gt__", CmpOp::Gt);
comparison!(ge, "__ge__", CmpOp::Ge);

fn add(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let me = expect(vm, args, "__add__", 1)?;
    let other = args.pos[1].clone();
    if !is_deque(&other) {
        let t = vm.type_name(&other);
        return vm.type_error(format!("can only concatenate deque (not \"{t}\") to deque"));
    }
    let r = copy_of(vm, &me)?;
    extend_from(vm, &r, &other, false)?;
    Ok(r)
}

fn iadd(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let me = expect(vm, args, "__iadd__", 1)?;
    let other = args.pos[1].clone();
    extend_from(vm, &me, &other, false)?;
    Ok(me)
}

/// Repeats the items of `me` in place `n` times in all.
fn repeat_in_place(vm: &mut Vm, me: &Value, n: &Value) -> PyResult<()> {
    let Ok(n) = crate::vm::builtins::int::index_of(vm, n) else {
        let t = vm.type_name(n);
        return vm.type_error(format!("can't multiply sequence by non-int of type '{t}'"));
    };
    let (items, _) = snapshot(vm, me, "__mul__")?;
    if n <= 0 {
        with(vm, me, "__mul__", |d| {
            d.items.clear();
            d.state += 1;
        })?;
        return Ok(());
    }
    if (items.len() as u128) * (n as u128) > (1u128 << 31) {
        return Err(vm.error("MemoryError", ""));
    }
    with(vm, me, "__mul__", |d| {
        for _ in 1..n {
            for v in &items {
                d.push_back(v.clone());
            }
        }
    })
}

fn mul(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let me = expect(vm, args, "__mul__", 1)?;
    let r = copy_of(vm, &me)?;
    repeat_in_place(vm, &r, &args.pos[1])?;
    Ok(r)
}

fn imul(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let me = expect(vm, args, "__imul__", 1)?;
    repeat_in_place(vm, &me, &args.pos[1])?;
    Ok(me)
}

/// An iterator class of `_collections`.
fn iter_class(vm: &mut Vm, name: &str) -> PyResult<ObjRef> {
    let m = vm.import_module("_collections")?;
    match vm.get_attr_str(&m, name)? {
        Value::Obj(c) => Ok(c),
        _ => vm.type_error("deque iterator class missing"),
    }
}

fn make_iter(vm: &mut Vm, args: &Args, name: &str, reverse: bool) -> PyResult<Value> {
    let me = expect(vm, args, name, 0)?;
    let (len, state) = with(vm, &me, name, |d| (d.items.len(), d.state))?;
    let cls = iter_class(
        vm,
        if reverse {
            REVERSE_ITER_CLASS
        } else {
            ITER_CLASS
        },
    )?;
    Ok(vm.new_native(
        &cls,
        DequeIter {
            deque: me,
            index: 0,
            len,
            state,
            reverse,
        },
    ))
}

fn iter(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    make_iter(vm, args, "__iter__", false)
}

fn reversed(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    make_iter(vm, args, "__reversed__", true)
}

const DEQUE_METHODS: Methods = &[
    ("__new__", new),
    ("__init__", init),
    ("append", append),
    ("appendleft", appendleft),
    ("pop", pop),
    ("popleft", popleft),
    ("extend", extend),
    ("extendleft", extendleft),
    ("rotate", rotate),
    ("clear", clear),
    ("reverse", reverse),
    ("copy", copy),
    ("__copy__", copy),
    ("count", count),
    ("index", index),
    ("insert", insert),
    ("remove", remove),
    ("__len__", len),
    ("__bool__", bool_),
    ("__contains__", contains),
    ("__getitem__", getitem),
    ("__setitem__", setitem),
    ("__delitem__", delitem),
    ("__repr__", repr),
    ("__eq__", eq),
    ("__ne__", ne),
    ("__lt__", lt),
    ("__le__", le),
    ("__gt__", gt),
    ("__ge__", ge),
    ("__add__", add),
    ("__iadd__", iadd),
    ("__mul__", mul),
    ("__rmul__", mul),
    ("__imul__", imul),
    ("__iter__", iter),
    ("__reversed__", reversed),
];

fn iter_self(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    match args.pos.first() {
        Some(me) => Ok(me.clone()),
        None => vm.type_error("__iter__ needs self"),
    }
}

/// Where the iterator is: the deque, the position to read, and whether
/// the deque changed.
fn iter_position(vm: &Vm, me: &Value) -> PyResult<Option<(Value, usize, u64)>> {
    let r = native_data(me, |it: &mut DequeIter| {
        if it.index >= it.len {
            return None;
        }
        let pos = if it.reverse {
            it.len - 1 - it.index
        } else {
            it.index
        };
        it.index += 1;
        Some((it.deque.clone(), pos, it.state))
    });
    match r {
        Some(p) => Ok(p),
        None => vm.type_error("not a deque iterator"),
    }
}

fn iter_next(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let Some(me) = args.pos.first().cloned() else {
        return vm.type_error("__next__ needs self");
    };
    let Some((deque, pos, state)) = iter_position(vm, &me)? else {
        return Err(vm.stop_iteration(Value::None));
    };
    let item = with(vm, &deque, "__next__", |d| {
        (d.state == state).then(|| d.items.get(pos).cloned())
    })?;
    match item {
        Some(Some(v)) => Ok(v),
        Some(None) => Err(vm.stop_iteration(Value::None)),
        None => {
            // CPython's iterator stays failed: make it exhausted.
            native_data(&me, |it: &mut DequeIter| it.index = it.len);
            Err(mutated(vm, "RuntimeError"))
        }
    }
}

fn iter_length_hint(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let Some(me) = args.pos.first().cloned() else {
        return vm.type_error("__length_hint__ needs self");
    };
    match native_data(&me, |it: &mut DequeIter| it.len - it.index) {
        Some(n) => Ok(Value::Int(n as i64)),
        None => vm.type_error("not a deque iterator"),
    }
}

const ITER_METHODS: Methods = &[
    ("__iter__", iter_self),
    ("__next__", iter_next),
    ("__length_hint__", iter_length_hint),
];
