//! Attribute access: `type(x)`, `x.name` (CPython's
//! `PyObject_GenericGetAttr` with descriptors: functions bind, properties
//! call, classmethods bind to the class, `__getattr__` as a fallback),
//! `x.name = v`, `del x.name`, and the method lookup behind `LoadMethod`.

use super::call::Args;
use super::dict::DictStr;
use super::ops::str_hash;
use super::types::{lookup, type_data};
use super::value::{Obj, ObjRef, TypeKind, Value};
use super::{PyErr, PyResult, Vm};

impl Vm {
    /// The type object of a value.
    pub fn type_of(&self, v: &Value) -> ObjRef {
        let t = &self.types;
        match v {
            Value::Null | Value::None => t.none_type.clone(),
            Value::Bool(_) => t.bool_.clone(),
            Value::Int(_) => t.int.clone(),
            Value::Float(_) => t.float.clone(),
            Value::Obj(o) => match &**o {
                Obj::Str(_) => t.str.clone(),
                Obj::BigInt(_) => t.int.clone(),
                Obj::Bytes(_) => t.bytes.clone(),
                Obj::ByteArray(_) => t.bytearray.clone(),
                Obj::Complex(_) => t.complex.clone(),
                Obj::Tuple(_) => t.tuple.clone(),
                Obj::List(_) => t.list.clone(),
                Obj::Dict(_) => t.dict.clone(),
                Obj::Set(_) => t.set.clone(),
                Obj::FrozenSet(_) => t.frozenset.clone(),
                Obj::Range(_) => t.range.clone(),
                Obj::Slice(_) => t.slice.clone(),
                Obj::Type(td) => td.metaclass.clone().unwrap_or_else(|| t.type_.clone()),
                Obj::Instance(i) => i.class.clone(),
                Obj::Exception(e) => e.class.clone(),
                Obj::Function(_) => t.function.clone(),
                Obj::Builtin(b) if b.owner.is_some() && b.bound.is_none() => {
                    t.method_descriptor.clone()
                }
                Obj::Builtin(_) => t.builtin_function.clone(),
                Obj::BoundMethod(_) => t.method.clone(),
                Obj::Module(_) => t.module.clone(),
                Obj::Cell(_) => t.cell.clone(),
                Obj::Generator(g) => match g.kind {
                    super::value::GenKind::Generator => t.generator.clone(),
                    super::value::GenKind::Coroutine => t.coroutine.clone(),
                    super::value::GenKind::AsyncGenerator => t.async_generator.clone(),
                },
                Obj::Iter(state) => iterator_type(t, state),
                Obj::Property(_) => t.property.clone(),
                Obj::StaticMethod(_) => t.staticmethod.clone(),
                Obj::ClassMethod(_) => t.classmethod.clone(),
                Obj::Super(_) => t.super_.clone(),
                Obj::Code(_) => t.code.clone(),
                Obj::NotImplemented => t.not_implemented_type.clone(),
                Obj::Ellipsis => t.ellipsis_type.clone(),
                Obj::Native(n) => n.class.clone(),
                Obj::DictView(_, what) => match what {
                    super::value::DictIterKind::Keys => t.dict_keys.clone(),
                    super::value::DictIterKind::Values => t.dict_values.clone(),
                    super::value::DictIterKind::Items => t.dict_items.clone(),
                },
            },
        }
    }

    /// `type(v).__name__`.
    pub fn type_name(&self, v: &Value) -> String {
        let t = self.type_of(v);
        type_data(&t)
            .map(|td| td.name.to_string())
            .unwrap_or_default()
    }

    /// Looks a special method up on the type only (as CPython does for
    /// dunder protocols), already bound to `v`.
    pub fn special(&self, v: &Value, name: &str) -> Option<Value> {
        let t = self.type_of(v);
        let f = lookup(&t, str_hash(name), name)?;
        Some(self.bind(f, v.clone()))
    }

    /// Special method `name` of `v`, bound, when a user class defines it
    /// as a Python function (not a builtin type's method, which the
    /// protocols serve natively).
    pub fn python_special(&self, v: &Value, name: &str) -> Option<Value> {
        if !self.has_user_special(v, name) {
            return None;
        }
        let t = self.type_of(v);
        let f = lookup(&t, str_hash(name), name)?;
        match &f {
            Value::Obj(o) if matches!(&**o, super::value::Obj::Function(_)) => {
                Some(self.bind(f, v.clone()))
            }
            _ => None,
        }
    }

