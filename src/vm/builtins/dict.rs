//! `dict`: lookups that may run a user `__eq__` without holding a borrow,
//! the dict methods, views, `|`, repr and equality.
//!
//! Keys of builtin types compare natively ([`native_eq`]); only when a key
//! needs Python code are the candidates compared through the VM with the
//! table released, and the position re-checked afterwards.

use std::cell::RefCell;

use super::Methods;
use crate::vm::call::Args;
use crate::vm::dict::{Dict, DictStr};
use crate::vm::value::{DictIterKind, IterState, Obj, ObjRef, Value};
use crate::vm::{PyResult, Vm};

/// Equality of two keys when it needs no Python code; `None` otherwise.
pub fn native_eq(a: &Value, b: &Value) -> Option<bool> {
    if a.is(b) {
        return Some(true);
    }
    if let Some(r) = super::int::compare_numbers(a, b, crate::vm::code::CmpOp::Eq) {
        return Some(r);
    }
    if let Some(r) = super::complex::compare(a, b, crate::vm::code::CmpOp::Eq) {
        return r;
    }
    match (a, b) {
        (Value::Obj(x), Value::Obj(y)) => match (&**x, &**y) {
            (Obj::Str(s), Obj::Str(t)) => Some(s.s == t.s),
            (Obj::Bytes(s), Obj::Bytes(t)) => Some(s == t),
            (Obj::Range(r), Obj::Range(t)) => Some(super::range::equal(r, t)),
            (Obj::Tuple(s), Obj::Tuple(t)) => {
                if s.len() != t.len() {
                    return Some(false);
                }
                for (p, q) in s.iter().zip(t.iter()) {
                    if !native_eq(p, q)? {
                        return Some(false);
                    }
                }
                Some(true)
            }
            (Obj::Instance(_) | Obj::Native(_) | Obj::Exception(_), _)
            | (_, Obj::Instance(_) | Obj::Native(_) | Obj::Exception(_)) => None,
            (Obj::FrozenSet(_), Obj::FrozenSet(_)) => None,
            _ => Some(false),
        },
        (Value::Obj(o), _) | (_, Value::Obj(o)) => match &**o {
            Obj::Instance(_) | Obj::Native(_) => None,
            _ => Some(false),
        },
        _ => Some(false),
    }
}

fn cell(o: &ObjRef) -> Option<&RefCell<Dict>> {
    match &**o {
        Obj::Dict(d) => Some(d),
        _ => None,
    }
}

impl Vm {
    pub fn new_dict_value(&self) -> Value {
        Value::obj(Obj::Dict(RefCell::new(Dict::new())))
    }

    /// The position of `key` in dict `d` (hash already computed).
    fn dict_find(&mut self, d: &RefCell<Dict>, key: &Value, hash: i64) -> PyResult<Option<usize>> {
        let mut needs_vm = false;
        let pos = d.borrow().find_by(hash, |k| match native_eq(k, key) {
            Some(r) => r,
            None => {
                needs_vm = true;
                false
            }
        });
        if pos.is_some() || !needs_vm {
            return Ok(pos);
        }
        let candidates = d.borrow().candidates(hash);
        for p in candidates {
            let stored = match d.borrow().entry_at(p) {
                Some((k, _)) => k.clone(),
                None => continue,
            };
            if self.eq(&stored, key)? {
                let still = matches!(d.borrow().entry_at(p), Some((k, _)) if k.is(&stored));
                if still {
                    return Ok(Some(p));
                }
                return self.dict_find(d, key, hash);
            }
        }
        Ok(None)
    }

    /// `d.get(key)` for a dict object.
    pub fn dict_get(&mut self, d: &ObjRef, key: &Value) -> PyResult<Option<Value>> {
        let Some(c) = cell(d) else { return Ok(None) };
        if let Some(s) = key.as_str() {
            let hash = self.hash_of(key)?;
            return Ok(c.borrow().get_str(hash, s).cloned());
        }
        let hash = self.hash_of(key)?;
        let pos = self.dict_find(c, key, hash)?;
        Ok(pos.and_then(|p| c.borrow().entry_at(p).map(|(_, v)| v.clone())))
    }

    /// Looks a str key up by text.
    pub fn dict_get_str(&mut self, d: &ObjRef, name: &str) -> PyResult<Option<Value>> {
        let Some(c) = cell(d) else { return Ok(None) };
        let hash = crate::vm::ops::str_hash(name);
        Ok(c.borrow().get_str(hash, name).cloned())
    }

