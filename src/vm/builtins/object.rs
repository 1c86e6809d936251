//! `object`, `type` (class creation: `type(name, bases, ns)`, metaclasses,
//! `__classcell__`, `__set_name__`), `property`, `super`, and the class
//! attributes every type has (`__name__`, `__mro__`, `__dict__`, …).

use std::cell::RefCell;
use std::rc::Rc;

use super::Methods;
use crate::vm::call::Args;
use crate::vm::dict::{Dict, DictStr};

use crate::vm::ops::str_hash;
use crate::vm::types::{c3_mro, is_subtype, lookup, mro_of, type_data};
use crate::vm::value::{Obj, ObjRef, Property, TypeData, TypeKind, Value};
use crate::vm::{PyResult, Vm};

/// A dict value copied from a namespace (for `__dict__` of types,
/// functions and exceptions).
pub fn dict_snapshot(_vm: &mut Vm, d: &RefCell<Dict>) -> Value {
    Value::obj(Obj::Dict(RefCell::new(d.borrow().clone())))
}

/// Same as [`dict_snapshot`]; instances share their dict object instead.
pub fn dict_snapshot_live(d: &RefCell<Dict>, _vm: &mut Vm) -> Value {
    Value::obj(Obj::Dict(RefCell::new(d.borrow().clone())))
}

/// `C.__name__`, `C.__mro__`, …
pub fn type_attr(vm: &mut Vm, cls: &ObjRef, name: &str) -> PyResult<Option<Value>> {
    let Some(td) = type_data(cls) else {
        return Ok(None);
    };
    Ok(match name {
        "__name__" => Some(Value::str(&td.name)),
        "__qualname__" => Some(Value::str(&td.qualname)),
        "__module__" => Some(Value::str(&td.module)),
        "__mro__" => Some(Value::tuple(mro_of(cls).cloned().map(Value::Obj).collect())),
        "__bases__" => Some(Value::tuple(
            td.bases.iter().cloned().map(Value::Obj).collect(),
        )),
        "__base__" => Some(
            td.bases
                .first()
                .cloned()
                .map(Value::Obj)
                .unwrap_or(Value::None),
        ),
        "__doc__" => Some(td.doc.as_deref().map(Value::str).unwrap_or(Value::None)),
        "__dict__" => Some(dict_snapshot(vm, &td.dict)),
        "__annotations__" => Some(vm.new_dict_value()),
        _ => None,
    })
}

/// `type(name, bases, ns)` and `type.__new__(mcs, name, bases, ns)`.
pub fn type_new(vm: &mut Vm, metatype: &ObjRef, args: Args) -> PyResult<Value> {
    if args.pos.len() == 1 && args.kw.is_empty() {
        return Ok(Value::Obj(vm.type_of(&args.pos[0])));
    }
    if args.pos.len() != 3 {
        return vm.type_error("type() takes 1 or 3 arguments");
    }
    let Some(name) = args.pos[0].as_str().map(Rc::<str>::from) else {
        let t = vm.type_name(&args.pos[0]);
        return vm.type_error(format!("type.__new__() argument 1 must be str, not {t}"));
    };
    let Some(bases) = args.pos[1].as_tuple().map(|t| t.to_vec()) else {
        return vm.type_error("type.__new__() argument 2 must be tuple");
    };
    let Some(ns) = args.pos[2]
        .as_obj()
        .filter(|o| matches!(&***o, Obj::Dict(_)))
        .cloned()
    else {
        return vm.type_error("type.__new__() argument 3 must be dict");
    };
    new_class(vm, metatype, name, bases, &ns)
}

fn new_class(
    vm: &mut Vm,
    metatype: &ObjRef,
    name: Rc<str>,
    bases: Vec<Value>,
    ns: &ObjRef,
) -> PyResult<Value> {
    new_class_kw(vm, metatype, name, bases, ns, Vec::new())
}

