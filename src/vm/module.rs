//! Modules: the import machinery (`import x`, `from x import y`, `*`),
//! the registry of simulated modules, the `sys` module, and native classes
//! (types implemented in Rust for simulated modules, whose special methods
//! are builtins honoured like a user class's).
//!
//! Module factories are registered by the layer that builds the VM (the
//! `stdlib` modules register themselves there); the VM never depends on
//! `stdlib`.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use super::builtins::Methods;
use super::call::Args;
use super::dict::Dict;
use super::value::{Builtin, Module, NativeObj, Obj, ObjRef, TypeData, TypeKind, Value};
use super::{PyErr, PyResult, Vm};

/// Builds a module's namespace; called once, on first import.
pub type ModuleFactory = fn(&mut Vm, &ObjRef) -> PyResult<()>;

/// Modules of CPython's standard library that exist but are not simulated
/// (yet): importing them says so instead of "No module named".
const KNOWN_UNSIMULATED: &[&str] = &[
    "io",
    "socket",
    "select",
    "subprocess",
    "signal",
    "ctypes",
    "sqlite3",
    "urllib",
    "http",
    "email",
    "pickle",
    "copy",
    "re",
    "datetime",
    "decimal",
    "fractions",
    "statistics",
    "typing",
    "enum",
    "abc",
    "contextlib",
    "textwrap",
    "pathlib",
    "shutil",
    "tempfile",
    "logging",
    "unittest",
    "argparse",
    "csv",
    "struct",
    "array",
    "weakref",
    "gc",
    "inspect",
    "traceback",
    "warnings",
    "bisect",
    "pprint",
    "uuid",
    "hashlib",
    "base64",
    "zlib",
    "multiprocessing",
    "sched",
    "timeit",
    "platform",
];

impl Vm {
    /// Registers a module factory under `name`.
    pub fn register_module(&mut self, name: &'static str, factory: ModuleFactory) {
        self.module_factories.insert(name, factory);
    }

    /// A new empty module object.
    pub fn new_module(&mut self, name: &str) -> ObjRef {
        let dict = Rc::new(Obj::Dict(RefCell::new(Dict::new())));
        let k = self.intern("__name__");
        let _ = self.dict_set(&dict, k, Value::str(name));
        Rc::new(Obj::Module(Module {
            name: name.into(),
            dict,
        }))
    }

    /// Sets `name` in a module's namespace.
    pub fn module_set(&mut self, module: &ObjRef, name: &str, v: Value) {
        if let Obj::Module(m) = &**module {
            let k = self.intern(name);
            let _ = self.dict_set(&m.dict.clone(), k, v);
        }
    }

    /// Adds builtin functions to a module.
    pub fn module_functions(&mut self, module: &ObjRef, functions: Methods) {
        for &(name, func) in functions {
            self.module_set(
                module,
                name,
                Value::obj(Obj::Builtin(Builtin {
                    name,
                    owner: None,
                    func,
                    bound: None,
                })),
            );
        }
    }

    /// `import name` (absolute, dotted names allowed): the module itself.
    pub fn import_module(&mut self, name: &str) -> PyResult<Value> {
        if let Some(m) = self.modules.get(name) {
            return Ok(m.clone());
        }
        let factory = self.module_factories.get(name).copied();
        match factory {
            Some(f) => {
                let m = self.new_module(name);
                self.modules.insert(name.into(), Value::Obj(m.clone()));
                if let Err(e) = f(self, &m) {
                    self.modules.remove(name);
                    return Err(e);
                }
                self.note_in_sys_modules(name, &Value::Obj(m.clone()));
                Ok(Value::Obj(m))
            }
            None => {
                let top = name.split('.').next().unwrap_or(name);
                if KNOWN_UNSIMULATED.contains(&top) {
                    Err(self.error(
                        "NotImplementedError",
                        format!("module '{name}' is not simulated"),
                    ))
                } else {
                    let e = self.new_exception(
                        self.types.exc("ModuleNotFoundError"),
                        vec![Value::string(format!("No module named '{name}'"))],
                    );
                    Err(PyErr::Exc(e))
                }
            }
        }
    }

