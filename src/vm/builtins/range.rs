//! `range`: length, indexing, slicing, containment, equality, hash and
//! repr without materializing the numbers, for bounds of any size (CPython
//! keeps them as Python ints too: `range(10**30)[-1]` works, while
//! `len(range(10**30))` raises OverflowError).
//!
//! Owns: the arithmetic on the bounds, with an `i64` fast path when all of
//! them fit, and the choice between `range_iterator` (machine ints, the
//! loop fast path) and `longrange_iterator`, made as CPython makes it.
//! Never: builds the list of items.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, Zero};

use super::int::{int_ref, int_value};
use super::Methods;
use crate::vm::call::Args;
use crate::vm::num::Int;
use crate::vm::value::{IterState, Obj, Range, Value};
use crate::vm::{PyResult, Vm};

impl Range {
    /// The bounds when all three fit `i64`.
    #[inline]
    pub fn small(&self) -> Option<(i64, i64, i64)> {
        match (&self.start, &self.stop, &self.step) {
            (Int::Small(a), Int::Small(b), Int::Small(c)) => Some((*a, *b, *c)),
            _ => None,
        }
    }

    pub fn is_empty(&self) -> bool {
        len_int(self).is_zero()
    }

    pub fn from_ints(start: i64, stop: i64, step: i64) -> Range {
        Range {
            start: Int::Small(start),
            stop: Int::Small(stop),
            step: Int::Small(step),
        }
    }

    fn from_bigs(start: BigInt, stop: BigInt, step: BigInt) -> Range {
        Range {
            start: Int::from(start),
            stop: Int::from(stop),
            step: Int::from(step),
        }
    }

    fn bigs(&self) -> (BigInt, BigInt, BigInt) {
        (
            self.start.to_bigint(),
            self.stop.to_bigint(),
            self.step.to_bigint(),
        )
    }
}

/// The number of items of `range(lo, hi, step)` on machine ints.
fn small_len(lo: i64, hi: i64, step: i64) -> u128 {
    let (lo, hi, step) = (i128::from(lo), i128::from(hi), i128::from(step));
    let n = if step > 0 && lo < hi {
        (hi - lo - 1) / step + 1
    } else if step < 0 && lo > hi {
        (lo - hi - 1) / (-step) + 1
    } else {
        0
    };
    n as u128
}

/// The number of items, exactly.
pub fn len_int(r: &Range) -> Int {
    if let Some((a, b, c)) = r.small() {
        return Int::from(small_len(a, b, c) as i128);
    }
    let (lo, hi, step) = r.bigs();
    let n = if step.is_positive() && lo < hi {
        (hi - lo - 1u32) / &step + 1u32
    } else if step.is_negative() && lo > hi {
        (lo - hi - 1u32) / (-step) + 1u32
    } else {
        BigInt::zero()
    };
    Int::from(n)
}

/// `len(r)` when it fits a C `ssize_t`.
pub fn len_usize(r: &Range) -> Option<usize> {
    len_int(r).to_i64().and_then(|n| usize::try_from(n).ok())
}

/// `len(r)`, or CPython's OverflowError for a longer range.
pub fn len(vm: &Vm, r: &Range) -> PyResult<usize> {
    len_usize(r).ok_or_else(|| {
        vm.error(
            "OverflowError",
            "Python int too large to convert to C ssize_t",
        )
    })
}

pub fn repr(r: &Range) -> String {
    if r.step == Int::Small(1) {
        format!("range({}, {})", r.start, r.stop)
    } else {
        format!("range({}, {}, {})", r.start, r.stop, r.step)
    }
}

/// CPython's `range_hash`: the hash of `(len, start, step)`, with `None`
/// for what does not matter (start and step of an empty range, the step
/// of a one-item range).
pub fn hash(r: &Range) -> i64 {
    let n = len_int(r);
    let none = super::NONE_HASH;
    let (start, step) = match &n {
        Int::Small(0) => (none, none),
        Int::Small(1) => (r.start.hash(), none),
        _ => (r.start.hash(), r.step.hash()),
    };
    crate::vm::table::hash::hash_tuple([n.hash(), start, step])
}

