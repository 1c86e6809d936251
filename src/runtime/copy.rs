//! The deep copier that gives a process its own heap: at `fork` it copies
//! the parent's modules and the forking thread's frames; the same walk,
//! counting bytes, is what crossing a process boundary (a `Queue`, a
//! `Pipe`) costs ("pickling").
//!
//! A memo keyed by object address keeps shared structure shared in the
//! copy and ends cycles: a mutable container is allocated empty, entered
//! into the memo, and filled afterwards, so a module whose dict reaches
//! the module again (through `sys.modules`) is copied once.
//!
//! Shared, never copied, because nothing can change them: str, int,
//! float, bytes, complex, range, code objects, builtin functions without
//! a bound receiver, builtin types and exception classes, `NotImplemented`
//! and `Ellipsis`, and the interpreter's builtins module and dict (as
//! CPython's `fork` shares the pages nobody writes). Kernel objects are
//! shared too: a lock made by `multiprocessing` (a [`LockState`] with
//! `shared`) is one semaphore for every process. Everything else — user
//! classes, instances, lists, dicts, sets, module objects and their dicts,
//! functions (with their globals and closures), generators with their
//! frames, `threading` locks — is copied.
//!
//! Dict and set entries keep their stored hashes, except a key hashed by
//! identity (the default `__hash__`), whose copy gets its own.
//!
//! In pickling mode ([`Copier::pickling`]) functions and classes travel
//! by reference, as `pickle` sends them (module and qualified name);
//! [`Copier::resolving`] looks them up again in the receiving process.
//! What `pickle` refuses (lambdas, local functions, generators, modules,
//! `threading` locks) raises the error CPython raises. A pickled
//! exception arrives without its traceback, as with `pickle`. An
//! instance whose class defines `__getstate__`/`__setstate__` in Python
//! is sent as its state and rebuilt by `__setstate__`, as `pickle` does.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use crate::vm::dict::Dict;
use crate::vm::frame::{Frame, OnReturn};
use crate::vm::sched::LockState;
use crate::vm::set::SetData;
use crate::vm::value::{
    BoundMethod, ExcData, Function, Generator, Instance, Module, NativeObj, Obj, ObjRef, Property,
    TypeData, TypeKind, Value,
};
use crate::vm::{PyErr, PyResult, Vm};

/// What a copy is for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// `fork`: everything mutable is copied.
    Fork,
    /// Sending: functions and classes by reference; unpicklable things
    /// raise.
    Pickle,
    /// Receiving: functions and classes looked up in this process.
    Resolve,
}

/// One deep copy in progress (see the module docs).
pub struct Copier {
    memo: HashMap<usize, Value>,
    mode: Mode,
    /// Approximate size of the pickle so far (bytes).
    pub bytes: u64,
    /// A thread ident to replace in copied lock owners (the forking
    /// thread's, which the child's main thread takes over under a new
    /// ident).
    remap: Option<(u64, u64)>,
    /// The child's pid, in a fork's copy: its copies of pipe descriptors'
    /// `FdRef`s are the child's.
    pub child_pid: Option<i64>,
    /// Nesting depth (deep structures are copied by reference past it).
    depth: usize,
}

/// Past this depth the copy stops descending (a linked list of 10^5 nodes
/// must not overflow the Rust stack): it raises RecursionError, as
/// `pickle` does for deep structures.
const MAX_DEPTH: usize = 2_000;

fn addr(o: &ObjRef) -> usize {
    Rc::as_ptr(o) as *const u8 as usize
}

impl Copier {
    /// A copier for `fork`; `remap` is (parent thread ident, child's).
    pub fn fork(vm: &Vm, remap: Option<(u64, u64)>) -> Copier {
        let mut c = Copier {
            memo: HashMap::new(),
            mode: Mode::Fork,
            bytes: 0,
            remap,
            child_pid: None,
            depth: 0,
        };
        c.share_interpreter(vm);
        c
    }

