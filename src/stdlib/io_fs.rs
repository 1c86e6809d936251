//! `_fs`, the system calls under `io` (`src/stdlib/py/io.py`) and
//! `os`: descriptors on the run's simulated disk
//! ([`FileSystem`](crate::vm::filesystem::FileSystem), shared by every
//! process), errors raised as CPython raises them
//! (`FileNotFoundError: [Errno 2] No such file or directory: 'x'`), and
//! what each call costs in virtual time.
//!
//! Costs, measured with `timeit` on CPython 3.11 (Linux, files in the
//! page cache): `open` 12 µs and `close` 3 µs; a read 2 µs + 0.06 ns per
//! byte; a flush of the write buffer 4 µs + 1.5 ns per byte; `stat`
//! 3 µs; `mkdir`, `unlink`, `rename` 10 µs. Each is spent in I/O with the
//! GIL released ([`Syscall::Io`]), as CPython releases it around the real
//! system call. Writes wait in the file's buffer (see
//! `vm::filesystem`) and cost I/O only when they reach the file: at
//! `io.DEFAULT_BUFFER_SIZE` (8192) bytes and at `flush()`/`close()`, when
//! CPython's buffered writer calls `write(2)`. Inside a callback from
//! a builtin the thread cannot stop: the time passes with the GIL held.
//!
//! Functions: `open(path, mode)` → `(fd, handle)` (mode one of `r w a
//! x`, optionally with `+`; no cost here; the file object keeps the
//! handle, whose end closes the file), `opened()` (the cost of the `open(2)`, for
//! `io.open`; the builtin `open` charges it itself), `read(fd, n)`
//! (n < 0: to the end), `write(fd, data)`, `flush(fd)`, `close(fd)`,
//! `seek(fd, offset, whence)`, `tell(fd)`, `size(fd)`,
//! `truncate(fd, size)`, `stat(path)` → `(is_dir, size)`.

use crate::vm::builtins::Methods;
use crate::vm::call::Args;
use crate::vm::filesystem::{Errno, OpenFlags, OPEN_NS};
use crate::vm::value::{Obj, ObjRef, Value};
use crate::vm::{Halt, PyErr, PyResult, Syscall, Vm};

const CLOSE_NS: u64 = 3_000;
const STAT_NS: u64 = 3_000;
/// Virtual cost of a directory change (`mkdir`, `unlink`, `rename`).
pub const DIR_NS: u64 = 10_000;

fn read_ns(bytes: usize) -> u64 {
    2_000 + bytes as u64 / 16
}

fn flush_ns(bytes: usize) -> u64 {
    4_000 + bytes as u64 * 3 / 2
}

const FUNCTIONS: Methods = &[
    ("open", open),
    ("opened", opened),
    ("read", read),
    ("write", write),
    ("flush", flush),
    ("close", close),
    ("seek", seek),
    ("tell", tell),
    ("size", size),
    ("truncate", truncate),
    ("stat", stat),
];

/// Factory of `_fs`.
pub fn make(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    vm.module_functions(module, FUNCTIONS);
    Ok(())
}

/// The OSError CPython raises for `errno` on `filename` (and
/// `filename2`, as `rename` reports both).
pub fn os_error(vm: &Vm, errno: Errno, filename: Option<&str>, filename2: Option<&str>) -> PyErr {
    let class = vm.types.exc(errno.exception());
    let mut args = vec![Value::Int(errno as i64), Value::str(errno.strerror())];
    if let Some(f) = filename {
        args.push(Value::str(f));
        if let Some(f2) = filename2 {
            args.push(Value::None);
            args.push(Value::str(f2));
        }
    }
    PyErr::Exc(vm.new_exception(class, args))
}

/// Ends the call in simulated I/O: the thread releases the GIL for `ns`
/// and the call returns `result`.
pub fn io_wait(vm: &mut Vm, ns: u64, result: Value) -> PyResult<Value> {
    if vm.nested_runs > 0 {
        vm.clock_ns += ns;
        return Ok(result);
    }
    vm.sched.syscall = Some(Syscall::Io { ns, result });
    Err(PyErr::Halt(Halt::Syscall))
}

