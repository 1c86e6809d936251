//! Calling: arguments ([`Args`]), binding them to a Python function's
//! parameters with CPython's error messages, and calling anything callable
//! — functions, bound methods, builtins, classes, objects with `__call__`.
//!
//! From the interpreter loop, a call that runs Python code returns a frame
//! to push ([`Vm::call_or_frame`]); from Rust, [`Vm::call`] runs it nested.

use std::rc::Rc;

use super::frame::{Frame, OnReturn};
use super::interp::CallOutcome;
use super::value::{Function, GenKind, GenState, Generator, Obj, ObjRef, TypeKind, Value};
use super::{PyErr, PyResult, Vm};

/// The file name of code the VM runs for itself, whose frames tracebacks
/// leave out.
pub const HIDDEN_FILENAME: &str = "<interleave>";

/// Arguments of a call: positional, then keyword (name as a str value).
#[derive(Default)]
pub struct Args {
    pub pos: Vec<Value>,
    pub kw: Vec<(Value, Value)>,
}

impl Args {
    pub fn new(pos: Vec<Value>) -> Args {
        Args {
            pos,
            kw: Vec::new(),
        }
    }

    pub fn len(&self) -> usize {
        self.pos.len()
    }

    pub fn is_empty(&self) -> bool {
        self.pos.is_empty() && self.kw.is_empty()
    }

    /// Removes and returns keyword argument `name`.
    pub fn take_kw(&mut self, name: &str) -> Option<Value> {
        let i = self.kw.iter().position(|(k, _)| k.as_str() == Some(name))?;
        Some(self.kw.remove(i).1)
    }

    /// Positional `i`, or keyword `name`, or None.
    pub fn arg(&mut self, i: usize, name: &str) -> Option<Value> {
        match self.pos.get(i) {
            Some(v) => Some(v.clone()),
            None => self.take_kw(name),
        }
    }
}

impl Vm {
    /// `TypeError` unless `args` has between `min` and `max` positional
    /// arguments and no keywords (builtin functions' checks).
    pub fn check_args(&self, name: &str, args: &Args, min: usize, max: usize) -> PyResult<()> {
        if let Some((k, _)) = args.kw.first() {
            let k = k.as_str().unwrap_or("?");
            return self
                .type_error(format!("{name}() takes no keyword arguments"))
                .or_else(|e: PyErr| {
                    if max == usize::MAX {
                        Err(e)
                    } else {
                        self.type_error(format!(
                            "'{k}' is an invalid keyword argument for {name}()"
                        ))
                    }
                });
        }
        let n = args.pos.len();
        if n < min || n > max {
            let msg = if min == max {
                match min {
                    0 => format!("{name}() takes no arguments ({n} given)"),
                    1 => format!("{name}() takes exactly one argument ({n} given)"),
                    _ => format!("{name} expected {min} arguments, got {n}"),
                }
            } else if n < min {
                format!(
                    "{name} expected at least {min} argument{}, got {n}",
                    if min == 1 { "" } else { "s" }
                )
            } else {
                format!(
                    "{name} expected at most {max} argument{}, got {n}",
                    if max == 1 { "" } else { "s" }
                )
            };
            return self.type_error(msg);
        }
        Ok(())
    }

    /// Calls anything callable and runs Python code to completion.
    pub fn call(&mut self, callable: &Value, args: Args) -> PyResult<Value> {
        match self.call_or_frame(callable, args)? {
            CallOutcome::Value(v) => Ok(v),
            CallOutcome::Frame(f) => self.run_call_frame(*f),
        }
    }

    /// Runs the frame of a call to completion: its return value, or for a
    /// class's `__init__` frame the instance it initialized.
    fn run_call_frame(&mut self, mut f: Frame) -> PyResult<Value> {
        let OnReturn::Init(instance) = std::mem::replace(&mut f.on_return, OnReturn::Push) else {
            return self.run_frame_nested(f);
        };
        let r = self.run_frame_nested(f)?;
        if !r.is_none() {
            let t = self.type_name(&r);
            return self.type_error(format!("__init__() should return None, not '{t}'"));
        }
        Ok(instance)
    }

    /// Calls with positional arguments only.
    pub fn call_pos(&mut self, callable: &Value, pos: Vec<Value>) -> PyResult<Value> {
        self.call(callable, Args::new(pos))
    }

