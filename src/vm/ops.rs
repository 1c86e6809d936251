//! The object protocols behind operators and builtins: truth value,
//! `repr`/`str`, hashing, rich comparison, arithmetic (with the
//! `__add__`/`__radd__` dance), `len`, containment, subscription.
//!
//! Each protocol first tries the builtin types natively (their code lives
//! in `vm::builtins::<type>`), then the special methods of user classes,
//! then fails with CPython's TypeError message.

use std::rc::Rc;

use super::builtins;
use super::call::Args;
use super::code::{BinOp, CmpOp, UnaryOp};
use super::value::{Obj, ObjRef, Value};
use super::{PyResult, Vm};

/// The hash of a str: SipHash-1-3 with a zero key, which is CPython's
/// with `PYTHONHASHSEED=0` (CPython randomizes str hashes per process, so
/// no program can depend on them; this choice is deterministic).
pub fn str_hash(s: &str) -> i64 {
    super::table::hash::hash_str(s)
}

impl Vm {
    /// `bool(v)`.
    pub fn truthy(&mut self, v: &Value) -> PyResult<bool> {
        Ok(match v {
            Value::Null | Value::None => false,
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::Float(f) => *f != 0.0,
            Value::Obj(o) => match &**o {
                Obj::Str(s) => !s.s.is_empty(),
                Obj::BigInt(_) => true,
                Obj::Bytes(b) => !b.is_empty(),
                Obj::ByteArray(b) => !b.borrow().is_empty(),
                Obj::Complex(z) => z.re != 0.0 || z.im != 0.0,
                Obj::Tuple(t) => !t.is_empty(),
                Obj::List(l) => !l.borrow().is_empty(),
                Obj::Dict(d) => !d.borrow().is_empty(),
                Obj::Set(s) => !s.borrow().is_empty(),
                Obj::FrozenSet(s) => !s.is_empty(),
                Obj::Range(r) => !r.is_empty(),
                Obj::Instance(_) | Obj::Native(_) | Obj::Exception(_) => {
                    return self.user_truthy(v)
                }
                _ => true,
            },
        })
    }

    fn user_truthy(&mut self, v: &Value) -> PyResult<bool> {
        if let Some(f) = self.special(v, "__bool__") {
            let r = self.call(&f, Args::new(vec![]))?;
            return match r {
                Value::Bool(b) => Ok(b),
                _ => {
                    let t = self.type_name(&r);
                    self.type_error(format!("__bool__ should return bool, returned {t}"))
                }
            };
        }
        if let Some(f) = self.special(v, "__len__") {
            let r = self.call(&f, Args::new(vec![]))?;
            return Ok(self.len_result(r)? != 0);
        }
        if let Some(p) = builtins::payload(v) {
            return self.truthy(&p);
        }
        Ok(true)
    }

    /// `repr(v)`.
    pub fn repr_of(&mut self, v: &Value) -> PyResult<String> {
        if let Some(s) = builtins::repr_builtin(self, v)? {
            return Ok(s);
        }
        let f = self.special(v, "__repr__");
        match f {
            Some(f) => {
                let r = self.call(&f, Args::new(vec![]))?;
                match r.as_str() {
                    Some(s) => Ok(s.to_string()),
                    None => {
                        let t = self.type_name(&r);
                        self.type_error(format!("__repr__ returned non-string (type {t})"))
                    }
                }
            }
            None => Ok(self.default_repr(v)),
        }
    }

    /// `<__main__.C object at 0x…>`.
    pub fn default_repr(&self, v: &Value) -> String {
        let t = self.type_of(v);
        let (module, qualname) = match super::types::type_data(&t) {
            Some(td) => (td.module.to_string(), td.qualname.to_string()),
            None => ("?".into(), "?".into()),
        };
        format!("<{module}.{qualname} object at {:#x}>", self.object_id(v))
    }

    /// `str(v)`.
    pub fn str_of(&mut self, v: &Value) -> PyResult<String> {
        if let Some(s) = v.as_str() {
            return Ok(s.to_string());
        }
        if self.has_user_special(v, "__str__") {
            if let Some(f) = self.special(v, "__str__") {
                let r = self.call(&f, Args::new(vec![]))?;
                return match r.as_str() {
                    Some(s) => Ok(s.to_string()),
                    None => {
                        let t = self.type_name(&r);
                        self.type_error(format!("__str__ returned non-string (type {t})"))
                    }
                };
            }
        }
        if let Some(s) = builtins::str_builtin(self, v)? {
            return Ok(s);
        }
        self.repr_of(v)
    }