/// A path argument: str (CPython also takes bytes and path-likes; those
/// raise TypeError naming what was given).
pub fn path_arg(vm: &mut Vm, v: Option<&Value>, func: &str) -> PyResult<String> {
    let Some(v) = v else {
        return vm.type_error(format!("{func}() missing required argument 'path' (pos 1)"));
    };
    match fspath(vm, v)? {
        Some(s) => {
            if s.contains('\0') {
                return vm.value_error("embedded null byte");
            }
            Ok(s)
        }
        None => {
            let t = vm.type_name(v);
            vm.type_error(format!(
                "{func}: path should be string, bytes or os.PathLike, not {t}"
            ))
        }
    }
}

/// The path `v` stands for, as `os.fspath` finds it: a str itself, or what
/// the `__fspath__` of its type returns (a `pathlib.Path`); `None` when it
/// is neither (the caller names the function in its TypeError).
pub fn fspath(vm: &mut Vm, v: &Value) -> PyResult<Option<String>> {
    if let Some(s) = v.as_str() {
        return Ok(Some(s.to_string()));
    }
    let Some(method) = vm.special(v, "__fspath__") else {
        return Ok(None);
    };
    let r = vm.call(&method, Args::default())?;
    match r.as_str() {
        Some(s) => Ok(Some(s.to_string())),
        None => {
            let (t, rt) = (vm.type_name(v), vm.type_name(&r));
            vm.type_error(format!(
                "expected {t}.__fspath__() to return str or bytes, not {rt}"
            ))
        }
    }
}

fn int_arg(vm: &mut Vm, args: &Args, i: usize) -> PyResult<i64> {
    match args.pos.get(i) {
        Some(Value::Int(n)) => Ok(*n),
        Some(Value::Bool(b)) => Ok(i64::from(*b)),
        Some(v) => {
            let t = vm.type_name(v);
            vm.type_error(format!("'{t}' object cannot be interpreted as an integer"))
        }
        None => vm.type_error(format!("missing argument {}", i + 1)),
    }
}

fn fd_error(vm: &Vm, e: Errno) -> PyErr {
    os_error(vm, e, None, None)
}

fn open(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    vm.check_args("_fs.open", args, 2, 2)?;
    let path = path_arg(vm, args.pos.first(), "open")?;
    let mode = args.pos[1].as_str().unwrap_or("r").to_string();
    let plus = mode.contains('+');
    let mut flags = OpenFlags {
        read: plus,
        write: plus,
        ..OpenFlags::default()
    };
    match mode.chars().next() {
        Some('w') => {
            flags.write = true;
            flags.create = true;
            flags.truncate = true;
        }
        Some('a') => {
            flags.write = true;
            flags.create = true;
            flags.append = true;
        }
        Some('x') => {
            flags.write = true;
            flags.create = true;
            flags.exclusive = true;
        }
        _ => flags.read = true,
    }
    let fd = match vm.fs.open(vm.sched.pid, &path, flags) {
        Ok(fd) => fd,
        Err(e) => return Err(os_error(vm, e, Some(&path), None)),
    };
    let handle = vm
        .fs
        .handle(vm.sched.pid, fd)
        .map_err(|e| fd_error(vm, e))?;
    let object = vm.types.object.clone();
    let handle = vm.new_native(&object, handle);
    Ok(Value::tuple(vec![Value::Int(fd), handle]))
}

/// The time of the `open(2)` just made, in I/O.
fn opened(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    vm.check_args("_fs.opened", args, 0, 0)?;
    io_wait(vm, OPEN_NS, Value::None)
}

fn bytes_value(data: Vec<u8>) -> Value {
    Value::obj(Obj::Bytes(data.into_boxed_slice()))
}

fn read(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    vm.check_args("_fs.read", args, 2, 2)?;
    let fd = int_arg(vm, args, 0)?;
    let n = int_arg(vm, args, 1)?;
    let n = usize::try_from(n).ok();
    let data = vm
        .fs
        .read(vm.sched.pid, fd, n)
        .map_err(|e| fd_error(vm, e))?;
    let ns = read_ns(data.len());
    io_wait(vm, ns, bytes_value(data))
}

