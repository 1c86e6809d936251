//! A simulated OS thread running Python: its frames, its virtual clock,
//! and where it is in its life (runnable, waiting for the GIL, blocked,
//! sleeping, done).

use std::collections::VecDeque;

use crate::vm::frame::Frame;
use crate::vm::value::{ObjRef, Value};
use crate::vm::PyErr;

/// What a thread is doing, for the scheduler.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum State {
    /// Has Python to run (and the GIL, under a GIL model): on a core or in
    /// the OS run queue.
    Runnable,
    /// Waiting for the GIL.
    WaitGil,
    /// Blocked in a lock's `acquire`.
    Blocked,
    Sleeping,
    Done,
}

/// How a stopped thread resumes.
pub enum Resume {
    /// Where it left off.
    Continue,
    /// The blocking call it was in returns this value.
    Value(Value),
    /// The blocking call raises this.
    Raise(PyErr),
}

pub struct Thread {
    /// `_thread.get_ident()`.
    pub ident: u64,
    pub name: String,
    pub daemon: bool,
    #[allow(clippy::vec_box)] // the VM's frame stack type
    pub frames: Vec<Box<Frame>>,
    /// The thread's virtual clock (ns): where it is in time.
    pub clock: u64,
    pub state: State,
    /// The exception being handled (`sys.exc_info()`), per thread.
    pub handled: Value,
    pub resume: Resume,
    /// Bumped at every wait, so stale timers are recognised.
    pub wait_seq: u64,
    /// The lock it is blocked on, with when it started waiting.
    pub waiting_for: Option<(ObjRef, u64)>,
    /// The recursion count an RLock gets when this wait is granted.
    pub acquire_count: u64,
    /// When it started waiting for the GIL.
    pub gil_wait_since: u64,
    /// The core it runs on.
    pub core: Option<usize>,
    /// When its OS time slice ends (only enforced when others are ready).
    pub slice_end: u64,
    /// The callable a `start_new_thread` thread runs (for messages).
    pub entry: Value,
    /// The state last written to the event log.
    pub shown: Option<crate::trace::ThreadState>,
    /// The process it belongs to (index into the runtime's processes).
    pub proc: usize,
    /// What a network I/O wait returns when it ends.
    pub io_result: Value,
}

impl Thread {
    pub fn new(ident: u64, name: String, frames: Vec<Box<Frame>>, clock: u64) -> Thread {
        Thread {
            ident,
            name,
            daemon: false,
            frames,
            clock,
            state: State::Sleeping,
            handled: Value::None,
            resume: Resume::Continue,
            wait_seq: 0,
            waiting_for: None,
            acquire_count: 1,
            gil_wait_since: 0,
            core: None,
            slice_end: u64::MAX,
            entry: Value::None,
            shown: None,
            proc: 0,
            io_result: Value::None,
        }
    }
}

/// The GIL of one interpreter.
#[derive(Default)]
pub struct Gil {
    /// Thread index of the holder.
    pub holder: Option<usize>,
    /// Threads waiting for it, in the order they asked.
    pub waiters: VecDeque<usize>,
    /// CPython's `gil_drop_request`.
    pub drop_request: bool,
    /// Bumped at every change of holder (CPython's `switch_number`).
    pub switch_number: u64,
    /// The last thread that held it.
    pub last_holder: Option<usize>,
    /// When it was last let go: nobody takes it earlier. (A thread's last
    /// op may end past the moment a timer wakes another thread.)
    pub released_at: u64,
}
