//! Runs one program to completion on one thread: compile, execute, and
//! turn the outcome into what a terminal shows (stdout, stderr with a
//! CPython-style traceback, an exit status).
//!
//! Exit statuses: 0 ok; 1 uncaught exception, SyntaxError or a construct
//! we do not simulate; `SystemExit(n)` gives n; 4 the op budget ran out.

use std::rc::Rc;

use crate::vm::frame::Frame;
use crate::vm::value::{Obj, Value};
use crate::vm::{Config, Halt, PyErr, Vm};

/// What to run and how.
#[derive(Clone, Debug)]
pub struct RunOptions {
    /// The file name shown in tracebacks.
    pub filename: String,
    pub seed: u64,
    /// Stop after this many ops (exit status 4).
    pub max_ops: u64,
    /// What `input()` reads.
    pub stdin: String,
    /// `sys.argv[1:]`.
    pub args: Vec<String>,
}

impl Default for RunOptions {
    fn default() -> Self {
        RunOptions {
            filename: "main.py".into(),
            seed: 0,
            max_ops: 2_000_000_000,
            stdin: String::new(),
            args: Vec::new(),
        }
    }
}

/// What a run produced.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RunOutput {
    pub stdout: String,
    pub stderr: String,
    pub exit_code: i32,
    /// Ops executed.
    pub ops: u64,
    /// Virtual time spent, in nanoseconds.
    pub virtual_ns: u64,
}

/// Exit status when the op budget is exhausted.
pub const EXIT_BUDGET: i32 = 4;

/// Compiles and runs `source` as the `__main__` module.
pub fn run(source: &str, options: &RunOptions) -> RunOutput {
    let code = match crate::lang::compile(source, &options.filename) {
        Ok(c) => c,
        Err(e) => {
            return RunOutput {
                stderr: e.render(),
                exit_code: 1,
                ..RunOutput::default()
            };
        }
    };
    let mut argv = vec![options.filename.clone()];
    argv.extend(options.args.iter().cloned());
    let config = Config {
        filename: options.filename.as_str().into(),
        argv,
        seed: options.seed,
        max_ops: options.max_ops,
        ..Config::default()
    };
    let mut vm = Vm::new(config);
    crate::stdlib::register(&mut vm);
    vm.io.stdin = options.stdin.clone();
    vm.sources
        .insert(options.filename.as_str().into(), Rc::from(source));
    let exit_code = run_main(&mut vm, &code);
    RunOutput {
        stdout: std::mem::take(&mut vm.io.stdout),
        stderr: std::mem::take(&mut vm.io.stderr),
        exit_code,
        ops: vm.ops,
        virtual_ns: vm.clock_ns,
    }
}

fn run_main(vm: &mut Vm, code: &Rc<crate::vm::code::CodeObject>) -> i32 {
    let main = vm.new_module("__main__");
    vm.modules
        .insert("__main__".into(), Value::Obj(main.clone()));
    let Obj::Module(m) = &*main else { return 1 };
    let globals = m.dict.clone();
    let bm = vm.builtins_module.clone();
    vm.module_set(&main, "__builtins__", bm);
    vm.module_set(&main, "__file__", Value::str(&vm.config.filename.clone()));
    vm.module_set(&main, "__doc__", Value::None);
    let code = vm.load_code(code);
    let frame = Frame::new(code, globals.clone(), Some(globals));
    match vm.run_frame_nested(frame) {
        Ok(_) => 0,
        Err(PyErr::Halt(Halt::Budget)) => {
            let n = vm.config.max_ops;
            vm.write_stderr(&format!("interleave: stopped after {n} ops (the op budget, --max-ops); the program did not finish\n"));
            EXIT_BUDGET
        }
        Err(PyErr::Exc(e)) => uncaught(vm, &e),
    }
}

/// Prints an uncaught exception as CPython does; the exit status.
fn uncaught(vm: &mut Vm, e: &crate::vm::value::ObjRef) -> i32 {
    if vm.exc_is(e, "SystemExit") {
        let code = match &**e {
            Obj::Exception(d) => d
                .args
                .borrow()
                .as_tuple()
                .and_then(|t| t.first().cloned())
                .unwrap_or(Value::None),
            _ => Value::None,
        };
        return match code {
            Value::None => 0,
            Value::Int(i) => i as i32,
            Value::Bool(b) => i32::from(b),
            other => {
                let s = vm.str_of(&other).unwrap_or_default();
                vm.write_stderr(&format!("{s}\n"));
                1
            }
        };
    }
    let text = vm.format_exception(e);
    vm.write_stderr(&text);
    1
}
