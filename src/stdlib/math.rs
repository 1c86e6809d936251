//! `math`: the functions and constants of CPython's math module, with its
//! error messages ("math domain error", "factorial() not defined for
//! negative values", …). Ints stay exact where CPython keeps them exact
//! (`gcd`, `factorial`, `isqrt`, `comb`, `perm`, `floor`, `ceil`).

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::vm::builtins::int::{num, Num};
use crate::vm::builtins::Methods;
use crate::vm::call::Args;
use crate::vm::value::{ObjRef, Value};
use crate::vm::{PyResult, Vm};

fn float_of(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match num(v) {
        Some(Num::I(i)) => Ok(i as f64),
        Some(Num::F(f)) => Ok(f),
        Some(Num::B(b)) => crate::vm::builtins::int::bigint_to_f64(vm, &b),
        None => {
            if let Some(f) = vm.special(v, "__float__") {
                let r = vm.call(&f, Args::new(vec![]))?;
                return float_of(vm, &r);
            }
            let t = vm.type_name(v);
            vm.type_error(format!("must be real number, not {t}"))
        }
    }
}

fn int_of(vm: &mut Vm, v: &Value, fname: &str) -> PyResult<BigInt> {
    match num(v) {
        Some(Num::I(i)) => Ok(BigInt::from(i)),
        Some(Num::B(b)) => Ok(b),
        Some(Num::F(_)) => vm.type_error("'float' object cannot be interpreted as an integer"),
        None => {
            let t = vm.type_name(v);
            let _ = fname;
            vm.type_error(format!("'{t}' object cannot be interpreted as an integer"))
        }
    }
}

fn args_n(vm: &mut Vm, args: &Args, name: &str, n: usize) -> PyResult<()> {
    if args.pos.len() != n {
        let what = if n == 1 {
            "exactly one argument".to_string()
        } else {
            format!("exactly {n} arguments")
        };
        return vm
            .type_error(format!("{name}() takes {what} ({} given)", args.pos.len()))
            .or_else(|e: crate::vm::PyErr| {
                if n > 1 {
                    vm.type_error(format!(
                        "{name} expected {n} arguments, got {}",
                        args.pos.len()
                    ))
                } else {
                    Err(e)
                }
            });
    }
    Ok(())
}

fn domain(vm: &mut Vm) -> crate::vm::PyErr {
    vm.error("ValueError", "math domain error")
}

fn f1(
    vm: &mut Vm,
    args: &Args,
    name: &str,
    f: fn(f64) -> f64,
    ok: fn(f64) -> bool,
) -> PyResult<Value> {
    args_n(vm, args, name, 1)?;
    let x = float_of(vm, &args.pos[0])?;
    if !ok(x) {
        return Err(domain(vm));
    }
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain(vm));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(vm.error("OverflowError", "math range error"));
    }
    Ok(Value::Float(r))
}

macro_rules! unary {
    ($name:ident, $f:expr, $ok:expr) => {
        fn $name(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
            f1(vm, args, stringify!($name), $f, $ok)
        }
    };
}

unary!(sqrt, f64::sqrt, |x: f64| x >= 0.0 || x.is_nan());
unary!(exp, f64::exp, |_| true);
unary!(sin, f64::sin, |x: f64| !x.is_infinite());
unary!(cos, f64::cos, |x: f64| !x.is_infinite());
unary!(tan, f64::tan, |x: f64| !x.is_infinite());
unary!(asin, f64::asin, |x: f64| (-1.0..=1.0).contains(&x)
    || x.is_nan());
unary!(acos, f64::acos, |x: f64| (-1.0..=1.0).contains(&x)
    || x.is_nan());
