//! The builtin functions (`print`, `len`, `sorted`, `isinstance`, …) and
//! the `builtins` namespace they live in, with CPython's argument checks
//! and messages.

use super::list::sort_values;
use crate::vm::call::Args;
use crate::vm::code::{BinOp, CmpOp};
use crate::vm::value::{Builtin, BuiltinFnPtr, IterState, Obj, ObjRef, Value};
use crate::vm::{PyResult, Vm};

const FUNCTIONS: &[(&str, BuiltinFnPtr)] = &[
    ("print", print),
    ("len", len),
    ("repr", repr),
    ("ascii", ascii),
    ("abs", abs),
    ("all", all),
    ("any", any),
    ("bin", bin),
    ("oct", oct),
    ("hex", hex),
    ("callable", callable),
    ("chr", chr),
    ("ord", ord),
    ("delattr", delattr),
    ("getattr", getattr),
    ("setattr", setattr),
    ("hasattr", hasattr),
    ("dir", dir),
    ("divmod", divmod),
    ("sorted", sorted),
    ("sum", sum),
    ("min", min),
    ("max", max),
    ("format", format),
    ("globals", globals),
    ("locals", locals),
    ("vars", vars),
    ("hash", hash),
    ("id", id),
    ("input", input),
    ("isinstance", isinstance),
    ("issubclass", issubclass),
    ("iter", iter),
    ("next", next),
    ("pow", pow),
    ("round", round),
    ("__build_class__", super::object::build_class),
    ("__import__", import),
    ("exit", exit),
    ("quit", exit),
    ("open", open),
    ("exec", exec),
    ("eval", eval),
];

/// Fills the `builtins` namespace: functions, types, exceptions, constants.
pub fn install(vm: &mut Vm) {
    let b = vm.builtins.clone();
    let set = |vm: &mut Vm, name: &str, v: Value| {
        let k = vm.intern(name);
        let _ = vm.dict_set(&b, k, v);
    };
    for &(name, func) in FUNCTIONS {
        set(
            vm,
            name,
            Value::obj(Obj::Builtin(Builtin {
                name,
                owner: None,
                func,
                bound: None,
            })),
        );
    }
    for (name, t) in vm.types.named() {
        if matches!(
            name,
            "object"
                | "type"
                | "bool"
                | "int"
                | "float"
                | "complex"
                | "str"
                | "bytes"
                | "bytearray"
                | "tuple"
                | "list"
                | "dict"
                | "set"
                | "frozenset"
                | "range"
                | "slice"
                | "property"
                | "staticmethod"
                | "classmethod"
                | "super"
                | "enumerate"
                | "zip"
                | "map"
                | "filter"
                | "reversed"
        ) {
            set(vm, name, Value::Obj(t));
        }
    }
    let excs: Vec<(&'static str, ObjRef)> = vm
        .types
        .exceptions
        .iter()
        .map(|(k, v)| (*k, v.clone()))
        .collect();
    for (name, t) in excs {
        set(vm, name, Value::Obj(t));
    }
    for alias in ["EnvironmentError", "IOError"] {
        let os = vm.types.exc("OSError");
        set(vm, alias, Value::Obj(os));
    }
    let ni = vm.not_implemented();
    set(vm, "NotImplemented", ni);
    let el = Value::Obj(vm.types.ellipsis.clone());
    set(vm, "Ellipsis", el);
    set(vm, "__name__", Value::str("builtins"));
    set(vm, "__debug__", Value::Bool(true));
}

fn one(vm: &mut Vm, args: &Args, name: &str) -> PyResult<Value> {
    if !args.kw.is_empty() {
        return vm.type_error(format!("{name}() takes no keyword arguments"));
    }
    match args.pos.as_slice() {
        [v] => Ok(v.clone()),
        _ => vm.type_error(format!(
            "{name}() takes exactly one argument ({} given)",
            args.pos.len()
        )),
    }
}

fn print(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let sep = args.take_kw("sep").filter(|v| !v.is_none());
    let end = args.take_kw("end").filter(|v| !v.is_none());
    let file = args.take_kw("file").filter(|v| !v.is_none());
    let _flush = args.take_kw("flush");
    if let Some((k, _)) = args.kw.first() {
        let k = k.as_str().unwrap_or("?").to_string();
        return vm.type_error(format!("'{k}' is an invalid keyword argument for print()"));
    }
    let sep = match &sep {
        Some(v) => match v.as_str() {
            Some(s) => s.to_string(),
            None => {
                let t = vm.type_name(v);
                return vm.type_error(format!("sep must be None or a string, not {t}"));
            }
        },
        None => " ".into(),
    };
    let end = match &end {
        Some(v) => match v.as_str() {
            Some(s) => s.to_string(),
            None => {
                let t = vm.type_name(v);
                return vm.type_error(format!("end must be None or a string, not {t}"));
            }
        },
        None => "\n".into(),
    };
    let mut out = String::new();
    for (i, v) in args.pos.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        out.push_str(&vm.str_of(v)?);
    }
    out.push_str(&end);
    crate::vm::module::write_to(vm, file.as_ref(), &out)?;
    Ok(Value::None)
}

