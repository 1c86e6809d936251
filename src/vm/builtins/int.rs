//! `int` and `bool`, and the arithmetic of all real numbers (int with
//! float) as the interpreter sees them: this file turns values into
//! `vm::num` operands, calls the arithmetic there (Python's floor division
//! and modulo, unbounded ints, exact int/float comparison), and turns
//! `NumError`s into Python exceptions.

use std::cmp::Ordering;

use num_bigint::BigInt;

use super::Methods;
use crate::vm::call::Args;
use crate::vm::code::{BinOp, CmpOp, UnaryOp};
use crate::vm::num::{self, Int, IntRef, NumError, PowResult};
use crate::vm::value::{Obj, Value};
use crate::vm::{PyErr, PyResult, Vm};

/// A real number operand.
#[derive(Clone)]
pub enum Num {
    I(i64),
    B(BigInt),
    F(f64),
}

/// The number in `v`, if it is an int, bool or float.
pub fn num(v: &Value) -> Option<Num> {
    match v {
        Value::Int(i) => Some(Num::I(*i)),
        Value::Bool(b) => Some(Num::I(i64::from(*b))),
        Value::Float(f) => Some(Num::F(*f)),
        Value::Obj(o) => match &**o {
            Obj::BigInt(b) => Some(Num::B(b.clone())),
            _ => None,
        },
        _ => None,
    }
}

/// The int in `v` as a borrowed view (ints and bools).
pub fn int_ref(v: &Value) -> Option<IntRef<'_>> {
    match v {
        Value::Int(i) => Some(IntRef::Small(*i)),
        Value::Bool(b) => Some(IntRef::Small(i64::from(*b))),
        Value::Obj(o) => match &**o {
            Obj::BigInt(b) => Some(IntRef::Big(b)),
            _ => None,
        },
        _ => None,
    }
}

pub fn int_value(i: Int) -> Value {
    match i {
        Int::Small(n) => Value::Int(n),
        Int::Big(b) => Value::obj(Obj::BigInt(b)),
    }
}

/// A `NumError` as the Python exception it stands for.
pub fn num_err(vm: &Vm, e: NumError) -> PyErr {
    match e {
        NumError::Complex => vm.error("NotImplementedError", "complex numbers are not simulated"),
        NumError::Memory => vm.error("MemoryError", ""),
        e => vm.error(e.class_name(), e.message().to_string()),
    }
}

pub use crate::vm::table::hash::{hash_bigint, hash_i64};

/// Decimal digits of a big int, with CPython 3.11's 4300-digit limit.
pub fn bigint_to_str(vm: &mut Vm, b: &BigInt) -> PyResult<String> {
    IntRef::Big(b).to_str().map_err(|e| num_err(vm, e))
}

pub fn bigint_to_f64(vm: &mut Vm, b: &BigInt) -> PyResult<f64> {
    IntRef::Big(b).to_f64().map_err(|e| num_err(vm, e))
}

/// `int(x)` for a float: truncates toward zero.
pub fn from_f64(vm: &mut Vm, f: f64) -> PyResult<Value> {
    Int::from_f64(f).map(int_value).map_err(|e| num_err(vm, e))
}

pub fn compare_numbers(a: &Value, b: &Value, op: CmpOp) -> Option<bool> {
    let ord = match (a, b) {
        (Value::Int(x), Value::Int(y)) => Some(x.cmp(y)),
        (Value::Float(x), Value::Float(y)) => x.partial_cmp(y),
        (Value::Float(x), other) => int_ref(other)?.cmp_f64(*x).map(Ordering::reverse),
        (other, Value::Float(y)) => int_ref(other)?.cmp_f64(*y),
        _ => Some(int_ref(a)?.cmp(&int_ref(b)?)),
    };
    Some(match ord {
        Some(o) => super::ord_cmp(o, op),
        None => op == CmpOp::Ne,
    })
}

fn to_float(vm: &Vm, v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(f) => Ok(*f),
        other => match int_ref(other) {
            Some(i) => i.to_f64().map_err(|e| num_err(vm, e)),
            None => Ok(f64::NAN),
        },
    }
}