    /// Calls `callable`: builtins run now; Python code comes back as a
    /// frame for the caller to run.
    pub fn call_or_frame(&mut self, callable: &Value, mut args: Args) -> PyResult<CallOutcome> {
        let Value::Obj(o) = callable else {
            let t = self.type_name(callable);
            return self.type_error(format!("'{t}' object is not callable"));
        };
        match &**o {
            Obj::Function(f) => self.function_call(o, f, args),
            Obj::BoundMethod(m) => {
                args.pos.insert(0, m.receiver.clone());
                let func = m.func.clone();
                self.call_or_frame(&func, args)
            }
            Obj::Builtin(b) => {
                if let Some(bound) = &b.bound {
                    args.pos.insert(0, bound.clone());
                }
                // A builtin type's method called on a subclass instance
                // works on the wrapped builtin value.
                if matches!(b.owner, Some(o) if o != "object" && o != "type") {
                    if let Some(p) = args.pos.first().and_then(super::builtins::payload) {
                        if b.name != "__init__" && b.name != "__new__" {
                            args.pos[0] = p;
                        }
                    }
                }
                (b.func)(self, &mut args).map(CallOutcome::Value)
            }
            Obj::Type(_) => self.type_call(o, args),
            Obj::StaticMethod(f) => {
                let f = f.clone();
                self.call_or_frame(&f, args)
            }
            _ => {
                let t = self.type_of(callable);
                match super::types::lookup(&t, super::ops::str_hash("__call__"), "__call__") {
                    Some(f) => {
                        args.pos.insert(0, callable.clone());
                        self.call_or_frame(&f, args)
                    }
                    None => {
                        let t = self.type_name(callable);
                        self.type_error(format!("'{t}' object is not callable"))
                    }
                }
            }
        }
    }

    fn function_call(&mut self, fobj: &ObjRef, f: &Function, args: Args) -> PyResult<CallOutcome> {
        let frame = self.bind_args(fobj, f, &args.pos, &args.kw)?;
        self.frame_or_generator(f, frame)
    }

    /// A function's frame is run now, unless the function is a generator
    /// or coroutine: then the call returns the generator object.
    fn frame_or_generator(&mut self, f: &Function, frame: Box<Frame>) -> PyResult<CallOutcome> {
        let code = &f.code.obj;
        let kind = if code.is_coroutine() {
            Some(GenKind::Coroutine)
        } else if code.is_async_generator() {
            Some(GenKind::AsyncGenerator)
        } else if code.is_generator() {
            Some(GenKind::Generator)
        } else {
            None
        };
        match kind {
            None => Ok(CallOutcome::Frame(frame)),
            Some(kind) => Ok(CallOutcome::Value(self.new_generator(kind, f, frame))),
        }
    }

    fn new_generator(&mut self, kind: GenKind, f: &Function, mut frame: Box<Frame>) -> Value {
        let gen = Rc::new(Obj::Generator(Box::new(Generator {
            kind,
            frame: std::cell::RefCell::new(None),
            state: std::cell::Cell::new(GenState::Created),
            name: f.name.borrow().clone(),
            qualname: f.qualname.borrow().clone(),
            code: f.code.clone(),
            exc_state: std::cell::RefCell::new(Value::None),
        })));
        frame.generator = Some(gen.clone());
        if let Obj::Generator(g) = &*gen {
            *g.frame.borrow_mut() = Some(frame);
        }
        Value::Obj(gen)
    }

