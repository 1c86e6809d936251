//! Exceptions: creating and raising them from Rust with CPython's messages,
//! and rendering an uncaught one as CPython's traceback.
//!
//! A traceback records (code, instruction) pairs as the exception passes
//! through frames; lines and source text are looked up only when printing.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use super::dict::Dict;
use super::value::{ExcData, Obj, ObjRef, TracebackEntry, Value};
use super::{PyErr, PyResult, Vm};

/// File name of the runtime's thread bootstrap function (it stands for
/// CPython's C code, so tracebacks leave its frames out).
pub const BOOTSTRAP_FILENAME: &str = "<_thread>";

/// Simulated modules written in Python that stand for C code in CPython
/// (`io` is `_io`): their frames stay out of tracebacks too.
pub const C_MODULE_FILENAMES: &[&str] = &["<frozen io>"];

impl Vm {
    /// A new exception instance of `class` with these args.
    /// `OSError(errno, strerror, ...)` becomes the subclass for that
    /// errno and sets its attributes, as CPython's `OSError.__new__` does.
    pub fn new_exception(&self, class: ObjRef, args: Vec<Value>) -> ObjRef {
        let os_error = self.types.exc("OSError");
        let mut class = class;
        if Rc::ptr_eq(&class, &os_error) && (2..=5).contains(&args.len()) {
            if let Some(sub) = match &args[0] {
                Value::Int(n) => super::builtins::exception::os_error_subclass(*n),
                _ => None,
            } {
                class = self.types.exc(sub);
            }
        }
        let is_os_error = super::types::is_subtype(&class, &os_error);
        let o = Rc::new(Obj::Exception(Box::new(ExcData {
            class,
            args: RefCell::new(Value::tuple(args)),
            dict: RefCell::new(Dict::new()),
            traceback: RefCell::new(Vec::new()),
            cause: RefCell::new(Value::None),
            context: RefCell::new(Value::None),
            suppress_context: Cell::new(false),
        })));
        if is_os_error {
            super::builtins::exception::os_error_init(self, &o);
        }
        o
    }

    /// A builtin exception `name` with one str argument, as an error.
    pub fn error(&self, name: &str, msg: impl Into<String>) -> PyErr {
        let class = self.types.exc(name);
        PyErr::Exc(self.new_exception(class, vec![Value::string(msg.into())]))
    }

    pub fn type_error<T>(&self, msg: impl Into<String>) -> PyResult<T> {
        Err(self.error("TypeError", msg))
    }

    pub fn value_error<T>(&self, msg: impl Into<String>) -> PyResult<T> {
        Err(self.error("ValueError", msg))
    }

    /// `NameError: name 'x' is not defined`, with its `name` attribute.
    pub fn name_error(&mut self, name: &str) -> PyErr {
        let e = self.new_exception(
            self.types.exc("NameError"),
            vec![Value::string(format!("name '{name}' is not defined"))],
        );
        if let Obj::Exception(d) = &*e {
            let k = self.intern("name");
            d.dict
                .borrow_mut()
                .insert_absent(k, super::ops::str_hash("name"), Value::str(name));
        }
        PyErr::Exc(e)
    }

    /// `KeyError(key)`: its str is the key's repr.
    pub fn key_error(&self, key: Value) -> PyErr {
        PyErr::Exc(self.new_exception(self.types.exc("KeyError"), vec![key]))
    }

    /// `StopIteration(value)`.
    pub fn stop_iteration(&self, value: Value) -> PyErr {
        let args = if value.is_none() { vec![] } else { vec![value] };
        PyErr::Exc(self.new_exception(self.types.exc("StopIteration"), args))
    }

    /// Whether the error is an exception of class `name` (or a subclass).
    pub fn err_is(&self, err: &PyErr, name: &str) -> bool {
        match err {
            PyErr::Exc(e) => self.exc_is(e, name),
            PyErr::Halt(_) => false,
        }
    }

    pub fn exc_is(&self, exc: &ObjRef, name: &str) -> bool {
        match &**exc {
            Obj::Exception(d) => super::types::is_subtype(&d.class, &self.types.exc(name)),
            _ => false,
        }
    }