    /// Mirrors a newly imported module into `sys.modules`, once `sys` is
    /// loaded (`make_sys` copies the modules loaded before it).
    fn note_in_sys_modules(&mut self, name: &str, m: &Value) {
        let Some(Value::Obj(sys)) = self.modules.get("sys").cloned() else {
            return;
        };
        let Obj::Module(sm) = &*sys else { return };
        if let Ok(Some(Value::Obj(d))) = self.dict_get_str(&sm.dict.clone(), "modules") {
            let _ = self.dict_set(&d, Value::str(name), m.clone());
        }
    }

    /// `ImportName`: `import a.b` binds `a` (no fromlist); `from a.b import
    /// x` gets `a.b`.
    pub fn import_name(
        &mut self,
        name: &str,
        fromlist: &Value,
        level: &Value,
        _globals: &ObjRef,
    ) -> PyResult<Value> {
        if matches!(level, Value::Int(l) if *l > 0) {
            return Err(self.error(
                "ImportError",
                "attempted relative import with no known parent package",
            ));
        }
        let mut parts = name.split('.');
        let top = parts.next().unwrap_or(name).to_string();
        let top_mod = self.import_module(&top)?;
        let mut path = top.clone();
        let mut parent = top_mod.clone();
        for p in parts {
            path.push('.');
            path.push_str(p);
            let sub = self.import_module(&path)?;
            if let Some(po) = parent.as_obj().cloned() {
                self.module_set(&po, p, sub.clone());
            }
            parent = sub;
        }
        let has_fromlist =
            !fromlist.is_none() && fromlist.as_tuple().map(|t| !t.is_empty()).unwrap_or(true);
        Ok(if has_fromlist { parent } else { top_mod })
    }

    /// `ImportFrom`: attribute `name` of module `m`, or a submodule.
    pub fn import_from(&mut self, m: &Value, name: &Value) -> PyResult<Value> {
        match self.get_attr(m, name) {
            Ok(v) => Ok(v),
            Err(e) if self.err_is(&e, "AttributeError") => {
                let n = name.as_str().unwrap_or("?").to_string();
                let mname = match m.as_obj().map(|o| &**o) {
                    Some(Obj::Module(md)) => md.name.to_string(),
                    _ => "?".into(),
                };
                let full = format!("{mname}.{n}");
                if self.module_factories.contains_key(full.as_str()) {
                    return self.import_module(&full);
                }
                Err(self.error(
                    "ImportError",
                    format!("cannot import name '{n}' from '{mname}' (unknown location)"),
                ))
            }
            Err(e) => Err(e),
        }
    }

    /// `from m import *`.
    pub fn import_star(&mut self, m: &Value, target: &ObjRef) -> PyResult<()> {
        let Some(Obj::Module(md)) = m.as_obj().map(|o| &**o) else {
            return Ok(());
        };
        let all = self.dict_get_str(&md.dict.clone(), "__all__")?;
        let names: Vec<Value> = match all {
            Some(a) => self.collect(&a)?,
            None => self
                .dict_items(&md.dict)
                .into_iter()
                .map(|(k, _)| k)
                .filter(|k| k.as_str().is_some_and(|s| !s.starts_with('_')))
                .collect(),
        };
        for n in names {
            let v = self.get_attr(m, &n)?;
            self.dict_set(target, n, v)?;
        }
        Ok(())
    }

    /// A class implemented in Rust, for a simulated module.
    pub fn new_native_class(
        &mut self,
        name: &str,
        module: &str,
        methods: Methods,
        base: Option<ObjRef>,
    ) -> ObjRef {
        let base = base.unwrap_or_else(|| self.types.object.clone());
        let mut mro = vec![base.clone()];
        if let Some(td) = super::types::type_data(&base) {
            mro.extend(td.mro.iter().cloned());
        }
        let base_kind = super::types::type_data(&base)
            .map(|t| t.base_kind)
            .unwrap_or(TypeKind::Object);
        let mut dict = Dict::new();
        for &(mname, func) in methods {
            let k = self.intern(mname);
            let owner = static_name(name);
            dict.insert_absent(
                k,
                super::ops::str_hash(mname),
                Value::obj(Obj::Builtin(Builtin {
                    name: mname,
                    owner: Some(owner),
                    func,
                    bound: None,
                })),
            );
        }
        Rc::new(Obj::Type(Box::new(TypeData {
            name: name.into(),
            qualname: name.into(),
            module: module.into(),
            kind: TypeKind::User,
            base_kind,
            bases: vec![base],
            mro,
            dict: RefCell::new(dict),
            doc: None,
            metaclass: None,
            subclasses: RefCell::new(Vec::new()),
            slots: None,
        })))
    }

