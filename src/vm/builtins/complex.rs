//! `complex`: construction (`complex(re, im)`, `complex("1+2j")`),
//! arithmetic with ints, floats and complexes, `==` (no ordering), hash,
//! `abs`, `.real`/`.imag`/`.conjugate()` and repr, on `vm::num`'s
//! CPython-exact `Complex`.
//!
//! Owns: turning the VM's values into `Complex` operands (an int or float
//! becomes `x + 0j`, as CPython's `TO_COMPLEX`) and back. Never: computes
//! anything itself (that is `vm::num::complex`), and never answers for an
//! operation CPython's complex does not define (`//`, `%`, `<` …): those
//! return `None` so the generic protocol raises the usual TypeError.

use super::int::{int_ref, num_err};
use super::Methods;
use crate::vm::call::Args;
use crate::vm::code::{BinOp, CmpOp, UnaryOp};
use crate::vm::num::{self, Complex};
use crate::vm::value::{Obj, Value};
use crate::vm::{PyResult, Vm};

pub fn value(z: Complex) -> Value {
    Value::obj(Obj::Complex(z))
}

/// The complex in `v`, if it is one.
pub fn as_complex(v: &Value) -> Option<Complex> {
    match v {
        Value::Obj(o) => match &**o {
            Obj::Complex(z) => Some(*z),
            _ => None,
        },
        _ => None,
    }
}

/// `v` as a complex operand: a complex, or an int, bool or float with a
/// zero imaginary part; `None` for anything else. An int too large for a
/// float raises OverflowError, as in CPython.
fn operand(vm: &Vm, v: &Value) -> PyResult<Option<Complex>> {
    if let Some(z) = as_complex(v) {
        return Ok(Some(z));
    }
    match v {
        Value::Float(f) => Ok(Some(Complex::real(*f))),
        _ => match int_ref(v) {
            Some(i) => i
                .to_f64()
                .map(|f| Some(Complex::real(f)))
                .map_err(|e| num_err(vm, e)),
            None => Ok(None),
        },
    }
}

/// `a <op> b` when one side is a complex and the other a number.
pub fn binary(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Option<Value>> {
    if as_complex(a).is_none() && as_complex(b).is_none() {
        return Ok(None);
    }
    if !matches!(
        op,
        BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::TrueDiv | BinOp::Pow
    ) {
        return Ok(None);
    }
    let (Some(x), Some(y)) = (operand(vm, a)?, operand(vm, b)?) else {
        return Ok(None);
    };
    let r = match op {
        BinOp::Add => Ok(x + y),
        BinOp::Sub => Ok(x - y),
        BinOp::Mul => Ok(x * y),
        BinOp::TrueDiv => x.true_div(y),
        _ => x.pow(y),
    };
    r.map(|z| Some(value(z))).map_err(|e| num_err(vm, e))
}

/// `x ** y` for floats where CPython's `float_pow` hands over to
/// `complex_pow` (a negative base and a non-integral exponent).
pub fn float_pow(vm: &Vm, x: f64, y: f64) -> PyResult<Value> {
    Complex::real(x)
        .pow(Complex::real(y))
        .map(value)
        .map_err(|e| num_err(vm, e))
}

/// `==`/`!=` when one side is a complex; `Some(None)` for the orderings
/// (NotImplemented, so `<` raises TypeError); `None` if neither side is a
/// complex.
pub fn compare(a: &Value, b: &Value, op: CmpOp) -> Option<Option<bool>> {
    let (z, other) = match (as_complex(a), as_complex(b)) {
        (Some(z), _) => (z, b),
        (None, Some(z)) => (z, a),
        (None, None) => return None,
    };
    if !matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Some(None);
    }
    let equal = if let Some(w) = as_complex(other) {
        z.re == w.re && z.im == w.im
    } else if let Value::Float(f) = other {
        z.im == 0.0 && z.re == *f
    } else if let Some(i) = int_ref(other) {
        // Exact, as CPython compares the real part with the int.
        z.im == 0.0 && i.eq_f64(z.re)
    } else {
        return Some(None);
    };
    Some(Some(if op == CmpOp::Eq { equal } else { !equal }))
}