fn len(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let v = one(vm, args, "len")?;
    Ok(Value::Int(vm.len_of(&v)? as i64))
}

fn repr(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let v = one(vm, args, "repr")?;
    vm.repr_of(&v).map(Value::string)
}

fn ascii(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let v = one(vm, args, "ascii")?;
    let r = vm.repr_of(&v)?;
    Ok(Value::string(ascii_escape(&r)))
}

pub fn ascii_escape(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        let n = c as u32;
        if n < 0x80 {
            out.push(c);
        } else if n < 0x100 {
            out.push_str(&format!("\\x{n:02x}"));
        } else if n < 0x10000 {
            out.push_str(&format!("\\u{n:04x}"));
        } else {
            out.push_str(&format!("\\U{n:08x}"));
        }
    }
    out
}

fn abs(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let v = one(vm, args, "abs")?;
    if let Some(z) = super::complex::as_complex(&v) {
        return super::complex::abs(vm, z);
    }
    match &v {
        Value::Int(i) => Ok(match i.checked_abs() {
            Some(a) => Value::Int(a),
            None => Value::from_bigint(num_bigint::BigInt::from(*i).magnitude().clone().into()),
        }),
        Value::Bool(b) => Ok(Value::Int(i64::from(*b))),
        Value::Float(f) => Ok(Value::Float(f.abs())),
        Value::Obj(o) if matches!(&**o, Obj::BigInt(_)) => {
            let Obj::BigInt(b) = &**o else { unreachable!() };
            Ok(Value::from_bigint(b.magnitude().clone().into()))
        }
        _ => match vm.special(&v, "__abs__") {
            Some(f) => vm.call(&f, Args::new(vec![])),
            None => {
                // A subclass of a builtin number: the wrapped value's abs.
                if let Some(p) = super::payload(&v) {
                    return abs(vm, &mut Args::new(vec![p]));
                }
                let t = vm.type_name(&v);
                vm.type_error(format!("bad operand type for abs(): '{t}'"))
            }
        },
    }
}

