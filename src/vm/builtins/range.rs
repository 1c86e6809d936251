//! `range`: length, indexing, slicing, containment, equality and repr
//! without materializing the numbers.

use super::str::{norm_index, slice_indices};
use super::Methods;
use crate::vm::call::Args;
use crate::vm::value::{Obj, Range, Value};
use crate::vm::{PyResult, Vm};

pub fn repr(r: &Range) -> String {
    if r.step == 1 {
        format!("range({}, {})", r.start, r.stop)
    } else {
        format!("range({}, {}, {})", r.start, r.stop, r.step)
    }
}

pub fn equal(a: &Range, b: &Range) -> bool {
    let (la, lb) = (a.len(), b.len());
    la == lb && (la == 0 || (a.start == b.start && (la == 1 || a.step == b.step)))
}

pub fn contains(vm: &mut Vm, r: &Range, item: &Value) -> PyResult<bool> {
    let _ = vm;
    let x = match item {
        Value::Int(i) => *i,
        Value::Bool(b) => i64::from(*b),
        // A float is in the range if an equal int is.
        Value::Float(f) if f.fract() == 0.0 && f.is_finite() && f.abs() < 9.0e18 => *f as i64,
        _ => return Ok(false),
    };
    let in_bounds = if r.step > 0 {
        r.start <= x && x < r.stop
    } else {
        r.stop < x && x <= r.start
    };
    Ok(in_bounds && (x - r.start) % r.step == 0)
}

pub fn getitem(vm: &mut Vm, r: &Range, key: &Value) -> PyResult<Value> {
    if let Some(Obj::Slice(s)) = key.as_obj().map(|k| &**k) {
        let (a, b, c) = slice_indices(vm, s, r.len() as usize)?;
        let start = r.start + a * r.step;
        let stop = r.start + b * r.step;
        return Ok(Value::obj(Obj::Range(Range {
            start,
            stop,
            step: r.step * c,
        })));
    }
    let i = super::int::index_of(vm, key)?;
    match norm_index(i, r.len() as usize) {
        Some(j) => Ok(Value::Int(r.item(j as i64))),
        None => Err(vm.error("IndexError", "range object index out of range")),
    }
}

fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(i64::from(*b)),
        Value::Float(_) => vm.type_error("'float' object cannot be interpreted as an integer"),
        _ => super::int::index_of(vm, v),
    }
}

pub fn construct(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !args.kw.is_empty() {
        return vm.type_error("range() takes no keyword arguments");
    }
    let nums: Vec<i64> = args
        .pos
        .iter()
        .map(|v| int_arg(vm, v))
        .collect::<PyResult<_>>()?;
    let (start, stop, step) = match nums.as_slice() {
        [stop] => (0, *stop, 1),
        [start, stop] => (*start, *stop, 1),
        [start, stop, step] => (*start, *stop, *step),
        [] => return vm.type_error("range expected at least 1 argument, got 0"),
        _ => {
            return vm.type_error(format!(
                "range expected at most 3 arguments, got {}",
                nums.len()
            ))
        }
    };
    if step == 0 {
        return vm.value_error("range() arg 3 must not be zero");
    }
    Ok(Value::obj(Obj::Range(Range { start, stop, step })))
}

fn this<'a>(vm: &Vm, args: &'a Args) -> PyResult<&'a Range> {
    match args.pos.first().and_then(|v| v.as_obj()).map(|o| &**o) {
        Some(Obj::Range(r)) => Ok(r),
        _ => vm.type_error("descriptor requires a 'range' object"),
    }
}

fn count(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let r = this(vm, args)?;
    let r = Range {
        start: r.start,
        stop: r.stop,
        step: r.step,
    };
    let x = args.pos.get(1).cloned().unwrap_or(Value::None);
    Ok(Value::Int(i64::from(contains(vm, &r, &x)?)))
}

fn index(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let r = this(vm, args)?;
    let r = Range {
        start: r.start,
        stop: r.stop,
        step: r.step,
    };
    let x = args.pos.get(1).cloned().unwrap_or(Value::None);
    if contains(vm, &r, &x)? {
        if let Value::Int(i) = x {
            return Ok(Value::Int((i - r.start) / r.step));
        }
    }
    let s = vm.repr_of(&x)?;
    vm.value_error(format!("{s} is not in range"))
}

pub const RANGE_METHODS: Methods = &[("count", count), ("index", index)];

fn slice_indices_method(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let Some(Obj::Slice(s)) = args.pos.first().and_then(|v| v.as_obj()).map(|o| &**o) else {
        return vm.type_error("descriptor 'indices' requires a 'slice' object");
    };
    let s = (**s).clone();
    let len = match args.pos.get(1) {
        Some(v) => super::int::index_of(vm, v)?,
        None => return vm.type_error("slice.indices() takes exactly one argument (0 given)"),
    };
    if len < 0 {
        return vm.value_error("length should not be negative");
    }
    let (a, b, c) = slice_indices(vm, &s, len as usize)?;
    Ok(Value::tuple(vec![
        Value::Int(a),
        Value::Int(b),
        Value::Int(c),
    ]))
}

pub const SLICE_METHODS: Methods = &[("indices", slice_indices_method)];
