//! `set` and `frozenset` on CPython's set table (so iteration order, and
//! hence printing, matches CPython's for ints, tuples and — with
//! `PYTHONHASHSEED=0` — strings).
//!
//! Operations run inside the table with native key equality; if a key
//! needs a user `__eq__`, the operation is redone element by element
//! through the VM with no borrow held.

use std::cell::RefCell;

use super::dict::native_eq;
use super::Methods;
use crate::vm::call::Args;
use crate::vm::code::{BinOp, CmpOp};
use crate::vm::set::SetData;
use crate::vm::value::{IterState, Obj, ObjRef, Value};
use crate::vm::{PyResult, Vm};

/// A key comparison needed Python code.
#[derive(Debug)]
pub struct NeedsVm;

fn eqf(a: &Value, b: &Value) -> Result<bool, NeedsVm> {
    native_eq(a, b).ok_or(NeedsVm)
}

/// A snapshot of the table of a set or frozenset value.
/// A snapshot of the table (same layout, so same iteration order); a
/// Python-level copy (`set.copy()`, `set(s)`) is `SetData::copy`.
fn table_of(v: &Value) -> Option<SetData> {
    match v.as_obj().map(|o| &**o) {
        Some(Obj::Set(s)) => Some(s.borrow().clone()),
        Some(Obj::FrozenSet(s)) => Some(s.clone()),
        _ => None,
    }
}

fn is_set(v: &Value) -> bool {
    matches!(
        v.as_obj().map(|o| &**o),
        Some(Obj::Set(_) | Obj::FrozenSet(_))
    )
}

pub fn wrap(data: SetData, frozen: bool) -> Value {
    if frozen {
        Value::obj(Obj::FrozenSet(data))
    } else {
        Value::obj(Obj::Set(RefCell::new(data)))
    }
}

impl Vm {
    /// A set from values, added in order.
    pub fn new_set(&mut self, items: Vec<Value>) -> PyResult<Value> {
        let mut t = SetData::new();
        for v in items {
            self.table_add(&mut t, v)?;
        }
        Ok(wrap(t, false))
    }

    /// Adds to a table that no one else can see yet.
    fn table_add(&mut self, t: &mut SetData, v: Value) -> PyResult<()> {
        let hash = self.hash_of(&v)?;
        match t.add(v.clone(), hash, eqf) {
            Ok(_) => Ok(()),
            Err(NeedsVm) => {
                for slot in t.candidates(hash) {
                    let Some(k) = t.key_at(slot).cloned() else {
                        continue;
                    };
                    if self.eq(&k, &v)? {
                        return Ok(());
                    }
                }
                t.insert_absent(v, hash);
                Ok(())
            }
        }
    }

    /// `s.add(v)` on a set value.
    pub fn set_add(&mut self, set: &Value, v: Value) -> PyResult<()> {
        let Some(Obj::Set(s)) = set.as_obj().map(|o| &**o) else {
            return self.type_error("not a set");
        };
        let hash = self.hash_of(&v)?;
        let r = s.borrow_mut().add(v.clone(), hash, eqf);
        if r.is_ok() {
            return Ok(());
        }
        let candidates = s.borrow().candidates(hash);
        for slot in candidates {
            let k = s.borrow().key_at(slot).cloned();
            if let Some(k) = k {
                if self.eq(&k, &v)? {
                    return Ok(());
                }
            }
        }
        s.borrow_mut().insert_absent(v, hash);
        Ok(())
    }

    /// `set |= other_set` the way CPython's `set_merge` does it (its slot
    /// copying decides the iteration order); false if `src` is not a set.
    pub fn set_merge(&mut self, set: &Value, src: &Value) -> PyResult<bool> {
        let Some(Obj::Set(s)) = set.as_obj().map(|o| &**o) else {
            return Ok(false);
        };
        let Some(other) = table_of(src) else {
            return Ok(false);
        };
        let merged = s.borrow_mut().merge(&other, eqf);
        if merged.is_err() {
            for k in other.iter().cloned().collect::<Vec<_>>() {
                self.set_add(set, k)?;
            }
        }
        Ok(true)
    }

