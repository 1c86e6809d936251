//! `os.path` (CPython's `posixpath`) and the file functions of `os`
//! (`listdir`, `mkdir`, `makedirs`, `remove`/`unlink`, `rmdir`,
//! `rename`/`replace`, `getcwd`) on the run's simulated disk
//! ([`FileSystem`](crate::vm::filesystem::FileSystem)). The string
//! functions (`join`, `split`, `splitext`, `normpath` …) follow
//! posixpath's code; the ones that look at the disk cost a `stat`'s or a
//! directory change's time in I/O (see `io_fs`), and raise CPython's
//! errors (`FileNotFoundError: [Errno 2] No such file or directory: 'x'`).
//! Paths are str only (bytes and path-like objects raise TypeError).

use super::io_fs::{fspath, io_wait, os_error, path_arg, DIR_NS};
use crate::vm::builtins::Methods;
use crate::vm::call::Args;
use crate::vm::filesystem::{self, Errno, Stat};
use crate::vm::value::{ObjRef, Value};
use crate::vm::{PyResult, Vm};

const STAT_NS: u64 = 3_000;

/// The file functions `os` adds to its own.
pub const OS_FUNCTIONS: Methods = &[
    ("getcwd", getcwd),
    ("listdir", listdir),
    ("mkdir", mkdir),
    ("makedirs", makedirs),
    ("remove", remove),
    ("unlink", remove),
    ("rmdir", rmdir),
    ("rename", rename),
    ("replace", rename),
];

const PATH_FUNCTIONS: Methods = &[
    ("join", join),
    ("split", split),
    ("basename", basename),
    ("dirname", dirname),
    ("splitext", splitext),
    ("normpath", normpath),
    ("abspath", abspath),
    ("isabs", isabs),
    ("exists", exists),
    ("isfile", isfile),
    ("isdir", isdir),
    ("getsize", getsize),
];

/// Builds the `os.path` module (native: importing `os` stays cheap).
pub fn make_path_module(vm: &mut Vm) -> ObjRef {
    let m = vm.new_module("posixpath");
    vm.module_functions(&m, PATH_FUNCTIONS);
    vm.module_set(&m, "sep", Value::str("/"));
    vm.module_set(&m, "curdir", Value::str("."));
    vm.module_set(&m, "pardir", Value::str(".."));
    vm.module_set(&m, "extsep", Value::str("."));
    m
}

fn str_of(vm: &mut Vm, args: &Args, i: usize, func: &str) -> PyResult<String> {
    match args.pos.get(i) {
        Some(v) => match fspath(vm, v)? {
            Some(s) => Ok(s),
            None => {
                let t = vm.type_name(v);
                vm.type_error(format!(
                    "expected str, bytes or os.PathLike object, not {t}"
                ))
            }
        },
        None => vm.type_error(format!("{func}() missing required argument")),
    }
}

fn join(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    if args.pos.is_empty() {
        return vm.type_error("join() missing 1 required positional argument: 'a'");
    }
    let mut path = String::new();
    for (i, v) in args.pos.clone().iter().enumerate() {
        let Some(b) = fspath(vm, v)? else {
            let t = vm.type_name(v);
            return vm.type_error(format!(
                "join() argument must be str, bytes, or os.PathLike object, not '{t}'"
            ));
        };
        let b = b.as_str();
        if i == 0 || b.starts_with('/') {
            path = b.to_string();
        } else if path.is_empty() || path.ends_with('/') {
            path.push_str(b);
        } else {
            path.push('/');
            path.push_str(b);
        }
    }
    Ok(Value::string(path))
}

/// posixpath.split: (head, tail), the head without trailing slashes
/// unless it is all slashes.
fn split_path(p: &str) -> (String, String) {
    let i = p.rfind('/').map_or(0, |i| i + 1);
    let (head, tail) = p.split_at(i);
    let head = if !head.is_empty() && head.chars().any(|c| c != '/') {
        head.trim_end_matches('/')
    } else {
        head
    };
    (head.to_string(), tail.to_string())
}

fn split(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    vm.check_args("split", args, 1, 1)?;
    let p = str_of(vm, args, 0, "split")?;
    let (h, t) = split_path(&p);
    Ok(Value::tuple(vec![Value::string(h), Value::string(t)]))
}