    /// Whether the type of `v` gets special method `name` from a user (or
    /// native module) class rather than from a builtin type, whose
    /// behaviour the protocols implement natively.
    pub fn has_user_special(&self, v: &Value, name: &str) -> bool {
        let t = self.type_of(v);
        let hash = str_hash(name);
        for c in super::types::mro_of(&t) {
            let Some(td) = type_data(c) else { continue };
            if td.dict.borrow().get_str(hash, name).is_some() {
                return td.kind == TypeKind::User;
            }
        }
        false
    }

    /// Calls method `name` of `v` with positional args.
    pub fn call_method_str(&mut self, v: &Value, name: &str, args: Vec<Value>) -> PyResult<Value> {
        let m = self.get_attr_str(v, name)?;
        self.call(&m, Args::new(args))
    }

    pub fn get_attr_str(&mut self, obj: &Value, name: &str) -> PyResult<Value> {
        let n = self.intern(name);
        self.get_attr(obj, &n)
    }

    /// `obj.name`.
    pub fn get_attr(&mut self, obj: &Value, name: &Value) -> PyResult<Value> {
        self.get_attr_in(obj, name, false)
    }

    /// `obj.name` for `LoadAttr`: a property's getter or a `__getattr__`
    /// written in Python is not called but left in `deferred_call` (the
    /// value returned is then None), for the interpreter to run as a frame.
    pub(crate) fn get_attr_deferring(&mut self, obj: &Value, name: &Value) -> PyResult<Value> {
        self.get_attr_in(obj, name, true)
    }

    /// Leaves `f(*args)` for the interpreter (see `deferred_call`).
    fn defer_call(&mut self, f: Value, args: Vec<Value>) -> Value {
        self.deferred_call = Some((f, args));
        Value::None
    }

    fn get_attr_in(&mut self, obj: &Value, name: &Value, defer: bool) -> PyResult<Value> {
        if !self.getattribute_classes.is_empty() && self.has_user_getattribute(obj) {
            if let Some(ga) = self.special(obj, "__getattribute__") {
                return match self.call(&ga, Args::new(vec![name.clone()])) {
                    Err(PyErr::Exc(e)) if self.exc_is(&e, "AttributeError") => {
                        match self.special(obj, "__getattr__") {
                            Some(g) => self.call(&g, Args::new(vec![name.clone()])),
                            None => Err(PyErr::Exc(e)),
                        }
                    }
                    r => r,
                };
            }
        }
        self.lookup_attr(obj, name, true, defer)
    }

    /// `object.__getattribute__(obj, name)`: the generic lookup, without a
    /// user `__getattribute__` or the `__getattr__` fallback.
    pub fn generic_get_attr(&mut self, obj: &Value, name: &Value) -> PyResult<Value> {
        self.lookup_attr(obj, name, false, false)
    }

    /// Whether `obj` is an instance of a user class that overrides
    /// `__getattribute__`.
    fn has_user_getattribute(&self, obj: &Value) -> bool {
        let Value::Obj(o) = obj else { return false };
        let Obj::Instance(i) = &**o else { return false };
        super::types::mro_of(&i.class).any(|c| {
            self.getattribute_classes
                .contains(&(std::rc::Rc::as_ptr(c) as *const () as usize))
        }) && self.has_user_special(obj, "__getattribute__")
    }

    fn lookup_attr(
        &mut self,
        obj: &Value,
        name: &Value,
        fallback: bool,
        defer: bool,
    ) -> PyResult<Value> {
        let Some(n) = name.as_str() else {
            return self.type_error("attribute name must be string");
        };
        if let Value::Obj(o) = obj {
            if let Obj::Super(_) = &**o {
                let n = n.to_string();
                return match super::builtins::object::super_attr(self, o, &n)? {
                    Some(v) => Ok(v),
                    None => Err(self.error(
                        "AttributeError",
                        format!("'super' object has no attribute '{n}'"),
                    )),
                };
            }
        }
        let n: std::rc::Rc<str> = n.into();
        let hash = str_hash(&n);
        match self.generic_getattr(obj, hash, &n, defer)? {
            Some(v) => Ok(v),
            None => {
                // __getattr__ fallback.
                if !fallback {
                    return Err(self.attribute_error(obj, &n));
                }
                if defer {
                    if let Some(ga) = self.python_special(obj, "__getattr__") {
                        return Ok(self.defer_call(ga, vec![name.clone()]));
                    }
                }
                if let Some(ga) = self.special(obj, "__getattr__") {
                    return self.call(&ga, Args::new(vec![name.clone()]));
                }
                Err(self.attribute_error(obj, &n))
            }
        }
    }