pub fn binary_numbers(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Option<Value>> {
    let a_float = matches!(a, Value::Float(_));
    let b_float = matches!(b, Value::Float(_));
    if a_float || b_float {
        if (!a_float && int_ref(a).is_none()) || (!b_float && int_ref(b).is_none()) {
            return Ok(None);
        }
        if matches!(
            op,
            BinOp::LShift | BinOp::RShift | BinOp::And | BinOp::Or | BinOp::Xor | BinOp::MatMul
        ) {
            return Ok(None);
        }
        let (x, y) = (to_float(vm, a)?, to_float(vm, b)?);
        let r = match op {
            BinOp::Add => Ok(x + y),
            BinOp::Sub => Ok(x - y),
            BinOp::Mul => Ok(x * y),
            BinOp::TrueDiv => num::float_truediv(x, y),
            BinOp::FloorDiv => num::float_floordiv(x, y),
            BinOp::Mod => num::float_mod(x, y),
            BinOp::Pow => num::float_pow(x, y),
            _ => return Ok(None),
        };
        return match r {
            Ok(f) => Ok(Some(Value::Float(f))),
            // A negative base to a fractional power: CPython's float_pow
            // hands over to complex_pow.
            Err(NumError::Complex) => super::complex::float_pow(vm, x, y).map(Some),
            Err(e) => Err(num_err(vm, e)),
        };
    }
    let (Some(x), Some(y)) = (int_ref(a), int_ref(b)) else {
        return Ok(None);
    };
    // Bool-only bit operations stay bools.
    if let (Value::Bool(p), Value::Bool(q)) = (a, b) {
        match op {
            BinOp::And => return Ok(Some(Value::Bool(*p & *q))),
            BinOp::Or => return Ok(Some(Value::Bool(*p | *q))),
            BinOp::Xor => return Ok(Some(Value::Bool(*p ^ *q))),
            _ => {}
        }
    }
    let r: Result<Value, NumError> = match op {
        BinOp::Add => Ok(int_value(x + y)),
        BinOp::Sub => Ok(int_value(x - y)),
        BinOp::Mul => x.mul_checked(y).map(int_value),
        BinOp::FloorDiv => x.floordiv(y).map(int_value),
        BinOp::Mod => x.modulo(y).map(int_value),
        BinOp::TrueDiv => x.truediv(y).map(Value::Float),
        BinOp::Pow => x.pow(y).map(|p| match p {
            PowResult::Int(i) => int_value(i),
            PowResult::Float(f) => Value::Float(f),
        }),
        BinOp::LShift => x.lshift(y).map(int_value),
        BinOp::RShift => x.rshift(y).map(int_value),
        BinOp::And => Ok(int_value(x & y)),
        BinOp::Or => Ok(int_value(x | y)),
        BinOp::Xor => Ok(int_value(x ^ y)),
        BinOp::MatMul => return Ok(None),
    };
    r.map(Some).map_err(|e| num_err(vm, e))
}

/// `pow(a, b, m)`.
pub fn pow_mod(vm: &mut Vm, a: &Value, b: &Value, m: &Value) -> PyResult<Value> {
    match (int_ref(a), int_ref(b), int_ref(m)) {
        (Some(x), Some(y), Some(z)) => x.pow_mod(y, z).map(int_value).map_err(|e| num_err(vm, e)),
        _ if [a, b, m]
            .iter()
            .any(|v| super::complex::as_complex(v).is_some()) =>
        {
            vm.value_error("complex modulo")
        }
        _ if num(a).is_some() && num(b).is_some() && num(m).is_some() => {
            vm.type_error("pow() 3rd argument not allowed unless all arguments are integers")
        }
        _ => {
            let (ta, tb, tc) = (vm.type_name(a), vm.type_name(b), vm.type_name(m));
            vm.type_error(format!(
                "unsupported operand type(s) for ** or pow(): '{ta}', '{tb}', '{tc}'"
            ))
        }
    }
}

pub fn unary_numbers(vm: &mut Vm, a: &Value, op: UnaryOp) -> PyResult<Option<Value>> {
    if let Value::Float(f) = a {
        return match op {
            UnaryOp::Neg => Ok(Some(Value::Float(-f))),
            UnaryOp::Pos => Ok(Some(Value::Float(*f))),
            _ => Ok(None),
        };
    }
    let Some(x) = int_ref(a) else { return Ok(None) };
    let _ = vm;
    Ok(Some(match op {
        UnaryOp::Neg => int_value(-x),
        UnaryOp::Pos => int_value(x.to_int()),
        UnaryOp::Invert => int_value(x.invert()),
        UnaryOp::Not => return Ok(None),
    }))
}

/// `int(x)`, `int(s, base)`.
pub fn construct(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let base_kw = args.take_kw("base");
    if args.pos.len() > 2 {
        return vm.type_error(format!(
            "int() takes at most 2 arguments ({} given)",
            args.pos.len()
        ));
    }
    vm.check_args("int", &args, 0, 2)?;
    let base = match base_kw {
        Some(b) => Some(b),
        None => args.pos.get(1).cloned(),
    };
    let Some(v) = args.pos.first().cloned() else {
        if base.is_some() {
            return vm.type_error("int() missing string argument");
        }
        return Ok(Value::Int(0));
    };
    if let Some(base) = base {
        let b = match &base {
            Value::Int(b) => *b,
            Value::Bool(b) => i64::from(*b),
            _ => {
                let t = vm.type_name(&base);
                return vm.type_error(format!("'{t}' object cannot be interpreted as an integer"));
            }
        };
        let text = match (v.as_str(), super::bytes::as_bytes(&v)) {
            (Some(s), _) => s.to_string(),
            (None, Some(bs)) => String::from_utf8_lossy(&bs).to_string(),
            _ => return vm.type_error("int() can't convert non-string with explicit base"),
        };
        return num::parse_int(&text, b)
            .map(int_value)
            .map_err(|e| num_err(vm, e));
    }
    if let Some(p) = super::payload(&v) {
        if !vm.has_user_special(&v, "__int__") && !vm.has_user_special(&v, "__index__") {
            return construct(vm, Args::new(vec![p]));
        }
    }
    match &v {
        Value::Int(_) => Ok(v.clone()),
        Value::Bool(b) => Ok(Value::Int(i64::from(*b))),
        Value::Float(f) => from_f64(vm, *f),
        Value::Obj(o) => match &**o {
            Obj::BigInt(_) => Ok(v.clone()),
            Obj::Str(s) => num::parse_int(&s.s, 10)
                .map(int_value)
                .map_err(|e| num_err(vm, e)),
            Obj::Bytes(_) | Obj::ByteArray(_) => {
                let b = super::bytes::as_bytes(&v).unwrap_or_default();
                let s = String::from_utf8_lossy(&b).to_string();
                num::parse_int(&s, 10)
                    .map(int_value)
                    .map_err(|e| num_err(vm, e))
            }
            _ => {
                for name in ["__int__", "__index__", "__trunc__"] {
                    if let Some(f) = vm.special(&v, name) {
                        return vm.call(&f, Args::new(vec![]));
                    }
                }
                let t = vm.type_name(&v);
                vm.type_error(format!("int() argument must be a string, a bytes-like object or a real number, not '{t}'"))
            }
        },
        _ => vm.type_error(
            "int() argument must be a string, a bytes-like object or a real number, not 'NoneType'",
        ),
    }
}

/// `int`'s data attributes (`real`, `imag`, `numerator`, `denominator`).
pub fn number_attr(_vm: &mut Vm, v: &Value, name: &str) -> PyResult<Option<Value>> {
    let is_int = int_ref(v).is_some();
    Ok(match (name, v) {
        ("real", Value::Float(_)) => Some(v.clone()),
        ("imag", Value::Float(_)) => Some(Value::Float(0.0)),
        ("real" | "numerator", _) if is_int => Some(match v {
            Value::Bool(b) => Value::Int(i64::from(*b)),
            _ => v.clone(),
        }),
        ("imag", _) if is_int => Some(Value::Int(0)),
        ("denominator", _) if is_int => Some(Value::Int(1)),
        _ => None,
    })
}

fn self_int(vm: &mut Vm, args: &Args) -> PyResult<Int> {
    match args.pos.first().and_then(int_ref) {
        Some(i) => Ok(i.to_int()),
        None => vm.type_error("descriptor requires an 'int' object"),
    }
}

fn bit_length(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let i = self_int(vm, args)?;
    Ok(Value::Int(i.as_ref().bit_length() as i64))
}

fn bit_count(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let i = self_int(vm, args)?;
    let ones: u32 = i
        .to_bigint()
        .magnitude()
        .to_u64_digits()
        .iter()
        .map(|d| d.count_ones())
        .sum();
    Ok(Value::Int(i64::from(ones)))
}

fn conjugate(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    self_int(vm, args).map(int_value)
}

fn as_integer_ratio(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let i = self_int(vm, args)?;
    Ok(Value::tuple(vec![int_value(i), Value::Int(1)]))
}

fn is_integer(_vm: &mut Vm, _args: &mut Args) -> PyResult<Value> {
    Ok(Value::Bool(true))
}

fn to_bytes(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let b = self_int(vm, args)?.to_bigint();
    let length = match args.arg(1, "length") {
        Some(Value::Int(n)) if n >= 0 => n as usize,
        None => 1,
        _ => return vm.value_error("length argument must be non-negative"),
    };
    let order = args.arg(2, "byteorder");
    let little = matches!(order.as_ref().and_then(|v| v.as_str()), Some("little"));
    let signed = matches!(args.take_kw("signed"), Some(Value::Bool(true)));
    let negative = b.sign() == num_bigint::Sign::Minus;
    if negative && !signed {
        return Err(vm.error("OverflowError", "can't convert negative int to unsigned"));
    }
    let mut bytes = b.to_signed_bytes_le();
    if !signed && bytes.len() > 1 && bytes.last() == Some(&0) {
        bytes.pop();
    }
    if bytes.len() > length || (bytes == [0] && length == 0) {
        if !(bytes == [0] && length == 0) {
            return Err(vm.error("OverflowError", "int too big to convert"));
        }
        bytes.clear();
    }
    let fill = if negative { 0xff } else { 0 };
    bytes.resize(length, fill);
    if !little {
        bytes.reverse();
    }
    Ok(Value::obj(Obj::Bytes(bytes.into_boxed_slice())))
}

pub const INT_METHODS: Methods = &[
    ("bit_length", bit_length),
    ("bit_count", bit_count),
    ("conjugate", conjugate),
    ("as_integer_ratio", as_integer_ratio),
    ("is_integer", is_integer),
    ("to_bytes", to_bytes),
];

fn from_bytes(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let data = args.arg(1, "bytes");
    let order = args.arg(2, "byteorder");
    let signed = match args.take_kw("signed") {
        Some(v) => vm.truthy(&v)?,
        None => false,
    };
    let Some(data) = data else {
        return vm.type_error("from_bytes() missing required argument 'bytes' (pos 1)");
    };
    let bytes: Vec<u8> = match data.as_obj().map(|o| &**o) {
        Some(Obj::Bytes(b)) => b.to_vec(),
        _ => {
            let items = vm.collect(&data)?;
            let mut out = Vec::new();
            for x in items {
                match x {
                    Value::Int(i) if (0..256).contains(&i) => out.push(i as u8),
                    _ => return vm.value_error("bytes must be in range(0, 256)"),
                }
            }
            out
        }
    };
    let little = match order.as_ref().and_then(|v| v.as_str()) {
        Some("little") => true,
        Some("big") | None => false,
        Some(_) => return vm.value_error("byteorder must be either 'little' or 'big'"),
    };
    let mut le = bytes;
    if !little {
        le.reverse();
    }
    let n = if signed {
        BigInt::from_signed_bytes_le(&le)
    } else {
        BigInt::from_bytes_le(num_bigint::Sign::Plus, &le)
    };
    Ok(Value::from_bigint(n))
}

pub const INT_CLASS_METHODS: Methods = &[("from_bytes", from_bytes)];

/// The value as an index (`__index__`): ints and bools only.
pub fn index_of(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(i64::from(*b)),
        Value::Obj(o) if matches!(&**o, Obj::BigInt(_)) => {
            Err(vm.error("IndexError", "cannot fit 'int' into an index-sized integer"))
        }
        _ => {
            if let Some(f) = vm.special(v, "__index__") {
                let r = vm.call(&f, Args::new(vec![]))?;
                if let Value::Int(i) = r {
                    return Ok(i);
                }
            }
            let t = vm.type_name(v);
            vm.type_error(format!("'{t}' object cannot be interpreted as an integer"))
        }
    }
}
