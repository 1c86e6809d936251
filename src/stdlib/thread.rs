//! `_thread`: the primitives `threading` and `queue` are written on —
//! starting threads, locks (`_thread.lock`) and reentrant locks
//! (`_thread.RLock`), thread idents — with CPython 3.11's behaviour and
//! messages, plus Interleave's hooks that tell the simulator what a lock
//! stands for, a thread's name, and a queue's traffic.
//!
//! A lock's state lives in the lock ([`LockState`]). Taking a free lock,
//! and releasing, happen here without stopping the thread (as in CPython,
//! where an uncontended acquire never releases the GIL); waiting is a
//! [`Syscall::Acquire`] the runtime carries out: the thread releases the
//! GIL, and resumes with the call's result (True, or False on timeout).

use crate::vm::builtins::Methods;
use crate::vm::call::Args;
use crate::vm::module::native_data;
use crate::vm::sched::{ident_of, native_id_of, LockState};
use crate::vm::value::{Obj, ObjRef, Value};
use crate::vm::{Halt, Note, PyErr, PyResult, Syscall, Vm};

/// `_thread.TIMEOUT_MAX` (CPython's value on Linux).
pub const TIMEOUT_MAX: f64 = 9_223_372_036.0;

const FUNCTIONS: Methods = &[
    ("start_new_thread", start_new_thread),
    ("start_new", start_new_thread),
    ("allocate_lock", allocate_lock),
    ("allocate", allocate_lock),
    ("get_ident", get_ident),
    ("get_native_id", get_native_id),
    ("_count", count),
    ("daemon_threads_allowed", daemon_threads_allowed),
    ("stack_size", stack_size),
    ("_set_thread_info", set_thread_info),
    ("_label", label),
    ("_note_queue", note_queue),
    ("_note_task", note_task),
    ("_print_exception", print_exception),
    ("_abandon_coroutine", abandon_coroutine),
];

const LOCK_METHODS: Methods = &[
    ("acquire", lock_acquire),
    ("acquire_lock", lock_acquire),
    ("__enter__", lock_acquire),
    ("release", lock_release),
    ("release_lock", lock_release),
    ("__exit__", lock_exit),
    ("locked", lock_locked),
    ("locked_lock", lock_locked),
    ("__repr__", lock_repr),
];

const RLOCK_METHODS: Methods = &[
    ("__new__", rlock_new),
    ("acquire", lock_acquire),
    ("__enter__", lock_acquire),
    ("release", lock_release),
    ("__exit__", lock_exit),
    ("_is_owned", rlock_is_owned),
    ("_release_save", rlock_release_save),
    ("_acquire_restore", rlock_acquire_restore),
    ("_recursion_count", rlock_recursion_count),
    ("__repr__", lock_repr),
];

/// Factory of `_thread`.
pub fn make(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    vm.module_functions(module, FUNCTIONS);
    let lock = vm.new_native_class("lock", "_thread", LOCK_METHODS, None);
    let rlock = vm.new_native_class("RLock", "_thread", RLOCK_METHODS, None);
    vm.module_set(module, "LockType", Value::Obj(lock.clone()));
    vm.module_set(module, "lock", Value::Obj(lock.clone()));
    vm.module_set(module, "RLock", Value::Obj(rlock.clone()));
    vm.modules
        .insert("<_thread.lock class>".into(), Value::Obj(lock));
    vm.module_set(module, "TIMEOUT_MAX", Value::Float(TIMEOUT_MAX));
    let error = Value::Obj(vm.types.exc("RuntimeError"));
    vm.module_set(module, "error", error);
    Ok(())
}

/// A new plain lock (what `threading.Lock()` returns).
pub fn new_lock(vm: &mut Vm) -> PyResult<Value> {
    let Some(Value::Obj(class)) = vm.modules.get("<_thread.lock class>").cloned() else {
        vm.import_module("_thread")?;
        return new_lock(vm);
    };
    let id = next_id(vm);
    Ok(vm.new_native(
        &class,
        LockState {
            id,
            ..LockState::default()
        },
    ))
}