    pub fn attribute_error(&self, obj: &Value, name: &str) -> PyErr {
        let msg = match obj {
            Value::Obj(o) => match &**o {
                Obj::Type(td) => format!("type object '{}' has no attribute '{name}'", td.name),
                Obj::Module(m) => format!("module '{}' has no attribute '{name}'", m.name),
                _ => format!("'{}' object has no attribute '{name}'", self.type_name(obj)),
            },
            _ => format!("'{}' object has no attribute '{name}'", self.type_name(obj)),
        };
        self.error("AttributeError", msg)
    }

    /// The generic lookup; `None` if not found (for `__getattr__`).
    fn generic_getattr(
        &mut self,
        obj: &Value,
        hash: i64,
        name: &str,
        defer: bool,
    ) -> PyResult<Option<Value>> {
        // Type objects: their own MRO first.
        if let Value::Obj(o) = obj {
            if let Obj::Type(_) = &**o {
                return self.type_getattr(o, hash, name);
            }
            if let Obj::Module(m) = &**o {
                if let Some(v) = self.dict_get_str(&m.dict, name)? {
                    return Ok(Some(v));
                }
                if name == "__dict__" {
                    return Ok(Some(Value::Obj(m.dict.clone())));
                }
                return Ok(None);
            }
        }
        let t = self.type_of(obj);
        let descr = lookup(&t, hash, name);
        if let Some(r) = self.slot_get(obj, descr.as_ref(), name) {
            return r.map(Some);
        }
        // Data descriptors win over the instance dict.
        if let Some(Value::Obj(d)) = &descr {
            match &**d {
                Obj::Property(p) => {
                    if p.fget.is_none() {
                        return Err(self.error(
                            "AttributeError",
                            format!(
                                "property '{name}' of '{}' object has no getter",
                                self.type_name(obj)
                            ),
                        ));
                    }
                    let fget = p.fget.clone();
                    if defer && is_python_function(&fget) {
                        return Ok(Some(self.defer_call(fget, vec![obj.clone()])));
                    }
                    return self.call(&fget, Args::new(vec![obj.clone()])).map(Some);
                }
                Obj::Instance(_) if self.has_user_special(&Value::Obj(d.clone()), "__set__") => {
                    if let Some(get) = self.special(&Value::Obj(d.clone()), "__get__") {
                        return self
                            .call(&get, Args::new(vec![obj.clone(), Value::Obj(t.clone())]))
                            .map(Some);
                    }
                }
                _ => {}
            }
        }
        if let Some(v) = self.instance_dict_get(obj, hash, name) {
            return Ok(Some(v));
        }
        if let Some(v) = super::builtins::special_attr(self, obj, name)? {
            return Ok(Some(v));
        }
        match descr {
            Some(d) => self.descr_get(d, obj.clone(), t).map(Some),
            None => Ok(None),
        }
    }

    /// Applies the descriptor protocol to a class attribute found for an
    /// instance (`instance` is None for access on the class itself).
    fn descr_get(&mut self, d: Value, instance: Value, owner: ObjRef) -> PyResult<Value> {
        let Value::Obj(o) = &d else { return Ok(d) };
        match &**o {
            Obj::Function(_) => Ok(self.bind(d, instance)),
            Obj::Builtin(b) if b.bound.is_none() && b.owner.is_some() => Ok(self.bind(d, instance)),
            Obj::StaticMethod(f) => Ok(f.clone()),
            Obj::ClassMethod(f) => Ok(self.bind(f.clone(), Value::Obj(owner))),
            Obj::Instance(_) => match self.special(&d, "__get__") {
                Some(get) => self.call(&get, Args::new(vec![instance, Value::Obj(owner)])),
                None => Ok(d),
            },
            _ => Ok(d),
        }
    }