fn new_class_kw(
    vm: &mut Vm,
    metatype: &ObjRef,
    name: Rc<str>,
    bases: Vec<Value>,
    ns: &ObjRef,
    class_kw: Vec<(Value, Value)>,
) -> PyResult<Value> {
    let mut base_types: Vec<ObjRef> = Vec::new();
    for b in &bases {
        match b.as_obj() {
            Some(o) if matches!(&**o, Obj::Type(_)) => {
                let td = type_data(o).expect("type");
                if matches!(
                    td.kind,
                    TypeKind::Bool
                        | TypeKind::Range
                        | TypeKind::Slice
                        | TypeKind::Function
                        | TypeKind::Generator
                        | TypeKind::NoneType
                ) {
                    return vm
                        .type_error(format!("type '{}' is not an acceptable base type", td.name));
                }
                base_types.push(o.clone());
            }
            _ => {
                let r = vm.repr_of(b)?;
                let _ = r;
                return vm.type_error("bases must be types");
            }
        }
    }
    if base_types.is_empty() {
        base_types.push(vm.types.object.clone());
    }
    let mro = match c3_mro(&base_types) {
        Ok(m) => m,
        Err(msg) => return vm.type_error(msg),
    };
    let exc_base = vm.types.exc("BaseException");
    let base_kind = if mro.iter().any(|c| Rc::ptr_eq(c, &exc_base)) {
        TypeKind::Exception
    } else {
        mro.iter()
            .filter_map(type_data)
            .map(|t| t.base_kind)
            .find(|k| *k != TypeKind::Object)
            .unwrap_or(TypeKind::Object)
    };
    let items = vm.dict_items(ns);
    let mut dict = Dict::new();
    let mut qualname = name.clone();
    let mut module: Rc<str> = "__main__".into();
    let mut doc = None;
    let mut classcell = None;
    let mut has_eq = false;
    let mut has_hash = false;
    let mut has_getattribute = false;
    for (k, v) in items {
        match k.as_str() {
            Some("__qualname__") => {
                if let Some(q) = v.as_str() {
                    qualname = q.into();
                }
                continue;
            }
            Some("__classcell__") => {
                classcell = Some(v);
                continue;
            }
            Some("__module__") => {
                if let Some(m) = v.as_str() {
                    module = m.into();
                }
            }
            Some("__doc__") => doc = v.as_str().map(Rc::from),
            Some("__eq__") => has_eq = true,
            Some("__hash__") => has_hash = true,
            Some("__getattribute__") => has_getattribute = true,
            _ => {}
        }
        // Plain functions named __new__ / __init_subclass__ / __class_getitem__ are implicitly static/class methods.
        let v = match (k.as_str(), v.as_obj().map(|o| &**o)) {
            (Some("__new__"), Some(Obj::Function(_))) => Value::obj(Obj::StaticMethod(v)),
            (Some("__init_subclass__" | "__class_getitem__"), Some(Obj::Function(_))) => {
                Value::obj(Obj::ClassMethod(v))
            }
            _ => v,
        };
        let hash = vm.hash_of(&k)?;
        dict.insert_absent(k, hash, v);
    }
    if has_eq && !has_hash {
        let k = vm.intern("__hash__");
        dict.insert_absent(k, str_hash("__hash__"), Value::None);
    }
    let metaclass = if Rc::ptr_eq(metatype, &vm.types.type_) {
        None
    } else {
        Some(metatype.clone())
    };
    let slots: Option<Vec<Rc<str>>> =
        match dict.get_str(str_hash("__slots__"), "__slots__").cloned() {
            Some(v) => {
                let names = match v.as_str() {
                    Some(s) => vec![Value::str(s)],
                    None => vm.collect(&v)?,
                };
                Some(
                    names
                        .iter()
                        .filter_map(|n| n.as_str().map(Rc::from))
                        .collect(),
                )
            }
            None => None,
        };
    // One member descriptor per own slot, indexed after the bases' slots.
    if let Some(names) = &slots {
        let inherited: usize = base_types
            .iter()
            .flat_map(|b| mro_of(b).cloned().collect::<Vec<_>>())
            .filter_map(|c| type_data(&c).and_then(|t| t.slots.as_ref().map(Vec::len)))
            .sum();
        let member_class = vm.member_descriptor_class();
        for (i, n) in names.iter().enumerate() {
            if &**n == "__dict__" || &**n == "__weakref__" {
                continue;
            }
            let d = vm.new_native(
                &member_class,
                crate::vm::value::MemberDescr {
                    name: n.clone(),
                    index: inherited + i,
                },
            );
            let k = vm.intern(n);
            let h = str_hash(n);
            match dict.find_str(h, n) {
                Some(_) => {
                    return vm
                        .value_error(format!("'{n}' in __slots__ conflicts with class variable"));
                }
                None => {
                    dict.insert_absent(k, h, d);
                }
            }
        }
    }
    let cls = Rc::new(Obj::Type(Box::new(TypeData {
        name,
        qualname,
        module,
        kind: TypeKind::User,
        base_kind,
        bases: base_types,
        mro,
        dict: RefCell::new(dict),
        doc,
        metaclass,
        subclasses: RefCell::new(Vec::new()),
        slots,
    })));
    if has_getattribute {
        vm.getattribute_classes
            .push(Rc::as_ptr(&cls) as *const () as usize);
    }
    if let Some(td) = type_data(&cls) {
        for b in &td.bases {
            if let Some(bd) = type_data(b) {
                bd.subclasses.borrow_mut().push(Rc::downgrade(&cls));
            }
        }
    }
    if let Some(Value::Obj(c)) = classcell {
        if let Obj::Cell(c) = &*c {
            *c.borrow_mut() = Value::Obj(cls.clone());
        }
    }
    // __set_name__ on descriptors defined in the body.
    let entries: Vec<(Value, Value)> = type_data(&cls)
        .map(|t| {
            t.dict
                .borrow()
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect()
        })
        .unwrap_or_default();
    for (k, v) in entries {
        if vm.has_user_special(&v, "__set_name__") {
            if let Some(f) = vm.special(&v, "__set_name__") {
                vm.call(&f, Args::new(vec![Value::Obj(cls.clone()), k]))?;
            }
        }
    }
    // __init_subclass__ of a parent class.
    if let Some(td) = type_data(&cls) {
        for parent in td.mro.iter() {
            if let Some(Value::Obj(f)) = type_data(parent).and_then(|p| {
                p.dict
                    .borrow()
                    .get_str(str_hash("__init_subclass__"), "__init_subclass__")
                    .cloned()
            }) {
                if let Obj::ClassMethod(func) = &*f {
                    let bound = vm.bind(func.clone(), Value::Obj(cls.clone()));
                    vm.call(
                        &bound,
                        Args {
                            pos: vec![],
                            kw: class_kw,
                        },
                    )?;
                }
                break;
            }
        }
    }
    Ok(Value::Obj(cls))
}

