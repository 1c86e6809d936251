//! `_multiprocessing`: the kernel side of `multiprocessing` (whose Python
//! part is `py/multiprocessing.py`) —
//!
//! - process sentinels and exit codes, as the runtime records them
//!   (`sentinel(pid)`, `exitcode(pid)`);
//! - kernel objects, which every process shares instead of copying at a
//!   fork: `share(lock)` turns a `_thread` lock into a semaphore of the
//!   kernel (one lock for all processes), and a `KernelList` is a small
//!   shared memory segment (a list of immutable values and kernel
//!   objects) on which `multiprocessing` writes its shared counters,
//!   pipe buffers and waiter lists; `lock_owner(lock)` is the ident of
//!   the thread holding a lock (SemLock's owner checks);
//! - pickling: `dumps(obj)` copies `obj` as `pickle` would send it (see
//!   `runtime::copy`) into an opaque `Pickled` kernel object with its
//!   size, `loads(p)` makes the receiving process's copy. Both cost
//!   virtual time by size ([`PICKLE_NS`], [`PICKLE_NS_PER_BYTE`]);
//! - `format_exception(e)`: a traceback as text, for the remote
//!   tracebacks of `multiprocessing.pool`;
//! - `watch_exit(pid, buffer, state, waiters, message)`: when process
//!   `pid` ends, the runtime posts the pickled `message` into a pipe
//!   channel (its buffer and state lists) and wakes the channel's
//!   condition waiters ([`post_exit`]) — the readable sentinel that
//!   CPython's `connection.wait` sees, so one thread can wait for a
//!   result or a worker's death at once (`ProcessPoolExecutor`);
//! - the `spawn` start method, in the child of a fork: `fresh_interpreter()`
//!   forgets every module but `sys` and `builtins` (as a new interpreter
//!   has none), `run_main(filename)` runs the program's source again as
//!   `__mp_main__` (also `sys.modules['__main__']`), and `charge(ns)` is
//!   the interpreter's start-up CPU time;
//! - `name_next_fork(name)`: the Process's name for the event log;
//! - `fd_open`, `fd_close`, `fd_list`, `fd_ref`: the descriptor tables of pipe ends
//!   (see `stdlib::pipe_fds`).

use std::collections::VecDeque;

use crate::runtime::copy::{CloneEntries, Copier};
use crate::vm::builtins::Methods;
use crate::vm::call::Args;
use crate::vm::module::native_data;
use crate::vm::sched::LockState;
use crate::vm::value::{ObjRef, Value};
use crate::vm::{PyResult, Vm};

/// Fixed cost of one `pickle.dumps` or `loads` call (ns).
pub const PICKLE_NS: u64 = 1_500;
/// Cost per pickled byte of `dumps` or `loads` (ns). Calibrated against
/// python3 3.11.7 on this machine: dumps+loads of a list of 10^4 small
/// ints (about 30 KB) takes about 0.35 ms, of a 100 KB bytes object
/// about 0.04 ms; the walk of Python objects dominates, so the per-byte
/// figure is that of object data (about 5 ns per byte each way).
pub const PICKLE_NS_PER_BYTE: u64 = 5;

/// The Rust state of a kernel object (shared by every process).
pub enum Kernel {
    /// A shared list of values.
    List(VecDeque<Value>),
    /// A pickled value and its size in bytes.
    Pickled { value: Value, bytes: u64 },
}

/// True for the Rust state of an object that a fork shares rather than
/// copies (see `runtime::copy`).
pub fn is_kernel_object(data: &dyn std::any::Any) -> bool {
    data.is::<Kernel>()
}

const FUNCTIONS: Methods = &[
    ("sentinel", sentinel),
    ("exitcode", exitcode),
    ("share", share),
    ("lock_owner", lock_owner),
    ("dumps", dumps),
    ("loads", loads),
    ("format_exception", format_exception),
    ("watch_exit", watch_exit),
    ("fresh_interpreter", fresh_interpreter),
    ("run_main", run_main),
    ("charge", charge_ns),
    ("name_next_fork", name_next_fork),
    ("fd_open", super::pipe_fds::fd_open),
    ("fd_close", super::pipe_fds::fd_close),
    ("fd_list", super::pipe_fds::fd_list),
    ("fd_ref", super::pipe_fds::fd_ref),
];

