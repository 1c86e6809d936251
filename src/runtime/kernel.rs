//! What builtins ask of the runtime — the simulated kernel: blocking
//! lock waits and their wake-ups, sleeping, starting threads — and the
//! notes they leave (lock traffic, queue traffic, thread names), which go
//! into the event log.
//!
//! Lock wake-up order (CPython's locks are not fair): a release wakes the
//! longest waiter, which needs the OS wake-up latency (a few µs) to come
//! back and take the lock; any thread that asks in between takes it
//! first ("barging"), and the woken waiter queues again at the back. So a
//! thread that releases and re-acquires in a loop usually keeps the lock,
//! as on a real machine.

use std::collections::HashMap;

use super::thread::{Resume, State, Thread};
use super::{Simulation, TimerKind};
use crate::trace::{Event, GilReason, ThreadState};
use crate::vm::call::Args;
use crate::vm::frame::OnReturn;
use crate::vm::interp::CallOutcome;
use crate::vm::module::native_data;
use crate::vm::sched::LockState;
use crate::vm::value::{ObjRef, Value};
use crate::vm::{Note, PyErr, Syscall};

/// Queues seen in notes: deterministic ids, and the items in them so
/// that each get is paired with its put.
#[derive(Default)]
pub(super) struct QueueBook {
    ids: HashMap<usize, u64>,
    /// Per queue id: (item, item id) not yet got.
    pending: HashMap<u64, Vec<(Value, u64)>>,
    next_item: u64,
}

/// Per-lock bookkeeping of the log's hold records.
#[derive(Clone, Copy)]
pub(super) struct HoldTrack {
    /// Index of the lock's last `LockHold` event.
    index: usize,
    /// The hold is still open (the lock is held).
    open: bool,
    /// Nobody waited since: the next uncontended acquire by the same
    /// thread extends the record.
    extendable: bool,
}

fn lock_state<R>(lock: &ObjRef, f: impl FnOnce(&mut LockState) -> R) -> Option<R> {
    native_data(&Value::Obj(lock.clone()), f)
}

fn same_value(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Obj(x), Value::Obj(y)) => std::rc::Rc::ptr_eq(x, y),
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Float(x), Value::Float(y)) => x.to_bits() == y.to_bits(),
        (Value::None, Value::None) => true,
        _ => false,
    }
}

impl Simulation {
    /// A builtin stopped thread `tid` with a request.
    pub(super) fn syscall(&mut self, tid: usize, call: Syscall) {
        let now = self.threads[tid].clock;
        match call {
            Syscall::Sleep { ns } => {
                let slack = if ns == 0 {
                    1_000
                } else {
                    // Linux's default timer slack, and the syscall.
                    50_000 + self.below(15_000)
                };
                let t = &mut self.threads[tid];
                t.wait_seq += 1;
                let seq = t.wait_seq;
                self.set_state(tid, State::Sleeping, ThreadState::Sleeping, now);
                self.release_for_blocking(tid, now);
                self.set_timer(now + ns + slack, TimerKind::Wake { thread: tid, seq });
            }
            Syscall::Io { ns, result } => {
                // The socket becomes readable; epoll wakes the thread.
                let wake = self.wake_latency();
                let t = &mut self.threads[tid];
                t.wait_seq += 1;
                t.io_result = result;
                let seq = t.wait_seq;
                self.set_state(tid, State::Sleeping, ThreadState::Io, now);
                self.release_for_blocking(tid, now);
                self.set_timer(now + ns + wake, TimerKind::Wake { thread: tid, seq });
            }
            Syscall::Acquire {
                lock,
                timeout_ns,
                count,
            } => {
                let Some((id, name, waiters)) = lock_state(&lock, |s| {
                    s.waiters.push_back(tid);
                    (s.id, s.describe(), s.waiters.len() as u32)
                }) else {
                    self.threads[tid].resume = Resume::Value(Value::Bool(false));
                    return;
                };
                self.name_lock(id, &name);
                if let Some(track) = self.open_holds.get_mut(&id) {
                    track.extendable = false;
                }
                self.log.push(Event::LockWait {
                    t: now,
                    lock: id,
                    thread: tid as u32,
                    waiters,
                });
                let t = &mut self.threads[tid];
                t.wait_seq += 1;
                let seq = t.wait_seq;
                t.waiting_for = Some((lock, now));
                t.acquire_count = count;
                self.set_state(
                    tid,
                    State::Blocked,
                    ThreadState::Blocked { on: name, lock: id },
                    now,
                );
                self.release_for_blocking(tid, now);
                if let Some(ns) = timeout_ns {
                    self.set_timer(now + ns, TimerKind::AcquireTimeout { thread: tid, seq });
                }
            }
            Syscall::Fork { pid, ident } => self.fork(tid, pid, ident),
            Syscall::Exit { code } => {
                let p = self.threads[tid].proc;
                self.procs[p].status = code;
                self.end_process(p, code, now, false);
            }
            Syscall::Kill { pid, sig } => self.kill(tid, pid, sig),
            Syscall::WaitPid { pid, nohang } => self.waitpid(tid, pid, nohang),
        }
    }