    /// `d[key] = value`.
    pub fn dict_set(&mut self, d: &ObjRef, key: Value, value: Value) -> PyResult<()> {
        let Some(c) = cell(d) else {
            return self.type_error("not a dict");
        };
        let hash = self.hash_of(&key)?;
        let pos = match key.as_str() {
            Some(s) => c.borrow().find_str(hash, s),
            None => self.dict_find(c, &key, hash)?,
        };
        match pos {
            Some(p) => {
                if let Some(slot) = c.borrow_mut().value_at_mut(p) {
                    *slot = value;
                }
            }
            None => {
                c.borrow_mut().insert_absent(key, hash, value);
            }
        }
        Ok(())
    }

    /// `del d[key]`; false if absent.
    pub fn dict_del(&mut self, d: &ObjRef, key: &Value) -> PyResult<bool> {
        Ok(self.dict_pop(d, key)?.is_some())
    }

    fn dict_pop(&mut self, d: &ObjRef, key: &Value) -> PyResult<Option<Value>> {
        let Some(c) = cell(d) else { return Ok(None) };
        let hash = self.hash_of(key)?;
        let pos = self.dict_find(c, key, hash)?;
        Ok(pos
            .and_then(|p| c.borrow_mut().remove_at(p))
            .map(|(_, v)| v))
    }

    /// Items of a dict object, in order.
    pub fn dict_items(&self, d: &ObjRef) -> Vec<(Value, Value)> {
        match cell(d) {
            Some(c) => c
                .borrow()
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
            None => Vec::new(),
        }
    }

    /// `dst.update(src)` / `{**src}` / `f(**src)` (`merge`: duplicate keys
    /// are an error naming the function).
    pub fn dict_update_from(
        &mut self,
        dst: &Value,
        src: &Value,
        merge: bool,
        callee: Option<Value>,
    ) -> PyResult<()> {
        let Some(d) = dst.as_obj().cloned() else {
            return Ok(());
        };
        let pairs = match self.mapping_items(src) {
            Ok(p) => p,
            Err(e) if merge && self.err_is(&e, "TypeError") => {
                let fname = self.callee_name(callee.as_ref());
                let t = self.type_name(src);
                return self.type_error(format!(
                    "{fname} argument after ** must be a mapping, not {t}"
                ));
            }
            Err(e) => return Err(e),
        };
        for (k, v) in pairs {
            if merge {
                if self.dict_get(&d, &k)?.is_some() {
                    let fname = self.callee_name(callee.as_ref());
                    let ks = self.str_of(&k)?;
                    return self.type_error(format!(
                        "{fname} got multiple values for keyword argument '{ks}'"
                    ));
                }
                if k.as_str().is_none() {
                    return self.type_error("keywords must be strings");
                }
            }
            self.dict_set(&d, k, v)?;
        }
        Ok(())
    }

    /// `module.qualname()` as CPython names a callee in call errors.
    fn callee_name(&mut self, callee: Option<&Value>) -> String {
        let Some(c) = callee else {
            return "function".into();
        };
        let qual = match self.get_attr_str(c, "__qualname__") {
            Ok(v) => v.as_str().unwrap_or("?").to_string(),
            Err(_) => return "function".into(),
        };
        match self.get_attr_str(c, "__module__") {
            Ok(m) if m.as_str().is_some_and(|m| m != "builtins") => {
                format!("{}.{qual}()", m.as_str().unwrap_or(""))
            }
            _ => format!("{qual}()"),
        }
    }

    /// (key, value) pairs of a mapping: a dict, or anything with `keys()`
    /// and `__getitem__`.
    pub fn mapping_items(&mut self, src: &Value) -> PyResult<Vec<(Value, Value)>> {
        if let Value::Obj(o) = src {
            if let Obj::Dict(_) = &**o {
                return Ok(self.dict_items(o));
            }
        }
        let keys_fn = match self.get_attr_str(src, "keys") {
            Ok(f) => f,
            Err(_) => {
                let t = self.type_name(src);
                return self.type_error(format!("'{t}' object is not a mapping"));
            }
        };
        let keys = self.call(&keys_fn, Args::new(vec![]))?;
        let keys = self.collect(&keys)?;
        let mut out = Vec::with_capacity(keys.len());
        for k in keys {
            let v = self.getitem(src, &k)?;
            out.push((k, v));
        }
        Ok(out)
    }
}

pub fn update_from(vm: &mut Vm, d: &ObjRef, src: &Value) -> PyResult<()> {
    let pairs = vm.mapping_items(src)?;
    for (k, v) in pairs {
        vm.dict_set(d, k, v)?;
    }
    Ok(())
}