fn next_id(vm: &mut Vm) -> u64 {
    let id = vm.sched.next_object_id;
    vm.sched.next_object_id += 1;
    id
}

fn start_new_thread(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    if !args.kw.is_empty() {
        return vm.type_error("start_new_thread() takes no keyword arguments");
    }
    if args.pos.len() < 2 || args.pos.len() > 3 {
        return vm.type_error(format!(
            "start_new_thread expected at least 2 arguments, got {}",
            args.pos.len()
        ));
    }
    let func = args.pos[0].clone();
    if !is_callable(vm, &func) {
        return vm.type_error("first arg must be callable");
    }
    let fargs = args.pos[1].clone();
    if fargs.as_tuple().is_none() {
        return vm.type_error("2nd arg must be a tuple");
    }
    let kwargs = args.pos.get(2).cloned().unwrap_or(Value::None);
    if !kwargs.is_none() && !matches!(kwargs.as_obj().map(|o| &**o), Some(Obj::Dict(_))) {
        return vm.type_error("optional 3rd arg must be a dictionary");
    }
    vm.sched.threads_started += 1;
    let ident = ident_of(vm.sched.threads_started);
    vm.sched.notes.push(Note::StartThread {
        ident,
        func,
        args: fargs,
        kwargs,
    });
    vm.sched.poke();
    Ok(Value::Int(ident as i64))
}

fn is_callable(vm: &Vm, v: &Value) -> bool {
    match v {
        Value::Obj(o) => match &**o {
            Obj::Function(_) | Obj::Builtin(_) | Obj::BoundMethod(_) | Obj::Type(_) => true,
            _ => vm.special(v, "__call__").is_some(),
        },
        _ => false,
    }
}

fn allocate_lock(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    vm.check_args("allocate_lock", args, 0, 0)?;
    new_lock(vm)
}

fn rlock_new(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let Some(Value::Obj(cls)) = args.pos.first().cloned() else {
        return vm.type_error("RLock.__new__(X): X is not a type object");
    };
    let id = next_id(vm);
    Ok(vm.new_native(
        &cls,
        LockState {
            id,
            reentrant: true,
            ..LockState::default()
        },
    ))
}

fn get_ident(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    vm.check_args("get_ident", args, 0, 0)?;
    Ok(Value::Int(vm.sched.current as i64))
}

fn get_native_id(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    vm.check_args("get_native_id", args, 0, 0)?;
    let k = (vm.sched.current - ident_of(0)) / (ident_of(1) - ident_of(0));
    Ok(Value::Int(native_id_of(k) as i64))
}

/// `_thread._count()`: threads started by `start_new_thread` still alive.
fn count(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    vm.check_args("_count", args, 0, 0)?;
    Ok(Value::Int(
        (vm.sched.threads_started - vm.sched.threads_finished) as i64,
    ))
}

fn daemon_threads_allowed(_vm: &mut Vm, _args: &mut Args) -> PyResult<Value> {
    Ok(Value::Bool(true))
}

fn stack_size(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    match args.pos.first() {
        None | Some(Value::Int(0)) => Ok(Value::Int(0)),
        Some(Value::Int(n)) if *n >= 32768 => Ok(Value::Int(0)),
        Some(Value::Int(_)) => vm.value_error("size not valid: 32768 bytes"),
        Some(_) => vm.type_error("'str' object cannot be interpreted as an integer"),
    }
}

/// `_set_thread_info(ident, name, daemon)`.
fn set_thread_info(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    vm.check_args("_set_thread_info", args, 3, 3)?;
    let ident = match &args.pos[0] {
        Value::Int(i) => *i as u64,
        _ => return vm.type_error("ident must be an int"),
    };
    let name = vm.str_of(&args.pos[1].clone())?;
    let daemon = vm.truthy(&args.pos[2].clone())?;
    vm.sched.notes.push(Note::ThreadInfo {
        ident,
        name,
        daemon,
    });
    Ok(Value::None)
}