    /// A blocking call releases the GIL and the core.
    pub(super) fn release_for_blocking(&mut self, tid: usize, now: u64) {
        self.leave_core(tid, now);
        if self.gil(tid).holder == Some(tid) {
            self.drop_gil(tid, now, GilReason::Blocking);
        }
    }

    /// A woken lock waiter tries to take the lock.
    pub(super) fn lock_wake(&mut self, tid: usize, seq: u64, at: u64) {
        let t = &self.threads[tid];
        if t.state != State::Blocked || t.wait_seq != seq {
            return;
        }
        let Some((lock, since)) = t.waiting_for.clone() else {
            return;
        };
        let ident = t.ident;
        let count = t.acquire_count;
        let granted = lock_state(&lock, |s| {
            if s.owner == 0 {
                s.owner = ident;
                s.count = count;
                Some((s.id, s.waiters.len() as u32, s.released_at))
            } else {
                s.waiters.push_back(tid);
                None
            }
        })
        .flatten();
        if let Some((id, waiters, released_at)) = granted {
            let at = at.max(released_at);
            self.open_hold(id, tid, at, at - since, waiters, false);
            let t = &mut self.threads[tid];
            t.waiting_for = None;
            t.resume = Resume::Value(Value::Bool(true));
            self.want_gil(tid, at);
        }
    }

    /// A lock wait with a timeout gave up.
    pub(super) fn acquire_timeout(&mut self, tid: usize, seq: u64, at: u64) {
        let t = &self.threads[tid];
        if t.state != State::Blocked || t.wait_seq != seq {
            return;
        }
        let Some((lock, _)) = self.threads[tid].waiting_for.take() else {
            return;
        };
        // If it had been woken (and so left the queue), pass the wake-up
        // on, or the next waiter would sleep forever.
        let next = lock_state(&lock, |s| {
            let queued = s.waiters.iter().any(|&w| w == tid);
            s.waiters.retain(|&w| w != tid);
            if !queued && s.owner == 0 {
                s.waiters.pop_front()
            } else {
                None
            }
        })
        .flatten();
        if let Some(w) = next {
            self.wake_waiter(w, at);
        }
        self.threads[tid].resume = Resume::Value(Value::Bool(false));
        self.want_gil(tid, at);
    }

    pub(super) fn wake_waiter(&mut self, w: usize, at: u64) {
        let latency = self.wake_latency();
        let seq = self.threads[w].wait_seq;
        self.set_timer(at + latency, TimerKind::LockWake { thread: w, seq });
    }

    /// Records the lock's first appearance in the log.
    fn name_lock(&mut self, id: u64, name: &str) {
        if self.named_locks.insert(id) {
            self.log.push(Event::LockName {
                lock: id,
                name: name.to_string(),
            });
        }
    }