fn write(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    vm.check_args("_fs.write", args, 2, 2)?;
    let fd = int_arg(vm, args, 0)?;
    let data: Vec<u8> = match args.pos[1].as_obj().map(|o| &**o) {
        Some(Obj::Bytes(b)) => b.to_vec(),
        Some(Obj::ByteArray(b)) => b.borrow().clone(),
        _ => {
            let t = vm.type_name(&args.pos[1]);
            return vm.type_error(format!("a bytes-like object is required, not '{t}'"));
        }
    };
    let written = vm
        .fs
        .write(vm.sched.pid, fd, &data)
        .map_err(|e| fd_error(vm, e))?;
    let n = Value::Int(data.len() as i64);
    if written > 0 {
        return io_wait(vm, flush_ns(written), n);
    }
    Ok(n)
}

fn flush(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    vm.check_args("_fs.flush", args, 1, 1)?;
    let fd = int_arg(vm, args, 0)?;
    let written = vm.fs.flush(vm.sched.pid, fd).map_err(|e| fd_error(vm, e))?;
    if written > 0 {
        return io_wait(vm, flush_ns(written), Value::None);
    }
    Ok(Value::None)
}

fn close(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    vm.check_args("_fs.close", args, 1, 1)?;
    let fd = int_arg(vm, args, 0)?;
    let written = vm.fs.close(vm.sched.pid, fd).map_err(|e| fd_error(vm, e))?;
    let ns = CLOSE_NS + if written > 0 { flush_ns(written) } else { 0 };
    io_wait(vm, ns, Value::None)
}

fn seek(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    vm.check_args("_fs.seek", args, 3, 3)?;
    let fd = int_arg(vm, args, 0)?;
    let offset = int_arg(vm, args, 1)?;
    let whence = int_arg(vm, args, 2)?;
    let pid = vm.sched.pid;
    let pos = vm
        .fs
        .seek(pid, fd, offset, whence)
        .map_err(|e| fd_error(vm, e))?;
    Ok(Value::Int(pos as i64))
}

fn tell(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    vm.check_args("_fs.tell", args, 1, 1)?;
    let fd = int_arg(vm, args, 0)?;
    let pos = vm.fs.tell(vm.sched.pid, fd).map_err(|e| fd_error(vm, e))?;
    Ok(Value::Int(pos as i64))
}

fn size(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    vm.check_args("_fs.size", args, 1, 1)?;
    let fd = int_arg(vm, args, 0)?;
    let n = vm
        .fs
        .size_of(vm.sched.pid, fd)
        .map_err(|e| fd_error(vm, e))?;
    Ok(Value::Int(n as i64))
}

fn truncate(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    vm.check_args("_fs.truncate", args, 2, 2)?;
    let fd = int_arg(vm, args, 0)?;
    let n = int_arg(vm, args, 1)?;
    let Ok(n) = usize::try_from(n) else {
        return Err(fd_error(vm, Errno::Invalid));
    };
    vm.fs
        .truncate(vm.sched.pid, fd, n)
        .map_err(|e| fd_error(vm, e))?;
    Ok(Value::Int(n as i64))
}

/// `(is_dir, size)` of a path; raises FileNotFoundError and friends.
fn stat(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    vm.check_args("_fs.stat", args, 1, 1)?;
    let path = path_arg(vm, args.pos.first(), "stat")?;
    let st = match vm.fs.stat(&path) {
        Ok(st) => st,
        Err(e) => return Err(os_error(vm, e, Some(&path), None)),
    };
    let v = match st {
        crate::vm::filesystem::Stat::Dir => Value::tuple(vec![Value::Bool(true), Value::Int(4096)]),
        crate::vm::filesystem::Stat::File { size } => {
            Value::tuple(vec![Value::Bool(false), Value::Int(size as i64)])
        }
    };
    io_wait(vm, STAT_NS, v)
}