pub fn repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    let Some(d) = v.as_obj() else {
        return Ok(String::new());
    };
    let items = vm.dict_items(d);
    super::list::repr_guard(v, "{...}", || {
        let mut out = String::from("{");
        for (i, (k, x)) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&vm.repr_of(k)?);
            out.push_str(": ");
            out.push_str(&vm.repr_of(x)?);
        }
        out.push('}');
        Ok(out)
    })
}

pub fn equal(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    let (Some(x), Some(y)) = (a.as_obj(), b.as_obj()) else {
        return Ok(false);
    };
    let items = vm.dict_items(x);
    if items.len() != vm.dict_items(y).len() {
        return Ok(false);
    }
    for (k, v) in items {
        match vm.dict_get(y, &k)? {
            Some(w) => {
                if !vm.eq(&v, &w)? {
                    return Ok(false);
                }
            }
            None => return Ok(false),
        }
    }
    Ok(true)
}

pub fn or(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    let Some(Obj::Dict(_)) = b.as_obj().map(|o| &**o) else {
        return Ok(None);
    };
    let r = vm.new_dict_value();
    let ro = r.as_obj().expect("dict").clone();
    update_from(vm, &ro, a)?;
    update_from(vm, &ro, b)?;
    Ok(Some(r))
}

pub fn getitem(vm: &mut Vm, d: &ObjRef, key: &Value) -> PyResult<Value> {
    match vm.dict_get(d, key)? {
        Some(v) => Ok(v),
        None => Err(vm.key_error(key.clone())),
    }
}

/// `__missing__` of dict subclasses is not simulated; `defaultdict` is a
/// module type of its own.
pub fn construct(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let kw = std::mem::take(&mut args.kw);
    vm.check_args("dict", &args, 0, 1)?;
    let r = vm.new_dict_value();
    let ro = r.as_obj().expect("dict").clone();
    if let Some(src) = args.pos.first() {
        fill_from(vm, &ro, src)?;
    }
    for (k, v) in kw {
        vm.dict_set(&ro, k, v)?;
    }
    Ok(r)
}

/// `dict(x)`: a mapping, or an iterable of pairs.
pub fn fill_from(vm: &mut Vm, d: &ObjRef, src: &Value) -> PyResult<()> {
    let is_mapping = matches!(src.as_obj().map(|o| &**o), Some(Obj::Dict(_)))
        || vm.get_attr_str(src, "keys").is_ok();
    if is_mapping {
        return update_from(vm, d, src);
    }
    let items = vm.collect(src)?;
    for (i, item) in items.iter().enumerate() {
        let pair = match vm.collect(item) {
            Ok(p) => p,
            Err(_) => {
                return vm.type_error(format!(
                    "cannot convert dictionary update sequence element #{i} to a sequence"
                ));
            }
        };
        if pair.len() != 2 {
            return vm.value_error(format!(
                "dictionary update sequence element #{i} has length {}; 2 is required",
                pair.len()
            ));
        }
        vm.dict_set(d, pair[0].clone(), pair[1].clone())?;
    }
    Ok(())
}

fn this<'a>(vm: &Vm, args: &'a Args, name: &str) -> PyResult<&'a ObjRef> {
    match args.pos.first() {
        Some(Value::Obj(o)) if matches!(&**o, Obj::Dict(_)) => Ok(o),
        _ => vm.type_error(format!(
            "descriptor '{name}' for 'dict' objects doesn't apply to a different object"
        )),
    }
}

fn get(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let d = this(vm, args, "get")?.clone();
    if args.pos.len() < 2 || args.pos.len() > 3 {
        return vm.type_error(format!(
            "get expected at least 1 argument, got {}",
            args.pos.len() - 1
        ));
    }
    let default = args.pos.get(2).cloned().unwrap_or(Value::None);
    Ok(vm.dict_get(&d, &args.pos[1].clone())?.unwrap_or(default))
}

fn setdefault(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let d = this(vm, args, "setdefault")?.clone();
    let key = args.pos.get(1).cloned().unwrap_or(Value::None);
    let default = args.pos.get(2).cloned().unwrap_or(Value::None);
    match vm.dict_get(&d, &key)? {
        Some(v) => Ok(v),
        None => {
            vm.dict_set(&d, key, default.clone())?;
            Ok(default)
        }
    }
}

fn pop(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let d = this(vm, args, "pop")?.clone();
    let Some(key) = args.pos.get(1).cloned() else {
        return vm.type_error("pop expected at least 1 argument, got 0");
    };
    match vm.dict_pop(&d, &key)? {
        Some(v) => Ok(v),
        None => match args.pos.get(2) {
            Some(default) => Ok(default.clone()),
            None => Err(vm.key_error(key)),
        },
    }
}

