//! Processes on the simulated machine.
//!
//! **How a process gets its own heap.** There is one [`Vm`] (one set of
//! builtin types, one code cache, one stdout), but each process has its
//! own interpreter state: its module namespace (`sys.modules`: the
//! `__main__` globals, every imported module and everything reachable from
//! them) and its own GIL. The runtime swaps a process's modules into
//! `vm.modules` before running one of its threads ([`Simulation::activate`]).
//! `os.fork()` deep-copies the parent's modules and the forking thread's
//! frames with [`super::copy::Copier`] (a memo by object address, so
//! shared structure and cycles survive; immutable objects — code, str,
//! int, float, tuples of immutables, builtin functions and types — are
//! shared, as the pages nobody writes are after a real fork). Objects of
//! the two processes are disjoint from then on: a child's global
//! assignment is invisible to its parent. Kernel objects (the semaphores,
//! pipes and shared memory of `multiprocessing`) are shared, not copied.
//!
//! Threads carry their process (`Thread::proc`); all threads of all
//! processes are scheduled on the same simulated cores, each process's
//! threads competing only for their own process's GIL. So 4 processes on
//! 4 cores run CPU-bound Python 4× as fast as one, under every GIL model.
//!
//! A child's main thread continues from the copied frames (`fork` returns
//! 0 there). When its bottom frame returns, the process runs
//! `threading._shutdown` and ends, as the program's main thread does;
//! `os._exit` ends it at once; `os.kill` with SIGTERM/SIGKILL ends it with
//! exit code `-sig`. At its end its sentinel (a shared lock its main
//! thread held from the start, see `os.fork` in `stdlib::os`) is released,
//! which is what `multiprocessing`'s `join` waits for (and the exit
//! watches of `_multiprocessing.watch_exit` are posted); so a parent joining
//! a child that never ends is a wait on a lock the child holds, and the
//! deadlock report names it. The run ends when every process has ended
//! (orphans run on after the program, as they would after the shell
//! prompt came back), or when the program has ended and the rest are
//! blocked for ever.
//!
//! Event log: `ProcessStart` (pid, parent, name — the `multiprocessing`
//! Process's name, e.g. `ForkPoolWorker-1`, else `pid N` —, start method,
//! main thread), `ThreadProcess` for other threads of a child, `ProcessGil`
//! for a child's GIL, `ProcessExit` (exit code). A program without
//! processes logs exactly what it logged before processes existed.
//!
//! Costs (virtual time), calibrated against CPython 3.11.7 on the machine
//! this was written on (Linux, 2 cores, shared with other work: load
//! average about 7, so these are on the slow side), medians of 100 forks
//! timed with `time.perf_counter` (one clock for both processes):
//!
//! - `os.fork()` returns in the parent after 260–280 µs
//!   ([`FORK_PARENT_NS`]); the child's first instruction runs 1.15–1.2 ms
//!   after the call ([`FORK_CHILD_NS`]);
//! - from the child's `os._exit` to the parent's `waitpid` returning:
//!   0.4–0.6 ms ([`EXIT_NS`]).
//! - (`multiprocessing.Process(target=f).start(); join()` with an empty
//!   `f`, fork method: 9.2–9.6 ms per process on that loaded machine.)

use std::collections::HashMap;
use std::rc::Rc;

use super::copy::Copier;
use super::thread::{Gil, Resume, State, Thread};
use super::{MainPhase, Simulation, TimerKind};
use crate::trace::{Event, GilReason, ThreadState};
use crate::vm::module::native_data;
use crate::vm::sched::LockState;
use crate::vm::value::{Obj, Value};
use crate::vm::PyErr;

/// Time `os.fork()` takes in the parent (copying the page tables).
pub const FORK_PARENT_NS: u64 = 270_000;
/// Time from the `fork` call to the child's first instruction.
pub const FORK_CHILD_NS: u64 = 1_150_000;
/// Time from a process's end (`_exit`, the last thread returning, a
/// signal) to its parent seeing it (`waitpid`, the sentinel).
pub const EXIT_NS: u64 = 450_000;