pub fn unary(a: &Value, op: UnaryOp) -> Option<Value> {
    let z = as_complex(a)?;
    match op {
        UnaryOp::Neg => Some(value(-z)),
        UnaryOp::Pos => Some(value(z)),
        _ => None,
    }
}

pub fn repr(z: Complex) -> String {
    num::complex_repr(z)
}

/// CPython's `complex_hash`; `identity` hashes a NaN part.
pub fn hash(z: Complex, identity: u64) -> i64 {
    crate::vm::table::hash::hash_complex(z.re, z.im, identity)
}

/// `abs(z)`.
pub fn abs(vm: &Vm, z: Complex) -> PyResult<Value> {
    z.abs().map(Value::Float).map_err(|e| num_err(vm, e))
}

/// `z.real`, `z.imag`.
pub fn attr(z: Complex, name: &str) -> Option<Value> {
    match name {
        "real" => Some(Value::Float(z.re)),
        "imag" => Some(Value::Float(z.im)),
        _ => None,
    }
}

/// One argument of `complex(real, imag)`: a complex, or a real number
/// (through `__complex__`, `__float__` or `__index__` for user objects).
fn argument(vm: &mut Vm, v: &Value, first: bool) -> PyResult<Complex> {
    if let Some(z) = operand(vm, v)? {
        return Ok(z);
    }
    if let Some(p) = super::payload(v) {
        return argument(vm, &p, first);
    }
    if first {
        if let Some(f) = vm.special(v, "__complex__") {
            let r = vm.call(&f, Args::new(vec![]))?;
            return match as_complex(&r) {
                Some(z) => Ok(z),
                None => {
                    let t = vm.type_name(&r);
                    vm.type_error(format!("__complex__ returned non-complex (type {t})"))
                }
            };
        }
    }
    for name in ["__float__", "__index__"] {
        if let Some(f) = vm.special(v, name) {
            let r = vm.call(&f, Args::new(vec![]))?;
            if let Some(z) = operand(vm, &r)? {
                return Ok(z);
            }
        }
    }
    let t = vm.type_name(v);
    if first {
        vm.type_error(format!(
            "complex() first argument must be a string or a number, not '{t}'"
        ))
    } else {
        vm.type_error(format!(
            "complex() second argument must be a number, not '{t}'"
        ))
    }
}

/// `complex()`, `complex(real[, imag])`, `complex("1+2j")`.
pub fn construct(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let real = args.arg(0, "real");
    let imag = args.arg(1, "imag");
    if let Some((k, _)) = args.kw.first() {
        let k = k.as_str().unwrap_or("?").to_string();
        return vm.type_error(format!(
            "complex() got an unexpected keyword argument '{k}'"
        ));
    }
    if args.pos.len() > 2 {
        return vm.type_error(format!(
            "complex() takes at most 2 arguments ({} given)",
            args.pos.len()
        ));
    }
    let real = real.unwrap_or(Value::Int(0));
    if let Some(s) = real.as_str() {
        if imag.is_some() {
            return vm.type_error("complex() can't take second arg if first is a string");
        }
        return num::parse_complex(s).map(value).map_err(|e| num_err(vm, e));
    }
    if imag.as_ref().is_some_and(|i| i.as_str().is_some()) {
        return vm.type_error("complex() second arg can't be a string");
    }
    if imag.is_none() {
        if let Some(z) = as_complex(&real) {
            return Ok(value(z));
        }
    }
    let r = argument(vm, &real, true)?;
    let r_is_complex = as_complex(&real).is_some() || r.im != 0.0;
    let (re, im) = match &imag {
        None => (r.re, r.im),
        Some(i) => {
            let i_is_complex = as_complex(i).is_some();
            let iv = argument(vm, i, false)?;
            let mut re = r.re;
            let mut im = iv.re;
            if i_is_complex {
                re -= iv.im;
            }
            if r_is_complex {
                im += r.im;
            }
            (re, im)
        }
    };
    Ok(value(Complex::new(re, im)))
}

fn this(vm: &Vm, args: &Args, name: &str) -> PyResult<Complex> {
    match args.pos.first() {
        Some(v) => match as_complex(v) {
            Some(z) => Ok(z),
            None => {
                let t = vm.type_name(v);
                vm.type_error(format!(
                    "descriptor '{name}' for 'complex' objects doesn't apply to a '{t}' object"
                ))
            }
        },
        None => vm.type_error(format!(
            "descriptor '{name}' of 'complex' object needs an argument"
        )),
    }
}

