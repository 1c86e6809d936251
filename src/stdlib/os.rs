//! `os`, the part a concurrency lesson uses: the simulated machine's
//! `cpu_count()` (the `--cores` of the run) and the process ids. The rest
//! of `os` (files, environment, `fork`) is not simulated yet and raises
//! AttributeError naming it.

use crate::vm::builtins::Methods;
use crate::vm::call::Args;
use crate::vm::value::{ObjRef, Value};
use crate::vm::{PyResult, Vm};

/// The simulated process id of the program.
pub const PID: i64 = 4242;

const FUNCTIONS: Methods = &[
    ("cpu_count", cpu_count),
    ("getpid", getpid),
    ("getppid", getppid),
];

/// Factory of `os`.
pub fn make(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    vm.module_functions(module, FUNCTIONS);
    vm.module_set(module, "name", Value::str("posix"));
    vm.module_set(module, "sep", Value::str("/"));
    vm.module_set(module, "linesep", Value::str("\n"));
    Ok(())
}

fn cpu_count(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    vm.check_args("posix.cpu_count", args, 0, 0)?;
    Ok(Value::Int(vm.sched.cores as i64))
}

fn getpid(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    vm.check_args("posix.getpid", args, 0, 0)?;
    Ok(Value::Int(PID))
}

fn getppid(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    vm.check_args("posix.getppid", args, 0, 0)?;
    Ok(Value::Int(PID - 1))
}