    /// A hold of lock `id` by `tid` begins at `at`.
    fn open_hold(&mut self, id: u64, tid: usize, at: u64, waited: u64, waiters: u32, fast: bool) {
        if let Some(track) = self.open_holds.get_mut(&id) {
            if fast && track.extendable && !track.open {
                if let Some(Event::LockHold {
                    thread,
                    count,
                    until,
                    ..
                }) = self.log.events.get_mut(track.index)
                {
                    if *thread == tid as u32 {
                        *count += 1;
                        *until = u64::MAX;
                        track.open = true;
                        return;
                    }
                }
            }
        }
        let index = self.log.len();
        self.log.push(Event::LockHold {
            t: at,
            until: u64::MAX,
            lock: id,
            thread: tid as u32,
            count: 1,
            waited,
            waiters,
        });
        self.open_holds.insert(
            id,
            HoldTrack {
                index,
                open: true,
                extendable: true,
            },
        );
    }

    pub(super) fn close_hold(&mut self, id: u64, at: u64) {
        if let Some(track) = self.open_holds.get_mut(&id) {
            if track.open {
                track.open = false;
                if let Some(Event::LockHold { until, .. }) = self.log.events.get_mut(track.index) {
                    *until = at;
                }
            }
        }
    }

    /// Closes every hold still open at the end of the run.
    pub(super) fn close_holds(&mut self, at: u64) {
        let ids: Vec<u64> = self.open_holds.keys().copied().collect();
        for id in ids {
            self.close_hold(id, at);
        }
    }

