//! `random`: CPython 3.11's module on the generator of [`crate::vm::random`]
//! (Mersenne Twister and the algorithms of `Lib/random.py`, so a seeded
//! program draws CPython's numbers). This file converts Python arguments
//! (with CPython's messages), applies the chosen indices to Python
//! sequences, and exports the methods of one hidden `Random` instance as
//! the module's functions, as CPython does.
//!
//! An unseeded generator (`Random()`, `seed()`, the module at import) is
//! seeded from the simulation's entropy ([`Vm::entropy_u64`]), never from
//! the host: same program and seed, same numbers.
//!
//! Not simulated: a Python subclass overriding `random()` or
//! `getrandbits()` does not change what the other methods draw (they use
//! the native generator); `randrange` accepts integral floats without
//! CPython's DeprecationWarning.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use crate::vm::builtins::int::{num, Num};
use crate::vm::builtins::Methods;
use crate::vm::call::Args;
use crate::vm::code::BinOp;
use crate::vm::module::native_data;
use crate::vm::random::{Random, RandomError, Weights, N};
use crate::vm::value::{Obj, ObjRef, Value};
use crate::vm::{PyErr, PyResult, Vm};

/// The state of one `random.Random` object.
struct Generator {
    gen: Random,
}

// ---- arguments ---------------------------------------------------------------

/// A method's Python signature: `Random.<name>(self, params…, *, kwonly…)`
/// of which the first `required` params have no default.
struct Sig {
    name: &'static str,
    params: &'static [&'static str],
    required: usize,
    kwonly: &'static [&'static str],
}

/// Binds `args` (self first) to `sig`: one slot per param then per
/// keyword-only param, `None` where not given; CPython's messages.
fn bind(vm: &mut Vm, args: &mut Args, sig: &Sig) -> PyResult<(Value, Vec<Option<Value>>)> {
    let qual = format!("Random.{}()", sig.name);
    let Some(me) = args.pos.first().cloned() else {
        return vm.type_error(format!(
            "{qual} missing 1 required positional argument: 'self'"
        ));
    };
    let given = args.pos.len() - 1;
    let nparams = sig.params.len();
    if given > nparams {
        let takes = if sig.required == nparams {
            format!("{} positional argument{}", nparams + 1, plural(nparams + 1))
        } else {
            format!(
                "from {} to {} positional arguments",
                sig.required + 1,
                nparams + 1
            )
        };
        let were = if given + 1 == 1 { "was" } else { "were" };
        return vm.type_error(format!(
            "{qual} takes {takes} but {} {were} given",
            given + 1
        ));
    }
    let mut slots: Vec<Option<Value>> = args.pos[1..].iter().cloned().map(Some).collect();
    slots.resize(nparams + sig.kwonly.len(), None);
    for (k, v) in std::mem::take(&mut args.kw) {
        let name = k.as_str().unwrap_or("");
        let at = sig
            .params
            .iter()
            .chain(sig.kwonly.iter())
            .position(|p| *p == name);
        match at {
            Some(i) if slots[i].is_some() => {
                return vm.type_error(format!("{qual} got multiple values for argument '{name}'"));
            }
            Some(i) => slots[i] = Some(v),
            None => {
                return vm.type_error(format!(
                    "{qual} got an unexpected keyword argument '{name}'"
                ));
            }
        }
    }
    let missing: Vec<String> = sig.params[..sig.required]
        .iter()
        .zip(&slots)
        .filter(|(_, s)| s.is_none())
        .map(|(p, _)| format!("'{p}'"))
        .collect();
    if !missing.is_empty() {
        return vm.type_error(format!(
            "{qual} missing {} required positional argument{}: {}",
            missing.len(),
            plural(missing.len()),
            join_names(&missing)
        ));
    }
    Ok((me, slots))
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

fn join_names(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [a, b] => format!("{a} and {b}"),
        [rest @ .., last] => format!("{}, and {last}", rest.join(", ")),
    }
}