    /// `hash(v)`.
    pub fn hash_of(&mut self, v: &Value) -> PyResult<i64> {
        if let Some(h) = builtins::hash_builtin(self, v)? {
            return Ok(h);
        }
        if let Some(p) = builtins::payload(v) {
            if !self.has_user_special(v, "__hash__") && !self.has_user_special(v, "__eq__") {
                return self.hash_of(&p);
            }
        }
        let t = self.type_of(v);
        match super::types::lookup(&t, str_hash("__hash__"), "__hash__") {
            Some(Value::None) => {
                let name = self.type_name(v);
                self.type_error(format!("unhashable type: '{name}'"))
            }
            Some(f @ Value::Obj(_)) if !matches!(&f, Value::Obj(o) if matches!(&**o, Obj::Builtin(_))) =>
            {
                let bound = self.bind(f, v.clone());
                match self.call(&bound, Args::new(vec![]))? {
                    Value::Int(i) => Ok(if i == -1 { -2 } else { i }),
                    Value::Bool(b) => Ok(i64::from(b)),
                    r => {
                        if let Some(h) = builtins::hash_builtin(self, &r)? {
                            if matches!(r, Value::Obj(ref o) if matches!(&**o, Obj::BigInt(_))) {
                                return Ok(h);
                            }
                        }
                        self.type_error("__hash__ method should return an integer")
                    }
                }
            }
            _ => Ok(self.identity_hash(v)),
        }
    }

