//! `sys.setswitchinterval`/`getswitchinterval` (whole microseconds, as
//! CPython keeps them) and `os.cpu_count`/`getpid`/`getppid` against CPython 3.11.
//!
//! Each program runs under every runtime model; its stdout must be what
//! python3 3.11 printed for it (pasted below), with exit status 0.

#[path = "common/every_runtime.rs"]
mod every_runtime;

use every_runtime::check;

#[test]
fn sys_os() {
    check(
        r#"import sys, os
print(sys.getswitchinterval())
for v in [1e-7, 0.0012345678, 2, True, 0.5, 0.005]:
    sys.setswitchinterval(v)
    print(repr(sys.getswitchinterval()))
for call in [lambda: sys.setswitchinterval(0), lambda: sys.setswitchinterval(-1), lambda: sys.setswitchinterval("x"),
             lambda: sys.setswitchinterval(), lambda: sys.getswitchinterval(1), lambda: os.cpu_count(1), lambda: os.getpid(2)]:
    try:
        call()
    except Exception as e:
        print(type(e).__name__, e)
print(type(os.cpu_count()).__name__, os.cpu_count() >= 1, type(os.getpid()).__name__, os.getpid() == os.getpid(), os.getppid() != os.getpid())
print(os.name, os.sep, repr(os.linesep))
"#,
        r#"0.005
0.0
0.0012339999999999999
2.0
1.0
0.5
0.005
ValueError switch interval must be strictly positive
ValueError switch interval must be strictly positive
TypeError must be real number, not str
TypeError sys.setswitchinterval() takes exactly one argument (0 given)
TypeError sys.getswitchinterval() takes no arguments (1 given)
TypeError posix.cpu_count() takes no arguments (1 given)
TypeError posix.getpid() takes no arguments (1 given)
int True int True True
posix / '\n'
"#,
    );
}
