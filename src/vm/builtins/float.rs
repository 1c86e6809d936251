//! `float`: construction, `round`, hash and methods, on `vm::num`'s
//! CPython-exact repr, parsing and rounding.

use super::int::{int_ref, int_value, num_err};
use super::Methods;
use crate::vm::call::Args;
use crate::vm::num;
use crate::vm::value::{Obj, Value};
use crate::vm::{PyResult, Vm};

impl Vm {
    /// A NaN distinct from every other one made so far. Floats are inline
    /// values here, so a NaN's identity (`x is y`, `nan in [nan]`) is
    /// carried by its payload bits, as CPython carries it by the object.
    pub fn fresh_nan(&mut self) -> f64 {
        self.nan_counter += 1;
        f64::from_bits(0x7ff8_0000_0000_0000 | (self.nan_counter & 0x0007_ffff_ffff_ffff))
    }
}

/// `repr(x)` as CPython prints it (shortest round-trip digits).
pub fn repr(x: f64) -> String {
    num::float_repr(x)
}

/// CPython's `_Py_HashDouble` (nan hashes by identity since 3.10).
pub fn hash(x: f64, identity: u64) -> i64 {
    crate::vm::table::hash::hash_f64(x, identity)
}

pub fn construct(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args("float", &args, 0, 1)?;
    let Some(v) = args.pos.first() else {
        return Ok(Value::Float(0.0));
    };
    if let Value::Float(f) = v {
        return Ok(Value::Float(*f));
    }
    if let Some(i) = int_ref(v) {
        return i.to_f64().map(Value::Float).map_err(|e| num_err(vm, e));
    }
    if let Some(p) = super::payload(v) {
        return construct(vm, Args::new(vec![p]));
    }
    match v.as_obj().map(|o| &**o) {
        Some(Obj::Str(s)) => match num::parse_float(&s.s) {
            Ok(f) if f.is_nan() => Ok(Value::Float(vm.fresh_nan())),
            Ok(f) => Ok(Value::Float(f)),
            Err(e) => Err(num_err(vm, e)),
        },
        Some(Obj::Bytes(_) | Obj::ByteArray(_)) => {
            let b = super::bytes::as_bytes(v).unwrap_or_default();
            let s = String::from_utf8_lossy(&b).to_string();
            num::parse_float(&s)
                .map(Value::Float)
                .map_err(|e| num_err(vm, e))
        }
        _ => {
            if let Some(f) = vm.special(v, "__float__") {
                return vm.call(&f, Args::new(vec![]));
            }
            if let Some(f) = vm.special(v, "__index__") {
                let i = vm.call(&f, Args::new(vec![]))?;
                return construct(vm, Args::new(vec![i]));
            }
            let t = vm.type_name(v);
            vm.type_error(format!(
                "float() argument must be a string or a real number, not '{t}'"
            ))
        }
    }
}

/// `round(x)` → int (ties to even), `round(x, n)` → float.
pub fn round(vm: &mut Vm, x: f64, ndigits: Option<i64>) -> PyResult<Value> {
    match ndigits {
        None => num::float_round(x)
            .map(int_value)
            .map_err(|e| num_err(vm, e)),
        Some(n) => num::float_round_ndigits(x, num::IntRef::Small(n))
            .map(Value::Float)
            .map_err(|e| num_err(vm, e)),
    }
}

fn float_arg(vm: &mut Vm, args: &Args, name: &str) -> PyResult<f64> {
    match args.pos.first() {
        Some(Value::Float(f)) => Ok(*f),
        _ => vm.type_error(format!("descriptor '{name}' requires a 'float' object")),
    }
}

fn is_integer(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let x = float_arg(vm, args, "is_integer")?;
    Ok(Value::Bool(num::float_is_integer(x)))
}

fn as_integer_ratio(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let x = float_arg(vm, args, "as_integer_ratio")?;
    let (n, d) = num::float_as_integer_ratio(x).map_err(|e| num_err(vm, e))?;
    Ok(Value::tuple(vec![int_value(n), int_value(d)]))
}

fn conjugate(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    float_arg(vm, args, "conjugate").map(Value::Float)
}

fn hex(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let x = float_arg(vm, args, "hex")?;
    Ok(Value::string(num::float_hex(x)))
}

/// `float.fromhex(s)`: `[sign] ['0x'] hexdigits ['.' hexdigits] ['p' exponent]`.
fn fromhex(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let Some(s) = args
        .pos
        .get(1)
        .and_then(|v| v.as_str())
        .map(|s| s.trim().to_ascii_lowercase())
    else {
        return vm.type_error("fromhex() argument must be str");
    };
    let bad = |vm: &mut Vm| -> PyResult<Value> {
        vm.value_error("invalid hexadecimal floating-point string")
    };
    let (neg, body) = match s.strip_prefix('-') {
        Some(b) => (true, b.to_string()),
        None => (false, s.strip_prefix('+').unwrap_or(&s).to_string()),
    };
    match body.as_str() {
        "inf" | "infinity" => {
            return Ok(Value::Float(if neg {
                f64::NEG_INFINITY
            } else {
                f64::INFINITY
            }))
        }
        "nan" => return Ok(Value::Float(f64::NAN)),
        _ => {}
    }
    let body = body.strip_prefix("0x").unwrap_or(&body);
    let (mant, exp) = match body.split_once('p') {
        Some((m, e)) => match e.parse::<i64>() {
            Ok(e) => (m, e),
            Err(_) => return bad(vm),
        },
        None => (body, 0),
    };
    let (int_part, frac_part) = mant.split_once('.').unwrap_or((mant, ""));
    if int_part.is_empty() && frac_part.is_empty() {
        return bad(vm);
    }
    let mut value = 0f64;
    for c in int_part.chars() {
        let Some(d) = c.to_digit(16) else {
            return bad(vm);
        };
        value = value * 16.0 + f64::from(d);
    }
    let mut scale = 1.0 / 16.0;
    for c in frac_part.chars() {
        let Some(d) = c.to_digit(16) else {
            return bad(vm);
        };
        value += f64::from(d) * scale;
        scale /= 16.0;
    }
    let r = value * 2f64.powi(exp.clamp(-2000, 2000) as i32);
    if r.is_infinite() {
        return Err(vm.error(
            "OverflowError",
            "hexadecimal value too large to represent as a float",
        ));
    }
    Ok(Value::Float(if neg { -r } else { r }))
}

pub const FLOAT_CLASS_METHODS: Methods = &[("fromhex", fromhex)];

pub const FLOAT_METHODS: Methods = &[
    ("is_integer", is_integer),
    ("as_integer_ratio", as_integer_ratio),
    ("conjugate", conjugate),
    ("hex", hex),
];