    /// A copier for sending a value to another process.
    pub fn pickling(vm: &Vm) -> Copier {
        let mut c = Copier::fork(vm, None);
        c.mode = Mode::Pickle;
        c
    }

    /// A copier for receiving a pickled value in the running process.
    pub fn resolving(vm: &Vm) -> Copier {
        let mut c = Copier::fork(vm, None);
        c.mode = Mode::Resolve;
        c
    }

    fn share_interpreter(&mut self, vm: &Vm) {
        self.memo
            .insert(addr(&vm.builtins), Value::Obj(vm.builtins.clone()));
        if let Value::Obj(b) = &vm.builtins_module {
            self.memo.insert(addr(b), vm.builtins_module.clone());
        }
    }

    /// Copies a map of modules (a process's `sys.modules`).
    pub fn copy_modules(
        &mut self,
        vm: &mut Vm,
        modules: &HashMap<Rc<str>, Value>,
    ) -> PyResult<HashMap<Rc<str>, Value>> {
        // A stable order: the copy allocates (lock ids) in it.
        let mut names: Vec<&Rc<str>> = modules.keys().collect();
        names.sort();
        let mut out = HashMap::new();
        for n in names {
            let v = self.copy(vm, &modules[n])?;
            out.insert(n.clone(), v);
        }
        Ok(out)
    }

    /// Copies a thread's frame stack.
    #[allow(clippy::vec_box)] // the VM's frame stack type
    pub fn copy_frames(&mut self, vm: &mut Vm, frames: &[Box<Frame>]) -> PyResult<Vec<Box<Frame>>> {
        frames.iter().map(|f| self.copy_frame(vm, f)).collect()
    }

    fn copy_frame(&mut self, vm: &mut Vm, f: &Frame) -> PyResult<Box<Frame>> {
        let stack = self.copy_vec(vm, &f.stack)?;
        let locals = self.copy_vec(vm, &f.locals)?;
        let mut cells = Vec::with_capacity(f.cells.len());
        for c in &f.cells {
            cells.push(self.copy_ref(vm, c)?);
        }
        let globals = self.copy_ref(vm, &f.globals)?;
        let locals_dict = match &f.locals_dict {
            Some(d) => Some(self.copy_ref(vm, d)?),
            None => None,
        };
        let generator = match &f.generator {
            Some(g) => Some(self.copy_ref(vm, g)?),
            None => None,
        };
        let on_return = match &f.on_return {
            OnReturn::Init(v) => OnReturn::Init(self.copy(vm, v)?),
            other => other.clone(),
        };
        Ok(Box::new(Frame {
            code: f.code.clone(),
            pc: f.pc,
            stack,
            locals,
            cells,
            globals,
            locals_dict,
            blocks: f.blocks.clone(),
            generator,
            on_return,
        }))
    }

    fn copy_vec(&mut self, vm: &mut Vm, items: &[Value]) -> PyResult<Vec<Value>> {
        let mut out = Vec::with_capacity(items.len());
        for v in items {
            out.push(self.copy(vm, v)?);
        }
        Ok(out)
    }

    fn copy_ref(&mut self, vm: &mut Vm, o: &ObjRef) -> PyResult<ObjRef> {
        match self.copy(vm, &Value::Obj(o.clone()))? {
            Value::Obj(c) => Ok(c),
            _ => Ok(o.clone()),
        }
    }

    fn cannot(&self, vm: &Vm, what: &str) -> PyErr {
        vm.error("TypeError", format!("cannot pickle '{what}' object"))
    }

    /// Copies one value (see the module docs for what is shared).
    pub fn copy(&mut self, vm: &mut Vm, v: &Value) -> PyResult<Value> {
        let Value::Obj(o) = v else {
            self.bytes += 9;
            return Ok(v.clone());
        };
        if let Some(c) = self.memo.get(&addr(o)) {
            self.bytes += 2;
            return Ok(c.clone());
        }
        if self.depth >= MAX_DEPTH {
            return Err(vm.error(
                "RecursionError",
                "maximum recursion depth exceeded while pickling an object",
            ));
        }
        self.depth += 1;
        let r = self.copy_obj(vm, o);
        self.depth -= 1;
        let c = r?;
        self.memo.insert(addr(o), c.clone());
        Ok(c)
    }