pub fn equal(a: &Range, b: &Range) -> bool {
    let n = len_int(a);
    if n != len_int(b) {
        return false;
    }
    n.is_zero() || (a.start == b.start && (n == Int::Small(1) || a.step == b.step))
}

/// Where `x` is in the range, if it is.
fn position(r: &Range, x: &Int) -> Option<Int> {
    if let (Some((a, b, c)), Int::Small(x)) = (r.small(), x) {
        let in_bounds = if c > 0 {
            a <= *x && *x < b
        } else {
            b < *x && *x <= a
        };
        let off = i128::from(*x) - i128::from(a);
        return (in_bounds && off % i128::from(c) == 0).then(|| Int::from(off / i128::from(c)));
    }
    let (a, b, c) = r.bigs();
    let x = x.to_bigint();
    let in_bounds = if c.is_positive() {
        a <= x && x < b
    } else {
        b < x && x <= a
    };
    if !in_bounds {
        return None;
    }
    let (q, rem) = (x - a).div_rem(&c);
    rem.is_zero().then(|| Int::from(q))
}

/// The int a value equals, for containment: ints and bools, integral
/// floats, and complexes with such a real part and no imaginary part.
/// `Err(())` when the value can only be compared item by item.
fn as_int_key(v: &Value) -> Result<Option<Int>, ()> {
    if let Some(i) = int_ref(v) {
        return Ok(Some(i.to_int()));
    }
    let f = match v {
        Value::Float(f) => *f,
        Value::Obj(o) => match &**o {
            Obj::Complex(z) if z.im == 0.0 => z.re,
            Obj::Complex(_) | Obj::Str(_) | Obj::Bytes(_) | Obj::Tuple(_) | Obj::List(_) => {
                return Ok(None)
            }
            _ if super::is_builtin_value(v) => return Ok(None),
            _ => return Err(()),
        },
        _ => return Ok(None),
    };
    if f.is_finite() && f.fract() == 0.0 {
        Ok(Int::from_f64(f).ok())
    } else {
        Ok(None)
    }
}

/// The index of the first item equal to `item` (by `==`, item by item),
/// for values of user classes.
fn search(vm: &mut Vm, r: &Range, item: &Value) -> PyResult<Option<Int>> {
    let it = Value::obj(Obj::Iter(std::cell::RefCell::new(iter_state(r, false))));
    let mut i: i64 = 0;
    while let Some(x) = vm.next_of(&it)? {
        if vm.eq(&x, item)? {
            return Ok(Some(Int::Small(i)));
        }
        i += 1;
    }
    Ok(None)
}

fn find(vm: &mut Vm, r: &Range, item: &Value) -> PyResult<Option<Int>> {
    match as_int_key(item) {
        Ok(Some(x)) => Ok(position(r, &x)),
        Ok(None) => Ok(None),
        Err(()) => search(vm, r, item),
    }
}

pub fn contains(vm: &mut Vm, r: &Range, item: &Value) -> PyResult<bool> {
    find(vm, r, item).map(|p| p.is_some())
}

/// The `i`th item, for `0 <= i < len`.
fn item(r: &Range, i: &Int) -> Int {
    if let (Some((a, _, c)), Int::Small(i)) = (r.small(), i) {
        return Int::from(i128::from(a) + i128::from(*i) * i128::from(c));
    }
    Int::from(r.start.to_bigint() + i.to_bigint() * r.step.to_bigint())
}