fn popitem(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let d = this(vm, args, "popitem")?.clone();
    let popped = cell(&d).and_then(|c| c.borrow_mut().pop_last());
    match popped {
        Some((k, v)) => Ok(Value::tuple(vec![k, v])),
        None => Err(vm.key_error(Value::str("popitem(): dictionary is empty"))),
    }
}

fn update(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let d = this(vm, args, "update")?.clone();
    if let Some(src) = args.pos.get(1).cloned() {
        fill_from(vm, &d, &src)?;
    }
    for (k, v) in std::mem::take(&mut args.kw) {
        vm.dict_set(&d, k, v)?;
    }
    Ok(Value::None)
}

fn view(vm: &mut Vm, args: &mut Args, what: DictIterKind) -> PyResult<Value> {
    let d = this(vm, args, "keys")?.clone();
    Ok(Value::obj(Obj::DictView(d, what)))
}

fn keys(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    view(vm, args, DictIterKind::Keys)
}
fn values(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    view(vm, args, DictIterKind::Values)
}
fn items(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    view(vm, args, DictIterKind::Items)
}

fn copy(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let d = this(vm, args, "copy")?.clone();
    let c = cell(&d).map(|c| c.borrow().clone()).unwrap_or_default();
    Ok(Value::obj(Obj::Dict(RefCell::new(c))))
}

fn clear(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let d = this(vm, args, "clear")?.clone();
    if let Some(c) = cell(&d) {
        c.borrow_mut().clear();
    }
    Ok(Value::None)
}

fn fromkeys(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    // A classmethod: args[0] is the class.
    let start = 1;
    let Some(src) = args.pos.get(start).cloned() else {
        return vm.type_error("fromkeys expected at least 1 argument, got 0");
    };
    let value = args.pos.get(start + 1).cloned().unwrap_or(Value::None);
    let r = vm.new_dict_value();
    let ro = r.as_obj().expect("dict").clone();
    for k in vm.collect(&src)? {
        vm.dict_set(&ro, k, value.clone())?;
    }
    Ok(r)
}

pub const DICT_METHODS: Methods = &[
    ("get", get),
    ("setdefault", setdefault),
    ("pop", pop),
    ("popitem", popitem),
    ("update", update),
    ("keys", keys),
    ("values", values),
    ("items", items),
    ("copy", copy),
    ("clear", clear),
];

pub const DICT_CLASS_METHODS: Methods = &[("fromkeys", fromkeys)];

/// An iterator over a dict (or a view of it).
pub fn iter(d: &ObjRef, what: DictIterKind) -> Value {
    let (version, len) = match cell(d) {
        Some(c) => (c.borrow().version(), c.borrow().len()),
        None => (0, 0),
    };
    Value::obj(Obj::Iter(RefCell::new(IterState::DictKeys {
        dict: d.clone(),
        pos: 0,
        version,
        len,
        what,
    })))
}

/// The next item of a dict iterator.
pub fn next(
    vm: &mut Vm,
    d: &ObjRef,
    pos: &mut usize,
    version: u64,
    len: usize,
    what: DictIterKind,
) -> PyResult<Option<Value>> {
    let Some(c) = cell(d) else { return Ok(None) };
    let t = c.borrow();
    if t.len() != len {
        drop(t);
        return Err(vm.error("RuntimeError", "dictionary changed size during iteration"));
    }
    let _ = version;
    match t.next_from(*pos) {
        Some((p, k, v)) => {
            *pos = p + 1;
            Ok(Some(match what {
                DictIterKind::Keys => k.clone(),
                DictIterKind::Values => v.clone(),
                DictIterKind::Items => Value::tuple(vec![k.clone(), v.clone()]),
            }))
        }
        None => Ok(None),
    }
}

/// `repr` of a dict view: `dict_keys(['a', 'b'])`.
pub fn view_repr(vm: &mut Vm, d: &ObjRef, what: DictIterKind) -> PyResult<String> {
    let items = view_items(vm, d, what);
    let name = match what {
        DictIterKind::Keys => "dict_keys",
        DictIterKind::Values => "dict_values",
        DictIterKind::Items => "dict_items",
    };
    let list = Value::list(items);
    Ok(format!("{name}({})", vm.repr_of(&list)?))
}

pub fn view_items(vm: &Vm, d: &ObjRef, what: DictIterKind) -> Vec<Value> {
    vm.dict_items(d)
        .into_iter()
        .map(|(k, v)| match what {
            DictIterKind::Keys => k,
            DictIterKind::Values => v,
            DictIterKind::Items => Value::tuple(vec![k, v]),
        })
        .collect()
}
