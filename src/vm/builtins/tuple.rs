//! `tuple`: indexing, slicing, repr, CPython's tuple hash (the xxHash-based
//! `tuplehash` of 3.8+, so that hashes of tuples of ints match CPython's).

use super::str::{norm_index, slice_indices, slice_positions};
use super::Methods;
use crate::vm::call::Args;
use crate::vm::value::{Obj, Value};
use crate::vm::{PyResult, Vm};

pub fn repr(vm: &mut Vm, v: &Value, items: &[Value]) -> PyResult<String> {
    let items = items.to_vec();
    super::list::repr_guard(v, "(...)", || {
        let mut out = String::from("(");
        for (i, x) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&vm.repr_of(x)?);
        }
        if items.len() == 1 {
            out.push(',');
        }
        out.push(')');
        Ok(out)
    })
}

pub fn hash(vm: &mut Vm, items: &[Value]) -> PyResult<i64> {
    let items = items.to_vec();
    let mut hashes = Vec::with_capacity(items.len());
    for x in &items {
        hashes.push(vm.hash_of(x)?);
    }
    Ok(crate::vm::table::hash::hash_tuple(hashes))
}

/// The tuple hash of a tuple of small ints (used for `range`).
pub fn hash_ints(items: &[i64]) -> i64 {
    crate::vm::table::hash::hash_tuple(items.iter().map(|&i| super::int::hash_i64(i)))
}

pub fn getitem(vm: &mut Vm, items: &[Value], key: &Value) -> PyResult<Value> {
    if let Some(Obj::Slice(s)) = key.as_obj().map(|k| &**k) {
        let (a, b, c) = slice_indices(vm, s, items.len())?;
        return Ok(Value::tuple(
            slice_positions(a, b, c)
                .filter_map(|i| items.get(i).cloned())
                .collect(),
        ));
    }
    let i = match key {
        Value::Int(i) => *i,
        Value::Bool(b) => i64::from(*b),
        _ => {
            let t = vm.type_name(key);
            return vm.type_error(format!("tuple indices must be integers or slices, not {t}"));
        }
    };
    match norm_index(i, items.len()) {
        Some(j) => Ok(items[j].clone()),
        None => Err(vm.error("IndexError", "tuple index out of range")),
    }
}

pub fn construct(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args("tuple", &args, 0, 1)?;
    match args.pos.first() {
        None => Ok(Value::tuple(vec![])),
        Some(v) if v.as_tuple().is_some() => Ok(v.clone()),
        Some(v) => Ok(Value::tuple(vm.collect(v)?)),
    }
}

fn items_of(vm: &Vm, args: &Args, name: &str) -> PyResult<Vec<Value>> {
    match args.pos.first().and_then(|v| v.as_tuple()) {
        Some(t) => Ok(t.to_vec()),
        None => vm.type_error(format!("descriptor '{name}' requires a 'tuple' object")),
    }
}

fn count(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let items = items_of(vm, args, "count")?;
    let Some(x) = args.pos.get(1).cloned() else {
        return vm.type_error("count() takes exactly one argument (0 given)");
    };
    let mut n = 0;
    for v in &items {
        if vm.eq(v, &x)? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn index(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let items = items_of(vm, args, "index")?;
    let Some(x) = args.pos.get(1).cloned() else {
        return vm.type_error("index expected at least 1 argument, got 0");
    };
    let len = items.len() as i64;
    let fix = |v: i64| -> usize { (if v < 0 { (v + len).max(0) } else { v.min(len) }) as usize };
    let lo = match args.pos.get(2).cloned() {
        Some(v) => fix(super::int::index_of(vm, &v)?),
        None => 0,
    };
    let hi = match args.pos.get(3).cloned() {
        Some(v) => fix(super::int::index_of(vm, &v)?),
        None => items.len(),
    };
    for (i, v) in items.iter().enumerate().take(hi).skip(lo) {
        if vm.eq(v, &x)? {
            return Ok(Value::Int(i as i64));
        }
    }
    vm.value_error("tuple.index(x): x not in tuple")
}

pub const TUPLE_METHODS: Methods = &[("count", count), ("index", index)];

#[cfg(test)]
mod tests {
    #[test]
    fn tuple_hash_of_ints_matches_cpython() {
        // python3 -c 'print(hash(()), hash((1,)), hash((1, 2)), hash((1, 2, 3)))'
        assert_eq!(super::hash_ints(&[]), 5740354900026072187);
        assert_eq!(super::hash_ints(&[1]), -6644214454873602895);
        assert_eq!(super::hash_ints(&[1, 2]), -3550055125485641917);
        assert_eq!(super::hash_ints(&[1, 2, 3]), 529344067295497451);
    }
}