    /// Attribute of a class: `C.x`.
    fn type_getattr(&mut self, cls: &ObjRef, hash: i64, name: &str) -> PyResult<Option<Value>> {
        if let Some(v) = lookup(cls, hash, name) {
            let Value::Obj(o) = &v else {
                return Ok(Some(v));
            };
            return match &**o {
                Obj::StaticMethod(f) => Ok(Some(f.clone())),
                Obj::ClassMethod(f) => Ok(Some(self.bind(f.clone(), Value::Obj(cls.clone())))),
                Obj::Instance(_) => match self.special(&v, "__get__") {
                    Some(get) => self
                        .call(&get, Args::new(vec![Value::None, Value::Obj(cls.clone())]))
                        .map(Some),
                    None => Ok(Some(v)),
                },
                _ => Ok(Some(v)),
            };
        }
        if let Some(v) = super::builtins::special_attr(self, &Value::Obj(cls.clone()), name)? {
            return Ok(Some(v));
        }
        // Attributes of the metaclass (e.g. `type.mro`).
        let meta = self.type_of(&Value::Obj(cls.clone()));
        match lookup(&meta, hash, name) {
            Some(f) => Ok(Some(self.bind(f, Value::Obj(cls.clone())))),
            None => Ok(None),
        }
    }

    /// The instance dict entry, for objects that have a dict.
    fn instance_dict_get(&self, obj: &Value, hash: i64, name: &str) -> Option<Value> {
        let Value::Obj(o) = obj else { return None };
        let d = match &**o {
            Obj::Instance(i) => {
                return instance_dict(&i.dict).borrow().get_str(hash, name).cloned()
            }
            Obj::Exception(e) => &e.dict,
            Obj::Function(f) => &f.dict,
            Obj::Native(n) => &n.dict,
            _ => return None,
        };
        d.borrow().get_str(hash, name).cloned()
    }

    /// `obj.name = value`.
    pub fn set_attr(&mut self, obj: &Value, name: &Value, value: Value) -> PyResult<()> {
        self.set_attr_in(obj, name, value, false)
    }

    /// `obj.name = value` for `StoreAttr`: a property's setter or a
    /// `__setattr__` written in Python is left in `deferred_call`.
    pub(crate) fn set_attr_deferring(
        &mut self,
        obj: &Value,
        name: &Value,
        value: Value,
    ) -> PyResult<()> {
        self.set_attr_in(obj, name, value, true)
    }

    fn set_attr_in(
        &mut self,
        obj: &Value,
        name: &Value,
        value: Value,
        defer: bool,
    ) -> PyResult<()> {
        let Some(n) = name.as_str() else {
            return self.type_error("attribute name must be string");
        };
        let n: std::rc::Rc<str> = n.into();
        let hash = str_hash(&n);
        let t = self.type_of(obj);
        if let Some(r) = self.slot_store(obj, lookup(&t, hash, &n).as_ref(), Some(value.clone())) {
            return r;
        }
        if let Some(Value::Obj(d)) = lookup(&t, hash, &n) {
            match &*d {
                Obj::Property(p) => {
                    if p.fset.is_none() {
                        return Err(self.error(
                            "AttributeError",
                            format!(
                                "property '{n}' of '{}' object has no setter",
                                self.type_name(obj)
                            ),
                        ));
                    }
                    let fset = p.fset.clone();
                    if defer && is_python_function(&fset) {
                        self.defer_call(fset, vec![obj.clone(), value]);
                        return Ok(());
                    }
                    self.call(&fset, Args::new(vec![obj.clone(), value]))?;
                    return Ok(());
                }
                Obj::Instance(_) => {
                    if let Some(set) = self.special(&Value::Obj(d.clone()), "__set__") {
                        self.call(&set, Args::new(vec![obj.clone(), value]))?;
                        return Ok(());
                    }
                }
                _ => {}
            }
        }
        if let Some(setattr) = self.user_setattr(obj) {
            if defer && self.python_special(obj, "__setattr__").is_some() {
                self.defer_call(setattr, vec![name.clone(), value]);
                return Ok(());
            }
            self.call(&setattr, Args::new(vec![name.clone(), value]))?;
            return Ok(());
        }
        self.store_attr_raw(obj, name.clone(), &n, value)
    }