/// A real number argument as a float.
fn float_arg(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match num(v) {
        Some(Num::I(i)) => Ok(i as f64),
        Some(Num::F(f)) => Ok(f),
        Some(Num::B(b)) => crate::vm::builtins::int::bigint_to_f64(vm, &b),
        None => {
            if let Some(f) = vm.special(v, "__float__") {
                let r = vm.call(&f, Args::new(vec![]))?;
                return float_arg(vm, &r);
            }
            let t = vm.type_name(v);
            vm.type_error(format!("must be real number, not {t}"))
        }
    }
}

/// A float parameter: the given value or its default.
fn float_or(vm: &mut Vm, v: &Option<Value>, default: f64) -> PyResult<f64> {
    match v {
        Some(v) => float_arg(vm, v),
        None => Ok(default),
    }
}

/// `operator.index(v)`, or None when `v` has no `__index__`.
fn try_index(vm: &mut Vm, v: &Value) -> PyResult<Option<BigInt>> {
    match num(v) {
        Some(Num::I(i)) => Ok(Some(BigInt::from(i))),
        Some(Num::B(b)) => Ok(Some(b)),
        Some(Num::F(_)) => Ok(None),
        None => match vm.special(v, "__index__") {
            Some(f) => {
                let r = vm.call(&f, Args::new(vec![]))?;
                match num(&r) {
                    Some(Num::I(i)) => Ok(Some(BigInt::from(i))),
                    Some(Num::B(b)) => Ok(Some(b)),
                    _ => {
                        let t = vm.type_name(&r);
                        vm.type_error(format!("__index__ returned non-int (type {t})"))
                    }
                }
            }
            None => Ok(None),
        },
    }
}

/// `operator.index(v)` with its TypeError.
fn index_arg(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    match try_index(vm, v)? {
        Some(i) => Ok(i),
        None => {
            let t = vm.type_name(v);
            vm.type_error(format!("'{t}' object cannot be interpreted as an integer"))
        }
    }
}

/// A small int argument (`k`, a count).
fn i64_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let i = index_arg(vm, v)?;
    match i.to_i64() {
        Some(i) => Ok(i),
        None => Err(vm.error(
            "OverflowError",
            "Python int too large to convert to C ssize_t",
        )),
    }
}

/// randrange's conversion of one argument: an index, or an int-valued
/// number (`int(x) == x`), else "non-integer {what} for randrange()".
fn randrange_arg(vm: &mut Vm, v: &Value, what: &str) -> PyResult<BigInt> {
    if let Some(i) = try_index(vm, v)? {
        return Ok(i);
    }
    let int_type = Value::Obj(vm.types.int.clone());
    let as_int = vm.call(&int_type, Args::new(vec![v.clone()]))?;
    if !vm.eq(&as_int, v)? {
        return vm.value_error(format!("non-integer {what} for randrange()"));
    }
    index_arg(vm, &as_int)
}

/// The most items a list or bytes made here may hold: beyond it CPython
/// would exhaust memory, and so would the simulation (MemoryError).
const MAX_ITEMS: i64 = 1 << 28;

fn check_size(vm: &Vm, n: i64) -> PyResult<()> {
    if n > MAX_ITEMS {
        return Err(vm.error("MemoryError", ""));
    }
    Ok(())
}

fn raise(vm: &Vm, e: RandomError) -> PyErr {
    vm.error(e.python_type(), e.message().to_string())
}

// ---- the generator of `self` ---------------------------------------------------

/// Runs `f` on the generator of a Random object.
fn with_gen<R>(vm: &mut Vm, me: &Value, f: impl FnOnce(&mut Random) -> R) -> PyResult<R> {
    match native_data(me, |g: &mut Generator| f(&mut g.gen)) {
        Some(r) => Ok(r),
        None => {
            let t = vm.type_name(me);
            vm.type_error(format!(
                "descriptor requires a 'random.Random' object but received a '{t}'"
            ))
        }
    }
}

/// 624 words of simulated entropy (what CPython reads from the OS).
fn entropy_key(vm: &mut Vm) -> Vec<u32> {
    let mut key = Vec::with_capacity(N);
    while key.len() < N {
        let w = vm.entropy_u64();
        key.push(w as u32);
        key.push((w >> 32) as u32);
    }
    key
}

