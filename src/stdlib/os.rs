//! `os`, the part a concurrency lesson uses: the simulated machine's
//! `cpu_count()` (the `--cores` of the run), the process ids, and
//! processes: `fork`, `_exit`, `kill`, `waitpid` and the wait-status
//! helpers (the runtime carries them out: see `runtime::process`); files
//! on the simulated disk and `os.path` (see `os_path`), `fspath`, and
//! `stat` and `PathLike` (written in Python: `src/stdlib/py/os_stat.py`). The
//! rest of `os` (the environment) is not simulated yet and raises
//! AttributeError naming it.

use crate::vm::builtins::Methods;
use crate::vm::call::Args;
use crate::vm::value::{ObjRef, Value};
use crate::vm::{Halt, PyErr, PyResult, Syscall, Vm};

/// The simulated process id of the program.
pub const PID: i64 = crate::vm::sched::MAIN_PID;

const FUNCTIONS: Methods = &[
    ("cpu_count", cpu_count),
    ("getpid", getpid),
    ("getppid", getppid),
    ("fork", fork),
    ("_exit", exit),
    ("kill", kill),
    ("waitpid", waitpid),
    ("waitstatus_to_exitcode", waitstatus_to_exitcode),
    ("WIFEXITED", wifexited),
    ("WEXITSTATUS", wexitstatus),
    ("WIFSIGNALED", wifsignaled),
    ("WTERMSIG", wtermsig),
    ("fspath", fspath),
];

/// Factory of `os`.
pub fn make(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    vm.module_functions(module, FUNCTIONS);
    vm.module_functions(module, super::os_path::OS_FUNCTIONS);
    let path = super::os_path::make_path_module(vm);
    vm.module_set(module, "path", Value::Obj(path.clone()));
    // `import os.path` finds it (one per process, as `os` itself).
    vm.modules.insert("os.path".into(), Value::Obj(path));
    vm.module_set(module, "curdir", Value::str("."));
    vm.module_set(module, "name", Value::str("posix"));
    vm.module_set(module, "sep", Value::str("/"));
    vm.module_set(module, "linesep", Value::str("\n"));
    vm.module_set(module, "WNOHANG", Value::Int(1));
    match crate::sources::get("stdlib/py/os_stat.py") {
        Some(source) => super::python_module(vm, module, "os", source),
        None => Ok(()),
    }
}

/// `os.fspath(path)`: the str a path stands for (see [`super::io_fs::fspath`]).
fn fspath(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    vm.check_args("fspath", args, 1, 1)?;
    let v = args.pos[0].clone();
    if matches!(&v, Value::Obj(o) if matches!(&**o, crate::vm::value::Obj::Bytes(_))) {
        return Ok(v);
    }
    match super::io_fs::fspath(vm, &v)? {
        Some(s) => Ok(Value::string(s)),
        None => {
            let t = vm.type_name(&v);
            vm.type_error(format!(
                "expected str, bytes or os.PathLike object, not {t}"
            ))
        }
    }
}

fn cpu_count(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    vm.check_args("posix.cpu_count", args, 0, 0)?;
    Ok(Value::Int(vm.sched.cores as i64))
}

fn getpid(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    vm.check_args("posix.getpid", args, 0, 0)?;
    Ok(Value::Int(vm.sched.pid))
}

fn getppid(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    vm.check_args("posix.getppid", args, 0, 0)?;
    Ok(Value::Int(vm.sched.ppid))
}

fn int_arg(vm: &mut Vm, args: &Args, i: usize, what: &str) -> PyResult<i64> {
    match args.pos.get(i) {
        Some(Value::Int(n)) => Ok(*n),
        Some(Value::Bool(b)) => Ok(i64::from(*b)),
        Some(v) => {
            let t = vm.type_name(v);
            vm.type_error(format!("'{t}' object cannot be interpreted as an integer"))
        }
        None => vm.type_error(format!("{what} missing argument {}", i + 1)),
    }
}