    /// The `member_descriptor` class of `__slots__` attributes (made once).
    pub fn member_descriptor_class(&mut self) -> ObjRef {
        if let Some(Value::Obj(c)) = self.modules.get("<member_descriptor class>") {
            return c.clone();
        }
        let c = self.new_native_class("member_descriptor", "builtins", &[], None);
        self.modules
            .insert("<member_descriptor class>".into(), Value::Obj(c.clone()));
        c
    }

    /// The `traceback` class (made once).
    pub fn traceback_class(&mut self) -> ObjRef {
        if let Some(Value::Obj(c)) = self.modules.get("<traceback class>") {
            return c.clone();
        }
        let c = self.new_native_class("traceback", "builtins", &[], None);
        self.modules
            .insert("<traceback class>".into(), Value::Obj(c.clone()));
        c
    }

    /// An instance of a native class holding Rust state.
    pub fn new_native(&self, class: &ObjRef, data: impl std::any::Any) -> Value {
        Value::obj(Obj::Native(Box::new(NativeObj {
            class: class.clone(),
            dict: RefCell::new(Dict::new()),
            data: RefCell::new(Box::new(data)),
        })))
    }
}

/// The Rust state of a native object, if it is a `T`.
pub fn native_data<T: 'static, R>(v: &Value, f: impl FnOnce(&mut T) -> R) -> Option<R> {
    let Some(Obj::Native(n)) = v.as_obj().map(|o| &**o) else {
        return None;
    };
    let mut data = n.data.borrow_mut();
    data.downcast_mut::<T>().map(f)
}

/// `sys.stdout` / `sys.stderr`.
pub struct StdStream {
    pub stderr: bool,
}

/// What the program put in `sys.stdout` in place of the process's
/// stdout (a file, a `StringIO`), if it did.
fn redirected_stdout(vm: &mut Vm) -> Option<Value> {
    // A program that never imported sys cannot have replaced it.
    let sys = vm.modules.get("sys")?.clone();
    let stdout = vm.get_attr_str(&sys, "stdout").ok()?;
    native_data(&stdout, |_: &mut StdStream| ())
        .is_none()
        .then_some(stdout)
}

/// Writes `s` to `file` (None: `sys.stdout`), as `print(..., file=f)`
/// does.
pub fn write_to(vm: &mut Vm, file: Option<&Value>, s: &str) -> PyResult<()> {
    let redirected = match file {
        None => redirected_stdout(vm),
        Some(_) => None,
    };
    match file.or(redirected.as_ref()) {
        None => {
            vm.write_stdout(s);
            Ok(())
        }
        Some(f) => {
            if let Some(stderr) = native_data(f, |st: &mut StdStream| st.stderr) {
                if stderr {
                    vm.write_stderr(s);
                } else {
                    vm.write_stdout(s);
                }
                return Ok(());
            }
            let w = vm.get_attr_str(f, "write")?;
            vm.call(&w, Args::new(vec![Value::str(s)]))?;
            Ok(())
        }
    }
}

fn stream_write(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let Some(me) = args.pos.first().cloned() else {
        return vm.type_error("write() needs self");
    };
    let Some(s) = args.pos.get(1).and_then(|v| v.as_str()).map(str::to_string) else {
        let t = args.pos.get(1).map(|v| vm.type_name(v)).unwrap_or_default();
        return vm.type_error(format!("write() argument must be str, not {t}"));
    };
    write_to(vm, Some(&me), &s)?;
    Ok(Value::Int(s.chars().count() as i64))
}

fn stream_flush(_vm: &mut Vm, _args: &mut Args) -> PyResult<Value> {
    Ok(Value::None)
}

const STREAM_METHODS: Methods = &[("write", stream_write), ("flush", stream_flush)];