fn basename(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    vm.check_args("basename", args, 1, 1)?;
    let p = str_of(vm, args, 0, "basename")?;
    Ok(Value::string(split_path(&p).1))
}

fn dirname(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    vm.check_args("dirname", args, 1, 1)?;
    let p = str_of(vm, args, 0, "dirname")?;
    Ok(Value::string(split_path(&p).0))
}

fn splitext(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    vm.check_args("splitext", args, 1, 1)?;
    let p = str_of(vm, args, 0, "splitext")?;
    let sep = p.rfind('/').map_or(0, |i| i + 1);
    let pair = |a: &str, b: &str| Value::tuple(vec![Value::str(a), Value::str(b)]);
    if let Some(dot) = p.rfind('.') {
        // A leading run of dots in the file name is not an extension.
        if dot > sep && p[sep..dot].chars().any(|c| c != '.') {
            return Ok(pair(&p[..dot], &p[dot..]));
        }
    }
    Ok(pair(&p, ""))
}

/// posixpath.normpath.
fn normalize(p: &str) -> String {
    if p.is_empty() {
        return ".".into();
    }
    let lead = if p.starts_with("//") && !p.starts_with("///") {
        "//"
    } else if p.starts_with('/') {
        "/"
    } else {
        ""
    };
    let mut parts: Vec<&str> = Vec::new();
    for c in p.split('/') {
        match c {
            "" | "." => {}
            ".." => {
                if lead.is_empty() && (parts.is_empty() || parts.last() == Some(&"..")) {
                    parts.push("..");
                } else {
                    parts.pop();
                }
            }
            c => parts.push(c),
        }
    }
    let out = format!("{lead}{}", parts.join("/"));
    if out.is_empty() {
        ".".into()
    } else {
        out
    }
}

fn normpath(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    vm.check_args("normpath", args, 1, 1)?;
    let p = str_of(vm, args, 0, "normpath")?;
    Ok(Value::string(normalize(&p)))
}

fn abspath(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    vm.check_args("abspath", args, 1, 1)?;
    let p = str_of(vm, args, 0, "abspath")?;
    let joined = if p.starts_with('/') {
        p
    } else {
        format!("{}/{p}", filesystem::CWD)
    };
    Ok(Value::string(normalize(&joined)))
}

fn isabs(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    vm.check_args("isabs", args, 1, 1)?;
    let p = str_of(vm, args, 0, "isabs")?;
    Ok(Value::Bool(p.starts_with('/')))
}

/// A `stat` that answers a question (exists, isfile, isdir): False on
/// any error, as posixpath's functions do.
fn probe(vm: &mut Vm, args: &Args, func: &str, ok: fn(Stat) -> bool) -> PyResult<Value> {
    vm.check_args(func, args, 1, 1)?;
    let v = args.pos[0].clone();
    let Some(p) = fspath(vm, &v)? else {
        let t = vm.type_name(&args.pos[0]);
        return vm.type_error(format!(
            "stat: path should be string, bytes, os.PathLike or integer, not {t}"
        ));
    };
    let answer = vm.fs.stat(&p).map(ok).unwrap_or(false);
    io_wait(vm, STAT_NS, Value::Bool(answer))
}

fn exists(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    probe(vm, args, "exists", |_| true)
}

fn isfile(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    probe(vm, args, "isfile", |s| matches!(s, Stat::File { .. }))
}

fn isdir(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    probe(vm, args, "isdir", |s| s == Stat::Dir)
}

fn getsize(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    vm.check_args("getsize", args, 1, 1)?;
    let p = path_arg(vm, args.pos.first(), "stat")?;
    match vm.fs.stat(&p) {
        Ok(Stat::File { size }) => io_wait(vm, STAT_NS, Value::Int(size as i64)),
        Ok(Stat::Dir) => io_wait(vm, STAT_NS, Value::Int(4096)),
        Err(e) => Err(os_error(vm, e, Some(&p), None)),
    }
}

fn getcwd(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    vm.check_args("getcwd", args, 0, 0)?;
    Ok(Value::str(filesystem::CWD))
}