fn blocking_call(vm: &mut Vm, what: &str) -> PyResult<()> {
    if vm.nested_runs > 0 {
        return Err(vm.error(
            "RuntimeError",
            format!("os.{what}() inside a callback from a builtin (a key function, __eq__, __repr__ …) is not simulated"),
        ));
    }
    Ok(())
}

/// `os.fork()`: the runtime copies the process (see `Syscall::Fork`).
fn fork(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    vm.check_args("posix.fork", args, 0, 0)?;
    blocking_call(vm, "fork")?;
    vm.sched.threads_started += 1;
    let ident = crate::vm::sched::ident_of(vm.sched.threads_started);
    let pid = vm.sched.next_pid;
    vm.sched.next_pid += 1;
    let sentinel = super::thread::new_lock(vm)?;
    crate::vm::module::native_data(&sentinel, |s: &mut crate::vm::sched::LockState| {
        s.owner = ident;
        s.count = 1;
        s.shared = true;
        s.label = Some(format!("process {pid}"));
    });
    if let Value::Obj(o) = sentinel {
        vm.sched.sentinels.insert(pid, o);
    }
    vm.sched.syscall = Some(Syscall::Fork { pid, ident });
    Err(PyErr::Halt(Halt::Syscall))
}

/// `os._exit(n)`: the process ends at once (no cleanup, no flushing).
fn exit(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    vm.check_args("posix._exit", args, 1, 1)?;
    let code = int_arg(vm, args, 0, "_exit()")?;
    blocking_call(vm, "_exit")?;
    vm.sched.syscall = Some(Syscall::Exit {
        code: (code & 0xff) as i32,
    });
    Err(PyErr::Halt(Halt::Syscall))
}

/// `os.kill(pid, sig)`.
fn kill(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    vm.check_args("posix.kill", args, 2, 2)?;
    let pid = int_arg(vm, args, 0, "kill()")?;
    let sig = int_arg(vm, args, 1, "kill()")?;
    blocking_call(vm, "kill")?;
    vm.sched.syscall = Some(Syscall::Kill { pid, sig });
    Err(PyErr::Halt(Halt::Syscall))
}

/// `os.waitpid(pid, options)`.
fn waitpid(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    vm.check_args("posix.waitpid", args, 2, 2)?;
    let pid = int_arg(vm, args, 0, "waitpid()")?;
    let options = int_arg(vm, args, 1, "waitpid()")?;
    blocking_call(vm, "waitpid")?;
    vm.sched.syscall = Some(Syscall::WaitPid {
        pid,
        nohang: options & 1 != 0,
    });
    Err(PyErr::Halt(Halt::Syscall))
}

fn status_arg(vm: &mut Vm, args: &mut Args, name: &str) -> PyResult<i64> {
    vm.check_args(name, args, 1, 1)?;
    int_arg(vm, args, 0, name)
}

fn waitstatus_to_exitcode(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let st = status_arg(vm, args, "waitstatus_to_exitcode")?;
    if st & 0x7f == 0 {
        Ok(Value::Int((st >> 8) & 0xff))
    } else if st & 0x7f != 0x7f {
        Ok(Value::Int(-(st & 0x7f)))
    } else {
        vm.value_error(format!("invalid wait status: {st}"))
    }
}

fn wifexited(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let st = status_arg(vm, args, "WIFEXITED")?;
    Ok(Value::Bool(st & 0x7f == 0))
}

fn wexitstatus(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let st = status_arg(vm, args, "WEXITSTATUS")?;
    Ok(Value::Int((st >> 8) & 0xff))
}

fn wifsignaled(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let st = status_arg(vm, args, "WIFSIGNALED")?;
    Ok(Value::Bool(st & 0x7f != 0 && st & 0x7f != 0x7f))
}

fn wtermsig(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let st = status_arg(vm, args, "WTERMSIG")?;
    Ok(Value::Int(st & 0x7f))
}