    /// Takes the notes the thread's builtins left during its slice.
    pub(super) fn take_notes(&mut self, tid: usize) {
        if self.vm.sched.notes.is_empty() {
            return;
        }
        let notes = std::mem::take(&mut self.vm.sched.notes);
        for note in notes {
            match note {
                Note::Acquired { lock, at } => {
                    if let Some((id, name)) = lock_state(&lock, |s| (s.id, s.describe())) {
                        self.name_lock(id, &name);
                        self.open_hold(id, tid, at, 0, 0, true);
                    }
                }
                Note::Released { lock, wake, at } => {
                    let Some(id) = lock_state(&lock, |s| s.id) else {
                        continue;
                    };
                    self.close_hold(id, at);
                    if wake {
                        if let Some(w) = lock_state(&lock, |s| s.waiters.pop_front()).flatten() {
                            self.wake_waiter(w, at);
                        }
                    }
                }
                Note::StartThread {
                    ident,
                    func,
                    args,
                    kwargs,
                } => self.start_thread(tid, ident, func, args, kwargs),
                Note::ThreadInfo {
                    ident,
                    name,
                    daemon,
                } => {
                    let p = self.threads[tid].proc;
                    if let Some(t) = self
                        .threads
                        .iter()
                        .position(|t| t.ident == ident && t.proc == p)
                    {
                        self.threads[t].daemon = daemon;
                        if self.threads[t].name != name {
                            self.threads[t].name = name.clone();
                            let at = self.threads[tid].clock;
                            self.log.push(Event::ThreadName {
                                t: at,
                                thread: t as u32,
                                name,
                            });
                        }
                    }
                }
                Note::Net {
                    host,
                    method,
                    path,
                    status,
                    bytes,
                    at,
                    until,
                } => self.log.push(Event::NetRequest {
                    t: at,
                    until,
                    thread: tid as u32,
                    host,
                    method,
                    path,
                    status,
                    bytes,
                }),
                Note::Queue {
                    queue,
                    kind,
                    put,
                    item,
                    depth,
                    at,
                    by_pid,
                } => {
                    let by = by_pid
                        .and_then(|pid| self.procs.iter().find(|p| p.pid == pid))
                        .map_or(tid, |p| p.main);
                    self.queue_note(by, &queue, &kind, put, item, depth, at)
                }
                Note::Task {
                    task,
                    name,
                    running,
                    at,
                } => {
                    if let Some(name) = name {
                        self.log.push(Event::TaskName { task, name });
                    }
                    if let Some(running) = running {
                        self.log.push(Event::TaskStep {
                            t: at,
                            thread: tid as u32,
                            task,
                            running,
                        });
                    }
                }
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn queue_note(
        &mut self,
        tid: usize,
        queue: &ObjRef,
        kind: &str,
        put: bool,
        item: Value,
        depth: usize,
        at: u64,
    ) {
        let key = std::rc::Rc::as_ptr(queue) as *const () as usize;
        let next_id = self.queues.ids.len() as u64 + 1;
        let qid = *self.queues.ids.entry(key).or_insert(next_id);
        if qid == next_id {
            // `Pool tasks (Pipe#{n})` places the number; a plain kind
            // (`LifoQueue`) is followed by it.
            let name = if kind.contains("{n}") {
                kind.replace("{n}", &qid.to_string())
            } else {
                format!("{kind}#{qid}")
            };
            self.log.push(Event::QueueName { queue: qid, name });
        }
        let pending = self.queues.pending.entry(qid).or_default();
        let item_id = if put {
            self.queues.next_item += 1;
            pending.push((item, self.queues.next_item));
            self.queues.next_item
        } else {
            match pending.iter().position(|(v, _)| same_value(v, &item)) {
                Some(i) => pending.remove(i).1,
                None => 0,
            }
        };
        let (thread, depth) = (tid as u32, depth as u32);
        self.log.push(if put {
            Event::QueuePut {
                t: at,
                queue: qid,
                item: item_id,
                depth,
                thread,
            }
        } else {
            Event::QueueGet {
                t: at,
                queue: qid,
                item: item_id,
                depth,
                thread,
            }
        });
    }

    /// `_thread.start_new_thread` from thread `parent`: the new thread
    /// begins after pthread_create's cost.
    fn start_thread(&mut self, parent: usize, ident: u64, func: Value, args: Value, kwargs: Value) {
        let at = self.threads[parent].clock + 20_000;
        let stub = match self.entry_stub.clone() {
            Some(s) => s,
            None => match self.make_entry_stub() {
                Some(s) => s,
                None => return,
            },
        };
        let frames = match self
            .vm
            .call_or_frame(&stub, Args::new(vec![func.clone(), args, kwargs]))
        {
            Ok(CallOutcome::Frame(mut f)) => {
                f.on_return = OnReturn::Boundary;
                vec![f]
            }
            _ => return,
        };
        let k = self.threads.len();
        let mut t = Thread::new(ident, format!("Thread-{k}"), frames, at);
        t.entry = func;
        t.proc = self.threads[parent].proc;
        let tid = self.threads.len();
        self.threads.push(t);
        self.log.push(Event::ThreadStart {
            t: at,
            thread: tid as u32,
            ident,
        });
        let name = self.threads[tid].name.clone();
        self.log.push(Event::ThreadName {
            t: at,
            thread: tid as u32,
            name,
        });
        let p = self.threads[tid].proc;
        if p != 0 {
            self.log.push(Event::ThreadProcess {
                thread: tid as u32,
                pid: self.procs[p].pid,
            });
        }
        self.set_timer(at, TimerKind::Start { thread: tid });
    }

    /// The function every new thread's bottom frame runs.
    fn make_entry_stub(&mut self) -> Option<Value> {
        const STUB: &str = "def _bootstrap(function, args, kwargs):\n    if kwargs is None:\n        function(*args)\n    else:\n        function(*args, **kwargs)\n";
        let code = crate::lang::compile(STUB, crate::vm::exc::BOOTSTRAP_FILENAME).ok()?;
        let module = self.vm.new_module("<_thread bootstrap>");
        let crate::vm::value::Obj::Module(m) = &*module else {
            return None;
        };
        let globals = m.dict.clone();
        let bm = self.vm.builtins_module.clone();
        self.vm.module_set(&module, "__builtins__", bm);
        let code = self.vm.load_code(&code);
        let frame = crate::vm::frame::Frame::new(code, globals.clone(), Some(globals.clone()));
        if let Err(PyErr::Exc(_)) | Err(PyErr::Halt(_)) = self.vm.run_frame_nested(frame) {
            return None;
        }
        let stub = self.vm.dict_get_str(&globals, "_bootstrap").ok()??;
        self.entry_stub = Some(stub.clone());
        Some(stub)
    }
}