    /// From the interpreter loop: calls the callable below `argc` arguments
    /// (see `Instr::Call`). Returns a frame to push, or pushes the result.
    pub(crate) fn call_from_stack(
        &mut self,
        frame: &mut Frame,
        argc: usize,
        kwnames: Option<Value>,
    ) -> PyResult<Option<Box<Frame>>> {
        let len = frame.stack.len();
        if len < argc + 2 {
            return Err(self.error("SystemError", "call with a short stack"));
        }
        let first = len - argc - 2;
        let (callable, args_start) = if frame.stack[first].is_null() {
            (frame.stack[first + 1].clone(), first + 2)
        } else {
            (frame.stack[first].clone(), first + 1)
        };
        let kwnames: &[Value] = match &kwnames {
            Some(v) => v.as_tuple().unwrap_or(&[]),
            None => &[],
        };
        // `super()` with no arguments reads the calling frame.
        if let Value::Obj(o) = &callable {
            if let Obj::Type(td) = &**o {
                if td.kind == TypeKind::Super && args_start == len && kwnames.is_empty() {
                    let s = self.zero_arg_super(frame)?;
                    frame.stack.truncate(first);
                    frame.stack.push(s);
                    return Ok(None);
                }
            }
        }
        // `locals()`, `globals()`, `vars()`, `dir()` with no arguments read the
        // calling frame.
        if let Value::Obj(o) = &callable {
            if let Obj::Builtin(b) = &**o {
                // `eval(src)` / `exec(src)` default to the caller's namespaces.
                if b.owner.is_none()
                    && matches!(b.name, "eval" | "exec")
                    && args_start + 1 == len
                    && kwnames.is_empty()
                {
                    let locals = self.frame_locals(frame)?;
                    frame.stack.push(Value::Obj(frame.globals.clone()));
                    frame.stack.push(locals);
                    return self.call_from_stack(frame, argc + 2, None);
                }
                if b.owner.is_none() && b.bound.is_none() && args_start == len && kwnames.is_empty()
                {
                    let r = match b.name {
                        "locals" | "vars" => Some(self.frame_locals(frame)?),
                        "globals" => Some(Value::Obj(frame.globals.clone())),
                        "dir" => {
                            let l = self.frame_locals(frame)?;
                            let mut keys: Vec<String> = self
                                .dict_items(l.as_obj().expect("dict"))
                                .into_iter()
                                .filter_map(|(k, _)| k.as_str().map(str::to_string))
                                .collect();
                            keys.sort();
                            Some(Value::list(keys.into_iter().map(Value::string).collect()))
                        }
                        _ => None,
                    };
                    if let Some(r) = r {
                        frame.stack.truncate(first);
                        frame.stack.push(r);
                        return Ok(None);
                    }
                }
            }
        }
        if let Some(f) = self.send_on_stack(frame, &callable, first, args_start, kwnames)? {
            return Ok(Some(f));
        }
        if let Some(done) = self.collect_on_stack(frame, &callable, first, args_start, kwnames)? {
            return Ok(done);
        }
        // Fast path: a plain Python function.
        if let Value::Obj(o) = &callable {
            if let Obj::Function(f) = &**o {
                let all = &frame.stack[args_start..];
                let npos = all.len() - kwnames.len();
                let kw: Vec<(Value, Value)> = kwnames
                    .iter()
                    .cloned()
                    .zip(all[npos..].iter().cloned())
                    .collect();
                let new = self.bind_args(o, f, &all[..npos], &kw);
                frame.stack.truncate(first);
                let new = new?;
                return match self.frame_or_generator(f, new)? {
                    CallOutcome::Frame(f) => Ok(Some(f)),
                    CallOutcome::Value(v) => {
                        frame.stack.push(v);
                        Ok(None)
                    }
                };
            }
        }
        let mut all: Vec<Value> = frame.stack.split_off(args_start);
        frame.stack.truncate(first);
        let npos = all.len() - kwnames.len();
        let kwvals = all.split_off(npos);
        let args = Args {
            pos: all,
            kw: kwnames.iter().cloned().zip(kwvals).collect(),
        };
        match self.call_or_frame(&callable, args)? {
            CallOutcome::Value(v) => {
                frame.stack.push(v);
                Ok(None)
            }
            CallOutcome::Frame(f) => Ok(Some(f)),
        }
    }

    /// `gen.send(v)` / `gen.__next__()` called from Python code: the
    /// generator's frame runs on the caller's frame stack (not nested), so
    /// that code it runs can block, be preempted and stop at a budget —
    /// as an event loop stepping its tasks' coroutines needs. `None` when
    /// the call is anything else (or cannot resume: the builtin reports it).
    fn send_on_stack(
        &mut self,
        frame: &mut Frame,
        callable: &Value,
        first: usize,
        args_start: usize,
        kwnames: &[Value],
    ) -> PyResult<Option<Box<Frame>>> {
        let Value::Obj(o) = callable else {
            return Ok(None);
        };
        let Obj::Builtin(b) = &**o else {
            return Ok(None);
        };
        if !matches!(b.owner, Some("generator" | "coroutine"))
            || !matches!(b.name, "send" | "__next__")
            || !kwnames.is_empty()
        {
            return Ok(None);
        }
        let mut args: Vec<Value> = b.bound.iter().cloned().collect();
        args.extend(frame.stack[args_start..].iter().cloned());
        let want = if b.name == "send" { 2 } else { 1 };
        if args.len() != want {
            return Ok(None);
        }
        let Value::Obj(g) = &args[0] else {
            return Ok(None);
        };
        let Obj::Generator(gen) = &**g else {
            return Ok(None);
        };
        if !matches!(gen.state.get(), GenState::Created | GenState::Suspended)
            || gen.frame.borrow().is_none()
        {
            return Ok(None);
        }
        let sent = args.get(1).cloned().unwrap_or(Value::None);
        let g = g.clone();
        frame.stack.truncate(first);
        self.gen_resume(&g, sent, OnReturn::Send)
    }