    /// Enters a copy into the memo before its contents are copied.
    fn enter(&mut self, o: &ObjRef, c: &ObjRef) {
        self.memo.insert(addr(o), Value::Obj(c.clone()));
    }

    fn copy_obj(&mut self, vm: &mut Vm, o: &ObjRef) -> PyResult<Value> {
        let same = Value::Obj(o.clone());
        Ok(match &**o {
            Obj::Str(s) => {
                self.bytes += s.s.len() as u64 + 5;
                same
            }
            Obj::BigInt(_) | Obj::Complex(_) | Obj::Range(_) | Obj::Slice(_) => {
                self.bytes += 16;
                same
            }
            Obj::Bytes(b) => {
                self.bytes += b.len() as u64 + 5;
                same
            }
            Obj::Code(_) | Obj::NotImplemented | Obj::Ellipsis => same,
            Obj::ByteArray(b) => {
                let b = b.borrow().clone();
                self.bytes += b.len() as u64 + 5;
                Value::obj(Obj::ByteArray(RefCell::new(b)))
            }
            Obj::Tuple(items) => {
                self.bytes += 2;
                let items = items.clone();
                let copied = self.copy_vec(vm, &items)?;
                if copied.iter().zip(items.iter()).all(|(a, b)| a.is(b)) {
                    same
                } else {
                    Value::tuple(copied)
                }
            }
            Obj::List(items) => {
                self.bytes += 2;
                let c = Rc::new(Obj::List(RefCell::new(Vec::new())));
                self.enter(o, &c);
                let items = items.borrow().clone();
                let copied = self.copy_vec(vm, &items)?;
                if let Obj::List(l) = &*c {
                    *l.borrow_mut() = copied;
                }
                Value::Obj(c)
            }
            Obj::Dict(d) => {
                self.bytes += 2;
                let c = Rc::new(Obj::Dict(RefCell::new(Dict::new())));
                self.enter(o, &c);
                let filled = self.copy_dict(vm, &d.borrow().clone_entries())?;
                if let Obj::Dict(cd) = &*c {
                    *cd.borrow_mut() = filled;
                }
                Value::Obj(c)
            }
            Obj::Set(s) => {
                let c = Rc::new(Obj::Set(RefCell::new(SetData::new())));
                self.enter(o, &c);
                let entries: Vec<(Value, i64)> = s
                    .borrow()
                    .iter_with_hash()
                    .map(|(k, h)| (k.clone(), h))
                    .collect();
                let filled = self.copy_set(vm, &entries)?;
                if let Obj::Set(cs) = &*c {
                    *cs.borrow_mut() = filled;
                }
                Value::Obj(c)
            }
            Obj::FrozenSet(s) => {
                let entries: Vec<(Value, i64)> =
                    s.iter_with_hash().map(|(k, h)| (k.clone(), h)).collect();
                let filled = self.copy_set(vm, &entries)?;
                Value::obj(Obj::FrozenSet(filled))
            }
            Obj::Type(t) => self.copy_type(vm, o, t)?,
            Obj::Instance(inst) => self.copy_instance(vm, o, inst)?,
            Obj::Exception(e) => self.copy_exception(vm, e)?,
            Obj::Function(f) => self.copy_function(vm, o, f)?,
            Obj::Builtin(b) => match &b.bound {
                None => same,
                Some(recv) => {
                    let recv = self.copy(vm, recv)?;
                    Value::obj(Obj::Builtin(crate::vm::value::Builtin {
                        name: b.name,
                        owner: b.owner,
                        func: b.func,
                        bound: Some(recv),
                    }))
                }
            },
            Obj::BoundMethod(m) => {
                let func = self.copy(vm, &m.func)?;
                let receiver = self.copy(vm, &m.receiver)?;
                Value::obj(Obj::BoundMethod(Box::new(BoundMethod { func, receiver })))
            }
            Obj::Module(m) => {
                if self.mode == Mode::Pickle {
                    return Err(self.cannot(vm, "module"));
                }
                let d = Rc::new(Obj::Dict(RefCell::new(Dict::new())));
                self.enter(&m.dict, &d);
                let c = Rc::new(Obj::Module(Module {
                    name: m.name.clone(),
                    dict: d.clone(),
                }));
                self.enter(o, &c);
                let entries = match &*m.dict {
                    Obj::Dict(md) => md.borrow().clone_entries(),
                    _ => Vec::new(),
                };
                let filled = self.copy_dict(vm, &entries)?;
                if let Obj::Dict(cd) = &*d {
                    *cd.borrow_mut() = filled;
                }
                Value::Obj(c)
            }
            Obj::Cell(cell) => {
                let c = Rc::new(Obj::Cell(RefCell::new(Value::Null)));
                self.enter(o, &c);
                let inner = cell.borrow().clone();
                let inner = self.copy(vm, &inner)?;
                if let Obj::Cell(cc) = &*c {
                    *cc.borrow_mut() = inner;
                }
                Value::Obj(c)
            }
            Obj::Generator(g) => {
                if self.mode == Mode::Pickle {
                    let what = match g.kind {
                        crate::vm::value::GenKind::Generator => "generator",
                        crate::vm::value::GenKind::Coroutine => "coroutine",
                        crate::vm::value::GenKind::AsyncGenerator => "async_generator",
                    };
                    return Err(self.cannot(vm, what));
                }
                let c = Rc::new(Obj::Generator(Box::new(Generator {
                    kind: g.kind,
                    frame: RefCell::new(None),
                    state: std::cell::Cell::new(g.state.get()),
                    name: g.name.clone(),
                    qualname: g.qualname.clone(),
                    code: g.code.clone(),
                    exc_state: RefCell::new(Value::None),
                })));
                self.enter(o, &c);
                let exc = g.exc_state.borrow().clone();
                let exc = self.copy(vm, &exc)?;
                let frame = match &*g.frame.borrow() {
                    Some(f) => Some(self.copy_frame_ref(vm, f)?),
                    None => None,
                };
                if let Obj::Generator(cg) = &*c {
                    *cg.frame.borrow_mut() = frame;
                    *cg.exc_state.borrow_mut() = exc;
                }
                Value::Obj(c)
            }
            Obj::DictView(d, kind) => {
                let d = self.copy_ref(vm, d)?;
                Value::obj(Obj::DictView(d, *kind))
            }
            Obj::Iter(state) => {
                let st = state.borrow().clone();
                let st = self.copy_iter(vm, st)?;
                Value::obj(Obj::Iter(RefCell::new(st)))
            }
            Obj::Property(p) => {
                let fget = self.copy(vm, &p.fget)?;
                let fset = self.copy(vm, &p.fset)?;
                let fdel = self.copy(vm, &p.fdel)?;
                let doc = self.copy(vm, &p.doc)?;
                Value::obj(Obj::Property(Box::new(Property {
                    fget,
                    fset,
                    fdel,
                    doc,
                })))
            }
            Obj::StaticMethod(f) => Value::obj(Obj::StaticMethod(self.copy(vm, f)?)),
            Obj::ClassMethod(f) => Value::obj(Obj::ClassMethod(self.copy(vm, f)?)),
            Obj::Super(s) => {
                let t = self.copy_ref(vm, &s.0)?;
                let v = self.copy(vm, &s.1)?;
                Value::obj(Obj::Super(Box::new((t, v))))
            }
            Obj::Native(n) => self.copy_native(vm, o, n)?,
        })
    }