/// An index argument (`__index__`) as an exact int.
fn index_value(vm: &mut Vm, v: &Value) -> PyResult<Option<Int>> {
    if let Some(i) = int_ref(v) {
        return Ok(Some(i.to_int()));
    }
    if super::is_builtin_value(v) {
        return Ok(None);
    }
    match vm.special(v, "__index__") {
        Some(f) => {
            let r = vm.call(&f, Args::new(vec![]))?;
            match int_ref(&r) {
                Some(i) => Ok(Some(i.to_int())),
                None => {
                    let t = vm.type_name(&r);
                    vm.type_error(format!("__index__ returned non-int (type {t})"))
                }
            }
        }
        None => Ok(None),
    }
}

/// `slice.indices(len)` on exact ints (`_PySlice_GetLongIndices`).
fn slice_indices_big(vm: &mut Vm, s: &[Value; 3], len: &BigInt) -> PyResult<[BigInt; 3]> {
    let bad = |vm: &Vm| -> PyResult<[BigInt; 3]> {
        vm.type_error("slice indices must be integers or None or have an __index__ method")
    };
    let step = match &s[2] {
        Value::None => BigInt::one(),
        v => match index_value(vm, v)? {
            Some(i) => i.to_bigint(),
            None => return bad(vm),
        },
    };
    if step.is_zero() {
        return vm.value_error("slice step cannot be zero");
    }
    let (lower, upper) = if step.is_negative() {
        (BigInt::from(-1), len - 1u32)
    } else {
        (BigInt::zero(), len.clone())
    };
    let mut bound = |v: &Value, default: &BigInt| -> PyResult<Option<BigInt>> {
        if v.is_none() {
            return Ok(Some(default.clone()));
        }
        let Some(i) = index_value(vm, v)? else {
            return Ok(None);
        };
        let mut x = i.to_bigint();
        if x.is_negative() {
            x += len;
            if x < lower {
                x = lower.clone();
            }
        } else if x > upper {
            x = upper.clone();
        }
        Ok(Some(x))
    };
    let (start_default, stop_default) = if step.is_negative() {
        (upper.clone(), lower.clone())
    } else {
        (lower.clone(), upper.clone())
    };
    let Some(start) = bound(&s[0], &start_default)? else {
        return bad(vm);
    };
    let Some(stop) = bound(&s[1], &stop_default)? else {
        return bad(vm);
    };
    Ok([start, stop, step])
}

pub fn getitem(vm: &mut Vm, r: &Range, key: &Value) -> PyResult<Value> {
    if let Some(Obj::Slice(s)) = key.as_obj().map(|k| &**k) {
        let s = (**s).clone();
        let n = len_int(r).to_bigint();
        let [a, b, c] = slice_indices_big(vm, &s, &n)?;
        let (start, _, step) = r.bigs();
        return Ok(Value::obj(Obj::Range(Range::from_bigs(
            &start + a * &step,
            &start + b * &step,
            step * c,
        ))));
    }
    let Some(i) = index_value(vm, key)? else {
        let t = vm.type_name(key);
        return vm.type_error(format!("range indices must be integers or slices, not {t}"));
    };
    let n = len_int(r);
    let j = if i.is_negative() {
        Int::from(i.to_bigint() + n.to_bigint())
    } else {
        i
    };
    if j.is_negative() || j >= n {
        return Err(vm.error("IndexError", "range object index out of range"));
    }
    Ok(int_value(item(r, &j)))
}