    /// `list(it)`, `tuple`, `set`, `sorted`, `sum`, `any`, `all`,
    /// `enumerate`, `zip`, `map`, `filter` of a Python generator or class
    /// instance, called from Python code: done by the same functions written
    /// in Python (`iter_helpers.py`, frames hidden from tracebacks), so that
    /// the generator runs on the caller's frame stack and may block —
    /// `list(pool.map(f, xs))`, `zip(urls, pool.map(load, urls))` wait for
    /// workers. `None` when the call is not one of these; else what
    /// [`Vm::call_from_stack`] returns.
    fn collect_on_stack(
        &mut self,
        frame: &mut Frame,
        callable: &Value,
        first: usize,
        args_start: usize,
        kwnames: &[Value],
    ) -> PyResult<Option<Option<Box<Frame>>>> {
        let Value::Obj(o) = callable else {
            return Ok(None);
        };
        let t = &self.types;
        // (helper, index of the first iterable argument, most arguments)
        let (name, from, most) = match &**o {
            _ if Rc::ptr_eq(o, &t.list) => ("list", 0, 1),
            _ if Rc::ptr_eq(o, &t.tuple) => ("tuple", 0, 1),
            _ if Rc::ptr_eq(o, &t.set) => ("set", 0, 1),
            _ if Rc::ptr_eq(o, &t.enumerate) => ("enumerate", 0, 2),
            _ if Rc::ptr_eq(o, &t.zip) => ("zip", 0, usize::MAX),
            _ if Rc::ptr_eq(o, &t.map) => ("map", 1, usize::MAX),
            _ if Rc::ptr_eq(o, &t.filter) => ("filter", 1, 2),
            Obj::Builtin(b) if b.owner.is_none() && b.bound.is_none() => match b.name {
                "sorted" => ("sorted", 0, 1),
                "sum" => ("sum", 0, 2),
                "any" => ("any", 0, 1),
                "all" => ("all", 0, 1),
                _ => return Ok(None),
            },
            _ => return Ok(None),
        };
        let n = frame.stack.len() - args_start;
        let allowed: &[&str] = match name {
            "enumerate" | "sum" => &["start"],
            "sorted" => &["key", "reverse"],
            _ => &[],
        };
        let kw_ok = kwnames
            .iter()
            .all(|k| k.as_str().is_some_and(|k| allowed.contains(&k)));
        let npos = n.saturating_sub(kwnames.len());
        if !kw_ok || npos == 0 || npos > most || npos <= from {
            return Ok(None);
        }
        // Generators, and instances of classes (whose `__iter__` may be a
        // generator, as `multiprocessing.pool.IMapIterator`'s is).
        let python_iterable = |v: &Value| match v.as_obj().map(|o| &**o) {
            Some(Obj::Generator(g)) => g.kind == GenKind::Generator,
            Some(Obj::Instance(i)) => i.payload.is_none(),
            _ => false,
        };
        let iterables = if name == "enumerate" || name == "sum" {
            &frame.stack[args_start..args_start + 1]
        } else {
            &frame.stack[args_start + from..args_start + npos]
        };
        if !iterables.iter().any(python_iterable) || self.compile_hook.is_none() {
            return Ok(None);
        }
        let helper = self.collect_helper(name)?;
        let mut all: Vec<Value> = frame.stack.split_off(args_start);
        frame.stack.truncate(first);
        let kwvals = all.split_off(npos);
        let args = Args {
            pos: all,
            kw: kwnames.iter().cloned().zip(kwvals).collect(),
        };
        match self.call_or_frame(&helper, args)? {
            CallOutcome::Frame(f) => Ok(Some(Some(f))),
            CallOutcome::Value(v) => {
                frame.stack.push(v);
                Ok(Some(None))
            }
        }
    }

    /// The helper function `name` of [`Vm::collect_on_stack`] (compiled once).
    fn collect_helper(&mut self, name: &str) -> PyResult<Value> {
        const SOURCE: &str = include_str!("iter_helpers.py");
        let key = "<generator collectors>";
        let module = match self.modules.get(key) {
            Some(m) => m.clone(),
            None => {
                let hook = self.compile_hook.expect("checked by the caller");
                let code = match hook(SOURCE, HIDDEN_FILENAME, false) {
                    Ok(c) => c,
                    Err((msg, ..)) => return Err(self.error("SystemError", msg)),
                };
                let m = self.new_module(key);
                let Obj::Module(md) = &*m else {
                    return Err(self.error("SystemError", "not a module"));
                };
                let globals = md.dict.clone();
                let bm = self.builtins_module.clone();
                self.module_set(&m, "__builtins__", bm);
                let code = self.load_code(&code);
                self.run_frame_nested(Frame::new(code, globals.clone(), Some(globals)))?;
                self.modules.insert(key.into(), Value::Obj(m.clone()));
                Value::Obj(m)
            }
        };
        self.get_attr_str(&module, name)
    }