// ---- construction and state ------------------------------------------------------

/// `Random.__new__(cls, *args)`: a generator (seeded by `__init__`).
fn random_new(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let Some(Value::Obj(cls)) = args.pos.first().cloned() else {
        return vm.type_error("Random.__new__(X): X is not a type object");
    };
    let gen = Random::from_key(&entropy_key(vm));
    Ok(vm.new_native(&cls, Generator { gen }))
}

/// `Random.__init__(self, x=None)`: `self.seed(x)`.
fn random_init(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let (me, a) = bind(
        vm,
        args,
        &Sig {
            name: "__init__",
            params: &["x"],
            required: 0,
            kwonly: &[],
        },
    )?;
    let x = a[0].clone().unwrap_or(Value::None);
    vm.call_method_str(&me, "seed", vec![x])?;
    Ok(Value::None)
}

/// `seed(a=None, version=2)`.
fn seed(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let (me, a) = bind(
        vm,
        args,
        &Sig {
            name: "seed",
            params: &["a", "version"],
            required: 0,
            kwonly: &[],
        },
    )?;
    let x = a[0].clone().unwrap_or(Value::None);
    let version = a[1].clone().unwrap_or(Value::Int(2));
    let is_v = |n: i64| matches!(num(&version), Some(Num::I(v)) if v == n);
    let is_v = |n: i64| is_v(n) || matches!(num(&version), Some(Num::F(v)) if v == n as f64);
    let text = x.as_str().map(str::to_string);
    let bytes = match x.as_obj().map(|o| &**o) {
        Some(Obj::Bytes(b)) => Some(b.to_vec()),
        _ => None,
    };
    if is_v(1) && (text.is_some() || bytes.is_some()) {
        let points: Vec<u32> = match (&text, &bytes) {
            (Some(s), _) => s.chars().map(u32::from).collect(),
            (_, Some(b)) => b.iter().map(|&c| u32::from(c)).collect(),
            _ => Vec::new(),
        };
        with_gen(vm, &me, |g| g.seed_version1(&points))?;
        return Ok(Value::None);
    }
    if is_v(2) {
        if let Some(s) = &text {
            with_gen(vm, &me, |g| g.seed_str(s))?;
            return Ok(Value::None);
        }
        if let Some(b) = &bytes {
            with_gen(vm, &me, |g| g.seed_bytes(b))?;
            return Ok(Value::None);
        }
    }
    match &x {
        Value::None => {
            let key = entropy_key(vm);
            with_gen(vm, &me, |g| g.seed_key(&key))?;
        }
        _ => match num(&x) {
            Some(Num::I(i)) => with_gen(vm, &me, |g| g.seed_i64(i))?,
            Some(Num::B(b)) => with_gen(vm, &me, |g| g.seed_int(&b))?,
            Some(Num::F(_)) => {
                let h = vm.hash_of(&x)?;
                with_gen(vm, &me, |g| g.seed_hash(h))?;
            }
            None if text.is_some() || bytes.is_some() => {
                let h = vm.hash_of(&x)?;
                with_gen(vm, &me, |g| g.seed_hash(h))?;
            }
            None => return vm.type_error(
                "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.",
            ),
        },
    }
    Ok(Value::None)
}

/// `getstate()`: `(3, (mt[0], …, mt[623], index), gauss_next)`.
fn getstate(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let (me, _) = bind(vm, args, &sig0("getstate"))?;
    let state = with_gen(vm, &me, |g| g.state())?;
    let mut words: Vec<Value> = state.mt.iter().map(|&w| Value::Int(i64::from(w))).collect();
    words.push(Value::Int(state.index as i64));
    let gauss = state.gauss_next.map(Value::Float).unwrap_or(Value::None);
    Ok(Value::tuple(vec![
        Value::Int(3),
        Value::tuple(words),
        gauss,
    ]))
}

