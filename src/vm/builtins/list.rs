//! `list`: indexing and slicing (with slice assignment and deletion), repr
//! with recursion guard, and its methods (`sort` is stable with `key` and
//! `reverse`, and raises if the list is changed while sorting).

use std::cell::RefCell;

use super::str::{norm_index, slice_indices, slice_positions};
use super::Methods;
use crate::vm::call::Args;
use crate::vm::value::{Obj, ObjRef, Value};
use crate::vm::{PyErr, PyResult, Vm};

fn cell(o: &ObjRef) -> &RefCell<Vec<Value>> {
    match &**o {
        Obj::List(l) => l,
        _ => unreachable!("checked list"),
    }
}

thread_local! {
    /// Containers whose repr is being computed (to print `[...]` for cycles).
    static REPR_STACK: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

/// Runs `f` unless `v` is already being repr'd (then returns `recursive`).
pub fn repr_guard(
    v: &Value,
    recursive: &str,
    f: impl FnOnce() -> PyResult<String>,
) -> PyResult<String> {
    let id = v.identity();
    if REPR_STACK.with(|s| s.borrow().contains(&id)) {
        return Ok(recursive.to_string());
    }
    REPR_STACK.with(|s| s.borrow_mut().push(id));
    let r = f();
    REPR_STACK.with(|s| s.borrow_mut().retain(|x| *x != id));
    r
}

pub fn repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    let Some(Obj::List(l)) = v.as_obj().map(|o| &**o) else {
        return Ok(String::new());
    };
    let items = l.borrow().clone();
    repr_guard(v, "[...]", || {
        let mut out = String::from("[");
        for (i, x) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&vm.repr_of(x)?);
        }
        out.push(']');
        Ok(out)
    })
}

pub fn getitem(vm: &mut Vm, o: &ObjRef, key: &Value) -> PyResult<Value> {
    let l = cell(o);
    if let Some(Obj::Slice(s)) = key.as_obj().map(|k| &**k) {
        let len = l.borrow().len();
        let (a, b, c) = slice_indices(vm, s, len)?;
        let items = l.borrow();
        return Ok(Value::list(
            slice_positions(a, b, c)
                .filter_map(|i| items.get(i).cloned())
                .collect(),
        ));
    }
    let i = index_arg(vm, key, "list")?;
    let items = l.borrow();
    match norm_index(i, items.len()) {
        Some(j) => Ok(items[j].clone()),
        None => Err(vm.error("IndexError", "list index out of range")),
    }
}

fn index_arg(vm: &mut Vm, key: &Value, what: &str) -> PyResult<i64> {
    match key {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(i64::from(*b)),
        Value::Obj(o) if matches!(&**o, Obj::BigInt(_)) => {
            Err(vm.error("IndexError", "cannot fit 'int' into an index-sized integer"))
        }
        _ => match vm.special(key, "__index__") {
            Some(f) => match vm.call(&f, Args::new(vec![]))? {
                Value::Int(i) => Ok(i),
                _ => vm.type_error("__index__ returned non-int"),
            },
            None => {
                let t = vm.type_name(key);
                vm.type_error(format!(
                    "{what} indices must be integers or slices, not {t}"
                ))
            }
        },
    }
}

pub fn setitem(vm: &mut Vm, o: &ObjRef, key: &Value, value: Value) -> PyResult<()> {
    let l = cell(o);
    if let Some(Obj::Slice(s)) = key.as_obj().map(|k| &**k) {
        let new = vm.collect(&value)?;
        let len = l.borrow().len();
        let (a, b, c) = slice_indices(vm, s, len)?;
        if c == 1 {
            let (a, b) = (a.max(0) as usize, (b.max(a)) as usize);
            l.borrow_mut().splice(a..b.min(len), new);
            return Ok(());
        }
        let positions: Vec<usize> = slice_positions(a, b, c).collect();
        if positions.len() != new.len() {
            return vm.value_error(format!(
                "attempt to assign sequence of size {} to extended slice of size {}",
                new.len(),
                positions.len()
            ));
        }
        let mut items = l.borrow_mut();
        for (p, v) in positions.into_iter().zip(new) {
            items[p] = v;
        }
        return Ok(());
    }
    let i = index_arg(vm, key, "list")?;
    let mut items = l.borrow_mut();
    match norm_index(i, items.len()) {
        Some(j) => {
            items[j] = value;
            Ok(())
        }
        None => {
            drop(items);
            Err(vm.error("IndexError", "list assignment index out of range"))
        }
    }
}