/// `__build_class__(func, name, *bases, metaclass=..., **kw)`: runs the
/// class body in a fresh namespace, then calls the metaclass.
pub fn build_class(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    if args.pos.len() < 2 {
        return vm.type_error("__build_class__: not enough arguments");
    }
    let func = args.pos[0].clone();
    let name = args.pos[1].clone();
    let bases: Vec<Value> = args.pos[2..].to_vec();
    let explicit_meta = args.take_kw("metaclass");
    let Some(Obj::Function(f)) = func.as_obj().map(|o| &**o) else {
        return vm.type_error("__build_class__: func must be a function");
    };
    let meta = match explicit_meta {
        Some(Value::Obj(m)) => m,
        _ => {
            // The most derived metaclass among the bases.
            let mut meta = vm.types.type_.clone();
            for b in &bases {
                let t = vm.type_of(b);
                if is_subtype(&t, &meta) {
                    meta = t;
                }
            }
            meta
        }
    };
    let ns = vm.new_dict_value();
    let ns_obj = ns.as_obj().expect("dict").clone();
    let mut frame =
        crate::vm::frame::Frame::new(f.code.clone(), f.globals.clone(), Some(ns_obj.clone()));
    let code = &f.code.obj;
    let mut cells: Vec<ObjRef> = code
        .cellvars
        .iter()
        .map(|_| Rc::new(Obj::Cell(RefCell::new(Value::Null))))
        .collect();
    cells.extend(f.closure.iter().cloned());
    frame.cells = cells;
    vm.run_frame_nested(frame)?;
    let call_args = Args {
        pos: vec![name, Value::tuple(bases), ns],
        kw: std::mem::take(&mut args.kw),
    };
    if Rc::ptr_eq(&meta, &vm.types.type_) {
        let Obj::Type(_) = &*meta else {
            return vm.type_error("metaclass is not a type");
        };
        let (n, b, d) = (
            call_args.pos[0].clone(),
            call_args.pos[1].clone(),
            call_args.pos[2].clone(),
        );
        let name: Rc<str> = n.as_str().unwrap_or("?").into();
        let bases = b.as_tuple().map(|t| t.to_vec()).unwrap_or_default();
        let d = d.as_obj().expect("dict").clone();
        return new_class_kw(vm, &meta, name, bases, &d, call_args.kw);
    }
    vm.call(&Value::Obj(meta), call_args)
}