    /// `v in table`.
    fn table_contains(&mut self, t: &SetData, v: &Value) -> PyResult<bool> {
        let hash = self.hash_of(v)?;
        match t.contains(v, hash, eqf) {
            Ok(r) => Ok(r),
            Err(NeedsVm) => {
                for slot in t.candidates(hash) {
                    let Some(k) = t.key_at(slot).cloned() else {
                        continue;
                    };
                    if self.eq(&k, v)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
        }
    }
}

pub fn contains(vm: &mut Vm, o: &ObjRef, item: &Value) -> PyResult<bool> {
    let hash = vm.hash_of(item)?;
    // Keys that compare natively are looked up in place, without a copy.
    let fast = match &**o {
        Obj::Set(s) => s.borrow().contains(item, hash, eqf),
        Obj::FrozenSet(s) => s.contains(item, hash, eqf),
        _ => Ok(false),
    };
    match fast {
        Ok(r) => Ok(r),
        Err(NeedsVm) => {
            let t = table_of(&Value::Obj(o.clone())).unwrap_or_default();
            vm.table_contains(&t, item)
        }
    }
}

pub fn repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    let frozen = matches!(v.as_obj().map(|o| &**o), Some(Obj::FrozenSet(_)));
    let items: Vec<Value> = table_of(v)
        .map(|t| t.iter().cloned().collect())
        .unwrap_or_default();
    if items.is_empty() {
        return Ok(if frozen {
            "frozenset()".into()
        } else {
            "set()".into()
        });
    }
    let inner = super::list::repr_guard(v, "{...}", || {
        let mut out = String::from("{");
        for (i, x) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&vm.repr_of(x)?);
        }
        out.push('}');
        Ok(out)
    })?;
    Ok(if frozen {
        format!("frozenset({inner})")
    } else {
        inner
    })
}

pub fn frozenset_hash(_vm: &mut Vm, s: &SetData) -> PyResult<i64> {
    Ok(s.frozenset_hash())
}

/// Element-wise fallbacks (keys needing Python equality).
fn slow_binary(vm: &mut Vm, a: &SetData, b: &SetData, op: BinOp) -> PyResult<SetData> {
    let mut out = SetData::new();
    match op {
        BinOp::Or => {
            for k in a.iter().chain(b.iter()).cloned().collect::<Vec<_>>() {
                vm.table_add(&mut out, k)?;
            }
        }
        BinOp::And => {
            for k in a.iter().cloned().collect::<Vec<_>>() {
                if vm.table_contains(b, &k)? {
                    vm.table_add(&mut out, k)?;
                }
            }
        }
        BinOp::Sub => {
            for k in a.iter().cloned().collect::<Vec<_>>() {
                if !vm.table_contains(b, &k)? {
                    vm.table_add(&mut out, k)?;
                }
            }
        }
        _ => {
            for k in a.iter().cloned().collect::<Vec<_>>() {
                if !vm.table_contains(b, &k)? {
                    vm.table_add(&mut out, k)?;
                }
            }
            for k in b.iter().cloned().collect::<Vec<_>>() {
                if !vm.table_contains(a, &k)? {
                    vm.table_add(&mut out, k)?;
                }
            }
        }
    }
    Ok(out)
}

fn table_binary(vm: &mut Vm, a: &SetData, b: &SetData, op: BinOp) -> PyResult<SetData> {
    let r = match op {
        BinOp::Or => a.union(b, eqf),
        BinOp::And => a.intersection(b, eqf),
        BinOp::Sub => a.difference(b, eqf),
        _ => a.symmetric_difference(b, eqf),
    };
    match r {
        Ok(t) => Ok(t),
        Err(NeedsVm) => slow_binary(vm, a, b, op),
    }
}