/// One simulated process.
pub struct Process {
    pub pid: i64,
    pub ppid: i64,
    pub name: String,
    /// `fork` (the only start method the runtime itself knows; `spawn`
    /// is a fork that runs a fresh interpreter, see `multiprocessing`).
    pub method: String,
    /// Its modules while another process's are in `vm.modules`.
    pub(super) modules: HashMap<Rc<str>, Value>,
    pub(super) gil: Gil,
    /// Index of its main thread.
    pub main: usize,
    pub(super) phase: MainPhase,
    /// Its exit status so far (uncaught exception, `sys.exit`).
    pub(super) status: i32,
    pub done: bool,
    /// Threads blocked in `os.waitpid` for it.
    waiters: Vec<usize>,
    /// Its parent has collected its status with `waitpid`.
    reaped: bool,
}

impl Process {
    /// The program itself.
    pub(super) fn main() -> Process {
        Process {
            pid: crate::vm::sched::MAIN_PID,
            ppid: crate::vm::sched::MAIN_PID - 1,
            name: "MainProcess".into(),
            method: String::new(),
            modules: HashMap::new(),
            gil: Gil::default(),
            main: 0,
            phase: MainPhase::Module,
            status: 0,
            done: false,
            waiters: Vec::new(),
            reaped: false,
        }
    }
}

/// Linux's wait status for an exit code (`-sig`: killed by a signal).
fn wait_status(code: i32) -> i64 {
    if code < 0 {
        i64::from(-code)
    } else {
        i64::from(code & 0xff) << 8
    }
}

impl Simulation {
    /// Puts process `p`'s modules in `vm.modules` (see the module docs).
    pub(super) fn activate(&mut self, p: usize) {
        if self.active != p {
            let mine = std::mem::take(&mut self.vm.modules);
            self.procs[self.active].modules = mine;
            self.vm.modules = std::mem::take(&mut self.procs[p].modules);
            self.active = p;
        }
        self.vm.sched.pid = self.procs[p].pid;
        self.vm.sched.ppid = self.procs[p].ppid;
    }

    /// The GIL of thread `tid`'s process.
    pub(super) fn gil(&self, tid: usize) -> &Gil {
        &self.procs[self.threads[tid].proc].gil
    }

    pub(super) fn gil_mut(&mut self, tid: usize) -> &mut Gil {
        let p = self.threads[tid].proc;
        &mut self.procs[p].gil
    }

    /// Thread `tid` is its process's main thread.
    pub(super) fn is_process_main(&self, tid: usize) -> bool {
        self.procs[self.threads[tid].proc].main == tid
    }

    /// Logs a change of process `p`'s GIL.
    pub(super) fn log_gil(&mut self, p: usize, t: u64, to: Option<u32>, reason: GilReason) {
        if p == 0 {
            self.log.push(Event::Gil { t, to, reason });
        } else {
            let pid = self.procs[p].pid;
            self.log.push(Event::ProcessGil { t, pid, to, reason });
        }
    }

    /// The processes, by index (0 = the program).
    pub fn processes(&self) -> &[Process] {
        &self.procs
    }