/// `setstate(state)` for states of version 3 (and 2).
fn setstate(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let (me, a) = bind(
        vm,
        args,
        &Sig {
            name: "setstate",
            params: &["state"],
            required: 1,
            kwonly: &[],
        },
    )?;
    let state = a[0].clone().unwrap_or(Value::None);
    let version = vm.getitem(&state, &Value::Int(0))?;
    let v = match num(&version) {
        Some(Num::I(v)) => Some(v),
        Some(Num::F(f)) if f == 3.0 || f == 2.0 => Some(f as i64),
        _ => None,
    };
    if v != Some(3) && v != Some(2) {
        let vr = vm.str_of(&version)?;
        return vm.value_error(format!(
            "state with version {vr} passed to Random.setstate() of version 3"
        ));
    }
    let parts = vm.unpack(&state, 3)?;
    let gauss_next = match &parts[2] {
        Value::None => None,
        g => Some(float_arg(vm, g)?),
    };
    let Some(internal) = parts[1].as_tuple().map(<[Value]>::to_vec) else {
        return vm.type_error("state vector must be a tuple");
    };
    if internal.len() != N + 1 {
        return vm.value_error("state vector is the wrong size");
    }
    let mut mt = Vec::with_capacity(N);
    for w in &internal[..N] {
        let w = index_arg(vm, w)?;
        let w = if v == Some(2) {
            ((w % (1i64 << 32)) + (1i64 << 32)) % (1i64 << 32)
        } else {
            w
        };
        if w.is_negative() {
            return Err(vm.error(
                "OverflowError",
                "can't convert negative value to unsigned int",
            ));
        }
        match w.to_u32() {
            Some(w) => mt.push(w),
            None => {
                return Err(vm.error(
                    "OverflowError",
                    "Python int too large to convert to C unsigned long",
                ))
            }
        }
    }
    let index = index_arg(vm, &internal[N])?.to_i64().unwrap_or(-1);
    with_gen(vm, &me, |g| g.set_state(&mt, index, gauss_next))?.map_err(|e| raise(vm, e))?;
    Ok(Value::None)
}

fn sig0(name: &'static str) -> Sig {
    Sig {
        name,
        params: &[],
        required: 0,
        kwonly: &[],
    }
}

// ---- integers and bits --------------------------------------------------------------

fn random(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let Some(me) = args.pos.first().cloned() else {
        return vm.type_error("random() needs a Random object");
    };
    if args.pos.len() > 1 || !args.kw.is_empty() {
        let n = args.pos.len() - 1 + args.kw.len();
        return vm.type_error(format!("Random.random() takes no arguments ({n} given)"));
    }
    with_gen(vm, &me, |g| Value::Float(g.random()))
}

fn getrandbits(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let Some(me) = args.pos.first().cloned() else {
        return vm.type_error("getrandbits() needs a Random object");
    };
    if args.pos.len() != 2 || !args.kw.is_empty() {
        let n = args.pos.len().saturating_sub(1) + args.kw.len();
        return vm.type_error(format!(
            "Random.getrandbits() takes exactly one argument ({n} given)"
        ));
    }
    let k = index_arg(vm, &args.pos[1].clone())?;
    let k = k.to_i64().unwrap_or(i64::MAX);
    let bits = with_gen(vm, &me, |g| g.getrandbits(k))?.map_err(|e| raise(vm, e))?;
    Ok(Value::from_bigint(BigInt::from(bits)))
}

fn randbytes(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let (me, a) = bind(
        vm,
        args,
        &Sig {
            name: "randbytes",
            params: &["n"],
            required: 1,
            kwonly: &[],
        },
    )?;
    let n = i64_arg(vm, &a[0].clone().unwrap_or(Value::None))?;
    if n < 0 {
        return vm.value_error("number of bits must be non-negative");
    }
    check_size(vm, n)?;
    let b = with_gen(vm, &me, |g| g.randbytes(n as usize))?;
    Ok(Value::obj(Obj::Bytes(b.into_boxed_slice())))
}