const LIST_METHODS: Methods = &[
    ("__new__", list_new),
    ("append", list_append),
    ("appendleft", list_appendleft),
    ("popleft", list_popleft),
    ("remove", list_remove),
    ("clear", list_clear),
    ("__len__", list_len),
    ("__getitem__", list_getitem),
    ("__setitem__", list_setitem),
    ("snapshot", list_snapshot),
];

const PICKLED_METHODS: Methods = &[("size", pickled_size)];

/// Factory of `_multiprocessing`.
pub fn make(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    vm.module_functions(module, FUNCTIONS);
    let list = vm.new_native_class("KernelList", "_multiprocessing", LIST_METHODS, None);
    vm.module_set(module, "KernelList", Value::Obj(list));
    let pickled = vm.new_native_class("Pickled", "_multiprocessing", PICKLED_METHODS, None);
    vm.module_set(module, "Pickled", Value::Obj(pickled));
    let fd_ref = vm.new_native_class("FdRef", "_multiprocessing", &[], None);
    vm.module_set(module, "FdRef", Value::Obj(fd_ref));
    Ok(())
}

/// A new object of `_multiprocessing`'s native class `class` holding `data`.
pub fn new_kernel_native<T: 'static>(vm: &mut Vm, class: &str, data: T) -> PyResult<Value> {
    let class = class_of(vm, class)?;
    Ok(vm.new_native(&class, data))
}

fn int_arg(vm: &mut Vm, args: &Args, i: usize) -> PyResult<i64> {
    match args.pos.get(i) {
        Some(Value::Int(n)) => Ok(*n),
        Some(Value::Bool(b)) => Ok(i64::from(*b)),
        Some(v) => {
            let t = vm.type_name(v);
            vm.type_error(format!("an integer is required (got type {t})"))
        }
        None => vm.type_error("missing argument"),
    }
}

/// `sentinel(pid)`: the lock a process's main thread holds until it ends
/// (made on first use for the program itself).
fn sentinel(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    vm.check_args("sentinel", args, 1, 1)?;
    let pid = int_arg(vm, args, 0)?;
    if let Some(s) = vm.sched.sentinels.get(&pid) {
        return Ok(Value::Obj(s.clone()));
    }
    if pid != crate::vm::sched::MAIN_PID {
        return Ok(Value::None);
    }
    let lock = super::thread::new_lock(vm)?;
    native_data(&lock, |s: &mut LockState| {
        s.owner = crate::vm::sched::ident_of(0);
        s.count = 1;
        s.shared = true;
        s.label = Some(format!("process {pid}"));
    });
    if let Value::Obj(o) = &lock {
        vm.sched.sentinels.insert(pid, o.clone());
    }
    Ok(lock)
}

/// `exitcode(pid)`: None while the process runs.
fn exitcode(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    vm.check_args("exitcode", args, 1, 1)?;
    let pid = int_arg(vm, args, 0)?;
    Ok(match vm.sched.exitcodes.get(&pid) {
        Some(&c) => Value::Int(i64::from(c)),
        None => Value::None,
    })
}

/// `share(lock)`: the lock becomes one kernel semaphore for every process.
fn share(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    vm.check_args("share", args, 1, 2)?;
    let lock = args.pos[0].clone();
    let label = args.pos.get(1).and_then(|v| v.as_str().map(str::to_string));
    if native_data(&lock, |s: &mut LockState| {
        s.shared = true;
        if label.is_some() {
            s.label = label;
        }
    })
    .is_none()
    {
        return vm.type_error("share() needs a _thread lock");
    }
    Ok(lock)
}

/// `lock_owner(lock)`: the ident of the thread holding a `_thread` lock
/// (of whichever process: idents are unique across processes), 0 when it
/// is free. What SemLock's `_is_mine()` and the reprs of `Lock`/`RLock`
/// are written on.
fn lock_owner(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    vm.check_args("lock_owner", args, 1, 1)?;
    match native_data(&args.pos[0], |s: &mut LockState| s.owner) {
        Some(owner) => Ok(Value::Int(owner as i64)),
        None => vm.type_error("lock_owner() needs a _thread lock"),
    }
}

