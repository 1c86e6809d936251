//! The simulated standard library: one file per module, each registering a
//! factory with the VM ([`register`]). Modules written in Python live in
//! `py/` and are compiled by our own compiler on first import
//! ([`python_module`]).
//!
//! A module here may use the VM and (later) the runtime's primitives; it
//! must never reach into the interpreter loop.

pub mod math;
pub mod multiprocessing;
pub mod os;
pub mod thread;
pub mod time;
// heapq, string, json, dataclasses, random:
pub mod dataclasses;
pub mod random;

// collections, functools, itertools, operator (helper stdlib-a).
pub mod collections;
pub mod functools;
pub mod itertools;
pub mod operator;

use crate::vm::frame::Frame;
use crate::vm::value::{Obj, ObjRef, Value};
use crate::vm::{PyResult, Vm};

/// The compiler behind `eval()` and `exec()`.
fn compile_hook(
    source: &str,
    filename: &str,
    eval: bool,
) -> Result<std::rc::Rc<crate::vm::code::CodeObject>, (String, u32, u32, String)> {
    let r = if eval {
        crate::lang::compile_eval(source, filename)
    } else {
        crate::lang::compile(source, filename)
    };
    r.map_err(|e| (e.message.clone(), e.line, e.col, e.source_line.clone()))
}

/// Makes every simulated module importable in `vm`.
pub fn register(vm: &mut Vm) {
    vm.compile_hook = Some(compile_hook);
    vm.register_module("math", math::make);
    // collections, functools, itertools, operator (helper stdlib-a).
    vm.register_module("collections", collections::make);
    vm.register_module("_collections", collections::make_native);
    vm.register_module("functools", functools::make);
    vm.register_module("itertools", itertools::make);
    vm.register_module("operator", operator::make);
    // heapq, string, json, dataclasses (Python source) and random (native).
    vm.register_module("heapq", |vm, m| {
        python_module(vm, m, "heapq", include_str!("py/heapq.py"))
    });
    vm.register_module("string", |vm, m| {
        python_module(vm, m, "string", include_str!("py/string.py"))
    });
    vm.register_module("json", |vm, m| {
        python_module(vm, m, "json", include_str!("py/json.py"))
    });
    vm.register_module("dataclasses", dataclasses::make);
    vm.register_module("random", random::make);
    // The primitives of threads, on the runtime.
    vm.register_module("_thread", thread::make);
    // threading, queue and _threading_local (Python source, on _thread).
    vm.register_module("threading", |vm, m| {
        python_module(vm, m, "threading", include_str!("py/threading.py"))
    });
    vm.register_module("_threading_local", |vm, m| {
        python_module(
            vm,
            m,
            "_threading_local",
            include_str!("py/_threading_local.py"),
        )
    });
    vm.register_module("queue", |vm, m| {
        python_module(vm, m, "queue", include_str!("py/queue.py"))
    });
    // asyncio and concurrent.futures (Python source, on _thread, time,
    // threading and queue).
    vm.register_module("asyncio", |vm, m| {
        python_module(vm, m, "asyncio", include_str!("py/asyncio.py"))
    });
    vm.register_module("concurrent", |vm, m| {
        vm.module_set(m, "__path__", Value::list(vec![]));
        Ok(())
    });
    vm.register_module("concurrent.futures", |vm, m| {
        python_module(
            vm,
            m,
            "concurrent.futures",
            include_str!("py/concurrent_futures.py"),
        )
    });
    // multiprocessing.dummy (Python source, on threading and queue): its
    // parent package `multiprocessing` is registered elsewhere.
    vm.register_module("multiprocessing.dummy", |vm, m| {
        python_module(
            vm,
            m,
            "multiprocessing.dummy",
            include_str!("py/multiprocessing_dummy.py"),
        )
    });
    vm.register_module("time", time::make);
    vm.register_module("os", os::make);
    // Processes: the kernel side (native) and multiprocessing (Python
    // source). Submodules (`multiprocessing.dummy`, ...) register under
    // their dotted names.
    vm.register_module("_multiprocessing", multiprocessing::make);
    vm.register_module("multiprocessing", |vm, m| {
        python_module(
            vm,
            m,
            "multiprocessing",
            include_str!("py/multiprocessing.py"),
        )
    });
    vm.register_module("multiprocessing.managers", |vm, m| {
        python_module(
            vm,
            m,
            "multiprocessing.managers",
            include_str!("py/multiprocessing_managers.py"),
        )
    });
    vm.register_module("multiprocessing.pool", |vm, m| {
        python_module(
            vm,
            m,
            "multiprocessing.pool",
            include_str!("py/multiprocessing_pool.py"),
        )
    });
}

/// Runs the Python source of a module in the module's namespace.
pub fn python_module(
    vm: &mut Vm,
    module: &ObjRef,
    name: &str,
    source: &'static str,
) -> PyResult<()> {
    let filename = format!("<frozen {name}>");
    let code = match crate::lang::compile(source, &filename) {
        Ok(c) => c,
        Err(e) => {
            return Err(vm.error(
                "SystemError",
                format!("module {name} does not compile: {}", e.render()),
            ))
        }
    };
    vm.sources.insert(filename.as_str().into(), source.into());
    let Obj::Module(m) = &**module else {
        return vm.type_error("not a module");
    };
    let globals = m.dict.clone();
    let bm = vm.builtins_module.clone();
    vm.module_set(module, "__builtins__", bm);
    let code = vm.load_code(&code);
    let frame = Frame::new(code, globals.clone(), Some(globals));
    vm.run_frame_nested(frame)?;
    Ok(())
}