/// The state of `iter(r)` (`reversed(r)` when `reverse`): machine ints
/// when CPython's `range_iterator` would use them, else big ints.
pub fn iter_state(r: &Range, reverse: bool) -> IterState {
    if let Some((a, b, c)) = r.small() {
        let n = small_len(a, b, c);
        if let Ok(n) = i64::try_from(n) {
            if !reverse {
                let fits = n == 0
                    || if c > 0 {
                        b.checked_add(c - 1).is_some()
                    } else {
                        b.checked_add(-1 - c).is_some()
                    };
                if fits {
                    return IterState::Range {
                        next: a,
                        step: c,
                        remaining: n,
                    };
                }
            } else if c != i64::MIN && a.checked_sub(c).is_some() {
                let last = i128::from(a) + (i128::from(n) - 1) * i128::from(c);
                if let Ok(last) = i64::try_from(last) {
                    return IterState::Range {
                        next: if n == 0 { a } else { last },
                        step: -c,
                        remaining: n,
                    };
                }
            }
        }
    }
    let (a, _, c) = r.bigs();
    let n = len_int(r).to_bigint();
    if reverse {
        let last = if n.is_zero() { a } else { a + (&n - 1u32) * &c };
        IterState::BigRange {
            next: last,
            step: -c,
            remaining: n,
        }
    } else {
        IterState::BigRange {
            next: a,
            step: c,
            remaining: n,
        }
    }
}

/// A `range()` argument: an int or an object with `__index__`.
fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<Int> {
    match index_value(vm, v)? {
        Some(i) => Ok(i),
        None => {
            let t = vm.type_name(v);
            vm.type_error(format!("'{t}' object cannot be interpreted as an integer"))
        }
    }
}

pub fn construct(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !args.kw.is_empty() {
        return vm.type_error("range() takes no keyword arguments");
    }
    match args.pos.len() {
        0 => return vm.type_error("range expected at least 1 argument, got 0"),
        1..=3 => {}
        n => return vm.type_error(format!("range expected at most 3 arguments, got {n}")),
    }
    let mut nums = Vec::with_capacity(3);
    for v in &args.pos {
        nums.push(int_arg(vm, v)?);
    }
    let (start, stop, step) = match nums.len() {
        1 => (Int::Small(0), nums.remove(0), Int::Small(1)),
        2 => {
            let stop = nums.remove(1);
            (nums.remove(0), stop, Int::Small(1))
        }
        _ => {
            let step = nums.remove(2);
            let stop = nums.remove(1);
            (nums.remove(0), stop, step)
        }
    };
    if step.is_zero() {
        return vm.value_error("range() arg 3 must not be zero");
    }
    Ok(Value::obj(Obj::Range(Range { start, stop, step })))
}

/// The receiver of a range method, copied out (its bounds are small or
/// rare big ints).
fn this(vm: &Vm, args: &Args, name: &str) -> PyResult<Range> {
    match args.pos.first().and_then(|v| v.as_obj()).map(|o| &**o) {
        Some(Obj::Range(r)) => Ok(Range {
            start: r.start.clone(),
            stop: r.stop.clone(),
            step: r.step.clone(),
        }),
        _ => vm.type_error(format!("descriptor '{name}' requires a 'range' object")),
    }
}

fn count(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let r = this(vm, args, "count")?;
    let Some(x) = args.pos.get(1).cloned() else {
        return vm.type_error("range.count() takes exactly one argument (0 given)");
    };
    if as_int_key(&x).is_err() {
        let it = Value::obj(Obj::Iter(std::cell::RefCell::new(iter_state(&r, false))));
        let mut n = 0;
        while let Some(v) = vm.next_of(&it)? {
            if vm.eq(&v, &x)? {
                n += 1;
            }
        }
        return Ok(Value::Int(n));
    }
    Ok(Value::Int(i64::from(contains(vm, &r, &x)?)))
}

fn index(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let r = this(vm, args, "index")?;
    let Some(x) = args.pos.get(1).cloned() else {
        return vm.type_error("range.index() takes exactly one argument (0 given)");
    };
    if let Some(p) = find(vm, &r, &x)? {
        return Ok(int_value(p));
    }
    if int_ref(&x).is_some() {
        let s = vm.repr_of(&x)?;
        return vm.value_error(format!("{s} is not in range"));
    }
    vm.value_error("sequence.index(x): x not in sequence")
}

pub const RANGE_METHODS: Methods = &[("count", count), ("index", index)];