    #[allow(clippy::borrowed_box)]
    fn copy_frame_ref(&mut self, vm: &mut Vm, f: &Box<Frame>) -> PyResult<Box<Frame>> {
        self.copy_frame(vm, f)
    }

    fn copy_dict(&mut self, vm: &mut Vm, entries: &[(i64, Value, Value)]) -> PyResult<Dict> {
        let mut d = Dict::with_capacity(entries.len());
        for (h, k, v) in entries {
            let k2 = self.copy(vm, k)?;
            let v2 = self.copy(vm, v)?;
            let h2 = if !k2.is(k) && *h == vm.identity_hash(k) {
                vm.identity_hash(&k2)
            } else {
                *h
            };
            d.insert_absent(k2, h2, v2);
        }
        Ok(d)
    }

    fn copy_set(&mut self, vm: &mut Vm, entries: &[(Value, i64)]) -> PyResult<SetData> {
        let mut s = SetData::new();
        for (k, h) in entries {
            let k2 = self.copy(vm, k)?;
            let h2 = if !k2.is(k) && *h == vm.identity_hash(k) {
                vm.identity_hash(&k2)
            } else {
                *h
            };
            s.insert_absent(k2, h2);
        }
        Ok(s)
    }

    /// A function or class sent by reference, or looked up on receipt.
    fn by_reference(&mut self, vm: &mut Vm, o: &ObjRef) -> PyResult<Option<Value>> {
        let (module, qualname, what) = match &**o {
            Obj::Function(f) => {
                let m = f.module.as_str().unwrap_or("__main__").to_string();
                (m, f.qualname.borrow().to_string(), "function")
            }
            Obj::Type(t) => (t.module.to_string(), t.qualname.to_string(), "class"),
            _ => return Ok(None),
        };
        match self.mode {
            Mode::Fork => Ok(None),
            Mode::Pickle => {
                if qualname.contains("<lambda>") || qualname.contains("<locals>") {
                    let name = qualname.rsplit('.').next().unwrap_or(&qualname).to_string();
                    let r = crate::vm::value::Value::Obj(o.clone());
                    let repr = vm.repr_of(&r).unwrap_or_default();
                    return Err(vm.error(
                        "AttributeError",
                        if qualname.contains("<locals>") {
                            format!("Can't pickle local object '{qualname}'")
                        } else {
                            format!(
                                "Can't pickle {repr}: attribute lookup {name} on {module} failed"
                            )
                        },
                    ));
                }
                let _ = what;
                self.bytes += (module.len() + qualname.len()) as u64 + 4;
                Ok(Some(Value::Obj(o.clone())))
            }
            Mode::Resolve => {
                let mut cur = match vm.modules.get(module.as_str()) {
                    Some(m) => m.clone(),
                    None => return Ok(Some(Value::Obj(o.clone()))),
                };
                let m = cur.clone();
                for part in qualname.split('.') {
                    match vm.get_attr_str(&cur, part) {
                        Ok(v) => cur = v,
                        Err(_) => {
                            // As pickle: the receiving process lacks it (a
                            // spawned child, or a fork made before the
                            // definition ran).
                            let repr = vm.repr_of(&m).unwrap_or_default();
                            return Err(vm.error(
                                "AttributeError",
                                format!("Can't get attribute '{qualname}' on {repr}"),
                            ));
                        }
                    }
                }
                Ok(Some(cur))
            }
        }
    }