pub fn delitem(vm: &mut Vm, o: &ObjRef, key: &Value) -> PyResult<()> {
    let l = cell(o);
    if let Some(Obj::Slice(s)) = key.as_obj().map(|k| &**k) {
        let len = l.borrow().len();
        let (a, b, c) = slice_indices(vm, s, len)?;
        let mut positions: Vec<usize> = slice_positions(a, b, c).collect();
        positions.sort_unstable();
        let mut items = l.borrow_mut();
        for p in positions.into_iter().rev() {
            if p < items.len() {
                items.remove(p);
            }
        }
        return Ok(());
    }
    let i = index_arg(vm, key, "list")?;
    let mut items = l.borrow_mut();
    match norm_index(i, items.len()) {
        Some(j) => {
            items.remove(j);
            Ok(())
        }
        None => {
            drop(items);
            Err(vm.error("IndexError", "list assignment index out of range"))
        }
    }
}

pub fn construct(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args("list", &args, 0, 1)?;
    match args.pos.first() {
        None => Ok(Value::list(vec![])),
        Some(v) => Ok(Value::list(vm.collect(v)?)),
    }
}

fn this<'a>(vm: &Vm, args: &'a Args, name: &str) -> PyResult<&'a ObjRef> {
    match args.pos.first() {
        Some(Value::Obj(o)) if matches!(&**o, Obj::List(_)) => Ok(o),
        _ => vm.type_error(format!("descriptor '{name}' requires a 'list' object")),
    }
}

fn append(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let o = this(vm, args, "append")?;
    if args.pos.len() != 2 {
        return vm.type_error(format!(
            "list.append() takes exactly one argument ({} given)",
            args.pos.len() - 1
        ));
    }
    cell(o).borrow_mut().push(args.pos[1].clone());
    Ok(Value::None)
}

fn extend(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let o = this(vm, args, "extend")?.clone();
    let Some(src) = args.pos.get(1).cloned() else {
        return vm.type_error("extend() takes exactly one argument (0 given)");
    };
    let items = vm.collect(&src)?;
    cell(&o).borrow_mut().extend(items);
    Ok(Value::None)
}

fn insert(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let o = this(vm, args, "insert")?.clone();
    if args.pos.len() != 3 {
        return vm.type_error(format!(
            "insert expected 2 arguments, got {}",
            args.pos.len() - 1
        ));
    }
    let i = index_arg(vm, &args.pos[1], "list")?;
    let mut items = cell(&o).borrow_mut();
    let n = items.len() as i64;
    let at = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
    items.insert(at, args.pos[2].clone());
    Ok(Value::None)
}

fn pop(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let o = this(vm, args, "pop")?.clone();
    let i = match args.pos.get(1) {
        Some(v) => index_arg(vm, v, "list")?,
        None => -1,
    };
    let mut items = cell(&o).borrow_mut();
    if items.is_empty() {
        drop(items);
        return Err(vm.error("IndexError", "pop from empty list"));
    }
    match norm_index(i, items.len()) {
        Some(j) => Ok(items.remove(j)),
        None => {
            drop(items);
            Err(vm.error("IndexError", "pop index out of range"))
        }
    }
}

fn position(vm: &mut Vm, o: &ObjRef, x: &Value, lo: usize, hi: usize) -> PyResult<Option<usize>> {
    let mut i = lo;
    loop {
        let item = {
            let items = cell(o).borrow();
            if i >= hi.min(items.len()) {
                return Ok(None);
            }
            items[i].clone()
        };
        if vm.eq(&item, x)? {
            return Ok(Some(i));
        }
        i += 1;
    }
}

fn remove(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let o = this(vm, args, "remove")?.clone();
    let Some(x) = args.pos.get(1).cloned() else {
        return vm.type_error("remove() takes exactly one argument (0 given)");
    };
    match position(vm, &o, &x, 0, usize::MAX)? {
        Some(i) => {
            cell(&o).borrow_mut().remove(i);
            Ok(Value::None)
        }
        None => vm.value_error("list.remove(x): x not in list"),
    }
}

fn index(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let o = this(vm, args, "index")?.clone();
    let Some(x) = args.pos.get(1).cloned() else {
        return vm.type_error("index expected at least 1 argument, got 0");
    };
    let len = cell(&o).borrow().len() as i64;
    let fix = |v: i64| -> usize { (if v < 0 { (v + len).max(0) } else { v.min(len) }) as usize };
    let lo = match args.pos.get(2) {
        Some(v) => fix(index_arg(vm, v, "slice")?),
        None => 0,
    };
    let hi = match args.pos.get(3) {
        Some(v) => fix(index_arg(vm, v, "slice")?),
        None => len as usize,
    };
    match position(vm, &o, &x, lo, hi)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => {
            let r = vm.repr_of(&x)?;
            vm.value_error(format!("{r} is not in list"))
        }
    }
}