/// randrange once its arguments are ints: the small path when they fit.
fn randrange_ints(
    vm: &mut Vm,
    me: &Value,
    start: BigInt,
    stop: Option<BigInt>,
    step: BigInt,
) -> PyResult<Value> {
    let small = (
        start.to_i64(),
        stop.as_ref().map(|s| s.to_i64()),
        step.to_i64(),
    );
    let r = match small {
        (Some(a), None, Some(c)) => with_gen(vm, me, |g| g.randrange(a, None, c).map(Value::Int))?,
        (Some(a), Some(Some(b)), Some(c)) => {
            with_gen(vm, me, |g| g.randrange(a, Some(b), c).map(Value::Int))?
        }
        _ => with_gen(vm, me, |g| {
            g.randrange_big(&start, stop.as_ref(), &step)
                .map(Value::from_bigint)
        })?,
    };
    r.map_err(|e| raise(vm, e))
}

fn randrange(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let (me, a) = bind(
        vm,
        args,
        &Sig {
            name: "randrange",
            params: &["start", "stop", "step"],
            required: 1,
            kwonly: &[],
        },
    )?;
    let start = randrange_arg(vm, &a[0].clone().unwrap_or(Value::None), "arg 1")?;
    let stop = a[1].clone().filter(|v| !v.is_none());
    // CPython checks `step is not 1` before converting it.
    let step_given = a[2].clone().filter(|v| !matches!(v, Value::Int(1)));
    let Some(stop) = stop else {
        if step_given.is_some() {
            return vm.type_error("Missing a non-None stop argument");
        }
        return randrange_ints(vm, &me, start, None, BigInt::from(1));
    };
    let stop = randrange_arg(vm, &stop, "stop")?;
    let step = match step_given {
        Some(s) => randrange_arg(vm, &s, "step")?,
        None => BigInt::from(1),
    };
    randrange_ints(vm, &me, start, Some(stop), step)
}

fn randint(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let (me, a) = bind(
        vm,
        args,
        &Sig {
            name: "randint",
            params: &["a", "b"],
            required: 2,
            kwonly: &[],
        },
    )?;
    let lo = a[0].clone().unwrap_or(Value::None);
    let hi = a[1].clone().unwrap_or(Value::None);
    if let (Value::Int(x), Value::Int(y)) = (&lo, &hi) {
        let (x, y) = (*x, *y);
        let r = with_gen(vm, &me, |g| g.randint(x, y))?.map_err(|e| raise(vm, e))?;
        return Ok(Value::Int(r));
    }
    let stop = vm.binary_op(&hi, &Value::Int(1), BinOp::Add)?;
    let start = randrange_arg(vm, &lo, "arg 1")?;
    let stop = randrange_arg(vm, &stop, "stop")?;
    randrange_ints(vm, &me, start, Some(stop), BigInt::from(1))
}

// ---- sequences ------------------------------------------------------------------------

fn choice(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let (me, a) = bind(
        vm,
        args,
        &Sig {
            name: "choice",
            params: &["seq"],
            required: 1,
            kwonly: &[],
        },
    )?;
    let seq = a[0].clone().unwrap_or(Value::None);
    let n = vm.len_of(&seq)?;
    let i = with_gen(vm, &me, |g| g.choice(n))?.map_err(|e| raise(vm, e))?;
    vm.getitem(&seq, &Value::Int(i as i64))
}

fn shuffle(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let (me, a) = bind(
        vm,
        args,
        &Sig {
            name: "shuffle",
            params: &["x"],
            required: 1,
            kwonly: &[],
        },
    )?;
    let x = a[0].clone().unwrap_or(Value::None);
    let n = vm.len_of(&x)?;
    // The draws do not depend on the items: take them all, then swap.
    let mut swaps = Vec::with_capacity(n);
    with_gen(vm, &me, |g| g.shuffle(n, |i, j| swaps.push((i, j))))?;
    if let Some(Obj::List(items)) = x.as_obj().map(|o| &**o) {
        let mut items = items.borrow_mut();
        if items.len() == n {
            for (i, j) in swaps {
                items.swap(i, j);
            }
            return Ok(Value::None);
        }
    }
    for (i, j) in swaps {
        let (vi, vj) = (Value::Int(i as i64), Value::Int(j as i64));
        let xi = vm.getitem(&x, &vi)?;
        let xj = vm.getitem(&x, &vj)?;
        vm.setitem(&x, vi, xj)?;
        vm.setitem(&x, vj, xi)?;
    }
    Ok(Value::None)
}