    fn copy_type(&mut self, vm: &mut Vm, o: &ObjRef, t: &TypeData) -> PyResult<Value> {
        if t.kind != TypeKind::User {
            return Ok(Value::Obj(o.clone()));
        }
        if let Some(v) = self.by_reference(vm, o)? {
            return Ok(v);
        }
        let mut bases = Vec::with_capacity(t.bases.len());
        for b in &t.bases {
            bases.push(self.copy_ref(vm, b)?);
        }
        let mut mro = Vec::with_capacity(t.mro.len());
        for b in &t.mro {
            mro.push(self.copy_ref(vm, b)?);
        }
        let metaclass = match &t.metaclass {
            Some(m) => Some(self.copy_ref(vm, m)?),
            None => None,
        };
        let c = Rc::new(Obj::Type(Box::new(TypeData {
            name: t.name.clone(),
            qualname: t.qualname.clone(),
            module: t.module.clone(),
            kind: t.kind,
            base_kind: t.base_kind,
            bases: bases.clone(),
            mro,
            dict: RefCell::new(Dict::new()),
            doc: t.doc.clone(),
            metaclass,
            subclasses: RefCell::new(Vec::new()),
            slots: t.slots.clone(),
        })));
        self.enter(o, &c);
        for b in &bases {
            if let Obj::Type(bt) = &**b {
                bt.subclasses.borrow_mut().push(Rc::downgrade(&c));
            }
        }
        if vm.getattribute_classes.contains(&addr(o)) {
            vm.getattribute_classes.push(addr(&c));
        }
        let entries = t.dict.borrow().clone_entries();
        let filled = self.copy_dict(vm, &entries)?;
        if let Obj::Type(ct) = &*c {
            *ct.dict.borrow_mut() = filled;
        }
        Ok(Value::Obj(c))
    }