unary!(atan, f64::atan, |_| true);
unary!(sinh, f64::sinh, |_| true);
unary!(cosh, f64::cosh, |_| true);
unary!(tanh, f64::tanh, |_| true);
unary!(fabs, f64::abs, |_| true);
unary!(log2, f64::log2, |x: f64| x > 0.0 || x.is_nan());
unary!(log10, f64::log10, |x: f64| x > 0.0 || x.is_nan());
unary!(log1p, f64::ln_1p, |x: f64| x > -1.0 || x.is_nan());
unary!(expm1, f64::exp_m1, |_| true);
unary!(degrees, f64::to_degrees, |_| true);
unary!(radians, f64::to_radians, |_| true);

fn log(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    if args.pos.is_empty() || args.pos.len() > 2 {
        return vm.type_error(format!(
            "log expected 1 or 2 arguments, got {}",
            args.pos.len()
        ));
    }
    let ln = |vm: &mut Vm, v: &Value| -> PyResult<f64> {
        // Huge ints: log of the int exactly enough via its bit length.
        if let Some(Num::B(b)) = num(v) {
            if b.is_positive() {
                let bits = b.bits();
                let shift = bits.saturating_sub(60);
                let top = (&b >> shift).to_f64().unwrap_or(1.0);
                return Ok(top.ln() + shift as f64 * std::f64::consts::LN_2);
            }
        }
        let x = float_of(vm, v)?;
        if x <= 0.0 {
            return Err(domain(vm));
        }
        Ok(x.ln())
    };
    let x = ln(vm, &args.pos[0].clone())?;
    match args.pos.get(1).cloned() {
        Some(base) => {
            let b = ln(vm, &base)?;
            if b == 0.0 {
                return Err(vm.error("ZeroDivisionError", "float division by zero"));
            }
            Ok(Value::Float(x / b))
        }
        None => Ok(Value::Float(x)),
    }
}

fn round_to_int(
    vm: &mut Vm,
    args: &mut Args,
    name: &str,
    f: fn(f64) -> f64,
    dunder: &str,
) -> PyResult<Value> {
    args_n(vm, args, name, 1)?;
    let v = args.pos[0].clone();
    match num(&v) {
        Some(Num::I(_) | Num::B(_)) => Ok(match v {
            Value::Bool(b) => Value::Int(i64::from(b)),
            v => v,
        }),
        Some(Num::F(x)) => crate::vm::builtins::int::from_f64(vm, f(x)),
        None => match vm.special(&v, dunder) {
            Some(m) => vm.call(&m, Args::new(vec![])),
            None => {
                let x = float_of(vm, &v)?;
                crate::vm::builtins::int::from_f64(vm, f(x))
            }
        },
    }
}

fn floor(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    round_to_int(vm, args, "floor", f64::floor, "__floor__")
}
fn ceil(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    round_to_int(vm, args, "ceil", f64::ceil, "__ceil__")
}
fn trunc(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    round_to_int(vm, args, "trunc", f64::trunc, "__trunc__")
}

fn gcd(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let mut g = BigInt::zero();
    for v in args.pos.clone() {
        let x = int_of(vm, &v, "gcd")?;
        g = g.gcd(&x);
    }
    Ok(Value::from_bigint(g))
}

fn lcm(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let mut l = BigInt::one();
    for v in args.pos.clone() {
        let x = int_of(vm, &v, "lcm")?;
        if x.is_zero() {
            return Ok(Value::Int(0));
        }
        l = l.lcm(&x);
    }
    Ok(Value::from_bigint(l.abs()))
}

fn factorial(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    args_n(vm, args, "factorial", 1)?;
    let n = int_of(vm, &args.pos[0].clone(), "factorial")?;
    if n.is_negative() {
        return vm.value_error("factorial() not defined for negative values");
    }
    let Some(n) = n.to_u64().filter(|n| *n <= 20_000) else {
        return Err(vm.error(
            "OverflowError",
            "factorial() argument should not exceed 20000 in this simulation",
        ));
    };
    let mut r = BigInt::one();
    for i in 2..=n {
        r *= i;
    }
    Ok(Value::from_bigint(r))
}