fn slice_indices_method(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let Some(Obj::Slice(s)) = args.pos.first().and_then(|v| v.as_obj()).map(|o| &**o) else {
        return vm.type_error("descriptor 'indices' requires a 'slice' object");
    };
    let s = (**s).clone();
    let len = match args.pos.get(1) {
        Some(v) => int_arg(vm, v)?,
        None => return vm.type_error("slice.indices() takes exactly one argument (0 given)"),
    };
    if len.is_negative() {
        return vm.value_error("length should not be negative");
    }
    let [a, b, c] = slice_indices_big(vm, &s, &len.to_bigint())?;
    Ok(Value::tuple(
        [a, b, c].into_iter().map(Value::from_bigint).collect(),
    ))
}

pub const SLICE_METHODS: Methods = &[("indices", slice_indices_method)];

#[cfg(test)]
mod tests {
    use crate::vm::builtins::run_for_test as run;

    #[test]
    fn big_ranges_match_cpython() {
        // Expected output from python3 (3.11.7).
        let src = r#"
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: len(range(10**30)))
t(lambda: range(5)[10**30])
t(lambda: range(10**30)[10**29])
t(lambda: range(10**30)[-10**31])
t(lambda: bool(range(10**30)))
t(lambda: list(range(2**63-2, 2**63+2)))
t(lambda: list(reversed(range(2**63-2, 2**63+2))))
t(lambda: range(10**30)[::2])
t(lambda: list(range(10**30)[10**29:10**29+10:3]))
t(lambda: range(10**30).index(5))
t(lambda: range(10**30).count(10**29))
t(lambda: hash(range(10**30)) == hash((10**30, 0, 1)))
t(lambda: len(range(-2**63, 2**63-1)))
t(lambda: 10**29 in range(10**30))
t(lambda: range(10**30) == range(0, 10**30, 1))
t(lambda: range(10**30, 0, -10**29)[3])
t(lambda: type(iter(range(10**30))).__name__)
t(lambda: type(iter(range(0, 2**63-1, 2**62))).__name__)
t(lambda: type(reversed(range(0, 2**63-1, 2**62))).__name__)
t(lambda: list(reversed(range(0, 2**63-1, 2**62))))
t(lambda: range(10**30)[1.5])
t(lambda: sum(range(2**63, 2**63+3)))
t(lambda: range(10).index(3.0))
t(lambda: range(5).index(7.0))
t(lambda: range(5).index(10**40))
t(lambda: next(reversed(range(10**30))))
t(lambda: range(0,10,3)[-10**30:10**30])
t(lambda: range(10**30)[::-1])
t(lambda: range(5)[1.0:3])
t(lambda: (1+0j) in range(5))
t(lambda: hash(range(1)) == hash(range(0,1,7)))
t(lambda: slice(-10**30, None).indices(5))
"#;
        let want = r##"OverflowError Python int too large to convert to C ssize_t
IndexError range object index out of range
100000000000000000000000000000
IndexError range object index out of range
True
[9223372036854775806, 9223372036854775807, 9223372036854775808, 9223372036854775809]
[9223372036854775809, 9223372036854775808, 9223372036854775807, 9223372036854775806]
range(0, 1000000000000000000000000000000, 2)
[100000000000000000000000000000, 100000000000000000000000000003, 100000000000000000000000000006, 100000000000000000000000000009]
5
1
True
OverflowError Python int too large to convert to C ssize_t
True
True
700000000000000000000000000000
'longrange_iterator'
'longrange_iterator'
'range_iterator'
[4611686018427387904, 0]
TypeError range indices must be integers or slices, not float
27670116110564327427
3
ValueError sequence.index(x): x not in sequence
ValueError 10000000000000000000000000000000000000000 is not in range
999999999999999999999999999999
range(0, 12, 3)
range(999999999999999999999999999999, -1, -1)
TypeError slice indices must be integers or None or have an __index__ method
True
True
(0, 5, 1)
"##;
        assert_eq!(run(src), want);
    }
}