fn charge(vm: &mut Vm, bytes: u64) {
    vm.clock_ns += PICKLE_NS + bytes * PICKLE_NS_PER_BYTE;
}

/// `dumps(obj)`: a `Pickled` copy of `obj` (see the module docs).
fn dumps(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    vm.check_args("dumps", args, 1, 1)?;
    let obj = args.pos[0].clone();
    let mut c = Copier::pickling(vm);
    let value = c.copy(vm, &obj)?;
    let bytes = c.bytes + 10;
    charge(vm, bytes);
    let class = class_of(vm, "Pickled")?;
    Ok(vm.new_native(&class, Kernel::Pickled { value, bytes }))
}

/// `loads(p)`: this process's copy of a pickled value.
fn loads(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    vm.check_args("loads", args, 1, 1)?;
    let Some((value, bytes)) = native_data(&args.pos[0], |k: &mut Kernel| match k {
        Kernel::Pickled { value, bytes } => Some((value.clone(), *bytes)),
        Kernel::List(_) => None,
    })
    .flatten() else {
        return vm.type_error("loads() needs a Pickled object");
    };
    charge(vm, bytes);
    let mut c = Copier::resolving(vm);
    c.copy(vm, &value)
}

/// `format_exception(e)`: the traceback text `e` would print uncaught
/// (what a Pool worker sends back with a failed task).
fn format_exception(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    vm.check_args("format_exception", args, 1, 1)?;
    match &args.pos[0] {
        Value::Obj(e) if matches!(&**e, crate::vm::value::Obj::Exception(_)) => {
            let e = e.clone();
            Ok(Value::str(&vm.format_exception(&e)))
        }
        _ => vm.type_error("format_exception() needs an exception"),
    }
}

/// `watch_exit(pid, buffer, state, waiters, message)` (see the module
/// docs): False, registering nothing, when the process has already ended.
fn watch_exit(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    vm.check_args("watch_exit", args, 5, 5)?;
    let pid = int_arg(vm, args, 0)?;
    let parts = [
        args.pos[1].clone(),
        args.pos[2].clone(),
        args.pos[3].clone(),
        args.pos[4].clone(),
    ];
    for v in &parts {
        if native_data(v, |_: &mut Kernel| ()).is_none() {
            return vm.type_error("watch_exit() needs kernel objects");
        }
    }
    if vm.sched.exitcodes.contains_key(&pid) {
        return Ok(Value::Bool(false));
    }
    vm.sched.exit_watches.push((pid, parts));
    Ok(Value::Bool(true))
}

/// Process `pid` ended at `at`: posts its exit watches' messages and
/// releases the waiter locks of those channels; the waiting threads to
/// wake (the caller wakes them).
pub fn post_exit(vm: &mut Vm, pid: i64, at: u64) -> Vec<usize> {
    let mut wake = Vec::new();
    let (mine, rest): (Vec<_>, Vec<_>) = std::mem::take(&mut vm.sched.exit_watches)
        .into_iter()
        .partition(|(p, _)| *p == pid);
    vm.sched.exit_watches = rest;
    for (_, [buffer, state, waiters, message]) in mine {
        let bytes = native_data(&message, |k: &mut Kernel| match k {
            Kernel::Pickled { bytes, .. } => *bytes,
            Kernel::List(_) => 0,
        })
        .unwrap_or(0);
        native_data(&buffer, |k: &mut Kernel| {
            if let Kernel::List(l) = k {
                l.push_back(message.clone());
            }
        });
        native_data(&state, |k: &mut Kernel| {
            if let Kernel::List(l) = k {
                if let Some(Value::Int(n)) = l.front_mut() {
                    *n += bytes as i64;
                }
            }
        });
        wake.extend(release_waiters(&waiters, at));
    }
    wake
}

/// Takes every waiter lock out of a `multiprocessing` condition's waiter
/// list.
pub fn drain_waiters(waiters: &Value) -> Vec<Value> {
    native_data(waiters, |k: &mut Kernel| match k {
        Kernel::List(l) => l.drain(..).collect(),
        Kernel::Pickled { .. } => Vec::new(),
    })
    .unwrap_or_default()
}