/// `_label(lock, text)`: what the lock stands for.
fn label(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    vm.check_args("_label", args, 2, 2)?;
    let text = vm.str_of(&args.pos[1].clone())?;
    let lock = args.pos[0].clone();
    if native_data(&lock, |s: &mut LockState| s.label = Some(text)).is_none() {
        return vm.type_error("_label() needs a lock");
    }
    Ok(Value::None)
}

/// `_note_queue(queue, kind, item, depth=None, label=None, by_pid=None,
/// after_ns=0)`: kind 'put' or 'get', by the calling thread, or with
/// `by_pid` by the main thread of that process (a Manager's server),
/// `after_ns` from now (what the server does while its caller waits in
/// I/O); the depth after it, asked of `queue._qsize()` when not given
/// (a pipe passes its buffer, a kernel object every process shares, and
/// its length); `label` names the queue's kind in the trace (`Pipe`; a
/// `{n}` in it is replaced by the queue's number), else its type's name
/// does.
fn note_queue(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    vm.check_args("_note_queue", args, 3, 7)?;
    let Value::Obj(queue) = args.pos[0].clone() else {
        return vm.type_error("_note_queue() needs a queue");
    };
    let put = args.pos[1].as_str() == Some("put");
    let qv = Value::Obj(queue.clone());
    let depth = match args.pos.get(3) {
        Some(Value::Int(n)) => (*n).max(0) as usize,
        _ => match vm.call_method_str(&qv, "_qsize", vec![]) {
            Ok(Value::Int(n)) => n.max(0) as usize,
            _ => 0,
        },
    };
    let kind = match args.pos.get(4).and_then(|v| v.as_str()) {
        Some(label) => label.to_string(),
        None => vm.type_name(&qv),
    };
    let by_pid = match args.pos.get(5) {
        Some(Value::Int(pid)) => Some(*pid),
        _ => None,
    };
    let after_ns = match args.pos.get(6) {
        Some(Value::Int(ns)) => (*ns).max(0) as u64,
        _ => 0,
    };
    vm.sched.notes.push(Note::Queue {
        queue,
        by_pid,
        kind,
        put,
        item: args.pos[2].clone(),
        depth,
        at: vm.clock_ns + after_ns,
    });
    Ok(Value::None)
}

/// `_note_task(task, name, running)`: asyncio task number `task` (named
/// `name` when not None) begins (True) or ends (False) a step; `running`
/// None only names it.
fn note_task(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    vm.check_args("_note_task", args, 3, 3)?;
    let Value::Int(task) = args.pos[0] else {
        return vm.type_error("_note_task() needs a task number");
    };
    let name = match &args.pos[1] {
        Value::None => None,
        v => Some(vm.str_of(&v.clone())?),
    };
    let running = match &args.pos[2] {
        Value::None => None,
        v => Some(vm.truthy(&v.clone())?),
    };
    vm.sched.notes.push(Note::Task {
        task: task.max(0) as u64,
        name,
        running,
        at: vm.clock_ns,
    });
    Ok(Value::None)
}

/// `_abandon_coroutine(exc, coro)`: `coro` is dropped unawaited with
/// `exc` (see `vm::abandoned`).
fn abandon_coroutine(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    vm.check_args("_abandon_coroutine", args, 2, 2)?;
    if let Value::Obj(e) = &args.pos[0] {
        let (e, coro) = (e.clone(), args.pos[1].clone());
        vm.abandon_coroutine(&e, &coro);
    }
    Ok(Value::None)
}

/// `_print_exception(exc)`: the traceback CPython would print, to stderr.
fn print_exception(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    vm.check_args("_print_exception", args, 1, 1)?;
    if let Value::Obj(e) = &args.pos[0] {
        if matches!(&**e, Obj::Exception(_)) {
            let text = vm.format_exception(e);
            vm.write_stderr(&text);
        }
    }
    Ok(Value::None)
}

