//! The descriptor tables of `multiprocessing` pipes: which process holds
//! which pipe end open. A pipe reads end-of-file only once every copy of
//! its write end is closed, in every process — the creator's, the copies
//! a `fork` duplicated, the ones pickled to a spawned child — and a send
//! breaks only once every read end is. So each channel keeps, in its
//! shared state list, a count of open ends of each kind, and each process
//! a table of the descriptors it holds (`SchedPort::fds`):
//!
//! - `_multiprocessing.fd_open(state, index, waiters, ...)`: a new
//!   `Connection` in the running process counts its ends in and gets the
//!   lowest free descriptor number (3 and up, as a fresh process has 0–2);
//! - `_multiprocessing.fd_close(fd)`: `Connection.close()` counts them out
//!   (the caller then wakes the channel's waiters itself, under its lock);
//! - [`dup_table`]: a fork gives the child a copy of every descriptor;
//! - [`close_all`]: a process's end closes whatever it still holds, as the
//!   kernel does, waking whoever waits on a channel whose last writer or
//!   reader went — the parent's `recv()` raises EOFError once the child
//!   that held the last write end has exited; a spawned child starts from
//!   none (`fresh_interpreter`), and gets only what was pickled to it;
//! - `_multiprocessing.fd_ref(fd)`: the [`FdRef`] a `Connection` holds.
//!   CPython closes a connection whose last reference goes
//!   (`Connection.__del__`); the VM runs no `__del__`, but objects are
//!   reference counted, so the `FdRef` dropped with the last reference
//!   queues its descriptor (`SchedPort::dropped_fds`) and [`reap`] closes
//!   it before anything can tell: at the next read of shared memory (a
//!   pipe's counts and buffer) or descriptor call, or when the running
//!   slice ends, before any thread it wakes runs. A fork gives the
//!   child's copy of the Connection an `FdRef` of its own (`runtime::copy`).

use std::cell::RefCell;
use std::rc::Rc;

use crate::vm::call::Args;
use crate::vm::module::native_data;
use crate::vm::sched::PipeFd;
use crate::vm::value::Value;
use crate::vm::{PyResult, Vm};

use super::multiprocessing::{drain_waiters, release_waiters, Kernel};

/// The lowest descriptor a pipe end gets (0–2 are the standard streams).
const FIRST_FD: i64 = 3;

/// Held by a `Connection`: when the last reference to it goes, the
/// descriptor `fd` of process `pid` (the one made with `serial`) is
/// queued for closing.
pub struct FdRef {
    pub pid: i64,
    pub fd: i64,
    pub serial: u64,
    dropped: Rc<RefCell<Vec<(i64, i64, u64)>>>,
}

impl FdRef {
    /// The same descriptor's copy in process `pid` (a fork's child).
    pub fn in_process(&self, pid: i64) -> FdRef {
        FdRef {
            pid,
            fd: self.fd,
            serial: self.serial,
            dropped: self.dropped.clone(),
        }
    }
}

impl Drop for FdRef {
    fn drop(&mut self) {
        if let Ok(mut q) = self.dropped.try_borrow_mut() {
            q.push((self.pid, self.fd, self.serial));
        }
    }
}

/// Adds `delta` to the open-end count at `index` of a channel's state
/// list; the new count.
fn add_count(state: &Value, index: usize, delta: i64) -> i64 {
    native_data(state, |k: &mut Kernel| match k {
        Kernel::List(l) => match l.get_mut(index) {
            Some(Value::Int(n)) => {
                *n = (*n + delta).max(0);
                *n
            }
            _ => 0,
        },
        Kernel::Pickled { .. } => 0,
    })
    .unwrap_or(0)
}

/// `fd_open(state, index, waiters, [state, index, waiters])`: see the
/// module docs.
pub fn fd_open(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    vm.check_args("fd_open", args, 3, 6)?;
    if !args.pos.len().is_multiple_of(3) {
        return vm.type_error("fd_open() takes (state, index, waiters) triples");
    }
    let mut ends = Vec::new();
    for triple in args.pos.chunks(3) {
        let (state, index, waiters) = (&triple[0], &triple[1], &triple[2]);
        let kernel = |v: &Value| native_data(v, |_: &mut Kernel| ()).is_some();
        let index = match index {
            Value::Int(i) if (0..8).contains(i) => *i as usize,
            _ => return vm.type_error("fd_open() needs an index into the state"),
        };
        if !kernel(state) || !kernel(waiters) {
            return vm.type_error("fd_open() needs kernel lists");
        }
        ends.push((state.clone(), index, waiters.clone()));
    }
    reap(vm);
    for (state, index, _) in &ends {
        add_count(state, *index, 1);
    }
    let serial = vm.sched.next_fd_serial;
    vm.sched.next_fd_serial += 1;
    let table = vm.sched.fds.entry(vm.sched.pid).or_default();
    let slot = match table.iter().position(Option::is_none) {
        Some(free) => free,
        None => {
            table.push(None);
            table.len() - 1
        }
    };
    table[slot] = Some(PipeFd { ends, serial });
    Ok(Value::Int(slot as i64 + FIRST_FD))
}