fn isqrt(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    args_n(vm, args, "isqrt", 1)?;
    let n = int_of(vm, &args.pos[0].clone(), "isqrt")?;
    if n.is_negative() {
        return vm.value_error("isqrt() argument must be nonnegative");
    }
    Ok(Value::from_bigint(n.sqrt()))
}

fn comb_perm(vm: &mut Vm, args: &mut Args, comb: bool) -> PyResult<Value> {
    let name = if comb { "comb" } else { "perm" };
    if args.pos.is_empty() || args.pos.len() > 2 || (comb && args.pos.len() != 2) {
        return vm.type_error(format!(
            "{name} expected 2 arguments, got {}",
            args.pos.len()
        ));
    }
    let n = int_of(vm, &args.pos[0].clone(), name)?;
    let k = match args.pos.get(1).cloned() {
        Some(k) if !k.is_none() => int_of(vm, &k, name)?,
        _ => n.clone(),
    };
    if n.is_negative() {
        return vm.value_error("n must be a non-negative integer");
    }
    if k.is_negative() {
        return vm.value_error("k must be a non-negative integer");
    }
    if k > n {
        return Ok(Value::Int(0));
    }
    let k = k.to_u64().unwrap_or(0);
    let k = if comb {
        k.min((&n - BigInt::from(k)).to_u64().unwrap_or(k))
    } else {
        k
    };
    let mut r = BigInt::one();
    for i in 0..k {
        r *= &n - BigInt::from(i);
        if comb {
            r /= BigInt::from(i + 1);
        }
    }
    Ok(Value::from_bigint(r))
}
fn comb(vm: &mut Vm, a: &mut Args) -> PyResult<Value> {
    comb_perm(vm, a, true)
}
fn perm(vm: &mut Vm, a: &mut Args) -> PyResult<Value> {
    comb_perm(vm, a, false)
}

fn pow(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    args_n(vm, args, "pow", 2)?;
    let (x, y) = (
        float_of(vm, &args.pos[0].clone())?,
        float_of(vm, &args.pos[1].clone())?,
    );
    if x == 0.0 && y < 0.0 {
        return Err(domain(vm));
    }
    if x < 0.0 && y.fract() != 0.0 && y.is_finite() {
        return Err(domain(vm));
    }
    let r = x.powf(y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(vm.error("OverflowError", "math range error"));
    }
    Ok(Value::Float(r))
}

fn atan2(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    args_n(vm, args, "atan2", 2)?;
    let (y, x) = (
        float_of(vm, &args.pos[0].clone())?,
        float_of(vm, &args.pos[1].clone())?,
    );
    Ok(Value::Float(y.atan2(x)))
}

fn fmod(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    args_n(vm, args, "fmod", 2)?;
    let (x, y) = (
        float_of(vm, &args.pos[0].clone())?,
        float_of(vm, &args.pos[1].clone())?,
    );
    if y == 0.0 || x.is_infinite() {
        return Err(domain(vm));
    }
    Ok(Value::Float(x % y))
}

/// `frexp(x)`: (m, e) with x == m * 2**e and 0.5 <= |m| < 1.
fn frexp(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    args_n(vm, args, "frexp", 1)?;
    let x = float_of(vm, &args.pos[0].clone())?;
    if x == 0.0 || !x.is_finite() {
        return Ok(Value::tuple(vec![Value::Float(x), Value::Int(0)]));
    }
    let bits = x.to_bits();
    let raw = ((bits >> 52) & 0x7ff) as i64;
    let (m, e) = if raw == 0 {
        // Subnormal: scale into the normal range first.
        let y = x * 2f64.powi(64);
        let raw = ((y.to_bits() >> 52) & 0x7ff) as i64;
        (
            f64::from_bits((y.to_bits() & !(0x7ff << 52)) | (1022 << 52)),
            raw - 1022 - 64,
        )
    } else {
        (
            f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52)),
            raw - 1022,
        )
    };
    Ok(Value::tuple(vec![Value::Float(m), Value::Int(e)]))
}