fn conjugate(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    this(vm, args, "conjugate").map(|z| value(z.conjugate()))
}

fn getnewargs(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let z = this(vm, args, "__getnewargs__")?;
    Ok(Value::tuple(vec![Value::Float(z.re), Value::Float(z.im)]))
}

pub const COMPLEX_METHODS: Methods = &[("conjugate", conjugate), ("__getnewargs__", getnewargs)];

#[cfg(test)]
mod tests {
    use crate::vm::builtins::run_for_test as run;

    #[test]
    fn complex_programs_match_cpython() {
        // Expected output from python3 (3.11.7).
        let src = r#"
z = 3 + 4j
print(z, z.real, z.imag, abs(z), z.conjugate(), -z, +z, z == 3 + 4j, z != z)
print(complex(), complex(2), complex(1, 2), complex("1+2j"), complex(1j, 1j), complex(real=1, imag=2))
print(complex(imag=2), complex(1.5, -0.0), (1 + 0j) == 1, 1 == (1 + 0j), 2j * 0 == 0)
print(1j * 1j, 2 ** (1 + 1j), (-8) ** (1 / 3), (-1) ** 0.5, 3 * 1j, 3.5 - 1j, True + 1j)
print(hash(1j), hash(1 + 2j), hash(3 + 0j) == hash(3), bool(0j), bool(1j), {1j: 2})
for bad in [lambda: 1 / 0j, lambda: 1j // 2, lambda: 1j % 2, lambda: 0j ** -1, lambda: (3+4j) ** 1000,
            lambda: 1j < 2j, lambda: 2 > 1j, lambda: ~1j, lambda: complex("x"), lambda: complex("1", 2),
            lambda: complex(1, "2"), lambda: complex(None), lambda: int(1j), lambda: float(1j),
            lambda: 1j + "a", lambda: 10 ** 400 + 1j, lambda: round(1j), lambda: complex.conjugate(2),
            lambda: abs(complex(1.5e308, 1.5e308))]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(f"{1+2j}", f"{1+2j:.2f}", f"{2.5j:>8}", "%s %r" % (1j, 2j), str(complex(-1, -1)), repr(-0j))
print(sum([1j, 2, 3 + 1j]), [p * 1j ** k for k, p in enumerate([2 + 1j] * 4)])
"#;
        let want = r##"(3+4j) 3.0 4.0 5.0 (3-4j) (-3-4j) (3+4j) True False
0j (2+0j) (1+2j) (1+2j) (-1+1j) (1+2j)
2j (1.5-0j) True True True
(-1+0j) (1.5384778027279442+1.2779225526272695j) (1.0000000000000002+1.7320508075688772j) (6.123233995736766e-17+1j) 3j (3.5-1j) (1+1j)
1000003 2000007 True False True {1j: 2}
ZeroDivisionError complex division by zero
TypeError unsupported operand type(s) for //: 'complex' and 'int'
TypeError unsupported operand type(s) for %: 'complex' and 'int'
ZeroDivisionError 0.0 to a negative or complex power
OverflowError complex exponentiation
TypeError '<' not supported between instances of 'complex' and 'complex'
TypeError '>' not supported between instances of 'int' and 'complex'
TypeError bad operand type for unary ~: 'complex'
ValueError complex() arg is a malformed string
TypeError complex() can't take second arg if first is a string
TypeError complex() second arg can't be a string
TypeError complex() first argument must be a string or a number, not 'NoneType'
TypeError int() argument must be a string, a bytes-like object or a real number, not 'complex'
TypeError float() argument must be a string or a real number, not 'complex'
TypeError unsupported operand type(s) for +: 'complex' and 'str'
OverflowError int too large to convert to float
TypeError type complex doesn't define __round__ method
TypeError descriptor 'conjugate' for 'complex' objects doesn't apply to a 'int' object
OverflowError absolute value too large
(1+2j) 1.00+2.00j     2.5j 1j 2j (-1-1j) (-0-0j)
(5+2j) [(2+1j), (-1+2j), (-2-1j), (1-2j)]
"##;
        assert_eq!(run(src), want);
    }
}