    /// `locals()` of a frame: its namespace dict (module and class bodies),
    /// or a new dict of its bound fast locals and cells.
    fn frame_locals(&mut self, frame: &Frame) -> PyResult<Value> {
        if let Some(d) = &frame.locals_dict {
            return Ok(Value::Obj(d.clone()));
        }
        let d = self.new_dict_value();
        let dref = d.as_obj().expect("dict").clone();
        let code = frame.code.obj.clone();
        for (name, v) in code.varnames.iter().zip(frame.locals.iter()) {
            if !v.is_null() && !code.cellvars.contains(name) {
                let k = self.intern(name);
                self.dict_set(&dref, k, v.clone())?;
            }
        }
        for (name, cell) in code
            .cellvars
            .iter()
            .chain(code.freevars.iter())
            .zip(frame.cells.iter())
        {
            if let Obj::Cell(c) = &**cell {
                let v = c.borrow().clone();
                if !v.is_null() {
                    let k = self.intern(name);
                    self.dict_set(&dref, k, v)?;
                }
            }
        }
        Ok(d)
    }

    /// `super()` inside a method: `super(__class__, <first argument>)`.
    fn zero_arg_super(&mut self, frame: &Frame) -> PyResult<Value> {
        let code = &frame.code.obj;
        if code.argcount == 0 && code.flags & super::code::CO_VARARGS == 0 {
            return Err(self.error("RuntimeError", "super(): no arguments"));
        }
        let first = match code.cell_for_param(0) {
            Some(ci) => match frame.cells.get(ci).map(|c| &**c) {
                Some(Obj::Cell(c)) => c.borrow().clone(),
                _ => Value::Null,
            },
            None => frame.locals.first().cloned().unwrap_or(Value::Null),
        };
        let first = if first.is_null() && code.argcount == 0 {
            frame
                .locals
                .first()
                .and_then(|v| v.as_tuple().and_then(|t| t.first().cloned()))
                .unwrap_or(Value::Null)
        } else {
            first
        };
        if first.is_null() {
            return Err(self.error("RuntimeError", "super(): arg[0] deleted"));
        }
        let Some(idx) = code.freevars.iter().position(|n| &**n == "__class__") else {
            return Err(self.error("RuntimeError", "super(): __class__ cell not found"));
        };
        let class = match frame.cells.get(code.cellvars.len() + idx).map(|c| &**c) {
            Some(Obj::Cell(c)) => c.borrow().clone(),
            _ => Value::Null,
        };
        if class.as_type().is_none() {
            return Err(self.error("RuntimeError", "super(): empty __class__ cell"));
        }
        super::builtins::object::super_new(self, Args::new(vec![class, first]))
    }

    /// Binds arguments to a Python function's parameters: the new frame.
    pub fn bind_args(
        &mut self,
        fobj: &ObjRef,
        f: &Function,
        pos: &[Value],
        kw: &[(Value, Value)],
    ) -> PyResult<Box<Frame>> {
        let code = &f.code.obj;
        let mut frame = self.take_frame(f.code.clone(), f.globals.clone(), None);
        let _ = fobj;
        let argcount = code.argcount as usize;
        let has_varargs = code.flags & super::code::CO_VARARGS != 0;
        let has_varkw = code.flags & super::code::CO_VARKEYWORDS != 0;
        let kwonly = code.kwonlyargcount as usize;
        let simple =
            kw.is_empty() && pos.len() == argcount && !has_varargs && !has_varkw && kwonly == 0;
        if simple {
            frame.locals[..argcount].clone_from_slice(pos);
        } else {
            self.bind_general(f, &mut frame, pos, kw)?;
        }
        // Cells: the code's own cellvars (parameters captured by inner
        // functions start with the argument), then the closure.
        if !code.cellvars.is_empty() || !f.closure.is_empty() {
            let mut cells = Vec::with_capacity(code.cellvars.len() + f.closure.len());
            for (ci, name) in code.cellvars.iter().enumerate() {
                let init = match code.varnames.iter().position(|v| v == name) {
                    Some(slot) if slot < code.total_params() => frame.locals[slot].clone(),
                    _ => Value::Null,
                };
                let _ = ci;
                cells.push(Rc::new(Obj::Cell(std::cell::RefCell::new(init))));
            }
            cells.extend(f.closure.iter().cloned());
            frame.cells = cells;
        }
        Ok(frame)
    }