fn object_init(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    if args.pos.len() > 1 || !args.kw.is_empty() {
        return vm.type_error(
            "object.__init__() takes exactly one argument (the instance to initialize)",
        );
    }
    Ok(Value::None)
}

fn object_new(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let Some(Value::Obj(cls)) = args.pos.first().cloned() else {
        return vm.type_error("object.__new__(): not enough arguments");
    };
    if type_data(&cls).is_none() {
        return vm.type_error("object.__new__(X): X is not a type object");
    }
    vm.object_new(&cls, &Args::new(vec![]))
}

fn object_eq(_vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let (a, b) = (
        args.pos.first().cloned().unwrap_or(Value::None),
        args.pos.get(1).cloned().unwrap_or(Value::None),
    );
    Ok(if a.is(&b) {
        Value::Bool(true)
    } else {
        _vm.not_implemented()
    })
}

fn object_ne(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let (a, b) = (
        args.pos.first().cloned().unwrap_or(Value::None),
        args.pos.get(1).cloned().unwrap_or(Value::None),
    );
    let r = vm.compare(&a, &b, crate::vm::code::CmpOp::Eq)?;
    if vm.is_not_implemented(&r) {
        return Ok(r);
    }
    Ok(Value::Bool(!vm.truthy(&r)?))
}

fn object_hash(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let a = args.pos.first().cloned().unwrap_or(Value::None);
    Ok(Value::Int(vm.identity_hash(&a)))
}

fn object_repr(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let a = args.pos.first().cloned().unwrap_or(Value::None);
    Ok(Value::string(vm.default_repr(&a)))
}

fn object_str(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let a = args.pos.first().cloned().unwrap_or(Value::None);
    vm.repr_of(&a).map(Value::string)
}

fn object_setattr(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    if args.pos.len() != 3 {
        return vm.type_error(format!(
            "expected 2 arguments, got {}",
            args.pos.len().saturating_sub(1)
        ));
    }
    let (obj, name, value) = (
        args.pos[0].clone(),
        args.pos[1].clone(),
        args.pos[2].clone(),
    );
    let Some(n) = name.as_str().map(str::to_string) else {
        let t = vm.type_name(&name);
        return vm.type_error(format!("attribute name must be string, not '{t}'"));
    };
    // Data descriptors (properties) still apply.
    let t = vm.type_of(&obj);
    if let Some(Value::Obj(d)) = lookup(&t, str_hash(&n), &n) {
        if let Obj::Property(p) = &*d {
            let fset = p.fset.clone();
            if fset.is_none() {
                let tn = vm.type_name(&obj);
                return vm.error_val(
                    "AttributeError",
                    &format!("property '{n}' of '{tn}' object has no setter"),
                );
            }
            vm.call(&fset, Args::new(vec![obj, value]))?;
            return Ok(Value::None);
        }
    }
    vm.store_attr_raw(&obj, name, &n, value)?;
    Ok(Value::None)
}

fn object_getattribute(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let (obj, name) = (
        args.pos.first().cloned().unwrap_or(Value::None),
        args.pos.get(1).cloned().unwrap_or(Value::None),
    );
    vm.generic_get_attr(&obj, &name)
}