fn count(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let o = this(vm, args, "count")?.clone();
    let Some(x) = args.pos.get(1).cloned() else {
        return vm.type_error("count() takes exactly one argument (0 given)");
    };
    let items = cell(&o).borrow().clone();
    let mut n = 0;
    for v in &items {
        if vm.eq(v, &x)? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn reverse(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let o = this(vm, args, "reverse")?;
    cell(o).borrow_mut().reverse();
    Ok(Value::None)
}

fn copy(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let o = this(vm, args, "copy")?;
    Ok(Value::list(cell(o).borrow().clone()))
}

fn clear(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let o = this(vm, args, "clear")?;
    cell(o).borrow_mut().clear();
    Ok(Value::None)
}

fn sort(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let o = this(vm, args, "sort")?.clone();
    if args.pos.len() > 1 {
        return vm.type_error("sort() takes no positional arguments");
    }
    let key = args.take_kw("key");
    let reverse = match args.take_kw("reverse") {
        Some(v) => vm.truthy(&v)?,
        None => false,
    };
    if let Some((k, _)) = args.kw.first() {
        let k = k.as_str().unwrap_or("?").to_string();
        return vm.type_error(format!("'{k}' is an invalid keyword argument for sort()"));
    }
    let items = std::mem::take(&mut *cell(&o).borrow_mut());
    let sorted = sort_values(vm, items, key, reverse);
    let mut l = cell(&o).borrow_mut();
    let modified = !l.is_empty();
    match sorted {
        Ok(v) => {
            *l = v;
            drop(l);
            if modified {
                return vm.value_error("list modified during sort");
            }
            Ok(Value::None)
        }
        Err((v, e)) => {
            *l = v;
            Err(e)
        }
    }
}

/// A stable sort by `key` (or the values), as `sorted()` and `list.sort()`
/// do; on error, the items come back with the error.
pub fn sort_values(
    vm: &mut Vm,
    items: Vec<Value>,
    key: Option<Value>,
    reverse: bool,
) -> Result<Vec<Value>, (Vec<Value>, PyErr)> {
    let key = key.filter(|k| !k.is_none());
    let keys = match &key {
        Some(f) => {
            let mut ks = Vec::with_capacity(items.len());
            for v in &items {
                match vm.call(f, Args::new(vec![v.clone()])) {
                    Ok(k) => ks.push(k),
                    Err(e) => return Err((items, e)),
                }
            }
            ks
        }
        None => items.clone(),
    };
    let mut idx: Vec<usize> = (0..items.len()).collect();
    if reverse {
        idx.reverse();
    }
    // Merge sort with a fallible "less than" (only `<` is used, as CPython).
    let mut err: Option<PyErr> = None;
    let mut less = |a: usize, b: usize| -> bool {
        if err.is_some() {
            return false;
        }
        match fast_lt(&keys[a], &keys[b]) {
            Some(r) => r,
            None => match vm
                .compare(&keys[a], &keys[b], crate::vm::code::CmpOp::Lt)
                .and_then(|r| vm.truthy(&r))
            {
                Ok(r) => r,
                Err(e) => {
                    err = Some(e);
                    false
                }
            },
        }
    };
    merge_sort(&mut idx, &mut less);
    if let Some(e) = err {
        return Err((items, e));
    }
    if reverse {
        idx.reverse();
    }
    Ok(idx.into_iter().map(|i| items[i].clone()).collect())
}

fn fast_lt(a: &Value, b: &Value) -> Option<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Some(x < y),
        (Value::Float(x), Value::Float(y)) => Some(x < y),
        _ => match (a.as_str(), b.as_str()) {
            (Some(x), Some(y)) => Some(x < y),
            _ => None,
        },
    }
}

/// Stable merge sort of indices.
fn merge_sort(v: &mut [usize], less: &mut impl FnMut(usize, usize) -> bool) {
    if v.len() <= 1 {
        return;
    }
    if v.len() <= 16 {
        for i in 1..v.len() {
            let mut j = i;
            while j > 0 && less(v[j], v[j - 1]) {
                v.swap(j, j - 1);
                j -= 1;
            }
        }
        return;
    }
    let mid = v.len() / 2;
    merge_sort(&mut v[..mid], less);
    merge_sort(&mut v[mid..], less);
    let mut merged = Vec::with_capacity(v.len());
    let (mut i, mut j) = (0, mid);
    while i < mid && j < v.len() {
        if less(v[j], v[i]) {
            merged.push(v[j]);
            j += 1;
        } else {
            merged.push(v[i]);
            i += 1;
        }
    }
    merged.extend_from_slice(&v[i..mid]);
    merged.extend_from_slice(&v[j..]);
    v.copy_from_slice(&merged);
}

pub const LIST_METHODS: Methods = &[
    ("append", append),
    ("extend", extend),
    ("insert", insert),
    ("pop", pop),
    ("remove", remove),
    ("index", index),
    ("count", count),
    ("reverse", reverse),
    ("copy", copy),
    ("clear", clear),
    ("sort", sort),
];