    fn bind_general(
        &mut self,
        f: &Function,
        frame: &mut Frame,
        pos: &[Value],
        kw: &[(Value, Value)],
    ) -> PyResult<()> {
        let code = f.code.obj.clone();
        let qualname = f.qualname.borrow().clone();
        let argcount = code.argcount as usize;
        let posonly = code.posonlyargcount as usize;
        let kwonly = code.kwonlyargcount as usize;
        let has_varargs = code.flags & super::code::CO_VARARGS != 0;
        let has_varkw = code.flags & super::code::CO_VARKEYWORDS != 0;
        let varargs_slot = argcount + kwonly;
        let varkw_slot = varargs_slot + usize::from(has_varargs);

        // Positional.
        let n = pos.len().min(argcount);
        frame.locals[..n].clone_from_slice(&pos[..n]);
        if has_varargs {
            frame.locals[varargs_slot] = Value::tuple(pos[n..].to_vec());
        } else if pos.len() > argcount {
            let given_kw = kw
                .iter()
                .filter(|(k, _)| {
                    code.varnames[argcount..argcount + kwonly]
                        .iter()
                        .any(|v| Some(&**v) == k.as_str())
                })
                .count();
            let ndefaults = f.defaults.len();
            let takes = if ndefaults > 0 && ndefaults <= argcount {
                format!(
                    "from {} to {} positional arguments",
                    argcount - ndefaults,
                    argcount
                )
            } else {
                format!(
                    "{} positional argument{}",
                    argcount,
                    if argcount == 1 { "" } else { "s" }
                )
            };
            let given = if given_kw > 0 {
                format!(
                    "{} positional argument{} (and {} keyword-only argument{}) were given",
                    pos.len(),
                    if pos.len() == 1 { "" } else { "s" },
                    given_kw,
                    if given_kw == 1 { "" } else { "s" }
                )
            } else {
                format!(
                    "{} {} given",
                    pos.len(),
                    if pos.len() == 1 { "was" } else { "were" }
                )
            };
            return self.type_error(format!("{qualname}() takes {takes} but {given}"));
        }

        // Keywords.
        let kwargs = if has_varkw {
            Some(self.new_dict_value())
        } else {
            None
        };
        let mut posonly_as_kw: Vec<String> = Vec::new();
        for (k, v) in kw {
            let Some(name) = k.as_str() else {
                return self.type_error(format!("{qualname}() keywords must be strings"));
            };
            let slot = code.varnames[posonly..argcount + kwonly]
                .iter()
                .position(|p| &**p == name)
                .map(|i| i + posonly);
            match slot {
                Some(i) => {
                    if !frame.locals[i].is_null() {
                        return self.type_error(format!(
                            "{qualname}() got multiple values for argument '{name}'"
                        ));
                    }
                    frame.locals[i] = v.clone();
                }
                None => {
                    if let Some(d) = &kwargs {
                        let d = d.as_obj().expect("dict").clone();
                        self.dict_set(&d, k.clone(), v.clone())?;
                    } else if code.varnames[..posonly].iter().any(|p| &**p == name) {
                        posonly_as_kw.push(name.to_string());
                    } else {
                        return self.type_error(format!(
                            "{qualname}() got an unexpected keyword argument '{name}'"
                        ));
                    }
                }
            }
        }
        if !posonly_as_kw.is_empty() {
            return self.type_error(format!(
                "{qualname}() got some positional-only arguments passed as keyword arguments: '{}'",
                posonly_as_kw.join(", ")
            ));
        }
        if let Some(d) = kwargs {
            frame.locals[varkw_slot] = d;
        }

        // Defaults for missing positional parameters.
        let ndefaults = f.defaults.len();
        let first_default = argcount.saturating_sub(ndefaults);
        let mut missing: Vec<String> = Vec::new();
        for i in 0..argcount {
            if frame.locals[i].is_null() {
                if i >= first_default {
                    frame.locals[i] = f.defaults[i - first_default].clone();
                } else {
                    missing.push(format!("'{}'", code.varnames[i]));
                }
            }
        }
        if !missing.is_empty() {
            return self.type_error(format!(
                "{qualname}() missing {} required positional argument{}: {}",
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                join_names(&missing)
            ));
        }
        // Keyword-only defaults.
        for i in argcount..argcount + kwonly {
            if frame.locals[i].is_null() {
                let name = &code.varnames[i];
                let default = match &f.kwdefaults {
                    Some(d) => self.dict_get_str(d, name)?,
                    None => None,
                };
                match default {
                    Some(v) => frame.locals[i] = v,
                    None => missing.push(format!("'{name}'")),
                }
            }
        }
        if !missing.is_empty() {
            return self.type_error(format!(
                "{qualname}() missing {} required keyword-only argument{}: {}",
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                join_names(&missing)
            ));
        }
        Ok(())
    }

