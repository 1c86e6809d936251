//! The simulated standard library: one file per module, each registering a
//! factory with the VM ([`register`]). Modules written in Python live in
//! `py/` and are compiled by our own compiler on first import
//! ([`frozen_module`]; the text comes from [`crate::sources`]), once per
//! OS thread: later runs on that thread reuse the code object.
//!
//! A module here may use the VM and (later) the runtime's primitives; it
//! must never reach into the interpreter loop.

pub mod io_fs;
pub mod math;
pub mod multiprocessing;
pub mod net;
pub mod os;
pub mod os_path;
pub mod pipe_fds;
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
    vm.register_module("heapq", |vm, m| frozen_module(vm, m, "heapq", "heapq.py"));
    vm.register_module("string", |vm, m| {
        frozen_module(vm, m, "string", "string.py")
    });
    vm.register_module("json", |vm, m| frozen_module(vm, m, "json", "json.py"));
    vm.register_module("pathlib", |vm, m| {
        frozen_module(vm, m, "pathlib", "pathlib.py")
    });
    vm.register_module("shutil", |vm, m| {
        frozen_module(vm, m, "shutil", "shutil.py")
    });
    // Files on the simulated disk: io and csv (`os` has the rest).
    vm.register_module("_fs", io_fs::make);
    vm.register_module("io", |vm, m| frozen_module(vm, m, "io", "io.py"));
    vm.register_module("csv", |vm, m| frozen_module(vm, m, "csv", "csv.py"));
    vm.register_module("dataclasses", dataclasses::make);
    vm.register_module("random", random::make);
    // The primitives of threads, on the runtime.
    vm.register_module("_thread", thread::make);
    // threading, queue and _threading_local (Python source, on _thread).
    vm.register_module("threading", |vm, m| {
        frozen_module(vm, m, "threading", "threading.py")
    });
    vm.register_module("_threading_local", |vm, m| {
        frozen_module(vm, m, "_threading_local", "_threading_local.py")
    });
    vm.register_module("queue", |vm, m| frozen_module(vm, m, "queue", "queue.py"));
    // asyncio and concurrent.futures (Python source, on _thread, time,
    // threading and queue).
    vm.register_module("asyncio", |vm, m| {
        frozen_module(vm, m, "asyncio", "asyncio.py")
    });
    vm.register_module("concurrent", |vm, m| {
        vm.module_set(m, "__path__", Value::list(vec![]));
        Ok(())
    });
    vm.register_module("concurrent.futures", |vm, m| {
        frozen_module(vm, m, "concurrent.futures", "concurrent_futures.py")
    });
    // multiprocessing.dummy (Python source, on threading and queue): its
    // parent package `multiprocessing` is registered elsewhere.
    vm.register_module("multiprocessing.dummy", |vm, m| {
        frozen_module(vm, m, "multiprocessing.dummy", "multiprocessing_dummy.py")
    });
    vm.register_module("time", time::make);
    // The simulated network: `_net` (native) under requests, urllib,
    // aiohttp and socket (Python source).
    vm.register_module("_net", net::make);
    vm.register_module("requests", |vm, m| {
        frozen_module(vm, m, "requests", "requests.py")
    });
    vm.register_module("requests.exceptions", |vm, m| {
        frozen_module(vm, m, "requests.exceptions", "requests_exceptions.py")
    });
    vm.register_module("aiohttp", |vm, m| {
        frozen_module(vm, m, "aiohttp", "aiohttp.py")
    });
    vm.register_module("urllib", |vm, m| {
        vm.module_set(m, "__path__", Value::list(vec![]));
        Ok(())
    });
    vm.register_module("urllib.parse", |vm, m| {
        frozen_module(vm, m, "urllib.parse", "urllib_parse.py")
    });
    vm.register_module("urllib.error", |vm, m| {
        frozen_module(vm, m, "urllib.error", "urllib_error.py")
    });
    vm.register_module("urllib.request", |vm, m| {
        frozen_module(vm, m, "urllib.request", "urllib_request.py")
    });
    vm.register_module("gevent", |vm, m| {
        vm.module_set(m, "__path__", Value::list(vec![]));
        frozen_module(vm, m, "gevent", "gevent.py")
    });
    // gevent's submodules re-export parts of `gevent`.
    vm.register_module("gevent.monkey", |vm, m| {
        python_module(vm, m, "gevent.monkey", "from gevent import monkey as _m\npatch_all = _m.patch_all\npatch_time = _m.patch_time\npatch_socket = _m.patch_socket\npatch_thread = _m.patch_thread\nis_module_patched = _m.is_module_patched\nis_anything_patched = _m.is_anything_patched\nget_original = _m.get_original\n")
    });
    vm.register_module("gevent.pool", |vm, m| {
        python_module(vm, m, "gevent.pool", "from gevent import Pool, Group\n")
    });
    vm.register_module("gevent.queue", |vm, m| {
        python_module(
            vm,
            m,
            "gevent.queue",
            "from gevent import Queue, JoinableQueue, Empty, Full\n",
        )
    });
    vm.register_module("gevent.lock", |vm, m| {
        python_module(
            vm,
            m,
            "gevent.lock",
            "from gevent import Semaphore, BoundedSemaphore, RLock\n",
        )
    });
    vm.register_module("gevent.event", |vm, m| {
        python_module(
            vm,
            m,
            "gevent.event",
            "from gevent import Event, AsyncResult\n",
        )
    });
    vm.register_module("gevent.timeout", |vm, m| {
        python_module(
            vm,
            m,
            "gevent.timeout",
            "from gevent import Timeout, with_timeout\n",
        )
    });
    vm.register_module("gevent.greenlet", |vm, m| {
        python_module(vm, m, "gevent.greenlet", "from gevent import Greenlet\n")
    });
    // Twisted and treq (Python source, on _net and time): `twisted` holds
    // everything; its submodules re-export parts of it.
    vm.register_module("twisted", |vm, m| {
        vm.module_set(m, "__path__", Value::list(vec![]));
        frozen_module(vm, m, "twisted", "twisted.py")
    });
    vm.register_module("twisted.internet", |vm, m| {
        python_module(
            vm,
            m,
            "twisted.internet",
            "__path__ = []\nfrom twisted import reactor\n",
        )
    });
    vm.register_module("twisted.internet.reactor", |vm, m| {
        python_module(vm, m, "twisted.internet.reactor", "from twisted import reactor as _r\nrun = _r.run\nstop = _r.stop\ncallLater = _r.callLater\ncallWhenRunning = _r.callWhenRunning\nseconds = _r.seconds\naddSystemEventTrigger = _r.addSystemEventTrigger\n")
    });
    vm.register_module("twisted.internet.defer", |vm, m| {
        python_module(vm, m, "twisted.internet.defer", "from twisted import (Deferred, DeferredList, succeed, fail, maybeDeferred, execute, gatherResults, inlineCallbacks, returnValue, ensureDeferred, NotACoroutineError, AlreadyCalledError, CancelledError, TimeoutError, FirstError, Failure)\n")
    });
    vm.register_module("twisted.internet.task", |vm, m| {
        python_module(
            vm,
            m,
            "twisted.internet.task",
            "from twisted import deferLater, LoopingCall, react, Clock\n",
        )
    });
    vm.register_module("twisted.internet.error", |vm, m| {
        python_module(vm, m, "twisted.internet.error", "from twisted import (AlreadyCalled, AlreadyCancelled, ReactorNotRunning, ReactorNotRestartable, ReactorAlreadyRunning, DNSLookupError, ConnectionRefusedError, TimeoutError)\n")
    });
    vm.register_module("twisted.python", |vm, m| {
        python_module(vm, m, "twisted.python", "__path__ = []\n")
    });
    vm.register_module("twisted.python.failure", |vm, m| {
        python_module(
            vm,
            m,
            "twisted.python.failure",
            "from twisted import Failure, NoCurrentExceptionError\n",
        )
    });
    vm.register_module("twisted.web", |vm, m| {
        python_module(vm, m, "twisted.web", "__path__ = []\n")
    });
    vm.register_module("twisted.web.client", |vm, m| {
        python_module(
            vm,
            m,
            "twisted.web.client",
            "from twisted import getPage\nfrom twisted import WebError as Error\n",
        )
    });
    vm.register_module("twisted.web.error", |vm, m| {
        python_module(
            vm,
            m,
            "twisted.web.error",
            "from twisted import WebError as Error\n",
        )
    });
    vm.register_module("twisted.web.http_headers", |vm, m| {
        python_module(
            vm,
            m,
            "twisted.web.http_headers",
            "from twisted import Headers\n",
        )
    });
    vm.register_module("treq", |vm, m| {
        python_module(vm, m, "treq", "from twisted import _treq_request as request, _treq_content as content, _treq_text_content as text_content, _treq_json_content as json_content\ndef get(url, headers=None, **kwargs):\n    return request('GET', url, headers=headers, **kwargs)\ndef head(url, **kwargs):\n    return request('HEAD', url, **kwargs)\ndef post(url, data=None, **kwargs):\n    return request('POST', url, data=data, **kwargs)\ndef put(url, data=None, **kwargs):\n    return request('PUT', url, data=data, **kwargs)\ndef delete(url, **kwargs):\n    return request('DELETE', url, **kwargs)\n")
    });
    vm.register_module("scrapy", |vm, m| {
        vm.module_set(m, "__path__", Value::list(vec![]));
        frozen_module(vm, m, "scrapy", "scrapy.py")
    });
    vm.register_module("scrapy.crawler", |vm, m| {
        python_module(
            vm,
            m,
            "scrapy.crawler",
            "from scrapy import CrawlerProcess, CrawlerRunner, Crawler\n",
        )
    });
    vm.register_module("scrapy.http", |vm, m| {
        python_module(
            vm,
            m,
            "scrapy.http",
            "from scrapy import Request, Response, TextResponse, HtmlResponse\n",
        )
    });
    vm.register_module("scrapy.settings", |vm, m| {
        python_module(vm, m, "scrapy.settings", "from scrapy import Settings\n")
    });
    vm.register_module("scrapy.spiders", |vm, m| {
        python_module(vm, m, "scrapy.spiders", "from scrapy import Spider\n")
    });
    vm.register_module("scrapy.exceptions", |vm, m| {
        python_module(
            vm,
            m,
            "scrapy.exceptions",
            "from scrapy import CloseSpider, IgnoreRequest, DropItem, NotConfigured\n",
        )
    });
    vm.register_module("scrapy.selector", |vm, m| {
        python_module(
            vm,
            m,
            "scrapy.selector",
            "from scrapy import Selector, SelectorList\n",
        )
    });
    vm.register_module("socket", |vm, m| {
        frozen_module(vm, m, "socket", "socket.py")
    });
    vm.register_module("requests.structures", |vm, m| {
        python_module(
            vm,
            m,
            "requests.structures",
            "from requests import CaseInsensitiveDict\n",
        )
    });
    vm.register_module("requests.adapters", |vm, m| {
        python_module(
            vm,
            m,
            "requests.adapters",
            "from requests import HTTPAdapter, DEFAULT_POOLSIZE\n",
        )
    });
    vm.register_module("os", os::make);
    // Processes: the kernel side (native) and multiprocessing (Python
    // source). Submodules (`multiprocessing.dummy`, ...) register under
    // their dotted names.
    vm.register_module("_multiprocessing", multiprocessing::make);
    vm.register_module("multiprocessing", |vm, m| {
        frozen_module(vm, m, "multiprocessing", "multiprocessing.py")
    });
    vm.register_module("multiprocessing.managers", |vm, m| {
        frozen_module(
            vm,
            m,
            "multiprocessing.managers",
            "multiprocessing_managers.py",
        )
    });
    vm.register_module("multiprocessing.pool", |vm, m| {
        frozen_module(vm, m, "multiprocessing.pool", "multiprocessing_pool.py")
    });
}