    /// A user-defined `__setattr__` bound to obj, if any.
    fn user_setattr(&self, obj: &Value) -> Option<Value> {
        if self.has_user_special(obj, "__setattr__") {
            self.special(obj, "__setattr__")
        } else {
            None
        }
    }

    /// Stores into the instance (or class) dict: `object.__setattr__`.
    pub fn store_attr_raw(
        &mut self,
        obj: &Value,
        name: Value,
        n: &str,
        value: Value,
    ) -> PyResult<()> {
        // `object.__setattr__` on a slot attribute stores into the slot.
        let t = self.type_of(obj);
        if let Some(r) = self.slot_store(
            obj,
            lookup(&t, str_hash(n), n).as_ref(),
            Some(value.clone()),
        ) {
            return r;
        }
        let Value::Obj(o) = obj else {
            if super::builtins::special_attr(self, obj, n)?.is_some() {
                let t = self.type_name(obj);
                return Err(self.error(
                    "AttributeError",
                    format!("attribute '{n}' of '{t}' objects is not writable"),
                ));
            }
            return Err(self.attribute_error(obj, n));
        };
        let hash = str_hash(n);
        let d = match &**o {
            Obj::Instance(i) => {
                if let Some(allowed) = slots_of(&i.class) {
                    if !allowed.iter().any(|s| &**s == "__dict__") {
                        // A class attribute shadows nothing here: it is read-only.
                        if lookup(&i.class, hash, n).is_some() {
                            let t = self.type_name(obj);
                            return Err(self.error(
                                "AttributeError",
                                format!("'{t}' object attribute '{n}' is read-only"),
                            ));
                        }
                        return Err(self.attribute_error(obj, n));
                    }
                }
                instance_dict(&i.dict)
            }
            Obj::Exception(e) => {
                if let Some(r) = super::builtins::exception::set_special(self, o, n, &value) {
                    return r;
                }
                &e.dict
            }
            Obj::Function(f) => {
                match n {
                    "__name__" => {
                        if let Some(s) = value.as_str() {
                            *f.name.borrow_mut() = s.into();
                        }
                        return Ok(());
                    }
                    "__qualname__" => {
                        if let Some(s) = value.as_str() {
                            *f.qualname.borrow_mut() = s.into();
                        }
                        return Ok(());
                    }
                    _ => {}
                }
                &f.dict
            }
            Obj::Native(nat) => &nat.dict,
            Obj::Type(td) => {
                if td.kind != TypeKind::User && td.kind != TypeKind::Exception {
                    return self.type_error(format!(
                        "cannot set '{n}' attribute of immutable type '{}'",
                        td.name
                    ));
                }
                if n == "__getattribute__" {
                    self.getattribute_classes
                        .push(std::rc::Rc::as_ptr(o) as *const () as usize);
                }
                &td.dict
            }
            Obj::Module(m) => {
                let d = m.dict.clone();
                return self.dict_set(&d, name, value);
            }
            _ => {
                if super::builtins::special_attr(self, obj, n)?.is_some() {
                    let t = self.type_name(obj);
                    return Err(self.error(
                        "AttributeError",
                        format!("attribute '{n}' of '{t}' objects is not writable"),
                    ));
                }
                return Err(self.attribute_error(obj, n));
            }
        };
        let existing = d.borrow().find_str(hash, n);
        match existing {
            Some(i) => {
                if let Some(slot) = d.borrow_mut().value_at_mut(i) {
                    *slot = value;
                }
            }
            None => {
                d.borrow_mut().insert_absent(name, hash, value);
            }
        }
        Ok(())
    }

    /// `del obj.name`.
    pub fn del_attr(&mut self, obj: &Value, name: &Value) -> PyResult<()> {
        self.del_attr_with(obj, name, true)
    }

    /// `object.__delattr__(obj, name)`: `del obj.name` without a user
    /// `__delattr__`.
    pub fn generic_del_attr(&mut self, obj: &Value, name: &Value) -> PyResult<()> {
        self.del_attr_with(obj, name, false)
    }