fn sys_exit(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let code = args.pos.first().cloned().into_iter().collect();
    Err(PyErr::Exc(
        vm.new_exception(vm.types.exc("SystemExit"), code),
    ))
}

fn sys_getswitchinterval(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    vm.check_args("sys.getswitchinterval", args, 0, 0)?;
    // CPython keeps the interval in whole microseconds.
    Ok(Value::Float(
        1e-6 * (vm.sched.switch_interval_ns / 1000) as f64,
    ))
}

/// `sys.setswitchinterval(seconds)`: read by the runtime at every GIL wait.
fn sys_setswitchinterval(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    vm.check_args("sys.setswitchinterval", args, 1, 1)?;
    let secs = match &args.pos[0] {
        Value::Int(i) => *i as f64,
        Value::Float(f) => *f,
        Value::Bool(b) => f64::from(u8::from(*b)),
        other => {
            let t = vm.type_name(other);
            return vm.type_error(format!("must be real number, not {t}"));
        }
    };
    if secs <= 0.0 {
        return vm.value_error("switch interval must be strictly positive");
    }
    // Whole microseconds, truncated, as CPython stores it (NaN passes the
    // check there too, and becomes the largest interval); the GIL waits
    // at least 1 µs (`gil->interval >= 1 ? gil->interval : 1`).
    let micros = if secs.is_nan() {
        i64::MAX as u64 / 1000
    } else {
        (secs * 1e6) as u64
    };
    vm.sched.switch_interval_ns = micros.saturating_mul(1000);
    Ok(Value::None)
}

fn sys_getrecursionlimit(vm: &mut Vm, _args: &mut Args) -> PyResult<Value> {
    Ok(Value::Int(vm.config.recursion_limit as i64))
}

fn sys_setrecursionlimit(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    match args.pos.first() {
        Some(Value::Int(n)) if *n >= 1 => {
            // The native stack bounds how deep we can go, whatever is asked.
            vm.config.recursion_limit = (*n as usize).min(20_000);
            Ok(Value::None)
        }
        Some(Value::Int(_)) => vm.value_error("recursion limit must be greater or equal than 1"),
        _ => vm.type_error("an integer is required"),
    }
}

fn sys_exc_info(vm: &mut Vm, _args: &mut Args) -> PyResult<Value> {
    match vm.handled.clone() {
        Value::Obj(e) => {
            let t = Value::Obj(vm.type_of(&Value::Obj(e.clone())));
            Ok(Value::tuple(vec![t, Value::Obj(e), Value::None]))
        }
        _ => Ok(Value::tuple(vec![Value::None, Value::None, Value::None])),
    }
}

fn sys_intern(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    match args.pos.first().and_then(|v| v.as_str()) {
        Some(s) => Ok(vm.intern(s)),
        None => vm.type_error("intern() argument must be str"),
    }
}

fn sys_set_int_max_str_digits(_vm: &mut Vm, _args: &mut Args) -> PyResult<Value> {
    Ok(Value::None)
}

fn sys_get_int_max_str_digits(_vm: &mut Vm, _args: &mut Args) -> PyResult<Value> {
    Ok(Value::Int(4300))
}

/// A read-only record with named fields (`sys.float_info`, `sys.int_info`).
fn info_record(vm: &mut Vm, class_name: &str, fields: &[(&str, Value)]) -> Value {
    let class = vm.new_native_class(class_name, "sys", &[], None);
    let rec = vm.new_native(&class, ());
    if let Some(Obj::Native(n)) = rec.as_obj().map(|o| &**o) {
        for (name, v) in fields {
            let k = vm.intern(name);
            n.dict
                .borrow_mut()
                .insert_absent(k, super::ops::str_hash(name), v.clone());
        }
    }
    rec
}

/// `sys.version_info`: a tuple with `major`, `minor`… attributes.
fn version_info_getitem(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let t = version_tuple(vm, args)?;
    let k = args.pos.get(1).cloned().unwrap_or(Value::None);
    vm.getitem(&t, &k)
}

fn version_tuple(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let me = args.pos.first().cloned().unwrap_or(Value::None);
    match native_data(&me, |t: &mut Value| t.clone()) {
        Some(t) => Ok(t),
        None => vm.type_error("not sys.version_info"),
    }
}