/// `ldexp(x, i)`: x * 2**i, exactly, with CPython's overflow error.
fn ldexp(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    args_n(vm, args, "ldexp", 2)?;
    let x = float_of(vm, &args.pos[0].clone())?;
    let e = match &args.pos[1] {
        Value::Int(i) => (*i).clamp(-100_000, 100_000) as i32,
        Value::Bool(b) => i32::from(*b),
        v if matches!(num(v), Some(Num::B(_))) => {
            if matches!(num(v), Some(Num::B(b)) if b.is_negative()) {
                -100_000
            } else {
                100_000
            }
        }
        _ => return vm.type_error("Expected an int as second argument to ldexp."),
    };
    if x == 0.0 || !x.is_finite() {
        return Ok(Value::Float(x));
    }
    // Scale in steps so intermediate powers stay finite.
    let mut r = x;
    let mut left = e;
    while left != 0 {
        let step = left.clamp(-1000, 1000);
        r *= 2f64.powi(step);
        left -= step;
    }
    if r.is_infinite() {
        return Err(vm.error("OverflowError", "math range error"));
    }
    Ok(Value::Float(r))
}

/// IEEE 754 remainder: x - n*y with n the integer nearest x/y (ties to even).
fn remainder(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    args_n(vm, args, "remainder", 2)?;
    let (x, y) = (
        float_of(vm, &args.pos[0].clone())?,
        float_of(vm, &args.pos[1].clone())?,
    );
    if x.is_nan() || y.is_nan() {
        return Ok(Value::Float(f64::NAN));
    }
    if x.is_infinite() || y == 0.0 {
        return Err(domain(vm));
    }
    if y.is_infinite() {
        return Ok(Value::Float(x));
    }
    let n = (x / y).round_ties_even();
    let r = x - n * y;
    // Exact for representable cases; keep the sign of x for a zero result.
    Ok(Value::Float(if r == 0.0 { 0.0f64.copysign(x) } else { r }))
}

fn copysign(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    args_n(vm, args, "copysign", 2)?;
    let (x, y) = (
        float_of(vm, &args.pos[0].clone())?,
        float_of(vm, &args.pos[1].clone())?,
    );
    Ok(Value::Float(x.copysign(y)))
}

fn hypot(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let mut acc = 0.0f64;
    for v in args.pos.clone() {
        let x = float_of(vm, &v)?;
        acc = acc.hypot(x);
    }
    Ok(Value::Float(acc))
}

fn dist(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    args_n(vm, args, "dist", 2)?;
    let p = vm.collect(&args.pos[0].clone())?;
    let q = vm.collect(&args.pos[1].clone())?;
    if p.len() != q.len() {
        return vm.value_error("both points must have the same number of dimensions");
    }
    let mut acc = 0.0f64;
    for (a, b) in p.iter().zip(q.iter()) {
        let d = float_of(vm, a)? - float_of(vm, b)?;
        acc = acc.hypot(d);
    }
    Ok(Value::Float(acc))
}