    fn del_attr_with(&mut self, obj: &Value, name: &Value, user: bool) -> PyResult<()> {
        let Some(n) = name.as_str() else {
            return self.type_error("attribute name must be string");
        };
        let n: std::rc::Rc<str> = n.into();
        let hash = str_hash(&n);
        let t = self.type_of(obj);
        if let Some(r) = self.slot_store(obj, lookup(&t, hash, &n).as_ref(), None) {
            return r;
        }
        if let Some(Value::Obj(d)) = lookup(&t, hash, &n) {
            if let Obj::Property(p) = &*d {
                if p.fdel.is_none() {
                    return Err(self.error(
                        "AttributeError",
                        format!(
                            "property '{n}' of '{}' object has no deleter",
                            self.type_name(obj)
                        ),
                    ));
                }
                let fdel = p.fdel.clone();
                self.call(&fdel, Args::new(vec![obj.clone()]))?;
                return Ok(());
            }
        }
        if user && self.has_user_special(obj, "__delattr__") {
            if let Some(f) = self.special(obj, "__delattr__") {
                self.call(&f, Args::new(vec![name.clone()]))?;
                return Ok(());
            }
        }
        let Value::Obj(o) = obj else {
            return Err(self.attribute_error(obj, &n));
        };
        let d = match &**o {
            Obj::Instance(i) => instance_dict(&i.dict),
            Obj::Exception(e) => &e.dict,
            Obj::Function(f) => &f.dict,
            Obj::Native(nat) => &nat.dict,
            Obj::Type(td) if td.kind == TypeKind::User => &td.dict,
            Obj::Module(m) => {
                let d = m.dict.clone();
                if self.dict_del(&d, name)? {
                    return Ok(());
                }
                return Err(self.attribute_error(obj, &n));
            }
            _ => return Err(self.attribute_error(obj, &n)),
        };
        let i = d.borrow().find_str(hash, &n);
        match i {
            Some(i) => {
                d.borrow_mut().remove_at(i);
                Ok(())
            }
            None => Err(self.attribute_error(obj, &n)),
        }
    }

    /// `LoadMethod`: `(function, obj)` when the attribute is a function on
    /// the type not shadowed by the instance dict, else `(NULL, attr)`.
    pub fn load_method(&mut self, obj: Value, name: &Value) -> PyResult<(Value, Value)> {
        let n = name.as_str().unwrap_or("");
        let hash = str_hash(n);
        let is_type_or_module = matches!(&obj, Value::Obj(o) if matches!(&**o, Obj::Type(_) | Obj::Module(_) | Obj::Super(_)));
        if !is_type_or_module
            && !(!self.getattribute_classes.is_empty() && self.has_user_getattribute(&obj))
        {
            let t = self.type_of(&obj);
            if let Some(f) = lookup(&t, hash, n) {
                let plain = match &f {
                    Value::Obj(o) => match &**o {
                        Obj::Function(_) => true,
                        Obj::Builtin(b) => b.bound.is_none() && b.owner.is_some(),
                        _ => false,
                    },
                    _ => false,
                };
                if plain && self.instance_dict_get(&obj, hash, n).is_none() {
                    return Ok((f, obj));
                }
            }
        }
        let attr = self.get_attr(&obj, name)?;
        Ok((Value::Null, attr))
    }
}

/// The dict inside an instance's `__dict__` object.
pub fn instance_dict(d: &ObjRef) -> &std::cell::RefCell<super::dict::Dict> {
    match &**d {
        Obj::Dict(c) => c,
        _ => unreachable!("an instance dict is a dict object"),
    }
}

/// All `__slots__` names along a class's MRO, if every class with a
/// namespace declares slots (otherwise instances have a `__dict__`).
pub(crate) fn slots_of(cls: &ObjRef) -> Option<Vec<std::rc::Rc<str>>> {
    let mut all = Vec::new();
    let mut any = false;
    for c in super::types::mro_of(cls) {
        let Some(td) = type_data(c) else { continue };
        if td.kind != TypeKind::User {
            continue;
        }
        let s = td.slots.as_ref()?;
        any = true;
        all.extend(s.iter().cloned());
    }
    any.then_some(all)
}