/// Releases, at `at`, every waiter lock of a `multiprocessing` condition's
/// waiter list (the runtime's `notify_all`, for events no thread does: a
/// process's end); the waiting threads to wake (the caller wakes them).
pub fn release_waiters(waiters: &Value, at: u64) -> Vec<usize> {
    let mut wake = Vec::new();
    for lock in drain_waiters(waiters) {
        let next = native_data(&lock, |s: &mut LockState| {
            s.owner = 0;
            s.count = 0;
            s.released_at = at;
            s.waiters.pop_front()
        })
        .flatten();
        wake.extend(next);
    }
    wake
}

/// `fresh_interpreter()`: see the module docs. The frames running keep
/// the globals they had; new imports make new modules.
fn fresh_interpreter(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    vm.check_args("fresh_interpreter", args, 0, 0)?;
    let keep = |k: &str| k.starts_with('<') || k == "sys" || k == "builtins";
    vm.modules.retain(|k, _| keep(k));
    if let Some(sys) = vm.modules.get("sys").cloned() {
        if let Ok(Value::Obj(d)) = vm.get_attr_str(&sys, "modules") {
            if let crate::vm::value::Obj::Dict(cell) = &*d {
                let entries = cell.borrow().clone_entries();
                let mut fresh = crate::vm::dict::Dict::new();
                for (h, k, v) in entries {
                    if k.as_str().is_some_and(keep) {
                        fresh.insert_absent(k, h, v);
                    }
                }
                let old = std::mem::replace(&mut *cell.borrow_mut(), fresh);
                drop(old);
            }
        }
    }
    Ok(Value::None)
}

/// `run_main(filename)`: runs the program's source in a new module
/// `__mp_main__`, which is also `__main__` from then on; the module.
fn run_main(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    vm.check_args("run_main", args, 1, 1)?;
    let Some(filename) = args.pos[0].as_str().map(str::to_string) else {
        return vm.type_error("run_main() needs a file name");
    };
    let Some(source) = vm.sources.get(filename.as_str()).cloned() else {
        return vm.value_error(format!("no source for {filename}"));
    };
    let code = match crate::lang::compile(&source, &filename) {
        Ok(c) => c,
        Err(e) => return Err(vm.error("SyntaxError", e.render())),
    };
    let main = vm.new_module("__mp_main__");
    let value = Value::Obj(main.clone());
    vm.modules.insert("__mp_main__".into(), value.clone());
    vm.modules.insert("__main__".into(), value.clone());
    if let Some(sys) = vm.modules.get("sys").cloned() {
        if let Ok(Value::Obj(d)) = vm.get_attr_str(&sys, "modules") {
            vm.dict_set(&d, Value::str("__main__"), value.clone())?;
            vm.dict_set(&d, Value::str("__mp_main__"), value.clone())?;
        }
    }
    let crate::vm::value::Obj::Module(m) = &*main else {
        return vm.type_error("not a module");
    };
    let globals = m.dict.clone();
    let bm = vm.builtins_module.clone();
    vm.module_set(&main, "__builtins__", bm);
    vm.module_set(&main, "__file__", Value::str(&filename));
    vm.module_set(&main, "__doc__", Value::None);
    let code = vm.load_code(&code);
    let frame = crate::vm::frame::Frame::new(code, globals.clone(), Some(globals));
    vm.run_frame_nested(frame)?;
    Ok(value)
}

/// `charge(ns)`: the calling thread computes for `ns` virtual ns.
fn charge_ns(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    vm.check_args("charge", args, 1, 1)?;
    let ns = int_arg(vm, args, 0)?;
    vm.clock_ns += ns.max(0) as u64;
    Ok(Value::None)
}

/// `name_next_fork(name)`: the name the next fork's child has in the
/// event log.
fn name_next_fork(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    vm.check_args("name_next_fork", args, 1, 1)?;
    vm.sched.next_fork_name = args.pos[0].as_str().map(str::to_string);
    Ok(Value::None)
}