/// Runs `f` on the state of the lock `me`.
fn with_lock<R>(vm: &Vm, me: &Value, f: impl FnOnce(&mut LockState) -> R) -> PyResult<R> {
    match native_data(me, f) {
        Some(r) => Ok(r),
        None => {
            let t = vm.type_name(me);
            vm.type_error(format!(
                "descriptor needs a '_thread.lock' object but received '{t}'"
            ))
        }
    }
}

/// Parses `acquire(blocking=True, timeout=-1)`: None waits forever,
/// Some(0) does not wait.
fn acquire_args(vm: &mut Vm, args: &mut Args) -> PyResult<Option<u64>> {
    let blocking = match args.arg(1, "blocking") {
        Some(v) => vm.truthy(&v)?,
        None => true,
    };
    let timeout = match args.arg(2, "timeout") {
        Some(Value::Int(i)) => i as f64,
        Some(Value::Float(f)) => f,
        Some(Value::Bool(b)) => f64::from(u8::from(b)),
        Some(v) => {
            let t = vm.type_name(&v);
            return vm.type_error(format!("'{t}' object cannot be interpreted as an integer"));
        }
        None => -1.0,
    };
    // CPython first converts the timeout to i64 nanoseconds (_PyTime_t).
    if timeout.is_nan() {
        return vm.value_error("Invalid value NaN (not a number)");
    }
    if timeout.abs() * 1e9 >= 9.223_372_036_854_776e18 {
        return Err(vm.error(
            "OverflowError",
            "timestamp out of range for platform time_t",
        ));
    }
    if !blocking && timeout != -1.0 {
        return vm.value_error("can't specify a timeout for a non-blocking call");
    }
    if timeout < 0.0 && timeout != -1.0 {
        return vm.value_error("timeout value must be positive");
    }
    if !blocking {
        return Ok(Some(0));
    }
    if timeout == -1.0 {
        return Ok(None);
    }
    if timeout > TIMEOUT_MAX {
        return Err(vm.error("OverflowError", "timeout value is too large"));
    }
    Ok(Some((timeout * 1e9).round() as u64))
}

fn lock_acquire(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let me = args.pos.first().cloned().unwrap_or(Value::None);
    let timeout = acquire_args(vm, args)?;
    acquire(vm, &me, timeout, 1)
}

/// Takes the lock if it is free (or owned by this thread, for an RLock);
/// else waits, unless `timeout` is Some(0).
fn acquire(vm: &mut Vm, me: &Value, timeout: Option<u64>, count: u64) -> PyResult<Value> {
    let current = vm.sched.current;
    let taken = with_lock(vm, me, |s| {
        if s.owner == 0 {
            s.owner = current;
            s.count = count;
            Some(s.released_at)
        } else if s.reentrant && s.owner == current {
            s.count += 1;
            Some(0)
        } else {
            None
        }
    })?;
    let Value::Obj(lock) = me else {
        return Ok(Value::Bool(false));
    };
    if let Some(released_at) = taken {
        vm.clock_ns = vm.clock_ns.max(released_at);
        let at = vm.clock_ns;
        vm.sched.notes.push(Note::Acquired {
            lock: lock.clone(),
            at,
        });
        return Ok(Value::Bool(true));
    }
    if timeout == Some(0) {
        return Ok(Value::Bool(false));
    }
    if vm.nested_runs > 0 {
        return Err(vm.error(
            "RuntimeError",
            "waiting for a lock inside a callback from a builtin (a key function, __eq__, __repr__ …) is not simulated",
        ));
    }
    vm.sched.syscall = Some(Syscall::Acquire {
        lock: lock.clone(),
        timeout_ns: timeout,
        count,
    });
    Err(PyErr::Halt(Halt::Syscall))
}

fn lock_release(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let me = args.pos.first().cloned().unwrap_or(Value::None);
    release(vm, &me, false).map(|_| Value::None)
}