/// Whether `v` is a `collections.abc.Sequence` (what `sample` requires).
fn is_sequence(vm: &Vm, v: &Value) -> bool {
    let target = crate::vm::builtins::payload(v).unwrap_or_else(|| v.clone());
    if matches!(
        target.as_obj().map(|o| &**o),
        Some(Obj::List(_) | Obj::Tuple(_) | Obj::Str(_) | Obj::Range(_) | Obj::Bytes(_))
    ) {
        return true;
    }
    let t = vm.type_of(v);
    let found = crate::vm::types::mro_of(&t).any(|c| {
        crate::vm::types::type_data(c).is_some_and(|td| {
            matches!(
                &*td.name,
                "deque" | "bytearray" | "memoryview" | "UserList" | "UserString"
            )
        })
    });
    found
}

fn sample(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let (me, a) = bind(
        vm,
        args,
        &Sig {
            name: "sample",
            params: &["population", "k"],
            required: 2,
            kwonly: &["counts"],
        },
    )?;
    let population = a[0].clone().unwrap_or(Value::None);
    if !is_sequence(vm, &population) {
        return vm.type_error("Population must be a sequence.  For dicts or sets, use sorted(d).");
    }
    let n = vm.len_of(&population)?;
    let k = a[1].clone().unwrap_or(Value::None);
    if let Value::Float(f) = k {
        // CPython checks the range, then fails on `[None] * k`.
        if !(0.0 <= f && f <= n as f64) {
            return vm.value_error("Sample larger than population or is negative");
        }
        return vm.type_error("can't multiply sequence by non-int of type 'float'");
    }
    let k = i64_arg(vm, &k)?;
    check_size(vm, k)?;
    let indices: Vec<u64> = match a[2].clone().filter(|c| !c.is_none()) {
        Some(counts) => {
            let counts = vm.collect(&counts)?;
            let mut ints = Vec::with_capacity(counts.len());
            let mut all_ints = true;
            for c in &counts {
                match try_index(vm, c)? {
                    Some(i) => ints.push(i.to_i64().unwrap_or(i64::MAX)),
                    None => {
                        all_ints = false;
                        ints.push(float_arg(vm, c)? as i64);
                    }
                }
            }
            if !all_ints && ints.len() == n {
                return vm.type_error("Counts must be integers");
            }
            with_gen(vm, &me, |g| g.sample_counts(n, &ints, k))?
                .map_err(|e| raise(vm, e))?
                .into_iter()
                .map(|i| i as u64)
                .collect()
        }
        None => with_gen(vm, &me, |g| g.sample(n as u64, k))?.map_err(|e| raise(vm, e))?,
    };
    let mut out = Vec::with_capacity(indices.len());
    for i in indices {
        out.push(vm.getitem(&population, &Value::Int(i as i64))?);
    }
    Ok(Value::list(out))
}

fn float_list(vm: &mut Vm, v: &Value) -> PyResult<Vec<f64>> {
    let items = vm.collect(v)?;
    let mut out = Vec::with_capacity(items.len());
    for item in &items {
        out.push(float_arg(vm, item)?);
    }
    Ok(out)
}