fn class_of(vm: &mut Vm, name: &str) -> PyResult<ObjRef> {
    let m = vm.import_module("_multiprocessing")?;
    match vm.get_attr_str(&m, name)? {
        Value::Obj(o) => Ok(o),
        _ => vm.type_error("no class"),
    }
}

fn pickled_size(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let me = args.pos.first().cloned().unwrap_or(Value::None);
    match native_data(&me, |k: &mut Kernel| match k {
        Kernel::Pickled { bytes, .. } => *bytes as i64,
        Kernel::List(l) => l.len() as i64,
    }) {
        Some(n) => Ok(Value::Int(n)),
        None => vm.type_error("size() needs a Pickled object"),
    }
}

fn with_list<R>(
    vm: &mut Vm,
    args: &Args,
    f: impl FnOnce(&mut VecDeque<Value>) -> R,
) -> PyResult<R> {
    let me = args.pos.first().cloned().unwrap_or(Value::None);
    match native_data(&me, |k: &mut Kernel| match k {
        Kernel::List(l) => Some(f(l)),
        Kernel::Pickled { .. } => None,
    })
    .flatten()
    {
        Some(r) => Ok(r),
        None => vm.type_error("descriptor needs a 'KernelList' object"),
    }
}

/// `KernelList(iterable=())`.
fn list_new(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let Some(Value::Obj(cls)) = args.pos.first().cloned() else {
        return vm.type_error("KernelList.__new__(X): X is not a type object");
    };
    let items = match args.pos.get(1) {
        Some(v) => vm.collect(&v.clone())?,
        None => Vec::new(),
    };
    Ok(vm.new_native(&cls, Kernel::List(items.into())))
}

fn arg1(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    match args.pos.get(1) {
        Some(v) => Ok(v.clone()),
        None => vm.type_error("missing argument"),
    }
}

fn list_append(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let v = arg1(vm, args)?;
    with_list(vm, args, |l| l.push_back(v))?;
    Ok(Value::None)
}

fn list_appendleft(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let v = arg1(vm, args)?;
    with_list(vm, args, |l| l.push_front(v))?;
    Ok(Value::None)
}

fn list_popleft(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    match with_list(vm, args, |l| l.pop_front())? {
        Some(v) => Ok(v),
        None => Err(vm.error("IndexError", "pop from an empty KernelList")),
    }
}

/// `remove(x)`: removes the first item that is `x` (identity).
fn list_remove(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let v = arg1(vm, args)?;
    let found = with_list(vm, args, |l| match l.iter().position(|x| x.is(&v)) {
        Some(i) => {
            l.remove(i);
            true
        }
        None => false,
    })?;
    if found {
        Ok(Value::None)
    } else {
        vm.value_error("KernelList.remove(x): x not in list")
    }
}

fn list_clear(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    with_list(vm, args, VecDeque::clear)?;
    Ok(Value::None)
}

fn list_len(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    super::pipe_fds::reap(vm);
    let n = with_list(vm, args, |l| l.len())?;
    Ok(Value::Int(n as i64))
}

fn index(vm: &mut Vm, args: &Args, len: usize) -> PyResult<usize> {
    let i = int_arg(vm, args, 1)?;
    let j = if i < 0 { i + len as i64 } else { i };
    if j < 0 || j >= len as i64 {
        return Err(vm.error("IndexError", "index out of range"));
    }
    Ok(j as usize)
}

/// Shared memory is read after the pipe ends whose Connection went away
/// are closed (see `pipe_fds::reap`), as they would have been at once.
fn list_getitem(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    super::pipe_fds::reap(vm);
    let len = with_list(vm, args, |l| l.len())?;
    let i = index(vm, args, len)?;
    with_list(vm, args, |l| l[i].clone())
}

fn list_setitem(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let len = with_list(vm, args, |l| l.len())?;
    let i = index(vm, args, len)?;
    let v = match args.pos.get(2) {
        Some(v) => v.clone(),
        None => return vm.type_error("missing value"),
    };
    with_list(vm, args, |l| l[i] = v)?;
    Ok(Value::None)
}

/// `snapshot()`: the items as a list.
fn list_snapshot(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let items = with_list(vm, args, |l| l.iter().cloned().collect::<Vec<_>>())?;
    Ok(Value::list(items))
}