    fn copy_instance(&mut self, vm: &mut Vm, o: &ObjRef, inst: &Instance) -> PyResult<Value> {
        let class = self.copy_ref(vm, &inst.class)?;
        let payload = match &inst.payload {
            Some(p) => Some(self.copy(vm, p)?),
            None => None,
        };
        let d = Rc::new(Obj::Dict(RefCell::new(Dict::new())));
        self.enter(&inst.dict, &d);
        let c = Rc::new(Obj::Instance(Instance {
            class,
            dict: d.clone(),
            payload,
            slot_values: RefCell::new(Vec::new()),
        }));
        self.enter(o, &c);
        self.bytes += 8;
        let me = Value::Obj(o.clone());
        let state = match self.mode {
            Mode::Pickle => self.user_method(vm, &me, "__getstate__"),
            _ => None,
        };
        let entries = match &state {
            // pickle sends what __getstate__ returns (a dict here).
            Some(f) => match vm.call(f, crate::vm::call::Args::new(Vec::new()))? {
                Value::Obj(sd) => match &*sd {
                    Obj::Dict(dd) => dd.borrow().clone_entries(),
                    _ => return Err(vm.error("TypeError", "__getstate__ must return a dict")),
                },
                _ => return Err(vm.error("TypeError", "__getstate__ must return a dict")),
            },
            None => match &*inst.dict {
                Obj::Dict(dd) => dd.borrow().clone_entries(),
                _ => Vec::new(),
            },
        };
        let filled = self.copy_dict(vm, &entries)?;
        let setstate = match self.mode {
            Mode::Resolve => self.user_method(vm, &Value::Obj(c.clone()), "__setstate__"),
            _ => None,
        };
        if let Some(f) = setstate {
            // unpickling hands the state to __setstate__.
            let state = Value::obj(Obj::Dict(RefCell::new(filled)));
            vm.call(&f, crate::vm::call::Args::new(vec![state]))?;
        } else if let Obj::Dict(cd) = &*d {
            *cd.borrow_mut() = filled;
        }
        let slots = inst.slot_values.borrow().clone();
        let slots = self.copy_vec(vm, &slots)?;
        if let Obj::Instance(ci) = &*c {
            *ci.slot_values.borrow_mut() = slots;
        }
        Ok(Value::Obj(c))
    }

    /// `name` bound to `obj` when its class defines it in Python.
    fn user_method(&mut self, vm: &mut Vm, obj: &Value, name: &str) -> Option<Value> {
        match vm.get_attr_str(obj, name) {
            Ok(v @ Value::Obj(_))
                if matches!(v.as_obj().map(|o| &**o), Some(Obj::BoundMethod(_))) =>
            {
                Some(v)
            }
            _ => None,
        }
    }