fn choices(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let (me, a) = bind(
        vm,
        args,
        &Sig {
            name: "choices",
            params: &["population", "weights"],
            required: 1,
            kwonly: &["cum_weights", "k"],
        },
    )?;
    let population = a[0].clone().unwrap_or(Value::None);
    let n = vm.len_of(&population)?;
    let weights = a[1].clone().filter(|w| !w.is_none());
    let cum_weights = a[2].clone().filter(|w| !w.is_none());
    let k = match &a[3] {
        Some(k) => i64_arg(vm, &k.clone())?,
        None => 1,
    };
    check_size(vm, k)?;
    let picked = match (weights, cum_weights) {
        (None, None) => with_gen(vm, &me, |g| g.choices(n, Weights::None, k))?,
        (Some(w), None) => {
            if let Value::Int(given) = w {
                return vm.type_error(format!(
                    "The number of choices must be a keyword argument: k={given}"
                ));
            }
            let w = float_list(vm, &w)?;
            with_gen(vm, &me, |g| g.choices(n, Weights::Relative(&w), k))?
        }
        (None, Some(c)) => {
            let c = float_list(vm, &c)?;
            with_gen(vm, &me, |g| g.choices(n, Weights::Cumulative(&c), k))?
        }
        (Some(_), Some(_)) => {
            return vm.type_error("Cannot specify both weights and cumulative weights")
        }
    };
    let picked = picked.map_err(|e| raise(vm, e))?;
    let mut out = Vec::with_capacity(picked.len());
    for i in picked {
        out.push(vm.getitem(&population, &Value::Int(i as i64))?);
    }
    Ok(Value::list(out))
}

// ---- real-valued distributions ---------------------------------------------------------

/// A distribution taking float parameters: `params` with their defaults
/// (`None`: required, in order).
fn distribution(
    vm: &mut Vm,
    args: &mut Args,
    name: &'static str,
    params: &'static [&'static str],
    defaults: &[Option<f64>],
    draw: impl FnOnce(&mut Random, &[f64]) -> Result<f64, RandomError>,
) -> PyResult<Value> {
    let required = defaults.iter().take_while(|d| d.is_none()).count();
    let (me, a) = bind(
        vm,
        args,
        &Sig {
            name,
            params,
            required,
            kwonly: &[],
        },
    )?;
    let mut xs = Vec::with_capacity(params.len());
    for (v, d) in a.iter().zip(defaults) {
        xs.push(float_or(vm, v, d.unwrap_or(0.0))?);
    }
    let r = with_gen(vm, &me, |g| draw(g, &xs))?.map_err(|e| raise(vm, e))?;
    Ok(Value::Float(r))
}

fn uniform(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    distribution(vm, args, "uniform", &["a", "b"], &[None, None], |g, x| {
        Ok(g.uniform(x[0], x[1]))
    })
}

fn triangular(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let (me, a) = bind(
        vm,
        args,
        &Sig {
            name: "triangular",
            params: &["low", "high", "mode"],
            required: 0,
            kwonly: &[],
        },
    )?;
    let low = float_or(vm, &a[0], 0.0)?;
    let high = float_or(vm, &a[1], 1.0)?;
    let mode = match &a[2] {
        Some(Value::None) | None => None,
        Some(m) => Some(float_arg(vm, m)?),
    };
    with_gen(vm, &me, |g| Value::Float(g.triangular(low, high, mode)))
}

fn normalvariate(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    distribution(
        vm,
        args,
        "normalvariate",
        &["mu", "sigma"],
        &[Some(0.0), Some(1.0)],
        |g, x| Ok(g.normalvariate(x[0], x[1])),
    )
}

fn gauss(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    distribution(
        vm,
        args,
        "gauss",
        &["mu", "sigma"],
        &[Some(0.0), Some(1.0)],
        |g, x| Ok(g.gauss(x[0], x[1])),
    )
}

fn lognormvariate(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    distribution(
        vm,
        args,
        "lognormvariate",
        &["mu", "sigma"],
        &[None, None],
        |g, x| g.lognormvariate(x[0], x[1]),
    )
}

fn expovariate(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    distribution(vm, args, "expovariate", &["lambd"], &[None], |g, x| {
        g.expovariate(x[0])
    })
}

fn vonmisesvariate(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    distribution(
        vm,
        args,
        "vonmisesvariate",
        &["mu", "kappa"],
        &[None, None],
        |g, x| g.vonmisesvariate(x[0], x[1]),
    )
}

fn gammavariate(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    distribution(
        vm,
        args,
        "gammavariate",
        &["alpha", "beta"],
        &[None, None],
        |g, x| g.gammavariate(x[0], x[1]),
    )
}

fn betavariate(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    distribution(
        vm,
        args,
        "betavariate",
        &["alpha", "beta"],
        &[None, None],
        |g, x| g.betavariate(x[0], x[1]),
    )
}