/// `fd_close(fd, state=None, serial=None)`: closes the end of `fd` on the
/// channel whose state list is `state` (the descriptor is freed once none
/// is left), or all its ends — only if `fd` is still the descriptor made
/// with `serial`, when given; wakes the waiters of a channel whose last
/// end of that kind this was. True when `fd` was open in the running
/// process.
pub fn fd_close(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    vm.check_args("fd_close", args, 1, 3)?;
    let Value::Int(fd) = args.pos[0] else {
        return vm.type_error("fd_close() needs a descriptor");
    };
    let only = args.pos.get(1).filter(|v| !v.is_none()).cloned();
    let serial = match args.pos.get(2) {
        Some(Value::Int(s)) => Some(*s as u64),
        _ => None,
    };
    reap(vm);
    let pid = vm.sched.pid;
    Ok(Value::Bool(close_fd(vm, pid, fd, serial, only.as_ref())))
}

/// Closes descriptor `fd` of process `pid` (only if it has `serial`, when
/// given): its end on the channel whose state list is `only`, or all its
/// ends; wakes the waiters of a channel whose last end of that kind this
/// was. False when there was no such descriptor.
fn close_fd(vm: &mut Vm, pid: i64, fd: i64, serial: Option<u64>, only: Option<&Value>) -> bool {
    let Some(entry) = usize::try_from(fd - FIRST_FD).ok().and_then(|slot| {
        vm.sched
            .fds
            .get_mut(&pid)
            .and_then(|t| t.get_mut(slot))
            .filter(|e| {
                e.as_ref()
                    .is_some_and(|e| serial.is_none_or(|s| e.serial == s))
            })
    }) else {
        return false;
    };
    let ends = entry.as_mut().map(|e| &mut e.ends).expect("filtered");
    let closing: Vec<(Value, usize, Value)> = match only {
        Some(state) => {
            let (mine, rest) = std::mem::take(ends)
                .into_iter()
                .partition(|(s, _, _)| s.is(state));
            *ends = rest;
            mine
        }
        None => std::mem::take(ends),
    };
    if ends.is_empty() {
        *entry = None;
    }
    for (state, index, waiters) in closing {
        if add_count(&state, index, -1) == 0 {
            for lock in drain_waiters(&waiters) {
                // A waiter that timed out meanwhile is released already.
                let _ = super::thread::release(vm, &lock, false);
            }
        }
    }
    true
}

/// Closes the descriptors whose `Connection` went away (see the module
/// docs); the waiters it wakes are in the VM's notes.
pub fn reap(vm: &mut Vm) {
    loop {
        let dropped = std::mem::take(&mut *vm.sched.dropped_fds.borrow_mut());
        if dropped.is_empty() {
            return;
        }
        for (pid, fd, serial) in dropped {
            close_fd(vm, pid, fd, Some(serial), None);
        }
    }
}

/// `fd_ref(fd)`: the [`FdRef`] of the running process's descriptor `fd`.
pub fn fd_ref(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    vm.check_args("fd_ref", args, 1, 1)?;
    let Value::Int(fd) = args.pos[0] else {
        return vm.type_error("fd_ref() needs a descriptor");
    };
    let pid = vm.sched.pid;
    let serial = usize::try_from(fd - FIRST_FD).ok().and_then(|slot| {
        vm.sched
            .fds
            .get(&pid)
            .and_then(|t| t.get(slot))
            .and_then(|e| e.as_ref().map(|e| e.serial))
    });
    let Some(serial) = serial else {
        return Err(vm.error("OSError", "[Errno 9] Bad file descriptor"));
    };
    let r = FdRef {
        pid,
        fd,
        serial,
        dropped: vm.sched.dropped_fds.clone(),
    };
    super::multiprocessing::new_kernel_native(vm, "FdRef", r)
}

/// `fd_list(serials=False)`: the descriptors the running process holds
/// open (as `(fd, serial)` pairs with `serials`).
pub fn fd_list(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    vm.check_args("fd_list", args, 0, 1)?;
    let serials = match args.pos.first() {
        Some(v) => vm.truthy(&v.clone())?,
        None => false,
    };
    reap(vm);
    let fds = vm.sched.fds.get(&vm.sched.pid).map_or(Vec::new(), |t| {
        t.iter()
            .enumerate()
            .filter_map(|(k, e)| e.as_ref().map(|e| (k as i64 + FIRST_FD, e.serial)))
            .map(|(fd, serial)| {
                if serials {
                    Value::tuple(vec![Value::Int(fd), Value::Int(serial as i64)])
                } else {
                    Value::Int(fd)
                }
            })
            .collect()
    });
    Ok(Value::list(fds))
}

/// A fork by process `parent` made `child`: the child holds a copy of
/// every descriptor the parent holds.
pub fn dup_table(vm: &mut Vm, parent: i64, child: i64) {
    let table = vm.sched.fds.get(&parent).cloned().unwrap_or_default();
    for entry in table.iter().flatten() {
        for (state, index, _) in &entry.ends {
            add_count(state, *index, 1);
        }
    }
    vm.sched.fds.insert(child, table);
}

/// Process `pid` closes every descriptor it holds (its end, or a spawned
/// child forgetting what the fork gave it) at `at`: the threads to wake,
/// those waiting on a channel whose last end of a kind just closed.
pub fn close_all(vm: &mut Vm, pid: i64, at: u64) -> Vec<usize> {
    let table = vm.sched.fds.remove(&pid).unwrap_or_default();
    let mut wake = Vec::new();
    for entry in table.into_iter().flatten() {
        for (state, index, waiters) in &entry.ends {
            if add_count(state, *index, -1) == 0 {
                wake.extend(release_waiters(waiters, at));
            }
        }
    }
    wake
}