    /// `os.fork()` by thread `tid`: the child `pid`, whose main thread
    /// (ident `ident`) is a copy of `tid`.
    pub(super) fn fork(&mut self, tid: usize, pid: i64, ident: u64) {
        let p = self.threads[tid].proc;
        self.activate(p);
        let now = self.threads[tid].clock;
        let parent_ident = self.threads[tid].ident;
        let mut copier = Copier::fork(&self.vm, Some((parent_ident, ident)));
        copier.child_pid = Some(pid);
        let modules = std::mem::take(&mut self.vm.modules);
        let copied = copier.copy_modules(&mut self.vm, &modules);
        self.vm.modules = modules;
        let frames = std::mem::take(&mut self.threads[tid].frames);
        let child_frames = copier.copy_frames(&mut self.vm, &frames);
        self.threads[tid].frames = frames;
        let handled = self.threads[tid].handled.clone();
        let child_handled = copier.copy(&mut self.vm, &handled);
        let (modules, frames, handled) = match (copied, child_frames, child_handled) {
            (Ok(m), Ok(f), Ok(h)) => (m, f, h),
            (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => {
                self.vm.sched.sentinels.remove(&pid);
                self.vm.sched.next_fork_name = None;
                self.threads[tid].resume = Resume::Raise(e);
                return;
            }
        };
        let q = self.procs.len();
        let child_tid = self.threads.len();
        let name = self.threads[tid].name.clone();
        let start = now + FORK_CHILD_NS;
        let mut t = Thread::new(ident, name.clone(), frames, start);
        t.proc = q;
        t.handled = handled;
        t.daemon = false;
        t.resume = Resume::Value(Value::Int(0));
        self.threads.push(t);
        self.procs.push(Process {
            pid,
            ppid: self.procs[p].pid,
            name: self
                .vm
                .sched
                .next_fork_name
                .take()
                .unwrap_or_else(|| format!("pid {pid}")),
            method: "fork".into(),
            modules,
            gil: Gil::default(),
            main: child_tid,
            phase: MainPhase::Module,
            status: 0,
            done: false,
            waiters: Vec::new(),
            reaped: false,
        });
        self.log.push(Event::ProcessStart {
            t: now,
            pid,
            parent: self.procs[p].pid,
            name: self.procs[q].name.clone(),
            method: "fork".into(),
            thread: child_tid as u32,
        });
        self.log.push(Event::ThreadStart {
            t: start,
            thread: child_tid as u32,
            ident,
        });
        self.log.push(Event::ThreadName {
            t: start,
            thread: child_tid as u32,
            name,
        });
        let parent_pid = self.procs[p].pid;
        crate::stdlib::pipe_fds::dup_table(&mut self.vm, parent_pid, pid);
        self.vm.fs.fork(parent_pid, pid);
        self.after_fork_in_child(q, parent_ident, ident);
        self.activate(p);
        self.set_timer(start, TimerKind::Start { thread: child_tid });
        self.threads[tid].clock = now + FORK_PARENT_NS;
        self.threads[tid].resume = Resume::Value(Value::Int(pid));
    }

    /// CPython's `PyOS_AfterFork_Child`: `threading` forgets the parent's
    /// other threads and takes the forking thread as the main thread.
    fn after_fork_in_child(&mut self, q: usize, old_ident: u64, ident: u64) {
        self.activate(q);
        let Some(threading) = self.vm.modules.get("threading").cloned() else {
            return;
        };
        let Ok(f) = self.vm.get_attr_str(&threading, "_after_fork") else {
            return;
        };
        let saved = self.vm.sched.current;
        self.vm.sched.current = ident;
        let args = crate::vm::call::Args::new(vec![
            Value::Int(old_ident as i64),
            Value::Int(ident as i64),
        ]);
        if let Err(PyErr::Exc(e)) = self.vm.call(&f, args) {
            let text = self.vm.format_exception(&e);
            self.vm.write_stderr(&text);
        }
        self.vm.sched.current = saved;
        self.take_notes(self.procs[q].main);
    }

    /// Process `p` ends with exit code `code` at `at`: its threads stop
    /// where they are, its sentinel is released, its waiters wake, its
    /// open files close (their buffers flushed when `flush`: a normal
    /// exit, not `os._exit` or a signal).
    pub(super) fn end_process(&mut self, p: usize, code: i32, at: u64, flush: bool) {
        if self.procs[p].done {
            return;
        }
        self.procs[p].done = true;
        self.procs[p].phase = MainPhase::Done;
        let main = self.procs[p].main;
        if self.threads[main].state != State::Done {
            self.threads[main].clock = self.threads[main].clock.max(at);
            self.thread_exit(main);
        }
        let at = at.max(self.threads[main].clock);
        // The parent learns of the end after the teardown.
        let seen = if p == 0 { at } else { at + EXIT_NS };
        let last = p == 0 && self.procs.iter().enumerate().all(|(i, q)| i == p || q.done);
        let others: Vec<usize> = (0..self.threads.len())
            .filter(|&t| self.threads[t].proc == p && self.threads[t].state != State::Done)
            .collect();
        for tid in others {
            self.threads[tid].clock = self.threads[tid].clock.max(at);
            if !last {
                // (The program's own end keeps its log as it always was.)
                self.threads[tid].frames.clear();
                self.leave_core(tid, at);
                self.run_queue.retain(|&r| r != tid);
            }
            self.set_state(tid, State::Done, ThreadState::Done, at);
        }
        self.procs[p].gil = Gil::default();
        let pid = self.procs[p].pid;
        if p != 0 {
            self.log.push(Event::ProcessExit {
                t: at,
                pid,
                exitcode: code,
            });
        }
        self.vm.sched.exitcodes.insert(pid, code);
        if let Some(sentinel) = self.vm.sched.sentinels.get(&pid).cloned() {
            let next = native_data(&Value::Obj(sentinel), |s: &mut LockState| {
                s.owner = 0;
                s.count = 0;
                s.released_at = seen;
                s.waiters.pop_front()
            })
            .flatten();
            if let Some(w) = next {
                self.wake_waiter(w, seen);
            }
        }
        self.vm.fs.exit(pid, flush);
        for w in crate::stdlib::pipe_fds::close_all(&mut self.vm, pid, at) {
            self.wake_waiter(w, at);
        }
        for w in crate::stdlib::multiprocessing::post_exit(&mut self.vm, pid, seen) {
            self.wake_waiter(w, seen);
        }
        let waiters = std::mem::take(&mut self.procs[p].waiters);
        for w in waiters {
            if self.threads[w].state == State::Blocked {
                self.procs[p].reaped = true;
                self.threads[w].resume = Resume::Value(Value::tuple(vec![
                    Value::Int(pid),
                    Value::Int(wait_status(code)),
                ]));
                self.want_gil(w, seen);
            }
        }
        if self.procs.iter().all(|q| q.done) {
            self.close_holds(at);
            self.finished = Some(self.procs[0].status);
        }
    }

    fn raise(&mut self, tid: usize, exc: &str, msg: &str) {
        let e = self.vm.error(exc, msg);
        self.threads[tid].resume = Resume::Raise(e);
    }

    fn process_by_pid(&self, pid: i64) -> Option<usize> {
        self.procs.iter().position(|q| q.pid == pid)
    }

    /// `os.kill(pid, sig)` by thread `tid`.
    pub(super) fn kill(&mut self, tid: usize, pid: i64, sig: i64) {
        let Some(q) = self.process_by_pid(pid) else {
            self.raise(tid, "ProcessLookupError", "[Errno 3] No such process");
            return;
        };
        self.threads[tid].resume = Resume::Value(Value::None);
        match sig {
            0 => {}
            9 | 15 => {
                let at = self.threads[tid].clock + 5_000;
                if !self.procs[q].done {
                    self.procs[q].status = -(sig as i32);
                    self.end_process(q, -(sig as i32), at, false);
                }
            }
            _ => self.raise(
                tid,
                "NotImplementedError",
                &format!("os.kill with signal {sig} is not simulated (SIGTERM and SIGKILL are)"),
            ),
        }
    }

    /// `os.waitpid(pid, options)` by thread `tid`.
    pub(super) fn waitpid(&mut self, tid: usize, pid: i64, nohang: bool) {
        let me = self.threads[tid].proc;
        let my_pid = self.procs[me].pid;
        let child = self
            .process_by_pid(pid)
            .filter(|&q| self.procs[q].ppid == my_pid && !self.procs[q].reaped);
        let Some(q) = child else {
            self.raise(tid, "ChildProcessError", "[Errno 10] No child processes");
            return;
        };
        if self.procs[q].done {
            self.procs[q].reaped = true;
            let code = self.vm.sched.exitcodes.get(&pid).copied().unwrap_or(0);
            self.threads[tid].resume = Resume::Value(Value::tuple(vec![
                Value::Int(pid),
                Value::Int(wait_status(code)),
            ]));
            return;
        }
        if nohang {
            self.threads[tid].resume =
                Resume::Value(Value::tuple(vec![Value::Int(0), Value::Int(0)]));
            return;
        }
        let now = self.threads[tid].clock;
        self.procs[q].waiters.push(tid);
        self.threads[tid].wait_seq += 1;
        self.set_state(
            tid,
            State::Blocked,
            ThreadState::Blocked {
                on: format!("waitpid({pid})"),
                lock: 0,
            },
            now,
        );
        self.release_for_blocking(tid, now);
    }
}

/// Module namespaces of the processes not active at the end are cleared
/// like the active one's (see `Vm`'s `Drop`): their cycles would
/// otherwise outlive the run.
impl Drop for Simulation {
    fn drop(&mut self) {
        for p in &mut self.procs {
            for m in p.modules.values() {
                if let Value::Obj(o) = m {
                    if let Obj::Module(md) = &**o {
                        if let Obj::Dict(cell) = &*md.dict {
                            let entries = std::mem::take(&mut *cell.borrow_mut());
                            drop(entries);
                        }
                    }
                }
            }
            p.modules.clear();
        }
    }
}