fn paretovariate(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    distribution(vm, args, "paretovariate", &["alpha"], &[None], |g, x| {
        g.paretovariate(x[0])
    })
}

fn weibullvariate(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    distribution(
        vm,
        args,
        "weibullvariate",
        &["alpha", "beta"],
        &[None, None],
        |g, x| g.weibullvariate(x[0], x[1]),
    )
}

// ---- SystemRandom ------------------------------------------------------------------------

/// `SystemRandom.seed(*args, **kwds)`: does nothing (its draws come from
/// the simulated entropy, reseeded at creation).
fn system_seed(_vm: &mut Vm, _args: &mut Args) -> PyResult<Value> {
    Ok(Value::None)
}

fn system_no_state(vm: &mut Vm, _args: &mut Args) -> PyResult<Value> {
    Err(vm.error(
        "NotImplementedError",
        "System entropy source does not have state.",
    ))
}

// ---- the module ------------------------------------------------------------------------------

const RANDOM_METHODS: Methods = &[
    ("__new__", random_new),
    ("__init__", random_init),
    ("seed", seed),
    ("getstate", getstate),
    ("setstate", setstate),
    ("random", random),
    ("getrandbits", getrandbits),
    ("randbytes", randbytes),
    ("randrange", randrange),
    ("randint", randint),
    ("choice", choice),
    ("shuffle", shuffle),
    ("sample", sample),
    ("choices", choices),
    ("uniform", uniform),
    ("triangular", triangular),
    ("normalvariate", normalvariate),
    ("gauss", gauss),
    ("lognormvariate", lognormvariate),
    ("expovariate", expovariate),
    ("vonmisesvariate", vonmisesvariate),
    ("gammavariate", gammavariate),
    ("betavariate", betavariate),
    ("paretovariate", paretovariate),
    ("weibullvariate", weibullvariate),
];

const SYSTEM_RANDOM_METHODS: Methods = &[
    ("seed", system_seed),
    ("getstate", system_no_state),
    ("setstate", system_no_state),
];

/// The module functions: methods of the hidden instance `_inst`.
const EXPORTED: &[&str] = &[
    "seed",
    "random",
    "uniform",
    "triangular",
    "randint",
    "choice",
    "randrange",
    "sample",
    "shuffle",
    "choices",
    "normalvariate",
    "lognormvariate",
    "expovariate",
    "vonmisesvariate",
    "gammavariate",
    "gauss",
    "betavariate",
    "paretovariate",
    "weibullvariate",
    "getstate",
    "setstate",
    "getrandbits",
    "randbytes",
];

pub fn make(vm: &mut Vm, m: &ObjRef) -> PyResult<()> {
    let class = vm.new_native_class("Random", "random", RANDOM_METHODS, None);
    let version = vm.intern("VERSION");
    vm.set_attr(&Value::Obj(class.clone()), &version, Value::Int(3))?;
    let system = vm.new_native_class(
        "SystemRandom",
        "random",
        SYSTEM_RANDOM_METHODS,
        Some(class.clone()),
    );
    vm.module_set(m, "Random", Value::Obj(class.clone()));
    vm.module_set(m, "SystemRandom", Value::Obj(system));
    let inst = vm.call(&Value::Obj(class), Args::new(vec![]))?;
    vm.module_set(m, "_inst", inst.clone());
    for name in EXPORTED {
        let method = vm.get_attr_str(&inst, name)?;
        vm.module_set(m, name, method);
    }
    use crate::vm::random as r;
    vm.module_set(m, "NV_MAGICCONST", Value::Float(r::NV_MAGICCONST));
    vm.module_set(m, "TWOPI", Value::Float(r::TWOPI));
    vm.module_set(m, "LOG4", Value::Float(r::LOG4));
    vm.module_set(m, "SG_MAGICCONST", Value::Float(r::SG_MAGICCONST));
    vm.module_set(m, "BPF", Value::Int(53));
    vm.module_set(m, "RECIP_BPF", Value::Float(2f64.powi(-53)));
    Ok(())
}
