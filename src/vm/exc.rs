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
        self.format_chain(exc, &mut GroupCtx::default())
    }

    /// An exception after the exceptions of its chain, inside the
    /// exception-group boxes `ctx` is in.
    fn format_chain(&mut self, exc: &ObjRef, ctx: &mut GroupCtx) -> String {
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
        chain.reverse();
        chain.push((exc.clone(), ""));
        // Each exception follows the message of the one before it.
        let mut out = String::new();
        let mut msg = "";
        for (e, next_msg) in &chain {
            if !msg.is_empty() {
                out.push_str(&ctx.emit(msg, '|'));
            }
            self.format_one(e, ctx, &mut out);
            msg = next_msg;
        }
        out
    }

    /// Renders one exception with its traceback; an exception group as
    /// CPython 3.11's `traceback` module boxes it, each sub-exception
    /// (with its own chain) in a numbered section.
    fn format_one(&mut self, exc: &ObjRef, ctx: &mut GroupCtx, out: &mut String) {
        let entries = match &**exc {
            Obj::Exception(d) => d.traceback.borrow().clone(),
            _ => Vec::new(),
        };
        let group = if self.exc_is(exc, "BaseExceptionGroup") {
            match self.get_attr_str(&Value::Obj(exc.clone()), "exceptions") {
                Ok(v) => v.as_tuple().map(<[Value]>::to_vec),
                Err(_) => None,
            }
        } else {
            None
        };
        let Some(subs) = group else {
            if !entries.is_empty() {
                out.push_str(&ctx.emit("Traceback (most recent call last):\n", '|'));
                out.push_str(&ctx.emit(&self.format_stack(&entries), '|'));
            }
            let summary = self.exc_summary(exc) + "\n";
            out.push_str(&ctx.emit(&summary, '|'));
            return;
        };
        if ctx.depth > MAX_GROUP_DEPTH {
            let text = format!("... (max_group_depth is {MAX_GROUP_DEPTH})\n");
            out.push_str(&ctx.emit(&text, '|'));
            return;
        }
        let toplevel = ctx.depth == 0;
        if toplevel {
            ctx.depth += 1;
        }
        if !entries.is_empty() {
            let margin = if toplevel { '+' } else { '|' };
            out.push_str(&ctx.emit(
                "Exception Group Traceback (most recent call last):\n",
                margin,
            ));
            out.push_str(&ctx.emit(&self.format_stack(&entries), '|'));
        }
        let summary = self.exc_summary(exc) + "\n";
        out.push_str(&ctx.emit(&summary, '|'));
        let n = subs.len().min(MAX_GROUP_WIDTH + 1);
        ctx.need_close = false;
        for (i, sub) in subs.iter().take(n).enumerate() {
            let last = i == n - 1;
            if last {
                ctx.need_close = true;
            }
            let truncated = i >= MAX_GROUP_WIDTH;
            let title = if truncated {
                "...".to_string()
            } else {
                (i + 1).to_string()
            };
            let corner = if i == 0 { "+-" } else { "  " };
            out.push_str(&format!(
                "{}{corner}+---------------- {title} ----------------\n",
                ctx.indent()
            ));
            ctx.depth += 1;
            if truncated {
                let more = subs.len() - MAX_GROUP_WIDTH;
                let s = if more > 1 { "s" } else { "" };
                out.push_str(&ctx.emit(&format!("and {more} more exception{s}\n"), '|'));
            } else if let Some(o) = sub.as_obj() {
                let text = self.format_chain(o, ctx);
                out.push_str(&text);
            }
            if last && ctx.need_close {
                out.push_str(&format!(
                    "{}+------------------------------------\n",
                    ctx.indent()
                ));
                ctx.need_close = false;
            }
            ctx.depth -= 1;
        }
        if toplevel {
            ctx.depth -= 1;
        }
    }

    /// The `  File "...", line N, in f` lines of a traceback.
    fn format_stack(&self, entries: &[TracebackEntry]) -> String {
        let mut out = String::new();
        for e in entries {
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

/// CPython's `traceback.TracebackException` limits on group printing.
const MAX_GROUP_WIDTH: usize = 15;
const MAX_GROUP_DEPTH: usize = 10;

/// Where the printing of an exception group is (traceback's
/// `_ExceptionPrintContext`): how deep in boxes, and whether the last
/// section still needs its closing line.
#[derive(Default)]
struct GroupCtx {
    depth: usize,
    need_close: bool,
}

impl GroupCtx {
    fn indent(&self) -> String {
        " ".repeat(2 * self.depth)
    }

    /// Every line of `text` behind the indent and, inside a group, the
    /// margin character.
    fn emit(&self, text: &str, margin: char) -> String {
        let mut prefix = self.indent();
        if self.depth > 0 {
            prefix.push(margin);
            prefix.push(' ');
        }
        text.split_inclusive('\n')
            .map(|line| format!("{prefix}{line}"))
            .collect()
    }
}