macro_rules! version_cmp {
    ($name:ident, $op:expr) => {
        fn $name(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
            let t = version_tuple(vm, args)?;
            let other = args.pos.get(1).cloned().unwrap_or(Value::None);
            let other = native_data(&other, |t: &mut Value| t.clone()).unwrap_or(other);
            vm.compare(&t, &other, $op)
        }
    };
}
version_cmp!(version_lt, super::code::CmpOp::Lt);
version_cmp!(version_le, super::code::CmpOp::Le);
version_cmp!(version_eq, super::code::CmpOp::Eq);
version_cmp!(version_ne, super::code::CmpOp::Ne);
version_cmp!(version_gt, super::code::CmpOp::Gt);
version_cmp!(version_ge, super::code::CmpOp::Ge);

fn version_len(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let t = version_tuple(vm, args)?;
    Ok(Value::Int(vm.len_of(&t)? as i64))
}

fn version_iter(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let t = version_tuple(vm, args)?;
    vm.get_iter(&t)
}

fn version_repr(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let t = version_tuple(vm, args)?;
    let items = vm.collect(&t)?;
    let names = ["major", "minor", "micro", "releaselevel", "serial"];
    let mut parts = Vec::new();
    for (n, v) in names.iter().zip(items.iter()) {
        parts.push(format!("{n}={}", vm.repr_of(v)?));
    }
    Ok(Value::string(format!(
        "sys.version_info({})",
        parts.join(", ")
    )))
}

fn version_hash(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let t = version_tuple(vm, args)?;
    vm.hash_of(&t).map(Value::Int)
}

const VERSION_INFO_METHODS: Methods = &[
    ("__getitem__", version_info_getitem),
    ("__lt__", version_lt),
    ("__le__", version_le),
    ("__eq__", version_eq),
    ("__ne__", version_ne),
    ("__gt__", version_gt),
    ("__ge__", version_ge),
    ("__len__", version_len),
    ("__iter__", version_iter),
    ("__repr__", version_repr),
    ("__hash__", version_hash),
];

const SYS_FUNCTIONS: Methods = &[
    ("exit", sys_exit),
    ("getrecursionlimit", sys_getrecursionlimit),
    ("getswitchinterval", sys_getswitchinterval),
    ("setswitchinterval", sys_setswitchinterval),
    ("setrecursionlimit", sys_setrecursionlimit),
    ("exc_info", sys_exc_info),
    ("intern", sys_intern),
    ("set_int_max_str_digits", sys_set_int_max_str_digits),
    ("get_int_max_str_digits", sys_get_int_max_str_digits),
];