    /// Calling a class: `type(x)`, builtin constructors, and instances of
    /// user classes (`__new__` then `__init__`).
    fn type_call(&mut self, cls: &ObjRef, args: Args) -> PyResult<CallOutcome> {
        let Obj::Type(td) = &**cls else {
            unreachable_type()
        };
        // A metaclass defining __call__ (the singleton pattern) decides.
        if let Some(meta) = &td.metaclass {
            if let Some(f) =
                super::types::lookup(meta, super::ops::str_hash("__call__"), "__call__")
            {
                if matches!(&f, Value::Obj(o) if matches!(&**o, Obj::Function(_))) {
                    let mut pos = vec![Value::Obj(cls.clone())];
                    pos.extend(args.pos);
                    return self.call_or_frame(&f, Args { pos, kw: args.kw });
                }
            }
        }
        self.type_call_default(cls, args)
    }

    fn type_call_default(&mut self, cls: &ObjRef, args: Args) -> PyResult<CallOutcome> {
        let Obj::Type(td) = &**cls else {
            return self.type_error("not a type");
        };
        if Rc::ptr_eq(cls, &self.types.type_) && args.pos.len() == 1 && args.kw.is_empty() {
            return Ok(CallOutcome::Value(Value::Obj(self.type_of(&args.pos[0]))));
        }
        if td.kind != TypeKind::User && td.kind != TypeKind::Exception {
            // A builtin type's constructor does everything.
            return super::builtins::construct(self, cls, args).map(CallOutcome::Value);
        }
        // A user __new__ is honoured.
        let new = super::types::lookup(cls, super::ops::str_hash("__new__"), "__new__");
        let user_new = matches!(&new, Some(Value::Obj(o)) if matches!(&**o, Obj::Function(_) | Obj::StaticMethod(_)))
            || native_new(cls);
        let instance = if user_new {
            let new = new.expect("checked");
            let f = match &new {
                Value::Obj(o) => match &**o {
                    Obj::StaticMethod(f) => f.clone(),
                    _ => new.clone(),
                },
                _ => new.clone(),
            };
            let mut pos = vec![Value::Obj(cls.clone())];
            pos.extend(args.pos.iter().cloned());
            self.call(
                &f,
                Args {
                    pos,
                    kw: args.kw.clone(),
                },
            )?
        } else if td.kind == TypeKind::User || td.kind == TypeKind::Exception {
            self.object_new(cls, &args)?
        } else {
            // A builtin type's constructor does everything.
            return super::builtins::construct(self, cls, args).map(CallOutcome::Value);
        };
        // __init__ only when __new__ returned an instance of cls.
        let inst_type = self.type_of(&instance);
        if !super::types::is_subtype(&inst_type, cls) {
            return Ok(CallOutcome::Value(instance));
        }
        let init = super::types::lookup(&inst_type, super::ops::str_hash("__init__"), "__init__");
        match init {
            Some(Value::Obj(f)) if matches!(&*f, Obj::Function(_)) => {
                let Obj::Function(func) = &*f else {
                    unreachable_type()
                };
                let mut pos = vec![instance.clone()];
                pos.extend(args.pos);
                let mut frame = self.bind_args(&f, func, &pos, &args.kw)?;
                if func.code.obj.is_generator() || func.code.obj.is_coroutine() {
                    return self.type_error("__init__() should return None, not 'generator'");
                }
                frame.on_return = OnReturn::Init(instance);
                Ok(CallOutcome::Frame(frame))
            }
            Some(Value::Obj(b)) if matches!(&*b, Obj::Builtin(bi) if bi.owner == Some("object")) => {
                Ok(CallOutcome::Value(instance))
            }
            Some(init) => {
                let mut pos = vec![instance.clone()];
                pos.extend(args.pos);
                let r = self.call(&init, Args { pos, kw: args.kw })?;
                if !r.is_none() {
                    let t = self.type_name(&r);
                    return self.type_error(format!("__init__() should return None, not '{t}'"));
                }
                Ok(CallOutcome::Value(instance))
            }
            None => Ok(CallOutcome::Value(instance)),
        }
    }