pub fn binary(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Option<Value>> {
    let (Some(x), Some(y)) = (table_of(a), table_of(b)) else {
        return Ok(None);
    };
    let frozen = matches!(a.as_obj().map(|o| &**o), Some(Obj::FrozenSet(_)));
    let t = table_binary(vm, &x, &y, op)?;
    Ok(Some(wrap(t, frozen)))
}

pub fn inplace(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Option<Value>> {
    if table_of(a).is_none() || table_of(b).is_none() {
        return Ok(None);
    }
    update_in_place(vm, a, b, op)?;
    Ok(Some(a.clone()))
}

/// `s |= o`, `s &= o`, `s -= o`, `s ^= o` and the `*_update` methods, in
/// place as CPython does them (`set_merge`, discards, and a swapped-in
/// intersection): the table's history decides later iteration order.
fn update_in_place(vm: &mut Vm, set: &Value, other: &Value, op: BinOp) -> PyResult<()> {
    let Some(Obj::Set(cell)) = set.as_obj().map(|o| &**o) else {
        return vm.type_error("not a set");
    };
    let other_set = table_of(other);
    match op {
        BinOp::Or => match other_set {
            Some(_) => {
                vm.set_merge(set, other)?;
            }
            None => {
                for v in vm.collect(other)? {
                    vm.set_add(set, v)?;
                }
            }
        },
        BinOp::Sub => {
            let ot = match other_set {
                Some(t) => t,
                None => other_table(vm, other)?,
            };
            let r = cell.borrow_mut().difference_update(&ot, eqf);
            if r.is_err() {
                let cur = table_of(set).unwrap_or_default();
                let t = slow_binary(vm, &cur, &ot, op)?;
                *cell.borrow_mut() = t;
            }
        }
        BinOp::And => {
            let ot = match other_set {
                Some(t) => t,
                None => other_table(vm, other)?,
            };
            let cur = table_of(set).unwrap_or_default();
            let t = table_binary(vm, &cur, &ot, op)?;
            *cell.borrow_mut() = t;
        }
        _ => {
            let ot = match other_set {
                Some(t) => t,
                None => other_table(vm, other)?,
            };
            let r = cell.borrow_mut().symmetric_difference_update(&ot, eqf);
            if r.is_err() {
                let cur = table_of(set).unwrap_or_default();
                let t = slow_binary(vm, &cur, &ot, op)?;
                *cell.borrow_mut() = t;
            }
        }
    }
    Ok(())
}

pub fn compare(vm: &mut Vm, a: &Value, b: &Value, op: CmpOp) -> PyResult<bool> {
    let (Some(x), Some(y)) = (table_of(a), table_of(b)) else {
        return Ok(false);
    };
    let sub = |vm: &mut Vm, p: &SetData, q: &SetData| -> PyResult<bool> {
        match p.is_subset(q, eqf) {
            Ok(r) => Ok(r),
            Err(NeedsVm) => {
                if p.len() > q.len() {
                    return Ok(false);
                }
                for k in p.iter().cloned().collect::<Vec<_>>() {
                    if !vm.table_contains(q, &k)? {
                        return Ok(false);
                    }
                }
                Ok(true)
            }
        }
    };
    Ok(match op {
        CmpOp::Eq => x.len() == y.len() && sub(vm, &x, &y)?,
        CmpOp::Ne => !(x.len() == y.len() && sub(vm, &x, &y)?),
        CmpOp::Le => sub(vm, &x, &y)?,
        CmpOp::Lt => x.len() < y.len() && sub(vm, &x, &y)?,
        CmpOp::Ge => sub(vm, &y, &x)?,
        CmpOp::Gt => y.len() < x.len() && sub(vm, &y, &x)?,
    })
}

pub fn construct(vm: &mut Vm, args: Args, frozen: bool) -> PyResult<Value> {
    vm.check_args(if frozen { "frozenset" } else { "set" }, &args, 0, 1)?;
    let mut t = SetData::new();
    if let Some(src) = args.pos.first() {
        if frozen && matches!(src.as_obj().map(|o| &**o), Some(Obj::FrozenSet(_))) {
            return Ok(src.clone());
        }
        match table_of(src) {
            Some(other) => {
                if t.merge(&other, eqf).is_err() {
                    t = SetData::new();
                    for k in other.iter().cloned().collect::<Vec<_>>() {
                        vm.table_add(&mut t, k)?;
                    }
                }
            }
            None => {
                for v in vm.collect(src)? {
                    vm.table_add(&mut t, v)?;
                }
            }
        }
    }
    Ok(wrap(t, frozen))
}

/// An iterator over a set's table.
pub fn iter(o: &ObjRef) -> Value {
    let len = table_of(&Value::Obj(o.clone()))
        .map(|t| t.len())
        .unwrap_or(0);
    Value::obj(Obj::Iter(RefCell::new(IterState::SetItems {
        set: o.clone(),
        pos: 0,
        len,
    })))
}

pub fn next(vm: &mut Vm, o: &ObjRef, pos: &mut usize, len: usize) -> PyResult<Option<Value>> {
    let step = |t: &SetData, pos: &mut usize| -> Result<Option<Value>, ()> {
        if t.len() != len {
            return Err(());
        }
        Ok(t.next_from(*pos).map(|(p, k, _)| {
            *pos = p + 1;
            k.clone()
        }))
    };
    let r = match &**o {
        Obj::Set(s) => step(&s.borrow(), pos),
        Obj::FrozenSet(s) => step(s, pos),
        _ => Ok(None),
    };
    match r {
        Ok(v) => Ok(v),
        Err(()) => Err(vm.error("RuntimeError", "Set changed size during iteration")),
    }
}

fn this(vm: &Vm, args: &Args, name: &str) -> PyResult<Value> {
    match args.pos.first() {
        Some(v) if is_set(v) => Ok(v.clone()),
        _ => vm.type_error(format!("descriptor '{name}' requires a 'set' object")),
    }
}

/// The other operand of a method: any iterable, as a table.
fn other_table(vm: &mut Vm, v: &Value) -> PyResult<SetData> {
    if let Some(t) = table_of(v) {
        return Ok(t);
    }
    let mut t = SetData::new();
    for x in vm.collect(v)? {
        vm.table_add(&mut t, x)?;
    }
    Ok(t)
}

fn method_binary(vm: &mut Vm, args: &mut Args, name: &str, op: BinOp) -> PyResult<Value> {
    let s = this(vm, args, name)?;
    let frozen = matches!(s.as_obj().map(|o| &**o), Some(Obj::FrozenSet(_)));
    let mut acc = table_of(&s).unwrap_or_default();
    for other in &args.pos[1..] {
        let t = other_table(vm, other)?;
        acc = table_binary(vm, &acc, &t, op)?;
    }
    Ok(wrap(acc, frozen))
}

fn method_update(vm: &mut Vm, args: &mut Args, name: &str, op: BinOp) -> PyResult<Value> {
    let s = this(vm, args, name)?;
    for other in &args.pos[1..] {
        update_in_place(vm, &s, other, op)?;
    }
    Ok(Value::None)
}

fn union(vm: &mut Vm, a: &mut Args) -> PyResult<Value> {
    method_binary(vm, a, "union", BinOp::Or)
}
fn intersection(vm: &mut Vm, a: &mut Args) -> PyResult<Value> {
    method_binary(vm, a, "intersection", BinOp::And)
}
fn difference(vm: &mut Vm, a: &mut Args) -> PyResult<Value> {
    method_binary(vm, a, "difference", BinOp::Sub)
}
fn symmetric_difference(vm: &mut Vm, a: &mut Args) -> PyResult<Value> {
    method_binary(vm, a, "symmetric_difference", BinOp::Xor)
}
fn update(vm: &mut Vm, a: &mut Args) -> PyResult<Value> {
    method_update(vm, a, "update", BinOp::Or)
}
fn intersection_update(vm: &mut Vm, a: &mut Args) -> PyResult<Value> {
    method_update(vm, a, "intersection_update", BinOp::And)
}
fn difference_update(vm: &mut Vm, a: &mut Args) -> PyResult<Value> {
    method_update(vm, a, "difference_update", BinOp::Sub)
}
fn symmetric_difference_update(vm: &mut Vm, a: &mut Args) -> PyResult<Value> {
    method_update(vm, a, "symmetric_difference_update", BinOp::Xor)
}

fn relation(vm: &mut Vm, args: &mut Args, name: &str, op: CmpOp) -> PyResult<Value> {
    let s = this(vm, args, name)?;
    let Some(o) = args.pos.get(1).cloned() else {
        return vm.type_error(format!("{name}() takes exactly one argument (0 given)"));
    };
    let t = wrap(other_table(vm, &o)?, true);
    compare(vm, &s, &t, op).map(Value::Bool)
}
fn issubset(vm: &mut Vm, a: &mut Args) -> PyResult<Value> {
    relation(vm, a, "issubset", CmpOp::Le)
}
fn issuperset(vm: &mut Vm, a: &mut Args) -> PyResult<Value> {
    relation(vm, a, "issuperset", CmpOp::Ge)
}
fn isdisjoint(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let s = this(vm, args, "isdisjoint")?;
    let Some(o) = args.pos.get(1).cloned() else {
        return vm.type_error("isdisjoint() takes exactly one argument (0 given)");
    };
    let a = table_of(&s).unwrap_or_default();
    let b = other_table(vm, &o)?;
    let i = table_binary(vm, &a, &b, BinOp::And)?;
    Ok(Value::Bool(i.is_empty()))
}

fn add(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let s = this(vm, args, "add")?;
    let Some(v) = args.pos.get(1).cloned() else {
        return vm.type_error("set.add() takes exactly one argument (0 given)");
    };
    vm.set_add(&s, v)?;
    Ok(Value::None)
}

fn discard_impl(vm: &mut Vm, args: &mut Args, name: &str, must: bool) -> PyResult<Value> {
    let s = this(vm, args, name)?;
    let Some(v) = args.pos.get(1).cloned() else {
        return vm.type_error(format!("set.{name}() takes exactly one argument (0 given)"));
    };
    let Some(Obj::Set(c)) = s.as_obj().map(|o| &**o) else {
        return Ok(Value::None);
    };
    let hash = vm.hash_of(&v)?;
    let r = c.borrow_mut().discard(&v, hash, eqf);
    let removed = match r {
        Ok(r) => r.is_some(),
        Err(NeedsVm) => {
            let mut found = None;
            for slot in c.borrow().candidates(hash) {
                if let Some(k) = c.borrow().key_at(slot).cloned() {
                    found = Some((slot, k));
                }
            }
            match found {
                Some((slot, k)) if vm.eq(&k, &v)? => c.borrow_mut().remove_at(slot).is_some(),
                _ => false,
            }
        }
    };
    if must && !removed {
        return Err(vm.key_error(v));
    }
    Ok(Value::None)
}
fn remove(vm: &mut Vm, a: &mut Args) -> PyResult<Value> {
    discard_impl(vm, a, "remove", true)
}
fn discard(vm: &mut Vm, a: &mut Args) -> PyResult<Value> {
    discard_impl(vm, a, "discard", false)
}

fn pop(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let s = this(vm, args, "pop")?;
    let Some(Obj::Set(c)) = s.as_obj().map(|o| &**o) else {
        return vm.type_error("pop from a frozenset");
    };
    let r = c.borrow_mut().pop();
    match r {
        Some(v) => Ok(v),
        None => Err(vm.key_error(Value::str("pop from an empty set"))),
    }
}

fn clear(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let s = this(vm, args, "clear")?;
    if let Some(Obj::Set(c)) = s.as_obj().map(|o| &**o) {
        c.borrow_mut().clear();
    }
    Ok(Value::None)
}

fn copy(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let s = this(vm, args, "copy")?;
    let frozen = matches!(s.as_obj().map(|o| &**o), Some(Obj::FrozenSet(_)));
    if frozen {
        return Ok(s);
    }
    Ok(wrap(table_of(&s).unwrap_or_default().copy(), false))
}

pub const SET_METHODS: Methods = &[
    ("add", add),
    ("remove", remove),
    ("discard", discard),
    ("pop", pop),
    ("clear", clear),
    ("copy", copy),
    ("update", update),
    ("union", union),
    ("intersection", intersection),
    ("difference", difference),
    ("symmetric_difference", symmetric_difference),
    ("intersection_update", intersection_update),
    ("difference_update", difference_update),
    ("symmetric_difference_update", symmetric_difference_update),
    ("issubset", issubset),
    ("issuperset", issuperset),
    ("isdisjoint", isdisjoint),
];

pub const FROZENSET_METHODS: Methods = &[
    ("copy", copy),
    ("union", union),
    ("intersection", intersection),
    ("difference", difference),
    ("symmetric_difference", symmetric_difference),
    ("issubset", issubset),
    ("issuperset", issuperset),
    ("isdisjoint", isdisjoint),
];