fn object_delattr(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let (obj, name) = (
        args.pos.first().cloned().unwrap_or(Value::None),
        args.pos.get(1).cloned().unwrap_or(Value::None),
    );
    vm.generic_del_attr(&obj, &name)?;
    Ok(Value::None)
}

fn object_format(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let obj = args.pos.first().cloned().unwrap_or(Value::None);
    let spec = args
        .pos
        .get(1)
        .and_then(|s| s.as_str())
        .unwrap_or("")
        .to_string();
    if !spec.is_empty() {
        let t = vm.type_name(&obj);
        return vm.type_error(format!(
            "unsupported format string passed to {t}.__format__"
        ));
    }
    vm.str_of(&obj).map(Value::string)
}

fn object_init_subclass(_vm: &mut Vm, _args: &mut Args) -> PyResult<Value> {
    Ok(Value::None)
}

fn object_dir(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let obj = args.pos.first().cloned().unwrap_or(Value::None);
    super::functions::dir_of(vm, &obj)
}

pub const OBJECT_METHODS: Methods = &[
    ("__init__", object_init),
    ("__new__", object_new),
    ("__eq__", object_eq),
    ("__ne__", object_ne),
    ("__hash__", object_hash),
    ("__repr__", object_repr),
    ("__str__", object_str),
    ("__setattr__", object_setattr),
    ("__getattribute__", object_getattribute),
    ("__delattr__", object_delattr),
    ("__format__", object_format),
    ("__init_subclass__", object_init_subclass),
    ("__dir__", object_dir),
];

fn type_mro(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    match args.pos.first() {
        Some(Value::Obj(c)) if type_data(c).is_some() => {
            Ok(Value::list(mro_of(c).cloned().map(Value::Obj).collect()))
        }
        _ => vm.type_error("descriptor 'mro' requires a 'type' object"),
    }
}

fn type_dunder_new(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let Some(Value::Obj(meta)) = args.pos.first().cloned() else {
        return vm.type_error("type.__new__(): not enough arguments");
    };
    let rest = Args {
        pos: args.pos[1..].to_vec(),
        kw: std::mem::take(&mut args.kw),
    };
    type_new(vm, &meta, rest)
}

fn type_dunder_call(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let Some(cls) = args.pos.first().cloned() else {
        return vm.type_error("type.__call__(): not enough arguments");
    };
    let rest = Args {
        pos: args.pos[1..].to_vec(),
        kw: std::mem::take(&mut args.kw),
    };
    vm.instantiate(&cls, rest)
}

fn type_subclasses(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let Some(Value::Obj(c)) = args.pos.first() else {
        return vm.type_error("descriptor '__subclasses__' needs a type");
    };
    let Some(td) = type_data(c) else {
        return vm.type_error("descriptor '__subclasses__' needs a type");
    };
    let subs: Vec<Value> = td
        .subclasses
        .borrow()
        .iter()
        .filter_map(|w| w.upgrade())
        .map(Value::Obj)
        .collect();
    Ok(Value::list(subs))
}

fn type_init(_vm: &mut Vm, _args: &mut Args) -> PyResult<Value> {
    Ok(Value::None)
}

pub const TYPE_METHODS: Methods = &[
    ("mro", type_mro),
    ("__new__", type_dunder_new),
    ("__call__", type_dunder_call),
    ("__init__", type_init),
    ("__subclasses__", type_subclasses),
];

/// `property(fget=None, fset=None, fdel=None, doc=None)`.
pub fn property_new(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let fget = args.arg(0, "fget").unwrap_or(Value::None);
    let fset = args.arg(1, "fset").unwrap_or(Value::None);
    let fdel = args.arg(2, "fdel").unwrap_or(Value::None);
    let mut doc = args.arg(3, "doc").unwrap_or(Value::None);
    if doc.is_none() && !fget.is_none() {
        doc = vm.get_attr_str(&fget, "__doc__").unwrap_or(Value::None);
    }
    Ok(Value::obj(Obj::Property(Box::new(Property {
        fget,
        fset,
        fdel,
        doc,
    }))))
}