    /// `object.__new__(cls)` for user classes and exceptions.
    pub fn object_new(&mut self, cls: &ObjRef, args: &Args) -> PyResult<Value> {
        let Obj::Type(td) = &**cls else {
            unreachable_type()
        };
        if td.base_kind == TypeKind::Exception {
            let group = self.types.exc("BaseExceptionGroup");
            if super::types::is_subtype(cls, &group) {
                return super::builtins::exception_group::new_group(self, cls, args);
            }
            return Ok(Value::Obj(
                self.new_exception(cls.clone(), args.pos.clone()),
            ));
        }
        if td.base_kind != TypeKind::Object {
            return super::builtins::construct_subclass(self, cls, args);
        }
        // "C() takes no arguments" when neither __init__ nor __new__ is overridden.
        if !args.is_empty() {
            let init = super::types::lookup(cls, super::ops::str_hash("__init__"), "__init__");
            let object_init = super::types::lookup(
                &self.types.object,
                super::ops::str_hash("__init__"),
                "__init__",
            );
            let same = match (&init, &object_init) {
                (Some(a), Some(b)) => a.is(b),
                _ => true,
            };
            if same {
                return self.type_error(format!("{}() takes no arguments", td.name));
            }
        }
        Ok(Value::obj(Obj::Instance(super::value::Instance {
            class: cls.clone(),
            dict: self.new_dict_value().as_obj().expect("dict").clone(),
            payload: None,
            slot_values: std::cell::RefCell::new(Vec::new()),
        })))
    }

    /// `type.__call__(cls, *args)`: instantiation run to completion.
    pub fn instantiate(&mut self, cls: &Value, args: Args) -> PyResult<Value> {
        let Value::Obj(c) = cls else {
            return self.type_error("type.__call__ requires a type");
        };
        match self.type_call_default(c, args)? {
            CallOutcome::Value(v) => Ok(v),
            CallOutcome::Frame(f) => self.run_call_frame(*f),
        }
    }

    /// A bound method of `func` for `receiver` (functions bind; builtin
    /// method descriptors bind; anything else is returned as is).
    pub fn bind(&self, func: Value, receiver: Value) -> Value {
        match &func {
            Value::Obj(o) => match &**o {
                Obj::Function(_) => {
                    Value::obj(Obj::BoundMethod(Box::new(super::value::BoundMethod {
                        func,
                        receiver,
                    })))
                }
                Obj::Builtin(b) if b.bound.is_none() => {
                    Value::obj(Obj::Builtin(super::value::Builtin {
                        name: b.name,
                        owner: b.owner,
                        func: b.func,
                        bound: Some(receiver),
                    }))
                }
                _ => func,
            },
            _ => func,
        }
    }
}

fn join_names(names: &[String]) -> String {
    match names.len() {
        0 => String::new(),
        1 => names[0].clone(),
        2 => format!("{} and {}", names[0], names[1]),
        n => format!("{}, and {}", names[..n - 1].join(", "), names[n - 1]),
    }
}

/// Whether the `__new__` that `cls` inherits is the builtin constructor of
/// a native class (a type implemented in Rust by a simulated module, such
/// as `collections.deque`): it makes the instance, as a user `__new__` does.
fn native_new(cls: &ObjRef) -> bool {
    let hash = super::ops::str_hash("__new__");
    for c in super::types::mro_of(cls) {
        let Some(td) = super::types::type_data(c) else {
            continue;
        };
        if let Some(v) = super::dict::DictStr::get_str(&*td.dict.borrow(), hash, "__new__") {
            return td.kind == TypeKind::User
                && matches!(v, Value::Obj(o) if matches!(**o, Obj::Builtin(_)));
        }
    }
    false
}

#[cold]
fn unreachable_type() -> ! {
    unreachable!("checked to be a type object")
}

#[cfg(test)]
mod tests {
    use super::Args;
    use crate::run::{run, RunOptions};
    use crate::vm::module::native_data;
    use crate::vm::value::{Obj, Value};
    use crate::vm::{Config, PyResult, Vm};

    #[test]
    fn calling_a_class_from_rust_returns_the_instance() {
        // python3: "[1, 2, 3] [1, 2]" (sorted and map call the class from Rust).
        let program = "class K:\n    def __init__(self, v):\n        self.v = v\n\
                       \x20   def __lt__(self, o):\n        return self.v < o.v\n\
                       print([k.v for k in sorted(map(K, [3, 1, 2]))], [k.v for k in map(K, [1, 2])])\n";
        let out = run(program, &RunOptions::default());
        assert_eq!(out.stdout, "[1, 2, 3] [1, 2]\n", "{}", out.stderr);
    }

    fn native_new(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
        match args.pos.first() {
            Some(Value::Obj(cls)) if matches!(&**cls, Obj::Type(_)) => {
                Ok(vm.new_native(cls, args.pos.len() as i64 - 1))
            }
            _ => vm.type_error("no class"),
        }
    }

    #[test]
    fn a_native_class_builtin_new_makes_its_instances() {
        let mut vm = Vm::new(Config::default());
        let cls = vm.new_native_class("Native", "test", &[("__new__", native_new)], None);
        let v = vm
            .call(
                &Value::Obj(cls),
                Args::new(vec![Value::Int(1), Value::Int(2)]),
            )
            .unwrap_or(Value::None);
        assert_eq!(native_data(&v, |n: &mut i64| *n), Some(2));
    }
}
