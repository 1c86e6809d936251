//! The event log: one append-only list of what happened, with virtual
//! timestamps, from which timelines, statistics, traces and replays are
//! derived. Thread states are run-length encoded at the source (an event
//! only when a thread's state changes), and a lock taken and released
//! over and over by one thread with nobody waiting is one hold record with
//! a count, so a loop of 10^6 iterations gives a log of thousands of
//! events, not millions.
//!
//! Derived from it: [`timeline`] (state segments, GIL ownership, names),
//! [`stats`] (where the time went, locks, queues) and [`chrome`] (a Chrome
//! Trace Event file for Perfetto). All of it is pure computation on the
//! events, for the command line and the page alike.

pub mod chrome;
pub mod lanes;
pub mod stats;
pub mod timeline;

/// A thread's state over a span of time (a timeline segment).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ThreadState {
    /// Running Python on core k.
    Running {
        core: u32,
    },
    /// Ready to run but every core is busy (OS time slicing).
    Ready,
    /// Wants the GIL.
    WaitGil,
    /// Blocked on a lock-like object (its description).
    Blocked {
        on: String,
        lock: u64,
    },
    Sleeping,
    /// In simulated I/O.
    Io,
    Done,
}

/// Why the GIL changed hands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GilReason {
    /// A waiter's switch interval expired (drop request).
    Interval,
    /// 2.7: a waiter won the GIL at a tick check.
    Tick,
    /// The holder blocked (sleep, lock, join, I/O).
    Blocking,
    /// The holder's thread ended.
    Exit,
    /// The GIL was free when the thread asked.
    Free,
}

impl GilReason {
    pub fn as_str(self) -> &'static str {
        match self {
            GilReason::Interval => "interval expired",
            GilReason::Tick => "tick",
            GilReason::Blocking => "blocking call",
            GilReason::Exit => "thread exit",
            GilReason::Free => "free",
        }
    }
}

/// One event. `t` is virtual nanoseconds; threads are by index (0 =
/// main).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    ThreadStart {
        t: u64,
        thread: u32,
        ident: u64,
    },
    ThreadName {
        t: u64,
        thread: u32,
        name: String,
    },
    State {
        t: u64,
        thread: u32,
        state: ThreadState,
    },
    /// The GIL went to `to` (None: it became free).
    Gil {
        t: u64,
        to: Option<u32>,
        reason: GilReason,
    },
    /// A lock was held by `thread` from `t` to `until`, taken `count`
    /// times in a row without anyone waiting; `waited` is how long the
    /// first acquisition waited (0 uncontended).
    LockHold {
        t: u64,
        until: u64,
        lock: u64,
        thread: u32,
        count: u64,
        waited: u64,
        waiters: u32,
    },
    /// A thread started waiting for a lock.
    LockWait {
        t: u64,
        lock: u64,
        thread: u32,
        waiters: u32,
    },
    /// Names a lock (its description) on first sight.
    LockName {
        lock: u64,
        name: String,
    },
    /// Names a queue on first sight: its kind and number (`Queue#1`,
    /// `LifoQueue#2`, `Pipe#3`, `multiprocessing.Queue#4`).
    QueueName {
        queue: u64,
        name: String,
    },
    QueuePut {
        t: u64,
        queue: u64,
        item: u64,
        depth: u32,
        thread: u32,
    },
    QueueGet {
        t: u64,
        queue: u64,
        item: u64,
        depth: u32,
        thread: u32,
    },
    /// An asyncio task on `thread`'s event loop began (`running`) or ended
    /// a step: its coroutine runs from one to the other, and waits (or
    /// is ready) between steps. Tasks are numbered from 1 in creation order.
    TaskStep {
        t: u64,
        thread: u32,
        task: u64,
        running: bool,
    },
    /// Names an asyncio task (`Task-1`, or the name given), when it is
    /// created or renamed.
    TaskName {
        task: u64,
        name: String,
    },
    /// `thread` printed stdout bytes `start..end`.
    Print {
        t: u64,
        thread: u32,
        start: u32,
        end: u32,
    },
    /// `thread` sent a request on the simulated network at `t`; its
    /// response is complete at `until` (as planned when it was sent: a
    /// client that gives up earlier, on a timeout, stops waiting sooner).
    /// `status` 0: the host did not resolve; `bytes`: the response body.
    NetRequest {
        t: u64,
        until: u64,
        thread: u32,
        host: String,
        method: String,
        path: String,
        status: u16,
        bytes: u64,
    },
    /// A process began (`os.fork`, `multiprocessing`): its pid, its
    /// parent's, its name, how it was started, and its main thread. (The
    /// program itself is pid 4242 and has no such event.)
    ProcessStart {
        t: u64,
        pid: i64,
        parent: i64,
        name: String,
        method: String,
        thread: u32,
    },
    /// A process was (re)named (`multiprocessing.Process.name`).
    ProcessName {
        t: u64,
        pid: i64,
        name: String,
    },
    /// A process ended with this exit code (`-sig` when a signal killed
    /// it).
    ProcessExit {
        t: u64,
        pid: i64,
        exitcode: i32,
    },
    /// A thread started inside process `pid` (not the program).
    ThreadProcess {
        thread: u32,
        pid: i64,
    },
    /// The GIL of process `pid` (each process has its own; the program's
    /// is [`Event::Gil`]) went to `to` (None: it became free).
    ProcessGil {
        t: u64,
        pid: i64,
        to: Option<u32>,
        reason: GilReason,
    },
}

/// The log, with the open lock holds still being extended.
#[derive(Default, Debug)]
pub struct EventLog {
    pub events: Vec<Event>,
}

impl EventLog {
    pub fn push(&mut self, e: Event) {
        self.events.push(e);
    }

    pub fn len(&self) -> usize {
        self.events.len()
    }

    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
    }

    /// A stable digest of the log (FNV-1a over its debug form): equal
    /// logs, equal digests, on every platform.
    pub fn digest(&self) -> u64 {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for e in &self.events {
            for b in format!("{e:?}").bytes() {
                h ^= u64::from(b);
                h = h.wrapping_mul(0x0100_0000_01b3);
            }
        }
        h
    }
}