/// The type of a builtin iterator, by what it iterates.
fn iterator_type(
    t: &super::types::Types,
    state: &std::cell::RefCell<super::value::IterState>,
) -> ObjRef {
    use super::value::{DictIterKind, IterState};
    let Ok(st) = state.try_borrow() else {
        return t.iterator.clone();
    };
    match &*st {
        IterState::Seq { seq, .. } => match seq.as_obj().map(|o| &**o) {
            Some(Obj::List(_)) => t.list_iterator.clone(),
            Some(Obj::Tuple(_)) => t.tuple_iterator.clone(),
            Some(Obj::Bytes(_)) => t.bytes_iterator.clone(),
            Some(Obj::ByteArray(_)) => t.bytearray_iterator.clone(),
            _ => t.iterator.clone(),
        },
        IterState::Range { .. } => t.range_iterator.clone(),
        IterState::BigRange { .. } => t.longrange_iterator.clone(),
        IterState::Str { s, .. } => match &**s {
            Obj::Str(ps) if ps.is_ascii() => t.str_ascii_iterator.clone(),
            _ => t.str_iterator.clone(),
        },
        IterState::DictKeys { what, .. } => match what {
            DictIterKind::Keys => t.dict_keyiterator.clone(),
            DictIterKind::Values => t.dict_valueiterator.clone(),
            DictIterKind::Items => t.dict_itemiterator.clone(),
        },
        IterState::SetItems { .. } => t.set_iterator.clone(),
        IterState::Enumerate { .. } => t.enumerate.clone(),
        IterState::Zip { .. } => t.zip.clone(),
        IterState::Map { .. } => t.map.clone(),
        IterState::Filter { .. } => t.filter.clone(),
        IterState::Reversed { seq, .. }
            if matches!(seq.as_obj().map(|o| &**o), Some(Obj::List(_))) =>
        {
            t.list_reverseiterator.clone()
        }
        IterState::Reversed { .. } => t.reversed.clone(),
        IterState::Callable { .. } => t.callable_iterator.clone(),
        IterState::Values { .. } | IterState::Exhausted => t.iterator.clone(),
    }
}

impl Vm {
    /// A `__slots__` member descriptor, if `descr` is one.
    fn member(descr: Option<&Value>) -> Option<usize> {
        let d = descr?;
        super::module::native_data(d, |m: &mut super::value::MemberDescr| m.index)
    }

    /// `obj.x` for a slot attribute: its value, or AttributeError if unset.
    fn slot_get(
        &mut self,
        obj: &Value,
        descr: Option<&Value>,
        name: &str,
    ) -> Option<PyResult<Value>> {
        let index = Self::member(descr)?;
        let Some(Obj::Instance(i)) = obj.as_obj().map(|o| &**o) else {
            return None;
        };
        let v = i
            .slot_values
            .borrow()
            .get(index)
            .cloned()
            .unwrap_or(Value::Null);
        Some(if v.is_null() {
            Err(self.attribute_error(obj, name))
        } else {
            Ok(v)
        })
    }

    /// `obj.x = v` (`Some(v)`) or `del obj.x` (`None`) for a slot attribute.
    fn slot_store(
        &mut self,
        obj: &Value,
        descr: Option<&Value>,
        value: Option<Value>,
    ) -> Option<PyResult<()>> {
        let index = Self::member(descr)?;
        let Some(Obj::Instance(i)) = obj.as_obj().map(|o| &**o) else {
            return None;
        };
        let name =
            super::module::native_data(descr?, |m: &mut super::value::MemberDescr| m.name.clone())?;
        let mut values = i.slot_values.borrow_mut();
        if values.len() <= index {
            values.resize(index + 1, Value::Null);
        }
        match value {
            Some(v) => {
                values[index] = v;
                Some(Ok(()))
            }
            None => {
                if values[index].is_null() {
                    drop(values);
                    return Some(Err(self.attribute_error(obj, &name)));
                }
                values[index] = Value::Null;
                Some(Ok(()))
            }
        }
    }
}

/// Whether `f` is a function written in Python (which the interpreter can
/// run as a frame).
fn is_python_function(f: &Value) -> bool {
    matches!(f, Value::Obj(o) if matches!(&**o, Obj::Function(_)))
}