fn listdir(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    vm.check_args("listdir", args, 0, 1)?;
    let p = match args.pos.first() {
        None | Some(Value::None) => ".".to_string(),
        v => path_arg(vm, v, "listdir")?,
    };
    match vm.fs.listdir(&p) {
        Ok(names) => {
            let list = Value::list(names.into_iter().map(Value::string).collect());
            io_wait(vm, STAT_NS, list)
        }
        Err(e) => Err(os_error(vm, e, Some(&p), None)),
    }
}

fn mkdir(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    args.take_kw("mode");
    vm.check_args("mkdir", args, 1, 2)?;
    let p = path_arg(vm, args.pos.first(), "mkdir")?;
    match vm.fs.mkdir(&p) {
        Ok(()) => io_wait(vm, DIR_NS, Value::None),
        Err(e) => Err(os_error(vm, e, Some(&p), None)),
    }
}

/// `os.makedirs(name, mode=0o777, exist_ok=False)`: every missing
/// directory on the way, as `os.makedirs` walks them (its recursion on
/// the head, so an error names the directory that failed).
fn makedirs(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let exist_ok = match args
        .take_kw("exist_ok")
        .or_else(|| args.pos.get(2).cloned())
    {
        Some(v) => vm.truthy(&v)?,
        None => false,
    };
    args.take_kw("mode");
    args.pos.truncate(1);
    vm.check_args("makedirs", args, 1, 1)?;
    let p = path_arg(vm, args.pos.first(), "mkdir")?;
    match make_dirs(&mut vm.fs, &p, exist_ok) {
        Ok(()) => io_wait(vm, DIR_NS, Value::None),
        Err((e, name)) => Err(os_error(vm, e, Some(&name), None)),
    }
}

/// os.makedirs's own steps; the error with the path it is about.
fn make_dirs(
    fs: &mut filesystem::FileSystem,
    name: &str,
    exist_ok: bool,
) -> Result<(), (Errno, String)> {
    let (mut head, mut tail) = split_path(name);
    if tail.is_empty() {
        (head, tail) = split_path(&head);
    }
    if !head.is_empty() && !tail.is_empty() && fs.stat(&head).is_err() {
        match make_dirs(fs, &head, exist_ok) {
            // Made meanwhile by someone else: fine.
            Ok(()) | Err((Errno::Exists, _)) => {}
            Err(e) => return Err(e),
        }
        if tail == "." {
            return Ok(());
        }
    }
    match fs.mkdir(name) {
        Ok(()) => Ok(()),
        Err(_) if exist_ok && fs.stat(name) == Ok(Stat::Dir) => Ok(()),
        Err(e) => Err((e, name.to_string())),
    }
}

fn remove(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    vm.check_args("remove", args, 1, 1)?;
    let p = path_arg(vm, args.pos.first(), "remove")?;
    match vm.fs.unlink(&p) {
        Ok(()) => io_wait(vm, DIR_NS, Value::None),
        Err(e) => Err(os_error(vm, e, Some(&p), None)),
    }
}

fn rmdir(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    vm.check_args("rmdir", args, 1, 1)?;
    let p = path_arg(vm, args.pos.first(), "rmdir")?;
    match vm.fs.rmdir(&p) {
        Ok(()) => io_wait(vm, DIR_NS, Value::None),
        Err(e) => Err(os_error(vm, e, Some(&p), None)),
    }
}

fn rename(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    vm.check_args("rename", args, 2, 2)?;
    let src = path_arg(vm, args.pos.first(), "rename")?;
    let dst = path_arg(vm, args.pos.get(1), "rename")?;
    match vm.fs.rename(&src, &dst) {
        Ok(()) => io_wait(vm, DIR_NS, Value::None),
        Err(e) => Err(os_error(vm, e, Some(&src), Some(&dst))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_and_normpath_follow_posixpath() {
        assert_eq!(split_path("a/b/c.txt"), ("a/b".into(), "c.txt".into()));
        assert_eq!(split_path("/x"), ("/".into(), "x".into()));
        assert_eq!(split_path("c.txt"), ("".into(), "c.txt".into()));
        assert_eq!(split_path("a//"), ("a".into(), "".into()));
        assert_eq!(normalize("a/./b/../c/"), "a/c");
        assert_eq!(normalize("../x/.."), "..");
        assert_eq!(normalize("/../a"), "/a");
        assert_eq!(normalize("//a"), "//a");
        assert_eq!(normalize(""), ".");
    }
}