    fn copy_exception(&mut self, vm: &mut Vm, e: &ExcData) -> PyResult<Value> {
        let class = self.copy_ref(vm, &e.class)?;
        let args = e.args.borrow().clone();
        let args = self.copy(vm, &args)?;
        let entries = e.dict.borrow().clone_entries();
        let dict = self.copy_dict(vm, &entries)?;
        let cause = e.cause.borrow().clone();
        let cause = self.copy(vm, &cause)?;
        let context = e.context.borrow().clone();
        let context = self.copy(vm, &context)?;
        Ok(Value::obj(Obj::Exception(Box::new(ExcData {
            class,
            args: RefCell::new(args),
            dict: RefCell::new(dict),
            // pickle does not carry a traceback.
            traceback: RefCell::new(if self.mode == Mode::Pickle {
                Vec::new()
            } else {
                e.traceback.borrow().clone()
            }),
            cause: RefCell::new(cause),
            context: RefCell::new(context),
            suppress_context: std::cell::Cell::new(e.suppress_context.get()),
        }))))
    }

    fn copy_function(&mut self, vm: &mut Vm, o: &ObjRef, f: &Function) -> PyResult<Value> {
        if let Some(v) = self.by_reference(vm, o)? {
            return Ok(v);
        }
        let globals = self.copy_ref(vm, &f.globals)?;
        let defaults = self.copy_vec(vm, &f.defaults)?;
        let kwdefaults = match &f.kwdefaults {
            Some(k) => Some(self.copy_ref(vm, k)?),
            None => None,
        };
        let mut closure = Vec::with_capacity(f.closure.len());
        for c in &f.closure {
            closure.push(self.copy_ref(vm, c)?);
        }
        let entries = f.dict.borrow().clone_entries();
        let dict = self.copy_dict(vm, &entries)?;
        let annotations = match &f.annotations {
            Some(a) => Some(self.copy_ref(vm, a)?),
            None => None,
        };
        Ok(Value::obj(Obj::Function(Box::new(Function {
            code: f.code.clone(),
            globals,
            name: RefCell::new(f.name.borrow().clone()),
            qualname: RefCell::new(f.qualname.borrow().clone()),
            defaults,
            kwdefaults,
            closure,
            dict: RefCell::new(dict),
            annotations,
            module: f.module.clone(),
            doc: f.doc.clone(),
        }))))
    }

    fn copy_iter(
        &mut self,
        vm: &mut Vm,
        st: crate::vm::value::IterState,
    ) -> PyResult<crate::vm::value::IterState> {
        use crate::vm::value::IterState as S;
        Ok(match st {
            S::Seq { seq, index } => S::Seq {
                seq: self.copy(vm, &seq)?,
                index,
            },
            S::DictKeys {
                dict,
                pos,
                version: _,
                len,
                what,
            } => {
                let dict = self.copy_ref(vm, &dict)?;
                let version = match &*dict {
                    Obj::Dict(d) => d.borrow().version(),
                    _ => 0,
                };
                S::DictKeys {
                    dict,
                    pos,
                    version,
                    len,
                    what,
                }
            }
            S::SetItems { set, pos, len } => S::SetItems {
                set: self.copy_ref(vm, &set)?,
                pos,
                len,
            },
            S::Enumerate { it, count } => S::Enumerate {
                it: self.copy(vm, &it)?,
                count,
            },
            S::Zip { its, strict } => S::Zip {
                its: self.copy_vec(vm, &its)?,
                strict,
            },
            S::Map { func, its } => S::Map {
                func: self.copy(vm, &func)?,
                its: self.copy_vec(vm, &its)?,
            },
            S::Filter { func, it } => S::Filter {
                func: self.copy(vm, &func)?,
                it: self.copy(vm, &it)?,
            },
            S::Reversed { seq, index } => S::Reversed {
                seq: self.copy(vm, &seq)?,
                index,
            },
            S::Callable { func, sentinel } => S::Callable {
                func: self.copy(vm, &func)?,
                sentinel: self.copy(vm, &sentinel)?,
            },
            S::Values { items, index } => S::Values {
                items: self.copy_vec(vm, &items)?,
                index,
            },
            other => other,
        })
    }