    /// The class name of an exception as a traceback prints it
    /// (`ValueError`, or `pkg.MyError` outside `__main__`/`builtins`).
    pub fn exc_class_name(&self, exc: &ObjRef) -> String {
        let Obj::Exception(d) = &**exc else {
            return "?".into();
        };
        match super::types::type_data(&d.class) {
            Some(t) if &*t.module == "builtins" || &*t.module == "__main__" => {
                t.qualname.to_string()
            }
            Some(t) => format!("{}.{}", t.module, t.qualname),
            None => "?".into(),
        }
    }

    /// Appends a traceback entry for `code` at instruction `pc`.
    pub fn add_traceback(&self, exc: &ObjRef, code: &Rc<super::code::CodeObject>, pc: usize) {
        if &*code.filename == super::call::HIDDEN_FILENAME {
            return;
        }
        if let Obj::Exception(d) = &**exc {
            d.traceback.borrow_mut().insert(
                0,
                TracebackEntry {
                    code: code.clone(),
                    pc,
                },
            );
        }
    }

    /// `ClassName: message` (or just `ClassName` when str(exc) is empty).
    pub fn exc_summary(&mut self, exc: &ObjRef) -> String {
        let name = self.exc_class_name(exc);
        let text = match self.str_of(&Value::Obj(exc.clone())) {
            Ok(s) => s,
            Err(_) => "<exception str() failed>".to_string(),
        };
        if text.is_empty() {
            name
        } else {
            format!("{name}: {text}")
        }
    }

    /// The whole traceback of an uncaught exception, with its chain of
    /// causes and contexts, as CPython 3.11 prints it.
    pub fn format_exception(&mut self, exc: &ObjRef) -> String {
        let mut chain: Vec<(ObjRef, &'static str)> = Vec::new();
        let mut cur = exc.clone();
        let mut seen: Vec<ObjRef> = vec![exc.clone()];
        while let Obj::Exception(d) = &*cur {
            let cause = d.cause.borrow().clone();
            let context = d.context.borrow().clone();
            let next = match (cause, context) {
                (Value::Obj(c), _) => Some((
                    c,
                    "\nThe above exception was the direct cause of the following exception:\n\n",
                )),
                (_, Value::Obj(c)) if !d.suppress_context.get() => Some((
                    c,
                    "\nDuring handling of the above exception, another exception occurred:\n\n",
                )),
                _ => None,
            };
            match next {
                Some((n, msg)) if !seen.iter().any(|s| Rc::ptr_eq(s, &n)) => {
                    chain.push((n.clone(), msg));
                    seen.push(n.clone());
                    cur = n;
                }
                _ => break,
            }
        }
        let mut out = String::new();
        for (e, msg) in chain.iter().rev() {
            out.push_str(&self.format_one(e));
            out.push_str(msg);
        }
        out.push_str(&self.format_one(exc));
        out
    }

    /// Renders one exception with its traceback.
    fn format_one(&mut self, exc: &ObjRef) -> String {
        let mut out = String::new();
        let entries = match &**exc {
            Obj::Exception(d) => d.traceback.borrow().clone(),
            _ => Vec::new(),
        };
        if !entries.is_empty() {
            out.push_str("Traceback (most recent call last):\n");
        }
        for e in &entries {
            // The runtime's thread bootstrap stands for C code in CPython:
            // no frame of it ever shows.
            if &*e.code.filename == BOOTSTRAP_FILENAME
                || C_MODULE_FILENAMES.contains(&&*e.code.filename)
            {
                continue;
            }
            let line = e.code.lines.get(e.pc).copied().unwrap_or(e.code.first_line);
            out.push_str(&format!(
                "  File \"{}\", line {}, in {}\n",
                e.code.filename, line, e.code.name
            ));
            if let Some(text) = self.source_line(&e.code.filename, line) {
                out.push_str(&format!("    {}\n", text.trim()));
            }
        }
        out.push_str(&self.exc_summary(exc));
        out.push('\n');
        out
    }

    /// Line `line` (1-based) of a known source file.
    pub fn source_line(&self, filename: &str, line: u32) -> Option<String> {
        let src = self.sources.get(filename)?;
        src.lines()
            .nth(line.checked_sub(1)? as usize)
            .map(str::to_string)
    }
}