fn isclose(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let rel = args.take_kw("rel_tol");
    let abs = args.take_kw("abs_tol");
    args_n(vm, args, "isclose", 2)?;
    let (a, b) = (
        float_of(vm, &args.pos[0].clone())?,
        float_of(vm, &args.pos[1].clone())?,
    );
    let rel = match rel {
        Some(v) => float_of(vm, &v)?,
        None => 1e-9,
    };
    let abs = match abs {
        Some(v) => float_of(vm, &v)?,
        None => 0.0,
    };
    if rel < 0.0 || abs < 0.0 {
        return vm.value_error("tolerances must be non-negative");
    }
    if a == b {
        return Ok(Value::Bool(true));
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let diff = (b - a).abs();
    Ok(Value::Bool(
        diff <= (rel * b).abs() || diff <= (rel * a).abs() || diff <= abs,
    ))
}

fn pred(vm: &mut Vm, args: &mut Args, name: &str, f: fn(f64) -> bool) -> PyResult<Value> {
    args_n(vm, args, name, 1)?;
    let x = float_of(vm, &args.pos[0].clone())?;
    Ok(Value::Bool(f(x)))
}
fn isinf(vm: &mut Vm, a: &mut Args) -> PyResult<Value> {
    pred(vm, a, "isinf", f64::is_infinite)
}
fn isnan(vm: &mut Vm, a: &mut Args) -> PyResult<Value> {
    pred(vm, a, "isnan", f64::is_nan)
}
fn isfinite(vm: &mut Vm, a: &mut Args) -> PyResult<Value> {
    pred(vm, a, "isfinite", f64::is_finite)
}

fn modf(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    args_n(vm, args, "modf", 1)?;
    let x = float_of(vm, &args.pos[0].clone())?;
    let i = x.trunc();
    let f = if x.is_infinite() {
        0.0f64.copysign(x)
    } else {
        x - i
    };
    Ok(Value::tuple(vec![Value::Float(f), Value::Float(i)]))
}

fn prod(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let start = args.take_kw("start").unwrap_or(Value::Int(1));
    let Some(it) = args.pos.first().cloned() else {
        return vm.type_error("prod() takes exactly 1 positional argument (0 given)");
    };
    let mut acc = start;
    for v in vm.collect(&it)? {
        acc = vm.binary_op(&acc, &v, crate::vm::code::BinOp::Mul)?;
    }
    Ok(acc)
}

fn fsum(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    args_n(vm, args, "fsum", 1)?;
    let items = vm.collect(&args.pos[0].clone())?;
    // Shewchuk's exact partial sums, as CPython's msum.
    let mut partials: Vec<f64> = Vec::new();
    for v in items {
        let mut x = float_of(vm, &v)?;
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        partials.push(x);
    }
    Ok(Value::Float(
        partials.iter().rev().fold(0.0, |acc, p| acc + p),
    ))
}

const FUNCTIONS: Methods = &[
    ("sqrt", sqrt),
    ("exp", exp),
    ("sin", sin),
    ("cos", cos),
    ("tan", tan),
    ("asin", asin),
    ("acos", acos),
    ("atan", atan),
    ("atan2", atan2),
    ("sinh", sinh),
    ("cosh", cosh),
    ("tanh", tanh),
    ("fabs", fabs),
    ("log", log),
    ("log2", log2),
    ("log10", log10),
    ("log1p", log1p),
    ("expm1", expm1),
    ("degrees", degrees),
    ("radians", radians),
    ("floor", floor),
    ("ceil", ceil),
    ("trunc", trunc),
    ("gcd", gcd),
    ("lcm", lcm),
    ("factorial", factorial),
    ("isqrt", isqrt),
    ("comb", comb),
    ("perm", perm),
    ("pow", pow),
    ("fmod", fmod),
    ("copysign", copysign),
    ("remainder", remainder),
    ("frexp", frexp),
    ("ldexp", ldexp),
    ("hypot", hypot),
    ("dist", dist),
    ("isclose", isclose),
    ("isinf", isinf),
    ("isnan", isnan),
    ("isfinite", isfinite),
    ("modf", modf),
    ("prod", prod),
    ("fsum", fsum),
];

pub fn make(vm: &mut Vm, m: &ObjRef) -> PyResult<()> {
    vm.module_functions(m, FUNCTIONS);
    vm.module_set(m, "pi", Value::Float(std::f64::consts::PI));
    vm.module_set(m, "e", Value::Float(std::f64::consts::E));
    vm.module_set(m, "tau", Value::Float(std::f64::consts::TAU));
    vm.module_set(m, "inf", Value::Float(f64::INFINITY));
    let nan = vm.fresh_nan();
    vm.module_set(m, "nan", Value::Float(nan));
    Ok(())
}
