//! `time` on virtual time: the clocks read the running thread's virtual
//! clock, and `sleep` is a [`Syscall::Sleep`] the runtime carries out (the
//! thread releases the GIL and wakes when virtual time has passed, with
//! the timer slack of a real kernel).
//!
//! `time.time()` starts at a fixed instant (2026-01-01T00:00:00Z) so that a
//! program prints the same every run; `perf_counter`/`monotonic` start at
//! an arbitrary origin, as in CPython.

use crate::vm::builtins::Methods;
use crate::vm::call::Args;
use crate::vm::value::{ObjRef, Value};
use crate::vm::{Halt, PyErr, PyResult, Syscall, Vm};

/// Unix time of virtual time zero.
pub const EPOCH_S: u64 = 1_767_225_600;
/// `perf_counter()` at virtual time zero (seconds): a machine up for a while.
const PERF_ORIGIN_NS: u64 = 86_400_000_000_000;

const FUNCTIONS: Methods = &[
    ("time", time),
    ("time_ns", time_ns),
    ("perf_counter", perf_counter),
    ("perf_counter_ns", perf_counter_ns),
    ("monotonic", perf_counter),
    ("monotonic_ns", perf_counter_ns),
    ("process_time", process_time),
    ("process_time_ns", process_time_ns),
    ("thread_time", process_time),
    ("sleep", sleep),
];

/// Factory of `time`.
pub fn make(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    vm.module_functions(module, FUNCTIONS);
    Ok(())
}

fn no_args(vm: &Vm, args: &Args, name: &str) -> PyResult<()> {
    vm.check_args(name, args, 0, 0)
}

fn time(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    no_args(vm, args, "time.time")?;
    Ok(Value::Float(EPOCH_S as f64 + vm.clock_ns as f64 / 1e9))
}

fn time_ns(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    no_args(vm, args, "time.time_ns")?;
    Ok(Value::Int((EPOCH_S * 1_000_000_000 + vm.clock_ns) as i64))
}

fn perf_counter(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    no_args(vm, args, "time.perf_counter")?;
    Ok(Value::Float((PERF_ORIGIN_NS + vm.clock_ns) as f64 / 1e9))
}

fn perf_counter_ns(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    no_args(vm, args, "time.perf_counter_ns")?;
    Ok(Value::Int((PERF_ORIGIN_NS + vm.clock_ns) as i64))
}

/// CPU time of the process: virtual time spent running ops.
fn process_time(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    no_args(vm, args, "time.process_time")?;
    Ok(Value::Float(cpu_ns(vm) as f64 / 1e9))
}

fn process_time_ns(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    no_args(vm, args, "time.process_time_ns")?;
    Ok(Value::Int(cpu_ns(vm) as i64))
}

/// Ops time of every thread so far (the runtime keeps `cpu_ns` as an
/// offset from the running thread's clock).
fn cpu_ns(vm: &Vm) -> u64 {
    vm.sched.cpu_ns.wrapping_add(vm.clock_ns)
}

fn sleep(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    vm.check_args("time.sleep", args, 1, 1)?;
    let secs = match &args.pos[0] {
        Value::Int(i) => *i as f64,
        Value::Bool(b) => f64::from(u8::from(*b)),
        Value::Float(f) => *f,
        other => {
            let t = vm.type_name(other);
            return vm.type_error(format!("'{t}' object cannot be interpreted as an integer"));
        }
    };
    if secs.is_nan() {
        return vm.value_error("Invalid value NaN (not a number)");
    }
    if secs < 0.0 {
        return vm.value_error("sleep length must be non-negative");
    }
    // CPython keeps times as i64 nanoseconds (_PyTime_t).
    if secs * 1e9 >= 9.223_372_036_854_776e18 {
        return Err(vm.error(
            "OverflowError",
            "timestamp out of range for platform time_t",
        ));
    }
    let ns = (secs * 1e9).round() as u64;
    if vm.nested_runs > 0 {
        // Inside a callback from a builtin the thread cannot stop: the
        // time passes without releasing the GIL.
        vm.clock_ns += ns;
        return Ok(Value::None);
    }
    vm.sched.syscall = Some(Syscall::Sleep { ns });
    Err(PyErr::Halt(Halt::Syscall))
}