    fn copy_native(&mut self, vm: &mut Vm, o: &ObjRef, n: &NativeObj) -> PyResult<Value> {
        let same = Value::Obj(o.clone());
        enum Kind {
            Lock(LockState),
            Deque(crate::stdlib::collections::deque::Deque),
            Fd(crate::stdlib::pipe_fds::FdRef),
            Shared,
            Unknown,
        }
        let kind = {
            let data = n.data.borrow();
            if let Some(l) = data.downcast_ref::<LockState>() {
                if l.shared {
                    Kind::Shared
                } else {
                    let mut owner = l.owner;
                    if let Some((from, to)) = self.remap {
                        if owner == from {
                            owner = to;
                        }
                    }
                    Kind::Lock(LockState {
                        id: 0,
                        owner,
                        count: l.count,
                        reentrant: l.reentrant,
                        waiters: Default::default(),
                        label: l.label.clone(),
                        released_at: l.released_at,
                        shared: false,
                    })
                }
            } else if let Some(d) = data.downcast_ref::<crate::stdlib::collections::deque::Deque>()
            {
                Kind::Deque(crate::stdlib::collections::deque::Deque {
                    items: d.items.clone(),
                    maxlen: d.maxlen,
                    state: d.state,
                })
            } else if let Some(r) = data.downcast_ref::<crate::stdlib::pipe_fds::FdRef>() {
                match (self.mode, self.child_pid) {
                    (Mode::Fork, Some(pid)) => Kind::Fd(r.in_process(pid)),
                    _ => Kind::Unknown,
                }
            } else if crate::stdlib::multiprocessing::is_kernel_object(&**data) {
                Kind::Shared
            } else {
                Kind::Unknown
            }
        };
        match kind {
            Kind::Shared => Ok(same),
            Kind::Unknown => {
                if self.mode == Mode::Pickle {
                    let name = vm.type_name(&same);
                    return Err(self.cannot(vm, &name));
                }
                Ok(same)
            }
            Kind::Lock(mut l) => {
                if self.mode == Mode::Pickle {
                    let name = vm.type_name(&same);
                    return Err(self.cannot(vm, &format!("_thread.{name}")));
                }
                l.id = vm.sched.next_object_id;
                vm.sched.next_object_id += 1;
                let class = self.copy_ref(vm, &n.class)?;
                let c = vm.new_native(&class, l);
                self.copy_native_dict(vm, n, &c)?;
                Ok(c)
            }
            Kind::Fd(r) => {
                let class = self.copy_ref(vm, &n.class)?;
                Ok(vm.new_native(&class, r))
            }
            Kind::Deque(mut d) => {
                let class = self.copy_ref(vm, &n.class)?;
                let items: Vec<Value> = d.items.iter().cloned().collect();
                let items = self.copy_vec(vm, &items)?;
                d.items = items.into();
                let c = vm.new_native(&class, d);
                self.copy_native_dict(vm, n, &c)?;
                Ok(c)
            }
        }
    }

    fn copy_native_dict(&mut self, vm: &mut Vm, n: &NativeObj, c: &Value) -> PyResult<()> {
        let entries = n.dict.borrow().clone_entries();
        if entries.is_empty() {
            return Ok(());
        }
        let filled = self.copy_dict(vm, &entries)?;
        if let Some(Obj::Native(cn)) = c.as_obj().map(|o| &**o) {
            *cn.dict.borrow_mut() = filled;
        }
        Ok(())
    }
}

/// Entries of a dict as (hash, key, value), in order.
pub trait CloneEntries {
    fn clone_entries(&self) -> Vec<(i64, Value, Value)>;
}

impl CloneEntries for Dict {
    fn clone_entries(&self) -> Vec<(i64, Value, Value)> {
        self.entries()
            .map(|e| (e.hash, e.key.clone(), e.value.clone()))
            .collect()
    }
}