fn all(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let v = one(vm, args, "all")?;
    let it = vm.get_iter(&v)?;
    while let Some(x) = vm.next_of(&it)? {
        if !vm.truthy(&x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn any(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let v = one(vm, args, "any")?;
    let it = vm.get_iter(&v)?;
    while let Some(x) = vm.next_of(&it)? {
        if vm.truthy(&x)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn radix(vm: &mut Vm, args: &mut Args, name: &str, prefix: &str, base: u32) -> PyResult<Value> {
    let v = one(vm, args, name)?;
    let b = match &v {
        Value::Int(i) => num_bigint::BigInt::from(*i),
        Value::Bool(x) => num_bigint::BigInt::from(u8::from(*x)),
        Value::Obj(o) if matches!(&**o, Obj::BigInt(_)) => {
            let Obj::BigInt(b) = &**o else { unreachable!() };
            b.clone()
        }
        _ => {
            if let Some(f) = vm.special(&v, "__index__") {
                let i = vm.call(&f, Args::new(vec![]))?;
                return radix(vm, &mut Args::new(vec![i]), name, prefix, base);
            }
            let t = vm.type_name(&v);
            return vm.type_error(format!("'{t}' object cannot be interpreted as an integer"));
        }
    };
    let neg = num_traits::Signed::is_negative(&b);
    let digits = b.magnitude().to_str_radix(base);
    Ok(Value::string(format!(
        "{}{prefix}{digits}",
        if neg { "-" } else { "" }
    )))
}

fn bin(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    radix(vm, args, "bin", "0b", 2)
}
fn oct(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    radix(vm, args, "oct", "0o", 8)
}
fn hex(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    radix(vm, args, "hex", "0x", 16)
}

fn callable(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let v = one(vm, args, "callable")?;
    let r = match &v {
        Value::Obj(o) => match &**o {
            Obj::Function(_) | Obj::Builtin(_) | Obj::BoundMethod(_) | Obj::Type(_) => true,
            _ => vm.special(&v, "__call__").is_some(),
        },
        _ => false,
    };
    Ok(Value::Bool(r))
}

fn chr(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let v = one(vm, args, "chr")?;
    let i = super::int::index_of(vm, &v)?;
    match u32::try_from(i).ok().and_then(char::from_u32) {
        Some(c) => Ok(Value::string(c.to_string())),
        None => vm.value_error("chr() arg not in range(0x110000)"),
    }
}

fn ord(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let v = one(vm, args, "ord")?;
    if let Some(s) = v.as_str() {
        let mut cs = s.chars();
        return match (cs.next(), cs.next()) {
            (Some(c), None) => Ok(Value::Int(c as i64)),
            _ => vm.type_error(format!(
                "ord() expected a character, but string of length {} found",
                s.chars().count()
            )),
        };
    }
    if let Some(Obj::Bytes(b)) = v.as_obj().map(|o| &**o) {
        if b.len() == 1 {
            return Ok(Value::Int(i64::from(b[0])));
        }
        return vm.type_error(format!(
            "ord() expected a character, but string of length {} found",
            b.len()
        ));
    }
    let t = vm.type_name(&v);
    vm.type_error(format!("ord() expected string of length 1, but {t} found"))
}

fn name_arg(vm: &mut Vm, v: &Value, fname: &str) -> PyResult<Value> {
    if v.as_str().is_some() {
        return Ok(v.clone());
    }
    let t = vm.type_name(v);
    let _ = fname;
    vm.type_error(format!("attribute name must be string, not '{t}'"))
}

fn getattr(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    if args.pos.len() < 2 || args.pos.len() > 3 {
        return vm.type_error(format!(
            "getattr expected at least 2 arguments, got {}",
            args.pos.len()
        ));
    }
    let name = name_arg(vm, &args.pos[1].clone(), "getattr")?;
    match vm.get_attr(&args.pos[0].clone(), &name) {
        Ok(v) => Ok(v),
        Err(e) if args.pos.len() == 3 && vm.err_is(&e, "AttributeError") => Ok(args.pos[2].clone()),
        Err(e) => Err(e),
    }
}

fn setattr(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    if args.pos.len() != 3 {
        return vm.type_error(format!(
            "setattr expected 3 arguments, got {}",
            args.pos.len()
        ));
    }
    let name = name_arg(vm, &args.pos[1].clone(), "setattr")?;
    vm.set_attr(&args.pos[0].clone(), &name, args.pos[2].clone())?;
    Ok(Value::None)
}

fn delattr(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    if args.pos.len() != 2 {
        return vm.type_error(format!(
            "delattr expected 2 arguments, got {}",
            args.pos.len()
        ));
    }
    let name = name_arg(vm, &args.pos[1].clone(), "delattr")?;
    vm.del_attr(&args.pos[0].clone(), &name)?;
    Ok(Value::None)
}

fn hasattr(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    if args.pos.len() != 2 {
        return vm.type_error(format!(
            "hasattr expected 2 arguments, got {}",
            args.pos.len()
        ));
    }
    let name = name_arg(vm, &args.pos[1].clone(), "hasattr")?;
    match vm.get_attr(&args.pos[0].clone(), &name) {
        Ok(_) => Ok(Value::Bool(true)),
        Err(e) if vm.err_is(&e, "AttributeError") => Ok(Value::Bool(false)),
        Err(e) => Err(e),
    }
}

/// `dir(obj)`: sorted attribute names from the instance dict and the MRO.
pub fn dir_of(vm: &mut Vm, obj: &Value) -> PyResult<Value> {
    let mut names: Vec<String> = Vec::new();
    let mut add_dict = |d: &crate::vm::dict::Dict| {
        for (k, _) in d.iter() {
            if let Some(s) = k.as_str() {
                names.push(s.to_string());
            }
        }
    };
    if let Value::Obj(o) = obj {
        match &**o {
            Obj::Instance(i) => {
                if let Obj::Dict(d) = &*i.dict {
                    add_dict(&d.borrow());
                }
            }
            Obj::Module(m) => {
                if let Obj::Dict(d) = &*m.dict {
                    add_dict(&d.borrow());
                }
            }
            _ => {}
        }
    }
    let t = match obj {
        Value::Obj(o) if crate::vm::types::type_data(o).is_some() => o.clone(),
        _ => vm.type_of(obj),
    };
    if !matches!(obj, Value::Obj(o) if matches!(&**o, Obj::Module(_))) {
        for c in crate::vm::types::mro_of(&t) {
            if let Some(td) = crate::vm::types::type_data(c) {
                add_dict(&td.dict.borrow());
            }
        }
    }
    names.sort();
    names.dedup();
    Ok(Value::list(names.into_iter().map(Value::string).collect()))
}

fn dir(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    match args.pos.first().cloned() {
        Some(v) => dir_of(vm, &v),
        None => vm.error_val(
            "NotImplementedError",
            "dir() without arguments is not simulated",
        ),
    }
}

fn divmod(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    if args.pos.len() != 2 {
        return vm.type_error(format!(
            "divmod expected 2 arguments, got {}",
            args.pos.len()
        ));
    }
    let (a, b) = (args.pos[0].clone(), args.pos[1].clone());
    if super::int::num(&a).is_none() || super::int::num(&b).is_none() {
        if let Some(f) = vm.special(&a, "__divmod__") {
            return vm.call(&f, Args::new(vec![b]));
        }
        let (ta, tb) = (vm.type_name(&a), vm.type_name(&b));
        return vm.type_error(format!(
            "unsupported operand type(s) for divmod(): '{ta}' and '{tb}'"
        ));
    }
    let q = vm.binary_op(&a, &b, BinOp::FloorDiv)?;
    let r = vm.binary_op(&a, &b, BinOp::Mod)?;
    Ok(Value::tuple(vec![q, r]))
}

pub fn enumerate(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let start = args.take_kw("start");
    let it = args.arg(0, "iterable");
    let Some(it) = it else {
        return vm.type_error("enumerate() missing required argument 'iterable' (pos 1)");
    };
    let start = start
        .or_else(|| args.pos.get(1).cloned())
        .unwrap_or(Value::Int(0));
    if super::int::num(&start).is_none() || matches!(start, Value::Float(_)) {
        let t = vm.type_name(&start);
        return vm.type_error(format!("'{t}' object cannot be interpreted as an integer"));
    }
    let it = vm.get_iter(&it)?;
    Ok(super::iter::new_iter(IterState::Enumerate {
        it,
        count: start,
    }))
}

pub fn filter(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    if args.pos.len() != 2 {
        return vm.type_error(format!(
            "filter expected 2 arguments, got {}",
            args.pos.len()
        ));
    }
    let it = vm.get_iter(&args.pos[1].clone())?;
    Ok(super::iter::new_iter(IterState::Filter {
        func: args.pos[0].clone(),
        it,
    }))
}

pub fn map(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    if args.pos.len() < 2 {
        return vm.type_error("map() must have at least two arguments.");
    }
    let mut its = Vec::new();
    for v in &args.pos[1..] {
        its.push(vm.get_iter(v)?);
    }
    Ok(super::iter::new_iter(IterState::Map {
        func: args.pos[0].clone(),
        its,
    }))
}

pub fn zip(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let strict = match args.take_kw("strict") {
        Some(v) => vm.truthy(&v)?,
        None => false,
    };
    let mut its = Vec::new();
    for (i, v) in args.pos.clone().iter().enumerate() {
        match vm.get_iter(v) {
            Ok(it) => its.push(it),
            Err(e) if vm.err_is(&e, "TypeError") => {
                let t = vm.type_name(v);
                let _ = i;
                return vm.type_error(format!("'{t}' object is not iterable"));
            }
            Err(e) => return Err(e),
        }
    }
    Ok(super::iter::new_iter(IterState::Zip { its, strict }))
}

pub fn reversed(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let v = one(vm, args, "reversed")?;
    if let Value::Obj(o) = &v {
        match &**o {
            Obj::Range(r) => return Ok(super::iter::new_iter(super::range::iter_state(r, true))),
            Obj::Dict(_) => {
                let mut keys: Vec<Value> = vm.dict_items(o).into_iter().map(|(k, _)| k).collect();
                keys.reverse();
                return Ok(super::iter::new_iter(IterState::Values {
                    items: keys,
                    index: 0,
                }));
            }
            Obj::DictView(d, what) => {
                let mut items = super::dict::view_items(vm, d, *what);
                items.reverse();
                return Ok(super::iter::new_iter(IterState::Values { items, index: 0 }));
            }
            _ => {}
        }
    }
    if let Some(f) = vm.special(&v, "__reversed__") {
        return vm.call(&f, Args::new(vec![]));
    }
    // Only sequences: builtin ones, or objects with __len__ and __getitem__.
    let builtin_seq = matches!(
        v.as_obj().map(|o| &**o),
        Some(Obj::List(_) | Obj::Tuple(_) | Obj::Str(_) | Obj::Bytes(_) | Obj::ByteArray(_))
    );
    let user_seq = !super::is_builtin_value(&v)
        && vm.special(&v, "__getitem__").is_some()
        && vm.special(&v, "__len__").is_some();
    if !builtin_seq && !user_seq {
        let t = vm.type_name(&v);
        return vm.type_error(format!("'{t}' object is not reversible"));
    }
    let n = vm.len_of(&v)?;
    Ok(super::iter::new_iter(IterState::Reversed {
        seq: v,
        index: n as i64 - 1,
    }))
}

fn sorted(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let key = args.take_kw("key");
    let reverse = match args.take_kw("reverse") {
        Some(v) => vm.truthy(&v)?,
        None => false,
    };
    if args.pos.len() != 1 {
        return vm.type_error(format!(
            "sorted expected 1 argument, got {}",
            args.pos.len()
        ));
    }
    let items = vm.collect(&args.pos[0].clone())?;
    match sort_values(vm, items, key, reverse) {
        Ok(v) => Ok(Value::list(v)),
        Err((_, e)) => Err(e),
    }
}

fn sum(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let start = args.take_kw("start");
    if args.pos.is_empty() || args.pos.len() > 2 {
        return vm.type_error(format!(
            "sum() takes at most 2 arguments ({} given)",
            args.pos.len()
        ));
    }
    let mut acc = start
        .or_else(|| args.pos.get(1).cloned())
        .unwrap_or(Value::Int(0));
    if acc.as_str().is_some() {
        return vm.type_error("sum() can't sum strings [use ''.join(seq) instead]");
    }
    let it = vm.get_iter(&args.pos[0].clone())?;
    while let Some(x) = vm.next_of(&it)? {
        acc = match (&acc, &x) {
            (Value::Int(a), Value::Int(b)) if a.checked_add(*b).is_some() => Value::Int(a + b),
            (Value::Float(a), Value::Float(b)) => Value::Float(a + b),
            _ => vm.binary_op(&acc, &x, BinOp::Add)?,
        };
    }
    Ok(acc)
}

fn min_max(vm: &mut Vm, args: &mut Args, name: &str, op: CmpOp) -> PyResult<Value> {
    let key = args.take_kw("key").filter(|k| !k.is_none());
    let default = args.take_kw("default");
    if let Some((k, _)) = args.kw.first() {
        let k = k.as_str().unwrap_or("?").to_string();
        return vm.type_error(format!("'{k}' is an invalid keyword argument for {name}()"));
    }
    let items = match args.pos.len() {
        0 => return vm.type_error(format!("{name} expected at least 1 argument, got 0")),
        1 => vm.collect(&args.pos[0].clone())?,
        _ => {
            if default.is_some() {
                return vm.type_error(format!(
                    "Cannot specify a default for {name}() with multiple positional arguments"
                ));
            }
            args.pos.clone()
        }
    };
    let mut best: Option<(Value, Value)> = None;
    for v in items {
        let k = match &key {
            Some(f) => vm.call(f, Args::new(vec![v.clone()]))?,
            None => v.clone(),
        };
        let better = match &best {
            None => true,
            Some((bk, _)) => {
                let r = vm.compare(&k, bk, op)?;
                vm.truthy(&r)?
            }
        };
        if better {
            best = Some((k, v));
        }
    }
    match best {
        Some((_, v)) => Ok(v),
        None => match default {
            Some(d) => Ok(d),
            None => vm.value_error(format!("{name}() arg is an empty sequence")),
        },
    }
}

fn min(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    min_max(vm, args, "min", CmpOp::Lt)
}
fn max(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    min_max(vm, args, "max", CmpOp::Gt)
}

fn format(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    if args.pos.is_empty() || args.pos.len() > 2 {
        return vm.type_error(format!(
            "format expected at most 2 arguments, got {}",
            args.pos.len()
        ));
    }
    let spec = args.pos.get(1).cloned().unwrap_or_else(|| Value::str(""));
    vm.format_value(args.pos[0].clone(), 0, spec)
}

fn globals(vm: &mut Vm, _args: &mut Args) -> PyResult<Value> {
    match vm.modules.get("__main__").cloned() {
        Some(Value::Obj(m)) => match &*m {
            Obj::Module(m) => Ok(Value::Obj(m.dict.clone())),
            _ => Ok(vm.new_dict_value()),
        },
        _ => Ok(vm.new_dict_value()),
    }
}

fn locals(vm: &mut Vm, _args: &mut Args) -> PyResult<Value> {
    vm.error_val("NotImplementedError", "locals() is not simulated")
}

fn vars(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    match args.pos.first().cloned() {
        Some(v) => match &v {
            Value::Obj(o) if matches!(&**o, Obj::Instance(_)) => {
                let Obj::Instance(i) = &**o else {
                    unreachable!()
                };
                Ok(Value::Obj(i.dict.clone()))
            }
            _ => vm
                .get_attr_str(&v, "__dict__")
                .map_err(|_| vm.error("TypeError", "vars() argument must have __dict__ attribute")),
        },
        None => globals(vm, args),
    }
}

fn hash(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let v = one(vm, args, "hash")?;
    vm.hash_of(&v).map(Value::Int)
}

fn id(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let v = one(vm, args, "id")?;
    Ok(Value::Int(vm.object_id(&v) as i64))
}

fn input(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    if let Some(p) = args.pos.first().cloned() {
        let s = vm.str_of(&p)?;
        vm.write_stdout(&s);
    }
    let rest = &vm.io.stdin[vm.io.stdin_pos..];
    if rest.is_empty() {
        return vm.error_val("EOFError", "EOF when reading a line");
    }
    let (line, used) = match rest.find('\n') {
        Some(i) => (rest[..i].to_string(), i + 1),
        None => (rest.to_string(), rest.len()),
    };
    vm.io.stdin_pos += used;
    Ok(Value::string(line.trim_end_matches('\r').to_string()))
}

fn class_list(vm: &mut Vm, v: &Value, fname: &str) -> PyResult<Vec<ObjRef>> {
    if let Some(t) = v.as_tuple() {
        let mut out = Vec::new();
        for x in t {
            out.extend(class_list(vm, x, fname)?);
        }
        return Ok(out);
    }
    match v {
        Value::Obj(o) if crate::vm::types::type_data(o).is_some() => Ok(vec![o.clone()]),
        _ => vm.type_error(format!(
            "{fname}() arg 2 must be a type, a tuple of types, or a union"
        )),
    }
}

fn isinstance(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    if args.pos.len() != 2 {
        return vm.type_error(format!(
            "isinstance expected 2 arguments, got {}",
            args.pos.len()
        ));
    }
    let (obj, spec) = (args.pos[0].clone(), args.pos[1].clone());
    let classes = class_list(vm, &spec, "isinstance")?;
    let t = vm.type_of(&obj);
    Ok(Value::Bool(
        classes.iter().any(|c| crate::vm::types::is_subtype(&t, c)),
    ))
}

fn issubclass(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    if args.pos.len() != 2 {
        return vm.type_error(format!(
            "issubclass expected 2 arguments, got {}",
            args.pos.len()
        ));
    }
    let (sub, spec) = (args.pos[0].clone(), args.pos[1].clone());
    let Some(sub) = sub
        .as_obj()
        .filter(|o| crate::vm::types::type_data(o).is_some())
        .cloned()
    else {
        return vm.type_error("issubclass() arg 1 must be a class");
    };
    let classes = class_list(vm, &spec, "issubclass")?;
    Ok(Value::Bool(
        classes
            .iter()
            .any(|c| crate::vm::types::is_subtype(&sub, c)),
    ))
}

fn iter(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    match args.pos.len() {
        1 => vm.get_iter(&args.pos[0].clone()),
        2 => {
            let f = args.pos[0].clone();
            let mut probe = Args::new(vec![f.clone()]);
            if !matches!(callable(vm, &mut probe)?, Value::Bool(true)) {
                return vm.type_error("iter(v, w): v must be callable");
            }
            Ok(super::iter::new_iter(IterState::Callable {
                func: f,
                sentinel: args.pos[1].clone(),
            }))
        }
        n => vm.type_error(format!("iter expected at most 2 arguments, got {n}")),
    }
}

fn next(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    if args.pos.is_empty() || args.pos.len() > 2 {
        return vm.type_error(format!(
            "next expected at least 1 argument, got {}",
            args.pos.len()
        ));
    }
    let it = args.pos[0].clone();
    let is_iter = matches!(&it, Value::Obj(o) if matches!(&**o, Obj::Iter(_) | Obj::Generator(_)))
        || vm.special(&it, "__next__").is_some();
    if !is_iter {
        let t = vm.type_name(&it);
        return vm.type_error(format!("'{t}' object is not an iterator"));
    }
    if let Some(Obj::Generator(_)) = it.as_obj().map(|o| &**o) {
        let g = it.as_obj().expect("gen").clone();
        return match vm.gen_send(&g, Value::None, None)? {
            Ok(v) => Ok(v),
            Err(r) => match args.pos.get(1) {
                Some(d) => Ok(d.clone()),
                None => Err(vm.stop_iteration(r)),
            },
        };
    }
    match vm.next_of(&it)? {
        Some(v) => Ok(v),
        None => match args.pos.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(vm.stop_iteration(Value::None)),
        },
    }
}

fn pow(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let m = args.take_kw("mod");
    let exp = args.take_kw("exp");
    let base = args.take_kw("base");
    let a = base.or_else(|| args.pos.first().cloned());
    let b = exp.or_else(|| args.pos.get(1).cloned());
    let m = m
        .or_else(|| args.pos.get(2).cloned())
        .filter(|v| !v.is_none());
    let (Some(a), Some(b)) = (a, b) else {
        return vm.type_error("pow() missing required argument 'exp' (pos 2)");
    };
    match m {
        Some(m) => super::int::pow_mod(vm, &a, &b, &m),
        None => vm.binary_op(&a, &b, BinOp::Pow),
    }
}

fn round(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let nd = args.take_kw("ndigits");
    let Some(x) = args.arg(0, "number") else {
        return vm.type_error("round() missing required argument 'number' (pos 1)");
    };
    let nd = nd
        .or_else(|| args.pos.get(1).cloned())
        .filter(|v| !v.is_none());
    let ndigits = match &nd {
        Some(v) => Some(super::int::index_of(vm, v)?),
        None => None,
    };
    match &x {
        Value::Float(f) => super::float::round(vm, *f, ndigits),
        _ if super::int::int_ref(&x).is_some() => {
            let n = super::int::int_ref(&x).expect("checked").to_int();
            match ndigits {
                None => Ok(super::int::int_value(n)),
                Some(d) => n
                    .round(&crate::vm::num::Int::Small(d))
                    .map(super::int::int_value)
                    .map_err(|e| super::int::num_err(vm, e)),
            }
        }
        _ => match vm.special(&x, "__round__") {
            Some(f) => vm.call(&f, Args::new(nd.into_iter().collect())),
            None => {
                let t = vm.type_name(&x);
                vm.type_error(format!("type {t} doesn't define __round__ method"))
            }
        },
    }
}

fn import(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let Some(name) = args
        .pos
        .first()
        .and_then(|v| v.as_str())
        .map(str::to_string)
    else {
        return vm.type_error("__import__() argument 1 must be str");
    };
    vm.import_module(&name)
}

fn exit(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let code = args.pos.first().cloned().into_iter().collect();
    Err(crate::vm::PyErr::Exc(
        vm.new_exception(vm.types.exc("SystemExit"), code),
    ))
}

/// `open(...)`: `io.open` (the simulated `io`, src/stdlib/py/io.py) opens
/// the file on the run's disk; then the thread spends the system call's
/// time in I/O, with the GIL released, and gets the file object.
fn open(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    use crate::vm::filesystem::OPEN_NS;
    let io = vm.import_module("io")?;
    // io.open without its own charge: this call cannot stop inside it.
    let io_open = vm.get_attr_str(&io, "_open")?;
    let call_args = Args {
        pos: std::mem::take(&mut args.pos),
        kw: std::mem::take(&mut args.kw),
    };
    let file = vm.call(&io_open, call_args)?;
    if vm.nested_runs > 0 {
        vm.clock_ns += OPEN_NS;
        return Ok(file);
    }
    vm.sched.syscall = Some(crate::vm::Syscall::Io {
        ns: OPEN_NS,
        result: file,
    });
    Err(crate::vm::PyErr::Halt(crate::vm::Halt::Syscall))
}

/// `eval(source, globals, locals)` and `exec(...)`: compiles the source
/// with the compiler the VM was given and runs it in those namespaces.
fn eval_or_exec(vm: &mut Vm, args: &mut Args, eval: bool) -> PyResult<Value> {
    let name = if eval { "eval" } else { "exec" };
    let source = match args.arg(0, "source") {
        Some(v) => match v.as_str() {
            Some(s) => s.to_string(),
            None => {
                let t = vm.type_name(&v);
                return vm.type_error(format!(
                    "{name}() arg 1 must be a string, bytes or code object, not {t}"
                ));
            }
        },
        None => return vm.type_error(format!("{name} expected at least 1 argument, got 0")),
    };
    let globals = match args.arg(1, "globals") {
        Some(Value::Obj(g)) if matches!(&*g, Obj::Dict(_)) => g,
        Some(Value::None) | None => match vm.modules.get("__main__").cloned() {
            Some(Value::Obj(m)) => match &*m {
                Obj::Module(md) => md.dict.clone(),
                _ => return vm.type_error("no globals"),
            },
            _ => return vm.type_error("no globals"),
        },
        Some(other) => {
            let t = vm.type_name(&other);
            return vm.type_error(format!("globals must be a dict, not {t}"));
        }
    };
    let locals = match args.arg(2, "locals") {
        Some(Value::Obj(l)) => l,
        _ => globals.clone(),
    };
    let Some(hook) = vm.compile_hook else {
        return vm.error_val("NotImplementedError", "eval() and exec() need the compiler");
    };
    let code = match hook(&source, "<string>", eval) {
        Ok(c) => c,
        Err((msg, line, col, text)) => {
            let details = Value::tuple(vec![
                Value::str("<string>"),
                Value::Int(i64::from(line)),
                Value::Int(i64::from(col)),
                Value::string(text),
            ]);
            let e = vm.new_exception(
                vm.types.exc("SyntaxError"),
                vec![Value::string(msg), details],
            );
            return Err(crate::vm::PyErr::Exc(e));
        }
    };
    vm.sources.insert("<string>".into(), source.as_str().into());
    let code = vm.load_code(&code);
    let frame = crate::vm::frame::Frame::new(code, globals, Some(locals));
    let v = vm.run_frame_nested(frame)?;
    Ok(if eval { v } else { Value::None })
}

fn eval(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    eval_or_exec(vm, args, true)
}

fn exec(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    eval_or_exec(vm, args, false)
}