fn make_sys(vm: &mut Vm, m: &ObjRef) -> PyResult<()> {
    vm.module_functions(m, SYS_FUNCTIONS);
    let argv: Vec<Value> = vm.config.argv.iter().map(|a| Value::str(a)).collect();
    vm.module_set(m, "argv", Value::list(argv));
    let stream_class = vm.new_native_class("TextIOWrapper", "_io", STREAM_METHODS, None);
    let out = vm.new_native(&stream_class, StdStream { stderr: false });
    let err = vm.new_native(&stream_class, StdStream { stderr: true });
    vm.module_set(m, "stdout", out.clone());
    vm.module_set(m, "stderr", err.clone());
    vm.module_set(m, "__stdout__", out);
    vm.module_set(m, "__stderr__", err);
    let (major, minor, micro) = vm.config.version;
    let vi_class = vm.new_native_class("version_info", "sys", VERSION_INFO_METHODS, None);
    let tuple = Value::tuple(vec![
        Value::Int(i64::from(major)),
        Value::Int(i64::from(minor)),
        Value::Int(i64::from(micro)),
        Value::str("final"),
        Value::Int(0),
    ]);
    let vi = vm.new_native(&vi_class, tuple);
    if let Some(Obj::Native(n)) = vi.as_obj().map(|o| &**o) {
        let fields = [("major", major), ("minor", minor), ("micro", micro)];
        for (name, v) in fields {
            let k = vm.intern(name);
            n.dict.borrow_mut().insert_absent(
                k,
                super::ops::str_hash(name),
                Value::Int(i64::from(v)),
            );
        }
        let k = vm.intern("releaselevel");
        n.dict.borrow_mut().insert_absent(
            k,
            super::ops::str_hash("releaselevel"),
            Value::str("final"),
        );
        let k = vm.intern("serial");
        n.dict
            .borrow_mut()
            .insert_absent(k, super::ops::str_hash("serial"), Value::Int(0));
    }
    vm.module_set(m, "version_info", vi);
    let version = format!("{major}.{minor}.{micro} (simulated by Interleave)");
    vm.module_set(m, "version", Value::string(version));
    let float_info = info_record(
        vm,
        "float_info",
        &[
            ("max", Value::Float(f64::MAX)),
            ("max_exp", Value::Int(1024)),
            ("max_10_exp", Value::Int(308)),
            ("min", Value::Float(f64::MIN_POSITIVE)),
            ("min_exp", Value::Int(-1021)),
            ("min_10_exp", Value::Int(-307)),
            ("dig", Value::Int(15)),
            ("mant_dig", Value::Int(53)),
            ("epsilon", Value::Float(f64::EPSILON)),
            ("radix", Value::Int(2)),
            ("rounds", Value::Int(1)),
        ],
    );
    vm.module_set(m, "float_info", float_info);
    let int_info = info_record(
        vm,
        "int_info",
        &[
            ("bits_per_digit", Value::Int(30)),
            ("sizeof_digit", Value::Int(4)),
            ("default_max_str_digits", Value::Int(4300)),
            ("str_digits_check_threshold", Value::Int(640)),
        ],
    );
    vm.module_set(m, "int_info", int_info);
    vm.module_set(m, "platform", Value::str("linux"));
    vm.module_set(m, "byteorder", Value::str("little"));
    vm.module_set(m, "maxsize", Value::Int(i64::MAX));
    vm.module_set(m, "maxunicode", Value::Int(0x10ffff));
    vm.module_set(m, "path", Value::list(vec![]));
    let modules = vm.new_dict_value();
    if let Value::Obj(d) = &modules {
        // The modules loaded so far, in a stable order (internal entries
        // such as "<traceback class>" are not modules).
        let mut loaded: Vec<(Rc<str>, Value)> = vm
            .modules
            .iter()
            .filter(|(k, _)| !k.starts_with('<'))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        loaded.sort_by(|a, b| a.0.cmp(&b.0));
        for (k, v) in loaded {
            vm.dict_set(d, Value::str(&k), v)?;
        }
    }
    vm.module_set(m, "modules", modules);
    Ok(())
}

/// The modules every interpreter has: `sys` and `builtins`.
pub fn install_builtin_modules(vm: &mut Vm) {
    vm.register_module("sys", make_sys);
    let b = vm.new_module("builtins");
    if let Obj::Module(md) = &*b {
        let _ = md;
    }
    let bm = Rc::new(Obj::Module(Module {
        name: "builtins".into(),
        dict: vm.builtins.clone(),
    }));
    vm.builtins_module = Value::Obj(bm.clone());
    vm.modules.insert("builtins".into(), Value::Obj(bm));
}

/// Factories by module name (kept on the VM).
pub type Registry = HashMap<&'static str, ModuleFactory>;

#[cfg(test)]
mod tests {
    use crate::run::{run, RunOptions};

    #[test]
    fn sys_modules_lists_imported_modules() {
        // python3: "True True False"
        let program = "import math\nimport sys\nimport math as m2\n\
                       print('math' in sys.modules, sys.modules['sys'] is sys, 'nope' in sys.modules)\n";
        let out = run(program, &RunOptions::default());
        assert_eq!(out.stdout, "True True False\n", "{}", out.stderr);
    }
}

thread_local! {
    /// Names of native classes, made `'static` once each (builtin method
    /// descriptors name their owner with a `&'static str`).
    static OWNER_NAMES: RefCell<HashMap<String, &'static str>> = RefCell::new(HashMap::new());
}

/// `name` as a `&'static str`, allocated once per distinct name.
fn static_name(name: &str) -> &'static str {
    OWNER_NAMES.with(|names| {
        let mut names = names.borrow_mut();
        if let Some(s) = names.get(name) {
            return *s;
        }
        let s: &'static str = Box::leak(name.to_string().into_boxed_str());
        names.insert(name.to_string(), s);
        s
    })
}