/// Releases once (or fully, with `all`); the recursion count it had.
pub(crate) fn release(vm: &mut Vm, me: &Value, all: bool) -> PyResult<u64> {
    let current = vm.sched.current;
    let now = vm.clock_ns;
    let r = with_lock(vm, me, |s| {
        if s.reentrant {
            if s.owner != current || s.count == 0 {
                return Err("cannot release un-acquired lock");
            }
        } else if s.owner == 0 {
            return Err("release unlocked lock");
        }
        let had = s.count.max(1);
        if s.reentrant {
            s.count = if all { 0 } else { s.count - 1 };
            if s.count > 0 {
                return Ok((had, None));
            }
        }
        s.owner = 0;
        s.count = 0;
        s.released_at = now;
        Ok((had, Some(!s.waiters.is_empty())))
    })?;
    match r {
        Err(msg) => Err(vm.error("RuntimeError", msg)),
        Ok((had, freed)) => {
            if let (Some(wake), Value::Obj(lock)) = (freed, me) {
                let at = vm.clock_ns;
                vm.sched.notes.push(Note::Released {
                    lock: lock.clone(),
                    wake,
                    at,
                });
                if wake {
                    vm.sched.poke();
                }
            }
            Ok(had)
        }
    }
}

fn lock_exit(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let me = args.pos.first().cloned().unwrap_or(Value::None);
    release(vm, &me, false)?;
    Ok(Value::None)
}

fn lock_locked(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let me = args.pos.first().cloned().unwrap_or(Value::None);
    with_lock(vm, &me, |s| Value::Bool(s.owner != 0))
}

fn lock_repr(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let me = args.pos.first().cloned().unwrap_or(Value::None);
    let (locked, reentrant, owner, count) =
        with_lock(vm, &me, |s| (s.owner != 0, s.reentrant, s.owner, s.count))?;
    let state = if locked { "locked" } else { "unlocked" };
    let at = vm.object_id(&me);
    if reentrant {
        let cls = vm.type_of(&me);
        let (module, name) = match crate::vm::types::type_data(&cls) {
            Some(td) => (td.module.to_string(), td.qualname.to_string()),
            None => ("_thread".into(), "RLock".into()),
        };
        return Ok(Value::string(format!(
            "<{state} {module}.{name} object owner={owner} count={count} at {at:#x}>"
        )));
    }
    Ok(Value::string(format!(
        "<{state} _thread.lock object at {at:#x}>"
    )))
}

fn rlock_is_owned(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let me = args.pos.first().cloned().unwrap_or(Value::None);
    let current = vm.sched.current;
    with_lock(vm, &me, |s| Value::Bool(s.count > 0 && s.owner == current))
}

fn rlock_recursion_count(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let me = args.pos.first().cloned().unwrap_or(Value::None);
    let current = vm.sched.current;
    with_lock(vm, &me, |s| {
        Value::Int(if s.owner == current {
            s.count as i64
        } else {
            0
        })
    })
}

/// `_release_save()`: releases completely; `(count, owner)`.
fn rlock_release_save(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let me = args.pos.first().cloned().unwrap_or(Value::None);
    let owner = vm.sched.current;
    let count = with_lock(vm, &me, |s| s.count)?;
    if count == 0 {
        return Err(vm.error("RuntimeError", "cannot release un-acquired lock"));
    }
    let had = release(vm, &me, true)?;
    Ok(Value::tuple(vec![
        Value::Int(had as i64),
        Value::Int(owner as i64),
    ]))
}

/// `_acquire_restore((count, owner))`: acquires again with that count.
fn rlock_acquire_restore(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let me = args.pos.first().cloned().unwrap_or(Value::None);
    let count = match args
        .pos
        .get(1)
        .and_then(|v| v.as_tuple())
        .and_then(|t| t.first())
    {
        Some(Value::Int(n)) if *n > 0 => *n as u64,
        _ => 1,
    };
    acquire(vm, &me, None, count)?;
    Ok(Value::None)
}
