//! The builtin types and functions, one file per type (as RustPython's
//! `vm/src/builtins/`). This file routes each protocol (`repr`, `hash`,
//! comparison, arithmetic, subscription, construction, special attributes)
//! to the file of the type that implements it; it holds no behaviour of
//! its own.

pub mod asyncgen;
pub mod bytearray;
pub mod bytes;
pub mod codec;
pub mod complex;
pub mod dict;
pub mod exception;
pub mod exception_group;
pub mod float;
pub mod format;
pub mod functions;
pub mod int;
pub mod iter;
pub mod list;
pub mod object;
pub mod range;
pub mod set;
pub mod str;
pub mod tuple;

use super::call::Args;
use super::code::{BinOp, CmpOp, UnaryOp};
use super::value::{BuiltinFnPtr, Obj, ObjRef, TypeKind, Value};
use super::{PyResult, Vm};

/// A method table: (name, function).
pub type Methods = &'static [(&'static str, BuiltinFnPtr)];

/// Installs every builtin type's methods into its dict.
pub fn install_methods(vm: &mut Vm) {
    let t = &vm.types;
    let tables: Vec<(ObjRef, &'static str, Methods)> = vec![
        (t.object.clone(), "object", object::OBJECT_METHODS),
        (t.type_.clone(), "type", object::TYPE_METHODS),
        (t.int.clone(), "int", int::INT_METHODS),
        (t.bool_.clone(), "bool", int::INT_METHODS),
        (t.float.clone(), "float", float::FLOAT_METHODS),
        (t.complex.clone(), "complex", complex::COMPLEX_METHODS),
        (t.str.clone(), "str", str::STR_METHODS),
        (t.list.clone(), "list", list::LIST_METHODS),
        (t.tuple.clone(), "tuple", tuple::TUPLE_METHODS),
        (t.dict.clone(), "dict", dict::DICT_METHODS),
        (t.set.clone(), "set", set::SET_METHODS),
        (t.frozenset.clone(), "frozenset", set::FROZENSET_METHODS),
        (t.range.clone(), "range", range::RANGE_METHODS),
        (t.generator.clone(), "generator", iter::GENERATOR_METHODS),
        (t.coroutine.clone(), "coroutine", iter::GENERATOR_METHODS),
        (
            t.async_generator.clone(),
            "async_generator",
            asyncgen::ASYNC_GENERATOR_METHODS,
        ),
        (t.iterator.clone(), "iterator", iter::ITERATOR_METHODS),
        (
            t.list_iterator.clone(),
            "list_iterator",
            iter::ITERATOR_METHODS,
        ),
        (
            t.tuple_iterator.clone(),
            "tuple_iterator",
            iter::ITERATOR_METHODS,
        ),
        (
            t.range_iterator.clone(),
            "range_iterator",
            iter::ITERATOR_METHODS,
        ),
        (
            t.str_iterator.clone(),
            "str_iterator",
            iter::ITERATOR_METHODS,
        ),
        (
            t.str_ascii_iterator.clone(),
            "str_ascii_iterator",
            iter::ITERATOR_METHODS,
        ),
        (
            t.bytes_iterator.clone(),
            "bytes_iterator",
            iter::ITERATOR_METHODS,
        ),
        (
            t.bytearray_iterator.clone(),
            "bytearray_iterator",
            iter::ITERATOR_METHODS,
        ),
        (
            t.longrange_iterator.clone(),
            "longrange_iterator",
            iter::ITERATOR_METHODS,
        ),
        (
            t.dict_keyiterator.clone(),
            "dict_keyiterator",
            iter::ITERATOR_METHODS,
        ),
        (
            t.dict_valueiterator.clone(),
            "dict_valueiterator",
            iter::ITERATOR_METHODS,
        ),
        (
            t.dict_itemiterator.clone(),
            "dict_itemiterator",
            iter::ITERATOR_METHODS,
        ),
        (
            t.set_iterator.clone(),
            "set_iterator",
            iter::ITERATOR_METHODS,
        ),
        (
            t.callable_iterator.clone(),
            "callable_iterator",
            iter::ITERATOR_METHODS,
        ),
        (t.enumerate.clone(), "enumerate", iter::ITERATOR_METHODS),
        (t.zip.clone(), "zip", iter::ITERATOR_METHODS),
        (t.map.clone(), "map", iter::ITERATOR_METHODS),
        (t.filter.clone(), "filter", iter::ITERATOR_METHODS),
        (t.reversed.clone(), "reversed", iter::ITERATOR_METHODS),
        (
            t.list_reverseiterator.clone(),
            "list_reverseiterator",
            iter::ITERATOR_METHODS,
        ),
        (
            t.exceptions["BaseException"].clone(),
            "BaseException",
            exception::EXCEPTION_METHODS,
        ),
        (
            t.exceptions["BaseExceptionGroup"].clone(),
            "BaseExceptionGroup",
            exception_group::GROUP_METHODS,
        ),
        (t.property.clone(), "property", object::PROPERTY_METHODS),
        (t.bytes.clone(), "bytes", bytes::BYTES_METHODS),
        (
            t.bytearray.clone(),
            "bytearray",
            bytearray::BYTEARRAY_METHODS,
        ),
    ];
    for (ty, owner, methods) in tables {
        for &(name, func) in methods {
            let f = Value::obj(Obj::Builtin(super::value::Builtin {
                name,
                owner: Some(owner),
                func,
                bound: None,
            }));
            let key = vm.intern(name);
            if let Obj::Type(td) = &*ty {
                let hash = super::ops::str_hash(name);
                td.dict.borrow_mut().insert_absent(key, hash, f);
            }
        }
    }
    let t = &vm.types;
    let class_tables: Vec<(ObjRef, &'static str, Methods)> = vec![
        (t.int.clone(), "int", int::INT_CLASS_METHODS),
        (t.float.clone(), "float", float::FLOAT_CLASS_METHODS),
        (t.dict.clone(), "dict", dict::DICT_CLASS_METHODS),
        (t.bytes.clone(), "bytes", bytes::BYTES_CLASS_METHODS),
        (t.bytearray.clone(), "bytearray", bytes::BYTES_CLASS_METHODS),
    ];
    let static_tables: Vec<(ObjRef, &'static str, Methods)> = vec![
        (t.str.clone(), "str", str::STR_STATIC_METHODS),
        (t.bytes.clone(), "bytes", bytes::BYTES_STATIC_METHODS),
        (
            t.bytearray.clone(),
            "bytearray",
            bytes::BYTES_STATIC_METHODS,
        ),
    ];
    let mut plain: Vec<(ObjRef, &'static str, Methods)> =
        vec![(t.slice.clone(), "slice", range::SLICE_METHODS)];
    let mut statics = static_tables;
    for (ty, name) in [
        (&t.int, "int"),
        (&t.float, "float"),
        (&t.complex, "complex"),
        (&t.str, "str"),
        (&t.bytes, "bytes"),
        (&t.bytearray, "bytearray"),
        (&t.tuple, "tuple"),
        (&t.frozenset, "frozenset"),
        (&t.list, "list"),
        (&t.dict, "dict"),
        (&t.set, "set"),
    ] {
        statics.push((ty.clone(), name, BUILTIN_NEW));
    }
    for (ty, name) in [
        (&t.list, "list"),
        (&t.dict, "dict"),
        (&t.set, "set"),
        (&t.bytearray, "bytearray"),
    ] {
        plain.push((ty.clone(), name, BUILTIN_INIT));
    }
    for (tables, wrap) in [(class_tables, 1), (statics, 2), (plain, 0)] {
        for (ty, owner, methods) in tables {
            for &(name, func) in methods {
                let f = Value::obj(Obj::Builtin(super::value::Builtin {
                    name,
                    owner: Some(owner),
                    func,
                    bound: None,
                }));
                let f = match wrap {
                    1 => Value::obj(Obj::ClassMethod(f)),
                    2 => Value::obj(Obj::StaticMethod(f)),
                    _ => f,
                };
                let key = vm.intern(name);
                if let Obj::Type(td) = &*ty {
                    td.dict
                        .borrow_mut()
                        .insert_absent(key, super::ops::str_hash(name), f);
                }
            }
        }
    }
}

/// Whether `v` is of a builtin type (not an instance of a user class).
pub fn is_builtin_value(v: &Value) -> bool {
    !matches!(v, Value::Obj(o) if matches!(&**o, Obj::Instance(_) | Obj::Native(_)))
}

pub fn repr_builtin(vm: &mut Vm, v: &Value) -> PyResult<Option<String>> {
    Ok(Some(match v {
        Value::Null => "<NULL>".into(),
        Value::None => "None".into(),
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        Value::Int(i) => i.to_string(),
        Value::Float(f) => float::repr(*f),
        Value::Obj(o) => match &**o {
            Obj::Str(s) => str::repr(&s.s),
            Obj::BigInt(b) => int::bigint_to_str(vm, b)?,
            Obj::Bytes(b) => bytes::repr(b),
            Obj::ByteArray(b) => format!("bytearray({})", bytes::repr_of(&b.borrow(), true)),
            Obj::Complex(z) => complex::repr(*z),
            Obj::Tuple(t) => return tuple::repr(vm, v, t).map(Some),
            Obj::List(_) => return list::repr(vm, v).map(Some),
            Obj::Dict(_) => return dict::repr(vm, v).map(Some),
            Obj::Set(_) | Obj::FrozenSet(_) => return set::repr(vm, v).map(Some),
            Obj::Range(r) => range::repr(r),
            Obj::Slice(s) => {
                let parts: Vec<String> =
                    s.iter().map(|x| vm.repr_of(x)).collect::<PyResult<_>>()?;
                format!("slice({}, {}, {})", parts[0], parts[1], parts[2])
            }
            Obj::Type(td) => {
                if &*td.module == "builtins" {
                    format!("<class '{}'>", td.qualname)
                } else {
                    format!("<class '{}.{}'>", td.module, td.qualname)
                }
            }
            Obj::Exception(_) => {
                if vm.has_user_special(v, "__repr__") {
                    return Ok(None);
                }
                return exception::repr(vm, o).map(Some);
            }
            Obj::Function(f) => {
                format!(
                    "<function {} at {:#x}>",
                    f.qualname.borrow(),
                    vm.object_id(v)
                )
            }
            Obj::Builtin(b) => match (&b.bound, b.owner) {
                (Some(recv), Some(owner)) => {
                    let t = vm.type_name(recv);
                    let _ = owner;
                    format!(
                        "<built-in method {} of {} object at {:#x}>",
                        b.name,
                        t,
                        vm.object_id(recv)
                    )
                }
                _ => format!("<built-in function {}>", b.name),
            },
            Obj::BoundMethod(m) => {
                let fname = match &m.func {
                    Value::Obj(f) => match &**f {
                        Obj::Function(f) => f.qualname.borrow().to_string(),
                        _ => "?".into(),
                    },
                    _ => "?".into(),
                };
                let r = vm.repr_of(&m.receiver)?;
                format!("<bound method {fname} of {r}>")
            }
            Obj::Module(m) => format!("<module '{}' (built-in)>", m.name),
            Obj::Cell(_) => format!("<cell at {:#x}>", vm.object_id(v)),
            Obj::Generator(g) => {
                let kind = match g.kind {
                    super::value::GenKind::Generator => "generator",
                    super::value::GenKind::Coroutine => "coroutine",
                    super::value::GenKind::AsyncGenerator => "async_generator",
                };
                format!("<{kind} object {} at {:#x}>", g.qualname, vm.object_id(v))
            }
            Obj::Iter(_) => {
                let t = vm.type_name(v);
                format!("<{t} object at {:#x}>", vm.object_id(v))
            }
            Obj::NotImplemented => "NotImplemented".into(),
            Obj::Ellipsis => "Ellipsis".into(),
            Obj::Code(c) => format!(
                "<code object {} at {:#x}, file \"{}\", line {}>",
                c.obj.name,
                vm.object_id(v),
                c.obj.filename,
                c.obj.first_line
            ),
            Obj::Instance(i) => match &i.payload {
                // A bytearray's repr names the subclass: `Buf(b'..')`.
                Some(Value::Obj(p))
                    if !vm.has_user_special(v, "__repr__") && matches!(&**p, Obj::ByteArray(_)) =>
                {
                    let data = bytes::as_bytes(&Value::Obj(p.clone())).unwrap_or_default();
                    format!("{}({})", vm.type_name(v), bytes::repr_of(&data, true))
                }
                Some(p) if !vm.has_user_special(v, "__repr__") => return vm.repr_of(p).map(Some),
                _ => return Ok(None),
            },
            Obj::Native(_) => return Ok(None),
            Obj::DictView(d, what) => return dict::view_repr(vm, d, *what).map(Some),
            Obj::Property(_) | Obj::StaticMethod(_) | Obj::ClassMethod(_) | Obj::Super(_) => {
                let t = vm.type_name(v);
                format!("<{t} object at {:#x}>", vm.object_id(v))
            }
        },
    }))
}

/// `str()` where it differs from `repr()` for builtin types.
pub fn str_builtin(vm: &mut Vm, v: &Value) -> PyResult<Option<String>> {
    match v {
        Value::Obj(o) => match &**o {
            Obj::Exception(_) => exception::str(vm, o).map(Some),
            Obj::Instance(i) => match &i.payload {
                Some(Value::Obj(p))
                    if matches!(&**p, Obj::ByteArray(_)) && !vm.has_user_special(v, "__repr__") =>
                {
                    repr_builtin(vm, v)
                }
                Some(p) if !vm.has_user_special(v, "__repr__") => vm.str_of(p).map(Some),
                _ => Ok(None),
            },
            _ => Ok(None),
        },
        _ => Ok(None),
    }
}

/// `hash(None)` (CPython 3.11 hashes None by address; any constant will do).
pub const NONE_HASH: i64 = 0x5f5e100;

pub fn hash_builtin(vm: &mut Vm, v: &Value) -> PyResult<Option<i64>> {
    Ok(Some(match v {
        Value::Null | Value::None => NONE_HASH,
        Value::Bool(b) => i64::from(*b),
        Value::Int(i) => int::hash_i64(*i),
        Value::Float(f) => float::hash(*f, vm.object_id(v)),
        Value::Obj(o) => match &**o {
            Obj::Str(s) => {
                let h = s.hash.get();
                if h != -1 {
                    h
                } else {
                    let h = super::ops::str_hash(&s.s);
                    s.hash.set(h);
                    h
                }
            }
            Obj::BigInt(b) => int::hash_bigint(b),
            Obj::Bytes(b) => crate::vm::table::hash::hash_bytes(b),
            Obj::Complex(z) => complex::hash(*z, vm.object_id(v)),
            Obj::Tuple(t) => return tuple::hash(vm, t).map(Some),
            Obj::FrozenSet(s) => return set::frozenset_hash(vm, s).map(Some),
            Obj::Range(r) => range::hash(r),
            Obj::List(_) | Obj::Dict(_) | Obj::Set(_) | Obj::Slice(_) | Obj::ByteArray(_) => {
                let t = vm.type_name(v);
                return vm.type_error(format!("unhashable type: '{t}'"));
            }
            Obj::Instance(_) | Obj::Native(_) | Obj::Exception(_) => return Ok(None),
            Obj::Type(_) => {
                if vm.has_user_special(v, "__hash__") {
                    return Ok(None);
                }
                vm.identity_hash(v)
            }
            _ => vm.identity_hash(v),
        },
    }))
}

/// Comparison among builtin values; `None` means NotImplemented.
pub fn compare_builtin(vm: &mut Vm, a: &Value, b: &Value, op: CmpOp) -> PyResult<Option<bool>> {
    if let Some(r) = int::compare_numbers(a, b, op) {
        return Ok(Some(r));
    }
    if let Some(r) = complex::compare(a, b, op) {
        return Ok(r);
    }
    let (Value::Obj(x), Value::Obj(y)) = (a, b) else {
        return Ok(match op {
            CmpOp::Eq if is_builtin_value(a) && is_builtin_value(b) => Some(a.is(b)),
            CmpOp::Ne if is_builtin_value(a) && is_builtin_value(b) => Some(!a.is(b)),
            _ => None,
        });
    };
    match (&**x, &**y) {
        (Obj::Str(s), Obj::Str(t)) => Ok(Some(ord_cmp(s.s.cmp(&t.s), op))),
        (Obj::Bytes(_) | Obj::ByteArray(_), Obj::Bytes(_) | Obj::ByteArray(_)) => {
            Ok(bytes::compare(a, b, op))
        }
        (Obj::Tuple(s), Obj::Tuple(t)) => sequence_compare(vm, s, t, op).map(Some),
        (Obj::List(s), Obj::List(t)) => {
            let (s, t) = (s.borrow().clone(), t.borrow().clone());
            sequence_compare(vm, &s, &t, op).map(Some)
        }
        (Obj::Dict(_), Obj::Dict(_)) => match op {
            CmpOp::Eq => dict::equal(vm, a, b).map(Some),
            CmpOp::Ne => dict::equal(vm, a, b).map(|r| Some(!r)),
            _ => Ok(None),
        },
        (Obj::Set(_) | Obj::FrozenSet(_), Obj::Set(_) | Obj::FrozenSet(_)) => {
            set::compare(vm, a, b, op).map(Some)
        }
        (Obj::Slice(s), Obj::Slice(t)) => sequence_compare(vm, &s[..], &t[..], op).map(Some),
        (Obj::DictView(_, w), Obj::DictView(..) | Obj::Set(_) | Obj::FrozenSet(_))
        | (Obj::Set(_) | Obj::FrozenSet(_), Obj::DictView(_, w))
            if *w != super::value::DictIterKind::Values =>
        {
            let (la, lb) = (vm.collect(a)?, vm.collect(b)?);
            let (sa, sb) = (vm.new_set(la)?, vm.new_set(lb)?);
            set::compare(vm, &sa, &sb, op).map(Some)
        }
        (Obj::Range(r), Obj::Range(s)) => match op {
            CmpOp::Eq | CmpOp::Ne => {
                let eq = range::equal(r, s);
                Ok(Some(if op == CmpOp::Eq { eq } else { !eq }))
            }
            _ => Ok(None),
        },
        (Obj::Instance(_) | Obj::Native(_), _) | (_, Obj::Instance(_) | Obj::Native(_)) => Ok(None),
        (Obj::Exception(_), _) | (_, Obj::Exception(_))
            if vm.has_user_special(a, op.dunders().0) || vm.has_user_special(b, op.dunders().1) =>
        {
            Ok(None)
        }
        _ => Ok(match op {
            CmpOp::Eq => Some(a.is(b)),
            CmpOp::Ne => Some(!a.is(b)),
            _ => None,
        }),
    }
}

pub fn ord_cmp(o: std::cmp::Ordering, op: CmpOp) -> bool {
    use std::cmp::Ordering::*;
    match op {
        CmpOp::Lt => o == Less,
        CmpOp::Le => o != Greater,
        CmpOp::Eq => o == Equal,
        CmpOp::Ne => o != Equal,
        CmpOp::Gt => o == Greater,
        CmpOp::Ge => o != Less,
    }
}

/// Lexicographic comparison of two sequences (lists or tuples).
fn sequence_compare(vm: &mut Vm, a: &[Value], b: &[Value], op: CmpOp) -> PyResult<bool> {
    for (x, y) in a.iter().zip(b.iter()) {
        if !vm.eq(x, y)? {
            return match op {
                CmpOp::Eq => Ok(false),
                CmpOp::Ne => Ok(true),
                _ => {
                    let r = vm.compare(x, y, op)?;
                    vm.truthy(&r)
                }
            };
        }
    }
    Ok(ord_cmp(a.len().cmp(&b.len()), op))
}

pub fn binary_builtin(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Option<Value>> {
    if let Some(r) = int::binary_numbers(vm, a, b, op)? {
        return Ok(Some(r));
    }
    if let Some(r) = complex::binary(vm, a, b, op)? {
        return Ok(Some(r));
    }
    let (Value::Obj(x), _) = (a, b) else {
        // int * sequence
        if op == BinOp::Mul {
            if let (Value::Int(_) | Value::Bool(_), Value::Obj(_)) = (a, b) {
                return sequence_repeat(vm, b, a);
            }
        }
        return Ok(None);
    };
    match (&**x, op) {
        (Obj::Str(s), BinOp::Add) => Ok(b.as_str().map(|t| {
            let mut r = String::with_capacity(s.s.len() + t.len());
            r.push_str(&s.s);
            r.push_str(t);
            Value::string(r)
        })),
        (Obj::Str(_), BinOp::Mul)
        | (Obj::List(_), BinOp::Mul)
        | (Obj::Tuple(_), BinOp::Mul)
        | (Obj::Bytes(_), BinOp::Mul)
        | (Obj::ByteArray(_), BinOp::Mul) => sequence_repeat(vm, a, b),
        (Obj::Str(s), BinOp::Mod) => {
            if !is_builtin_value(b) && vm.has_user_special(b, "__rmod__") {
                return Ok(None);
            }
            str::percent_format(vm, &s.s, b).map(|s| Some(Value::string(s)))
        }
        (Obj::Bytes(_) | Obj::ByteArray(_), BinOp::Add) => bytes::concat(vm, a, b),
        (Obj::Bytes(_) | Obj::ByteArray(_), BinOp::Mod) => {
            if !is_builtin_value(b) && vm.has_user_special(b, "__rmod__") {
                return Ok(None);
            }
            bytes::percent(vm, a, b).map(Some)
        }
        (Obj::List(l), BinOp::Add) => Ok(match b.as_obj().map(|o| &**o) {
            Some(Obj::List(m)) => {
                let mut r = l.borrow().clone();
                r.extend(m.borrow().iter().cloned());
                Some(Value::list(r))
            }
            _ => None,
        }),
        (Obj::Tuple(t), BinOp::Add) => Ok(match b.as_obj().map(|o| &**o) {
            Some(Obj::Tuple(u)) => {
                let mut r = t.to_vec();
                r.extend(u.iter().cloned());
                Some(Value::tuple(r))
            }
            _ => None,
        }),
        (Obj::Dict(_), BinOp::Or) => dict::or(vm, a, b),
        (Obj::Set(_) | Obj::FrozenSet(_), BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor) => {
            set::binary(vm, a, b, op)
        }
        (Obj::DictView(_, what), BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor)
            if *what != super::value::DictIterKind::Values =>
        {
            // Keys and items views behave as sets.
            let left = vm.collect(a)?;
            let left = vm.new_set(left)?;
            let right = vm.collect(b)?;
            let right = vm.new_set(right)?;
            set::binary(vm, &left, &right, op)
        }
        _ => Ok(None),
    }
}

/// `seq * n` (either order has been normalized to seq first).
fn sequence_repeat(vm: &mut Vm, seq: &Value, n: &Value) -> PyResult<Option<Value>> {
    let count = match n {
        Value::Int(i) => (*i).max(0) as usize,
        Value::Bool(b) => usize::from(*b),
        Value::Obj(o) if matches!(&**o, Obj::BigInt(_)) => {
            return Err(vm.error(
                "OverflowError",
                "cannot fit 'int' into an index-sized integer",
            ));
        }
        _ => {
            if !is_builtin_value(n) {
                return Ok(None);
            }
            let t = vm.type_name(n);
            return vm.type_error(format!("can't multiply sequence by non-int of type '{t}'"));
        }
    };
    let Value::Obj(o) = seq else { return Ok(None) };
    Ok(match &**o {
        Obj::Str(s) => {
            if s.s.len().saturating_mul(count) > 1 << 30 {
                return Err(vm.error("MemoryError", ""));
            }
            Some(Value::string(s.s.repeat(count)))
        }
        Obj::Bytes(b) => {
            if b.len().saturating_mul(count) > 1 << 30 {
                return Err(vm.error("MemoryError", ""));
            }
            Some(Value::obj(Obj::Bytes(b.repeat(count).into_boxed_slice())))
        }
        Obj::ByteArray(b) => {
            let b = b.borrow();
            if b.len().saturating_mul(count) > 1 << 30 {
                return Err(vm.error("MemoryError", ""));
            }
            Some(bytearray::bytearray_value(b.repeat(count)))
        }
        Obj::List(l) => {
            let l = l.borrow();
            if l.len().saturating_mul(count) > 1 << 27 {
                return Err(vm.error("MemoryError", ""));
            }
            let mut r = Vec::with_capacity(l.len() * count);
            for _ in 0..count {
                r.extend(l.iter().cloned());
            }
            Some(Value::list(r))
        }
        Obj::Tuple(t) => {
            if t.len().saturating_mul(count) > 1 << 27 {
                return Err(vm.error("MemoryError", ""));
            }
            let mut r = Vec::with_capacity(t.len() * count);
            for _ in 0..count {
                r.extend(t.iter().cloned());
            }
            Some(Value::tuple(r))
        }
        _ => None,
    })
}

/// In-place operators of mutable builtins (`list +=` extends in place).
pub fn inplace_builtin(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Option<Value>> {
    let Value::Obj(x) = a else { return Ok(None) };
    match (&**x, op) {
        (Obj::List(l), BinOp::Add) => {
            let items = vm.collect(b)?;
            l.borrow_mut().extend(items);
            Ok(Some(a.clone()))
        }
        (Obj::List(l), BinOp::Mul) => {
            let Some(Value::Obj(r)) = sequence_repeat(vm, a, b)? else {
                return Ok(None);
            };
            if let Obj::List(r) = &*r {
                let items = r.borrow().clone();
                *l.borrow_mut() = items;
            }
            Ok(Some(a.clone()))
        }
        (Obj::Set(_), BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor) => {
            set::inplace(vm, a, b, op)
        }
        (Obj::ByteArray(_), BinOp::Add | BinOp::Mul) => bytearray::inplace(vm, a, b, op),
        (Obj::Dict(_), BinOp::Or) => {
            dict::fill_from(vm, x, b)?;
            Ok(Some(a.clone()))
        }
        _ => Ok(None),
    }
}

pub fn unary_builtin(vm: &mut Vm, a: &Value, op: UnaryOp) -> PyResult<Option<Value>> {
    if let Some(r) = complex::unary(a, op) {
        return Ok(Some(r));
    }
    int::unary_numbers(vm, a, op)
}

pub fn len_builtin(v: &Value) -> Option<usize> {
    let Value::Obj(o) = v else { return None };
    Some(match &**o {
        Obj::Str(s) => s.chars,
        Obj::Bytes(b) => b.len(),
        Obj::ByteArray(b) => b.borrow().len(),
        Obj::Tuple(t) => t.len(),
        Obj::List(l) => l.borrow().len(),
        Obj::Dict(d) => d.borrow().len(),
        Obj::Set(s) => s.borrow().len(),
        Obj::FrozenSet(s) => s.len(),
        Obj::Range(r) => range::len_usize(r)?,
        Obj::DictView(d, _) => len_builtin(&Value::Obj(d.clone()))?,
        _ => return None,
    })
}

pub fn contains_builtin(vm: &mut Vm, container: &Value, item: &Value) -> PyResult<Option<bool>> {
    let Value::Obj(o) = container else {
        return Ok(None);
    };
    match &**o {
        Obj::Str(s) => match item.as_str() {
            Some(t) => Ok(Some(s.s.contains(t))),
            None => {
                let t = vm.type_name(item);
                vm.type_error(format!(
                    "'in <string>' requires string as left operand, not {t}"
                ))
            }
        },
        Obj::Bytes(_) | Obj::ByteArray(_) => bytes::contains(vm, container, item).map(Some),
        Obj::Tuple(t) => {
            let items = t.to_vec();
            for x in &items {
                if vm.eq(x, item)? {
                    return Ok(Some(true));
                }
            }
            Ok(Some(false))
        }
        Obj::List(l) => {
            let items = l.borrow().clone();
            for x in &items {
                if vm.eq(x, item)? {
                    return Ok(Some(true));
                }
            }
            Ok(Some(false))
        }
        Obj::Dict(_) => Ok(Some(vm.dict_get(o, item)?.is_some())),
        Obj::Set(_) | Obj::FrozenSet(_) => set::contains(vm, o, item).map(Some),
        Obj::Range(r) => range::contains(vm, r, item).map(Some),
        Obj::DictView(d, what) => match what {
            super::value::DictIterKind::Keys => Ok(Some(vm.dict_get(d, item)?.is_some())),
            _ => {
                let items = dict::view_items(vm, d, *what);
                for x in &items {
                    if vm.eq(x, item)? {
                        return Ok(Some(true));
                    }
                }
                Ok(Some(false))
            }
        },
        _ => Ok(None),
    }
}

pub fn getitem_builtin(vm: &mut Vm, c: &Value, key: &Value) -> PyResult<Option<Value>> {
    let Value::Obj(o) = c else { return Ok(None) };
    match &**o {
        Obj::Str(s) => str::getitem(vm, s, key).map(Some),
        Obj::Bytes(_) | Obj::ByteArray(_) => bytes::getitem(vm, c, key).map(Some),
        Obj::Tuple(t) => tuple::getitem(vm, t, key).map(Some),
        Obj::List(_) => list::getitem(vm, o, key).map(Some),
        Obj::Dict(_) => dict::getitem(vm, o, key).map(Some),
        Obj::Range(r) => range::getitem(vm, r, key).map(Some),
        _ => Ok(None),
    }
}

pub fn setitem_builtin(vm: &mut Vm, c: &Value, key: &Value, value: &Value) -> PyResult<bool> {
    let Value::Obj(o) = c else { return Ok(false) };
    match &**o {
        Obj::List(_) => list::setitem(vm, o, key, value.clone()).map(|_| true),
        Obj::ByteArray(b) => bytearray::setitem(vm, b, key, value).map(|_| true),
        Obj::Dict(_) => vm.dict_set(o, key.clone(), value.clone()).map(|_| true),
        _ => Ok(false),
    }
}

pub fn delitem_builtin(vm: &mut Vm, c: &Value, key: &Value) -> PyResult<bool> {
    let Value::Obj(o) = c else { return Ok(false) };
    match &**o {
        Obj::List(_) => list::delitem(vm, o, key).map(|_| true),
        Obj::ByteArray(b) => bytearray::delitem(vm, b, key).map(|_| true),
        Obj::Dict(_) => {
            if vm.dict_del(o, key)? {
                Ok(true)
            } else {
                Err(vm.key_error(key.clone()))
            }
        }
        _ => Ok(false),
    }
}

/// Special attributes of builtin objects not found in their type dict
/// (`f.__name__`, `e.args`, `C.__mro__`, `x.__class__`…).
pub fn special_attr(vm: &mut Vm, v: &Value, name: &str) -> PyResult<Option<Value>> {
    if name == "__class__" {
        return Ok(Some(Value::Obj(vm.type_of(v))));
    }
    let Value::Obj(o) = v else {
        return int::number_attr(vm, v, name);
    };
    match &**o {
        Obj::Type(_) => object::type_attr(vm, o, name),
        Obj::Function(f) => Ok(match name {
            "__name__" => Some(Value::str(&f.name.borrow())),
            "__qualname__" => Some(Value::str(&f.qualname.borrow())),
            "__doc__" => Some(f.doc.clone()),
            "__module__" => Some(f.module.clone()),
            "__defaults__" => Some(if f.defaults.is_empty() {
                Value::None
            } else {
                Value::tuple(f.defaults.clone())
            }),
            "__kwdefaults__" => Some(f.kwdefaults.clone().map(Value::Obj).unwrap_or(Value::None)),
            "__dict__" => Some(object::dict_snapshot(vm, &f.dict)),
            "__annotations__" => Some(match &f.annotations {
                Some(a) => Value::Obj(a.clone()),
                None => vm.new_dict_value(),
            }),
            "__code__" => Some(Value::obj(Obj::Code(f.code.clone()))),
            "__globals__" => Some(Value::Obj(f.globals.clone())),
            "__closure__" => Some(if f.closure.is_empty() {
                Value::None
            } else {
                Value::tuple(f.closure.iter().cloned().map(Value::Obj).collect())
            }),
            "__wrapped__" => None,
            _ => None,
        }),
        Obj::BoundMethod(m) => Ok(match name {
            "__self__" => Some(m.receiver.clone()),
            "__func__" => Some(m.func.clone()),
            "__name__" | "__qualname__" | "__doc__" | "__module__" => {
                return vm.get_attr_str(&m.func.clone(), name).map(Some)
            }
            _ => None,
        }),
        Obj::Builtin(b) => Ok(match name {
            "__name__" => Some(Value::str(b.name)),
            "__qualname__" => Some(Value::string(match b.owner {
                Some(owner) => format!("{owner}.{}", b.name),
                None => b.name.to_string(),
            })),
            "__self__" => Some(b.bound.clone().unwrap_or(Value::None)),
            "__doc__" => Some(Value::None),
            "__module__" => Some(if b.owner.is_none() {
                Value::str("builtins")
            } else {
                Value::None
            }),
            _ => None,
        }),
        Obj::Exception(_) => exception::attr(vm, o, name),
        Obj::Instance(i) => Ok(match name {
            "__dict__"
                if crate::vm::attr::slots_of(&i.class)
                    .is_none_or(|s| s.iter().any(|n| &**n == "__dict__")) =>
            {
                Some(Value::Obj(i.dict.clone()))
            }
            // The data attributes of the wrapped builtin value
            // (`.real` of a complex subclass), unless the class has its own.
            _ => match &i.payload {
                Some(p) if !vm.has_user_special(v, name) => {
                    let p = p.clone();
                    return special_attr(vm, &p, name);
                }
                _ => None,
            },
        }),
        Obj::Cell(c) => Ok(match name {
            "cell_contents" => {
                let v = c.borrow().clone();
                if v.is_null() {
                    return Err(vm.error("ValueError", "Cell is empty"));
                }
                Some(v)
            }
            _ => None,
        }),
        Obj::Generator(g) => Ok(match name {
            "__name__" => Some(Value::str(&g.name)),
            "__qualname__" => Some(Value::str(&g.qualname)),
            "gi_running" | "cr_running" => Some(Value::Bool(
                g.state.get() == super::value::GenState::Running,
            )),
            "gi_code" | "cr_code" | "ag_code" => Some(Value::obj(Obj::Code(g.code.clone()))),
            // The line a suspended generator is at (CPython's
            // `gi_frame.f_lineno`; frames are not objects here); None once
            // it has finished. For asyncio's reprs of tasks. (A running
            // generator's frame is on the thread's stack, out of reach: its
            // first line stands in.)
            "_interleave_lineno" => Some(match g.frame.borrow().as_ref() {
                None if g.state.get() == super::value::GenState::Running => {
                    Value::Int(i64::from(g.code.obj.first_line))
                }
                None => Value::None,
                Some(_) if g.state.get() == super::value::GenState::Created => {
                    Value::Int(i64::from(g.code.obj.first_line))
                }
                Some(f) => {
                    let code = &f.code.obj;
                    let at = match code.instrs.get(f.pc) {
                        Some(super::code::Instr::YieldFrom) => f.pc,
                        _ => f.pc.saturating_sub(1),
                    };
                    Value::Int(i64::from(
                        code.lines.get(at).copied().unwrap_or(code.first_line),
                    ))
                }
            }),
            _ => None,
        }),
        Obj::Range(r) => Ok(match name {
            "start" => Some(int::int_value(r.start.clone())),
            "stop" => Some(int::int_value(r.stop.clone())),
            "step" => Some(int::int_value(r.step.clone())),
            _ => None,
        }),
        Obj::Complex(z) => Ok(complex::attr(*z, name)),
        Obj::Slice(s) => Ok(match name {
            "start" => Some(s[0].clone()),
            "stop" => Some(s[1].clone()),
            "step" => Some(s[2].clone()),
            _ => None,
        }),
        Obj::Property(p) => Ok(match name {
            "fget" => Some(p.fget.clone()),
            "fset" => Some(p.fset.clone()),
            "fdel" => Some(p.fdel.clone()),
            "__doc__" => Some(p.doc.clone()),
            _ => None,
        }),
        Obj::StaticMethod(f) | Obj::ClassMethod(f) => Ok(match name {
            "__func__" | "__wrapped__" => Some(f.clone()),
            _ => None,
        }),
        Obj::BigInt(_) => int::number_attr(vm, v, name),
        Obj::Code(c) => Ok(match name {
            "co_name" => Some(Value::str(&c.obj.name)),
            "co_filename" => Some(Value::str(&c.obj.filename)),
            "co_firstlineno" => Some(Value::Int(i64::from(c.obj.first_line))),
            "co_argcount" => Some(Value::Int(i64::from(c.obj.argcount))),
            "co_varnames" => Some(Value::tuple(
                c.obj.varnames.iter().map(|n| Value::str(n)).collect(),
            )),
            "co_freevars" => Some(Value::tuple(
                c.obj.freevars.iter().map(|n| Value::str(n)).collect(),
            )),
            "co_cellvars" => Some(Value::tuple(
                c.obj.cellvars.iter().map(|n| Value::str(n)).collect(),
            )),
            "co_names" => Some(Value::tuple(
                c.obj.names.iter().map(|n| Value::str(n)).collect(),
            )),
            "co_qualname" => Some(Value::str(&c.obj.qualname)),
            "co_kwonlyargcount" => Some(Value::Int(i64::from(c.obj.kwonlyargcount))),
            "co_posonlyargcount" => Some(Value::Int(i64::from(c.obj.posonlyargcount))),
            "co_flags" => Some(Value::Int(i64::from(c.obj.flags))),
            _ => None,
        }),
        Obj::Super(_) => object::super_attr(vm, o, name),
        _ => Ok(None),
    }
}

/// Calls a builtin type as a constructor: `int("5")`, `list(x)`, …
pub fn construct(vm: &mut Vm, cls: &ObjRef, args: Args) -> PyResult<Value> {
    let Obj::Type(td) = &**cls else {
        return vm.type_error("not a type");
    };
    match td.kind {
        TypeKind::Object => {
            vm.check_args("object", &args, 0, 0)?;
            Ok(Value::obj(Obj::Instance(super::value::Instance {
                class: cls.clone(),
                dict: vm.new_dict_value().as_obj().expect("dict").clone(),
                payload: None,
                slot_values: std::cell::RefCell::new(Vec::new()),
            })))
        }
        TypeKind::Type => object::type_new(vm, cls, args),
        TypeKind::Int => int::construct(vm, args),
        TypeKind::Bool => {
            vm.check_args("bool", &args, 0, 1)?;
            match args.pos.first() {
                Some(v) => Ok(Value::Bool(vm.truthy(v)?)),
                None => Ok(Value::Bool(false)),
            }
        }
        TypeKind::Float => float::construct(vm, args),
        TypeKind::Complex => complex::construct(vm, args),
        TypeKind::Str => str::construct(vm, args),
        TypeKind::Bytes => bytes::construct(vm, args, false),
        TypeKind::ByteArray => bytes::construct(vm, args, true),
        TypeKind::Tuple => tuple::construct(vm, args),
        TypeKind::List => list::construct(vm, args),
        TypeKind::Dict => dict::construct(vm, args),
        TypeKind::Set => set::construct(vm, args, false),
        TypeKind::FrozenSet => set::construct(vm, args, true),
        TypeKind::Range => range::construct(vm, args),
        TypeKind::Slice => {
            let mut p = args.pos;
            match p.len() {
                1 => Ok(Value::obj(Obj::Slice(Box::new([
                    Value::None,
                    p.remove(0),
                    Value::None,
                ])))),
                2 | 3 => {
                    let step = if p.len() == 3 {
                        p.remove(2)
                    } else {
                        Value::None
                    };
                    let stop = p.remove(1);
                    Ok(Value::obj(Obj::Slice(Box::new([p.remove(0), stop, step]))))
                }
                n => vm.type_error(format!("slice expected at least 1 argument, got {n}")),
            }
        }
        TypeKind::Property => object::property_new(vm, args),
        TypeKind::StaticMethod => {
            vm.check_args("staticmethod", &args, 1, 1)?;
            Ok(Value::obj(Obj::StaticMethod(args.pos[0].clone())))
        }
        TypeKind::ClassMethod => {
            vm.check_args("classmethod", &args, 1, 1)?;
            Ok(Value::obj(Obj::ClassMethod(args.pos[0].clone())))
        }
        TypeKind::Super => object::super_new(vm, args),
        TypeKind::NoneType => Ok(Value::None),
        TypeKind::Iterator => {
            let mut args = args;
            match &*td.name {
                "enumerate" => functions::enumerate(vm, &mut args),
                "zip" => functions::zip(vm, &mut args),
                "map" => functions::map(vm, &mut args),
                "filter" => functions::filter(vm, &mut args),
                "reversed" => functions::reversed(vm, &mut args),
                _ => vm.type_error(format!("cannot create '{}' instances", td.name)),
            }
        }
        _ => vm.type_error(format!("cannot create '{}' instances", td.name)),
    }
}

/// An instance of a user class deriving from a builtin type: the builtin
/// value is made from the arguments (immutable types: `int`, `str`,
/// `tuple` …) or empty (mutable ones, filled by `__init__`).
pub fn construct_subclass(vm: &mut Vm, cls: &ObjRef, args: &Args) -> PyResult<Value> {
    let Some(base) = super::types::mro_of(cls)
        .find(|c| {
            super::types::type_data(c)
                .is_some_and(|t| t.kind != TypeKind::User && t.kind != TypeKind::Object)
        })
        .cloned()
    else {
        return vm.type_error("no builtin base");
    };
    let kind = super::types::type_data(&base)
        .map(|t| t.kind)
        .unwrap_or(TypeKind::Object);
    let payload = match kind {
        TypeKind::List | TypeKind::Dict | TypeKind::Set | TypeKind::ByteArray => {
            construct(vm, &base, Args::new(vec![]))?
        }
        TypeKind::Int
        | TypeKind::Float
        | TypeKind::Complex
        | TypeKind::Str
        | TypeKind::Bytes
        | TypeKind::Tuple
        | TypeKind::FrozenSet => construct(
            vm,
            &base,
            Args {
                pos: args.pos.clone(),
                kw: args.kw.clone(),
            },
        )?,
        _ => {
            let name = super::types::type_data(&base)
                .map(|t| t.name.to_string())
                .unwrap_or_default();
            return Err(vm.error(
                "NotImplementedError",
                format!("subclassing '{name}' is not simulated"),
            ));
        }
    };
    Ok(Value::obj(Obj::Instance(super::value::Instance {
        class: cls.clone(),
        dict: vm.new_dict_value().as_obj().expect("dict").clone(),
        payload: Some(payload),
        slot_values: std::cell::RefCell::new(Vec::new()),
    })))
}

/// The builtin value wrapped by an instance of a builtin's subclass.
pub fn payload(v: &Value) -> Option<Value> {
    match v.as_obj().map(|o| &**o) {
        Some(Obj::Instance(i)) => i.payload.clone(),
        _ => None,
    }
}

/// `int.__new__(cls, ...)` and friends: the builtin's constructor, or for
/// a subclass an instance wrapping what it builds.
fn builtin_new(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let Some(Value::Obj(cls)) = args.pos.first().cloned() else {
        return vm.type_error("__new__(): not enough arguments");
    };
    let Some(td) = super::types::type_data(&cls) else {
        return vm.type_error("__new__(X): X is not a type object");
    };
    let rest = Args {
        pos: args.pos[1..].to_vec(),
        kw: std::mem::take(&mut args.kw),
    };
    if td.kind == TypeKind::User {
        return construct_subclass(vm, &cls, &rest);
    }
    construct(vm, &cls, rest)
}

/// `list.__init__(self, iterable=())`, `dict.__init__`, `set.__init__`:
/// (re)fill the payload.
fn builtin_init(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let Some(me) = args.pos.first().cloned() else {
        return vm.type_error("__init__(): not enough arguments");
    };
    let target = payload(&me).unwrap_or(me);
    let rest = Args {
        pos: args.pos[1..].to_vec(),
        kw: std::mem::take(&mut args.kw),
    };
    let Value::Obj(o) = &target else {
        return Ok(Value::None);
    };
    match &**o {
        Obj::List(l) => {
            vm.check_args("list", &rest, 0, 1)?;
            let items = match rest.pos.first() {
                Some(v) => vm.collect(v)?,
                None => Vec::new(),
            };
            *l.borrow_mut() = items;
        }
        Obj::Dict(_) => {
            vm.check_args("dict", &Args::new(rest.pos.clone()), 0, 1)?;
            if let Some(src) = rest.pos.first() {
                dict::fill_from(vm, o, src)?;
            }
            for (k, v) in rest.kw {
                vm.dict_set(o, k, v)?;
            }
        }
        Obj::Set(s) => {
            vm.check_args("set", &rest, 0, 1)?;
            if let Some(src) = rest.pos.first() {
                let items = vm.collect(src)?;
                let Value::Obj(n) = vm.new_set(items)? else {
                    return Ok(Value::None);
                };
                if let Obj::Set(t) = &*n {
                    let t = t.borrow().copy();
                    *s.borrow_mut() = t;
                }
            }
        }
        Obj::ByteArray(b) => {
            let fresh = bytes::construct(vm, rest, true)?;
            if let Some(Obj::ByteArray(n)) = fresh.as_obj().map(|x| &**x) {
                let data = n.borrow().clone();
                *b.borrow_mut() = data;
            }
        }
        _ => {}
    }
    Ok(Value::None)
}

pub const BUILTIN_NEW: Methods = &[("__new__", builtin_new)];
pub const BUILTIN_INIT: Methods = &[("__init__", builtin_init)];

/// Runs a program through the compiler and VM and returns its stdout
/// (with the last stderr line appended when it fails), for the tests
/// beside each builtin type.
#[cfg(test)]
pub(crate) fn run_for_test(src: &str) -> String {
    let out = crate::run::run(src, &crate::run::RunOptions::default());
    let mut s = out.stdout;
    if out.exit_code != 0 {
        s.push_str(out.stderr.lines().last().unwrap_or(""));
    }
    s
}