    /// `a == b` as a bool.
    pub fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        if a.is(b) {
            return Ok(true);
        }
        let r = self.compare(a, b, CmpOp::Eq)?;
        match r {
            Value::Bool(b) => Ok(b),
            other => self.truthy(&other),
        }
    }

    /// A rich comparison, with reflected operands and the identity default
    /// for `==`/`!=`.
    pub fn compare(&mut self, a: &Value, b: &Value, op: CmpOp) -> PyResult<Value> {
        if let Some(r) = builtins::compare_builtin(self, a, b, op)? {
            return Ok(Value::Bool(r));
        }
        let (name, reflected) = op.dunders();
        let a_user = self.has_user_special(a, name)
            || (op == CmpOp::Ne && self.has_user_special(a, "__eq__"));
        let b_user = self.has_user_special(b, reflected)
            || (op == CmpOp::Ne && self.has_user_special(b, "__eq__"));
        // A subclass's reflected method goes first.
        let b_first = b_user && {
            let (ta, tb) = (self.type_of(a), self.type_of(b));
            !Rc::ptr_eq(&ta, &tb) && super::types::is_subtype(&tb, &ta)
        };
        if b_first {
            if let Some(r) = self.try_compare_dunder(b, a, op, reflected)? {
                return Ok(r);
            }
        }
        if a_user {
            if let Some(r) = self.try_compare_dunder(a, b, op, name)? {
                return Ok(r);
            }
        }
        if b_user && !b_first {
            if let Some(r) = self.try_compare_dunder(b, a, op, reflected)? {
                return Ok(r);
            }
        }
        let (pa, pb) = (builtins::payload(a), builtins::payload(b));
        if pa.is_some() || pb.is_some() {
            let a = pa.unwrap_or_else(|| a.clone());
            let b = pb.unwrap_or_else(|| b.clone());
            return self.compare(&a, &b, op);
        }
        match op {
            CmpOp::Eq => Ok(Value::Bool(a.is(b))),
            CmpOp::Ne => Ok(Value::Bool(!a.is(b))),
            _ => {
                let (ta, tb) = (self.type_name(a), self.type_name(b));
                self.type_error(format!(
                    "'{}' not supported between instances of '{ta}' and '{tb}'",
                    op.symbol()
                ))
            }
        }
    }

    /// Calls `x.<name>(y)`; `None` if absent or NotImplemented. `!=` falls
    /// back to inverting `__eq__`.
    fn try_compare_dunder(
        &mut self,
        x: &Value,
        y: &Value,
        op: CmpOp,
        name: &str,
    ) -> PyResult<Option<Value>> {
        if self.has_user_special(x, name) {
            if let Some(f) = self.special(x, name) {
                let r = self.call(&f, Args::new(vec![y.clone()]))?;
                if !self.is_not_implemented(&r) {
                    return Ok(Some(r));
                }
            }
            return Ok(None);
        }
        if op == CmpOp::Ne && self.has_user_special(x, "__eq__") {
            if let Some(f) = self.special(x, "__eq__") {
                let r = self.call(&f, Args::new(vec![y.clone()]))?;
                if !self.is_not_implemented(&r) {
                    let t = self.truthy(&r)?;
                    return Ok(Some(Value::Bool(!t)));
                }
            }
        }
        Ok(None)
    }

    pub fn is_not_implemented(&self, v: &Value) -> bool {
        matches!(v, Value::Obj(o) if matches!(&**o, Obj::NotImplemented))
    }

    pub fn not_implemented(&self) -> Value {
        Value::Obj(self.types.not_implemented.clone())
    }

    /// `a <op> b`.
    pub fn binary_op(&mut self, a: &Value, b: &Value, op: BinOp) -> PyResult<Value> {
        if let Some(r) = builtins::binary_builtin(self, a, b, op)? {
            return Ok(r);
        }
        let (name, rname, _) = op.dunders();
        let (ta, tb) = (self.type_of(a), self.type_of(b));
        let same = Rc::ptr_eq(&ta, &tb);
        let b_first =
            !same && super::types::is_subtype(&tb, &ta) && self.has_user_special(b, rname);
        if b_first {
            if let Some(r) = self.try_dunder(b, rname, a)? {
                return Ok(r);
            }
        }
        if let Some(r) = self.try_dunder(a, name, b)? {
            return Ok(r);
        }
        if !same && !b_first {
            if let Some(r) = self.try_dunder(b, rname, a)? {
                return Ok(r);
            }
        }
        let (pa, pb) = (builtins::payload(a), builtins::payload(b));
        if pa.is_some() || pb.is_some() {
            let a = pa.unwrap_or_else(|| a.clone());
            let b = pb.unwrap_or_else(|| b.clone());
            return self.binary_op(&a, &b, op);
        }
        self.binary_type_error(a, b, op.symbol())
    }

    pub fn binary_type_error<T>(&self, a: &Value, b: &Value, symbol: &str) -> PyResult<T> {
        let (na, nb) = (self.type_name(a), self.type_name(b));
        if symbol == "+" && (a.as_str().is_some() || b.as_str().is_some()) && a.as_str().is_some() {
            return self.type_error(format!("can only concatenate str (not \"{nb}\") to str"));
        }
        if symbol == "+" && matches!(a, Value::Obj(o) if matches!(&**o, Obj::List(_))) {
            return self.type_error(format!("can only concatenate list (not \"{nb}\") to list"));
        }
        if symbol == "+" && matches!(a, Value::Obj(o) if matches!(&**o, Obj::Tuple(_))) {
            return self.type_error(format!(
                "can only concatenate tuple (not \"{nb}\") to tuple"
            ));
        }
        let symbol = if symbol == "**" {
            "** or pow()"
        } else {
            symbol
        };
        self.type_error(format!(
            "unsupported operand type(s) for {symbol}: '{na}' and '{nb}'"
        ))
    }

    /// Calls a user dunder `x.<name>(y)`; `None` if absent or NotImplemented.
    fn try_dunder(&mut self, x: &Value, name: &str, y: &Value) -> PyResult<Option<Value>> {
        if !self.has_user_special(x, name) {
            return Ok(None);
        }
        let Some(f) = self.special(x, name) else {
            return Ok(None);
        };
        let r = self.call(&f, Args::new(vec![y.clone()]))?;
        Ok(if self.is_not_implemented(&r) {
            None
        } else {
            Some(r)
        })
    }

    /// `a <op>= b`.
    pub fn inplace_op(&mut self, a: &Value, b: &Value, op: BinOp) -> PyResult<Value> {
        if let Some(r) = builtins::inplace_builtin(self, a, b, op)? {
            return Ok(r);
        }
        let (_, _, iname) = op.dunders();
        if let Some(r) = self.try_dunder(a, iname, b)? {
            return Ok(r);
        }
        if let Some(p) = builtins::payload(a) {
            let (name, _, _) = op.dunders();
            if !self.has_user_special(a, name)
                && builtins::inplace_builtin(self, &p, b, op)?.is_some()
            {
                return Ok(a.clone());
            }
        }
        match self.binary_op(a, b, op) {
            Err(e) if self.err_is(&e, "TypeError") && !builtins::is_builtin_value(a) => {
                let (na, nb) = (self.type_name(a), self.type_name(b));
                let symbol = if op == BinOp::Pow {
                    "**=".to_string()
                } else {
                    format!("{}=", op.symbol())
                };
                self.type_error(format!(
                    "unsupported operand type(s) for {symbol}: '{na}' and '{nb}'"
                ))
            }
            r => r,
        }
    }

    /// `-a`, `+a`, `~a`, `not a`.
    pub fn unary_op(&mut self, a: &Value, op: UnaryOp) -> PyResult<Value> {
        if op == UnaryOp::Not {
            return Ok(Value::Bool(!self.truthy(a)?));
        }
        if let Some(r) = builtins::unary_builtin(self, a, op)? {
            return Ok(r);
        }
        let (name, symbol) = match op {
            UnaryOp::Neg => ("__neg__", "-"),
            UnaryOp::Pos => ("__pos__", "+"),
            UnaryOp::Invert => ("__invert__", "~"),
            UnaryOp::Not => unreachable!("handled above"),
        };
        if self.has_user_special(a, name) {
            if let Some(f) = self.special(a, name) {
                return self.call(&f, Args::new(vec![]));
            }
        }
        if let Some(p) = builtins::payload(a) {
            return self.unary_op(&p, op);
        }
        let t = self.type_name(a);
        self.type_error(format!("bad operand type for unary {symbol}: '{t}'"))
    }

    /// `len(v)`.
    pub fn len_of(&mut self, v: &Value) -> PyResult<usize> {
        if let Some(n) = builtins::len_builtin(v) {
            return Ok(n);
        }
        if let Some(Obj::Range(r)) = v.as_obj().map(|o| &**o) {
            return builtins::range::len(self, r);
        }
        match self.special(v, "__len__") {
            Some(f) => {
                let r = self.call(&f, Args::new(vec![]))?;
                self.len_result(r)
            }
            None => {
                if let Some(p) = builtins::payload(v) {
                    return self.len_of(&p);
                }
                let t = self.type_name(v);
                self.type_error(format!("object of type '{t}' has no len()"))
            }
        }
    }

    fn len_result(&mut self, r: Value) -> PyResult<usize> {
        match r {
            Value::Int(i) if i >= 0 => Ok(i as usize),
            Value::Bool(b) => Ok(usize::from(b)),
            Value::Int(_) => self.value_error("__len__() should return >= 0"),
            _ => {
                let t = self.type_name(&r);
                self.type_error(format!("'{t}' object cannot be interpreted as an integer"))
            }
        }
    }

    /// `item in container`.
    pub fn contains(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        if let Some(r) = builtins::contains_builtin(self, container, item)? {
            return Ok(r);
        }
        if let Some(f) = self.special(container, "__contains__") {
            let r = self.call(&f, Args::new(vec![item.clone()]))?;
            return self.truthy(&r);
        }
        if let Some(p) = builtins::payload(container) {
            return self.contains(&p, item);
        }
        // Fall back to iteration.
        let it = match self.get_iter(container) {
            Ok(it) => it,
            Err(_) => {
                let t = self.type_name(container);
                return self.type_error(format!("argument of type '{t}' is not iterable"));
            }
        };
        while let Some(v) = self.next_of(&it)? {
            if self.eq(&v, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// `container[key]`.
    pub fn getitem(&mut self, container: &Value, key: &Value) -> PyResult<Value> {
        if let Some(r) = builtins::getitem_builtin(self, container, key)? {
            return Ok(r);
        }
        if let Some(f) = self.special(container, "__getitem__") {
            return self.call(&f, Args::new(vec![key.clone()]));
        }
        if let Some(p) = builtins::payload(container) {
            return match self.getitem(&p, key) {
                Err(e)
                    if self.err_is(&e, "KeyError")
                        && self.has_user_special(container, "__missing__") =>
                {
                    let f = self.special(container, "__missing__").expect("checked");
                    self.call(&f, Args::new(vec![key.clone()]))
                }
                r => r,
            };
        }
        if let Value::Obj(o) = container {
            if let Obj::Type(_) = &**o {
                // `list[int]` and friends: generic aliases are not simulated
                // beyond returning the class itself.
                if let Some(f) = self.special(container, "__class_getitem__") {
                    return self.call(&f, Args::new(vec![key.clone()]));
                }
                return Ok(container.clone());
            }
        }
        let t = self.type_name(container);
        self.type_error(format!("'{t}' object is not subscriptable"))
    }

    /// `container[key] = value`.
    pub fn setitem(&mut self, container: &Value, key: Value, value: Value) -> PyResult<()> {
        if builtins::setitem_builtin(self, container, &key, &value)? {
            return Ok(());
        }
        if let Some(f) = self.special(container, "__setitem__") {
            self.call(&f, Args::new(vec![key, value]))?;
            return Ok(());
        }
        if let Some(p) = builtins::payload(container) {
            return self.setitem(&p, key, value);
        }
        let t = self.type_name(container);
        self.type_error(format!("'{t}' object does not support item assignment"))
    }

    /// `del container[key]`.
    pub fn delitem(&mut self, container: &Value, key: &Value) -> PyResult<()> {
        if builtins::delitem_builtin(self, container, key)? {
            return Ok(());
        }
        if let Some(f) = self.special(container, "__delitem__") {
            self.call(&f, Args::new(vec![key.clone()]))?;
            return Ok(());
        }
        if let Some(p) = builtins::payload(container) {
            return self.delitem(&p, key);
        }
        let t = self.type_name(container);
        self.type_error(format!("'{t}' object does not support item deletion"))
    }

    /// All items of an iterable.
    pub fn collect(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        if let Value::Obj(o) = v {
            match &**o {
                Obj::List(l) => return Ok(l.borrow().clone()),
                Obj::Tuple(t) => return Ok(t.to_vec()),
                Obj::Bytes(b) => return Ok(b.iter().map(|&x| Value::Int(i64::from(x))).collect()),
                _ => {}
            }
        }
        let it = self.get_iter(v)?;
        let mut out = Vec::new();
        while let Some(x) = self.next_of(&it)? {
            out.push(x);
        }
        Ok(out)
    }

    /// Unpacks exactly `n` items (`a, b = v`).
    pub fn unpack(&mut self, v: &Value, n: usize) -> PyResult<Vec<Value>> {
        if let Value::Obj(o) = v {
            let fixed = match &**o {
                Obj::Tuple(t) => Some(t.to_vec()),
                Obj::List(l) => Some(l.borrow().clone()),
                _ => None,
            };
            if let Some(items) = fixed {
                if items.len() == n {
                    return Ok(items);
                }
                return if items.len() > n {
                    self.value_error(format!("too many values to unpack (expected {n})"))
                } else {
                    self.value_error(format!(
                        "not enough values to unpack (expected {n}, got {})",
                        items.len()
                    ))
                };
            }
        }
        let it = match self.get_iter(v) {
            Ok(it) => it,
            Err(e) if self.err_is(&e, "TypeError") => {
                let t = self.type_name(v);
                return self.type_error(format!("cannot unpack non-iterable {t} object"));
            }
            Err(e) => return Err(e),
        };
        let mut out = Vec::with_capacity(n);
        while let Some(x) = self.next_of(&it)? {
            if out.len() == n {
                return self.value_error(format!("too many values to unpack (expected {n})"));
            }
            out.push(x);
        }
        if out.len() < n {
            return self.value_error(format!(
                "not enough values to unpack (expected {n}, got {})",
                out.len()
            ));
        }
        Ok(out)
    }

    /// A builtin from the builtins module by name.
    pub fn builtin(&mut self, name: &str) -> PyResult<Value> {
        let b = self.builtins.clone();
        match self.dict_get_str(&b, name)? {
            Some(v) => Ok(v),
            None => Err(self.error("NameError", format!("name '{name}' is not defined"))),
        }
    }

    /// The dict object behind a module, type or dict value.
    pub fn as_dict_obj(v: &Value) -> Option<&ObjRef> {
        match v {
            Value::Obj(o) if matches!(&**o, Obj::Dict(_)) => Some(o),
            _ => None,
        }
    }
}