/// Runs the module's Python source `py/FILE` (see [`crate::sources`]: compiled
/// in, or fetched by the page) in the module's namespace.
pub fn frozen_module(vm: &mut Vm, module: &ObjRef, name: &str, file: &str) -> PyResult<()> {
    match crate::sources::get(&format!("stdlib/py/{file}")) {
        Some(source) => python_module(vm, module, name, source),
        None => Err(vm.error(
            "ImportError",
            format!("the source of module {name} was not loaded (sources.json)"),
        )),
    }
}

thread_local! {
    /// Frozen modules compiled on this thread, by file name and source.
    /// `threading` alone is ~1000 lines: compiling it made up most of the
    /// time (and nearly all the allocations) of a short threaded run, and
    /// `explore` and the lab do thousands of runs per thread.
    static FROZEN: std::cell::RefCell<
        std::collections::HashMap<(String, usize), std::rc::Rc<crate::vm::code::CodeObject>>,
    > = std::cell::RefCell::new(std::collections::HashMap::new());
}

/// `source` compiled, from this thread's cache when it was before. The
/// compiler is a pure function of the source and file name, so a cached
/// code object is the one a fresh compile would give.
fn frozen_code(
    source: &'static str,
    filename: &str,
) -> Result<std::rc::Rc<crate::vm::code::CodeObject>, crate::lang::CompileError> {
    let key = (filename.to_string(), source.as_ptr() as usize);
    if let Some(code) = FROZEN.with(|f| f.borrow().get(&key).cloned()) {
        return Ok(code);
    }
    let code = crate::lang::compile(source, filename)?;
    FROZEN.with(|f| f.borrow_mut().insert(key, code.clone()));
    Ok(code)
}

/// Runs the Python source of a module in the module's namespace.
pub fn python_module(
    vm: &mut Vm,
    module: &ObjRef,
    name: &str,
    source: &'static str,
) -> PyResult<()> {
    let filename = format!("<frozen {name}>");
    let code = match frozen_code(source, &filename) {
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