fn property_with(vm: &mut Vm, args: &mut Args, which: usize) -> PyResult<Value> {
    let Some(Obj::Property(p)) = args.pos.first().and_then(|v| v.as_obj()).map(|o| &**o) else {
        return vm.type_error("descriptor requires a 'property' object");
    };
    let f = args.pos.get(1).cloned().unwrap_or(Value::None);
    let mut n = Property {
        fget: p.fget.clone(),
        fset: p.fset.clone(),
        fdel: p.fdel.clone(),
        doc: p.doc.clone(),
    };
    match which {
        0 => n.fget = f,
        1 => n.fset = f,
        _ => n.fdel = f,
    }
    Ok(Value::obj(Obj::Property(Box::new(n))))
}

fn property_getter(vm: &mut Vm, a: &mut Args) -> PyResult<Value> {
    property_with(vm, a, 0)
}
fn property_setter(vm: &mut Vm, a: &mut Args) -> PyResult<Value> {
    property_with(vm, a, 1)
}
fn property_deleter(vm: &mut Vm, a: &mut Args) -> PyResult<Value> {
    property_with(vm, a, 2)
}

fn property_get(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let Some(Obj::Property(p)) = args.pos.first().and_then(|v| v.as_obj()).map(|o| &**o) else {
        return vm.type_error("descriptor requires a 'property' object");
    };
    let obj = args.pos.get(1).cloned().unwrap_or(Value::None);
    if obj.is_none() {
        return Ok(args.pos[0].clone());
    }
    let fget = p.fget.clone();
    vm.call(&fget, Args::new(vec![obj]))
}

pub const PROPERTY_METHODS: Methods = &[
    ("getter", property_getter),
    ("setter", property_setter),
    ("deleter", property_deleter),
    ("__get__", property_get),
];

/// `super(cls, obj)` (the zero-argument form is resolved by the caller).
pub fn super_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.pos.len() != 2 {
        return vm.error_val("RuntimeError", "super(): no arguments");
    }
    let Some(cls) = args.pos[0]
        .as_obj()
        .filter(|o| type_data(o).is_some())
        .cloned()
    else {
        let t = vm.type_name(&args.pos[0]);
        return vm.type_error(format!("super() argument 1 must be a type, not {t}"));
    };
    let obj = args.pos[1].clone();
    let ot = match &obj {
        Value::Obj(o) if type_data(o).is_some() => o.clone(),
        _ => vm.type_of(&obj),
    };
    if !is_subtype(&ot, &cls) {
        return vm.type_error("super(type, obj): obj must be an instance or subtype of type");
    }
    Ok(Value::obj(Obj::Super(Box::new((cls, obj)))))
}

/// Attribute lookup through `super()`: the MRO of the object's type after
/// the given class.
pub fn super_attr(vm: &mut Vm, o: &ObjRef, name: &str) -> PyResult<Option<Value>> {
    let Obj::Super(s) = &**o else { return Ok(None) };
    let (start, obj) = (&s.0, &s.1);
    let obj_is_type = matches!(obj, Value::Obj(t) if type_data(t).is_some());
    let t = if obj_is_type {
        obj.as_obj().expect("type").clone()
    } else {
        vm.type_of(obj)
    };
    let hash = str_hash(name);
    let mut after = false;
    for c in mro_of(&t) {
        if after {
            if let Some(v) =
                type_data(c).and_then(|td| td.dict.borrow().get_str(hash, name).cloned())
            {
                return Ok(Some(match &v {
                    Value::Obj(f) => match &**f {
                        Obj::Function(_) | Obj::Builtin(_) if !obj_is_type => {
                            vm.bind(v.clone(), obj.clone())
                        }
                        Obj::Builtin(_) if obj_is_type && name == "__new__" => v.clone(),
                        Obj::ClassMethod(func) => vm.bind(func.clone(), Value::Obj(t.clone())),
                        Obj::StaticMethod(func) => func.clone(),
                        Obj::Property(p) if !obj_is_type => {
                            let fget = p.fget.clone();
                            return vm.call(&fget, Args::new(vec![obj.clone()])).map(Some);
                        }
                        _ => v.clone(),
                    },
                    _ => v.clone(),
                }));
            }
        }
        if Rc::ptr_eq(c, start) {
            after = true;
        }
    }
    Ok(None)
}
