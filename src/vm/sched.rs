//! The VM's port to the runtime (CPython's eval breaker and the
//! blocking calls of `_thread`/`time`): deadlines at which the running
//! thread stops, the requests builtins leave for the scheduler, and the
//! state of a simulated lock. The VM never schedules: it stops and
//! reports; `runtime` decides.

use super::value::{ObjRef, Value};

/// What a builtin asks the runtime to do for the running thread, which
/// stops until the runtime gives the call its result.
pub enum Syscall {
    /// Wait for `lock` (held by another thread, or by this one for a
    /// second acquire of a plain lock); `timeout_ns` None waits forever.
    /// The result is True when acquired, False on timeout.
    /// `count` is the recursion count to set when it is granted (an
    /// RLock's `_acquire_restore`).
    Acquire {
        lock: ObjRef,
        timeout_ns: Option<u64>,
        count: u64,
    },
    /// `time.sleep`: releases the GIL for `ns` virtual nanoseconds.
    Sleep { ns: u64 },
    /// Simulated network I/O (`requests`, `urllib`, `socket`): releases
    /// the GIL for `ns` virtual nanoseconds, shown as I/O; the call
    /// returns `result`.
    Io { ns: u64, result: Value },
    /// `os.fork()`: a new process `pid` whose main thread (ident `ident`)
    /// is a copy of this thread; the call returns `pid` here and 0 there.
    Fork { pid: i64, ident: u64 },
    /// `os._exit(code)`: the running process ends now.
    Exit { code: i32 },
    /// `os.kill(pid, sig)`: SIGTERM/SIGKILL (and SIGINT) end the process
    /// with exit code `-sig`; returns None, or raises ProcessLookupError.
    Kill { pid: i64, sig: i64 },
    /// `os.waitpid(pid, options)`: waits for the child to end (unless
    /// `nohang`); returns `(pid, status)` with the wait status encoded as
    /// Linux does.
    WaitPid { pid: i64, nohang: bool },
}

/// What a builtin tells the runtime without stopping the thread.
pub enum Note {
    /// `_thread.start_new_thread`: a new thread that calls
    /// `func(*args, **kwargs)`.
    StartThread {
        ident: u64,
        func: Value,
        args: Value,
        kwargs: Value,
    },
    /// A lock was released at `at`; `wake` when it has waiters (one is
    /// woken).
    Released { lock: ObjRef, wake: bool, at: u64 },
    /// A lock was taken without waiting, at `at`.
    Acquired { lock: ObjRef, at: u64 },
    /// A thread's name and daemon flag (from `threading`).
    ThreadInfo {
        ident: u64,
        name: String,
        daemon: bool,
    },
    /// An asyncio task step began (`running`) or ended, at `at`; `name`
    /// when the task is new or renamed.
    Task {
        task: u64,
        name: Option<String>,
        running: Option<bool>,
        at: u64,
    },
    /// A request on the simulated network, sent at `at` and answered by
    /// `until` (`status` 0: the host did not resolve).
    Net {
        host: String,
        method: String,
        path: String,
        status: u16,
        bytes: u64,
        at: u64,
        until: u64,
    },
    /// A queue operation: `put` true for put, false for get.
    Queue {
        queue: ObjRef,
        /// What kind of queue it is (`Queue`, `Pipe` …): its name in the
        /// trace, followed by its number (or with it in place of `{n}`:
        /// `Pool tasks (Pipe#{n})`).
        kind: String,
        put: bool,
        item: Value,
        depth: usize,
        at: u64,
        /// Noted on behalf of the main thread of the process with this pid
        /// (a Manager's server, which answers the calls the caller makes).
        by_pid: Option<i64>,
    },
}

/// The state of a simulated lock (`_thread.lock` and `_thread.RLock`).
#[derive(Debug, Default)]
pub struct LockState {
    /// Deterministic id (order of creation), shown as `Lock#id`.
    pub id: u64,
    /// Ident of the holder, 0 when free.
    pub owner: u64,
    /// Recursion count of an RLock (0 or 1 for a plain lock).
    pub count: u64,
    /// True for an RLock.
    pub reentrant: bool,
    /// The runtime's indices of the threads blocked in `acquire`, in wait
    /// order.
    pub waiters: std::collections::VecDeque<usize>,
    /// What the lock stands for (`_thread._label`), e.g. "Event.wait".
    pub label: Option<String>,
    /// Virtual time of the last release. Threads running in parallel
    /// (3.13t) are simulated one slice after another, so a thread whose
    /// clock is behind may find the lock free "before" it was released;
    /// its acquire then completes at the release time, not earlier.
    pub released_at: u64,
    /// A kernel semaphore of `multiprocessing`: one lock for every
    /// process (a fork shares it instead of copying it).
    pub shared: bool,
}

impl LockState {
    /// `Lock#3`, or the label given by `threading`.
    pub fn describe(&self) -> String {
        let kind = if self.reentrant { "RLock" } else { "Lock" };
        match &self.label {
            Some(l) => format!("{l} ({kind}#{})", self.id),
            None => format!("{kind}#{}", self.id),
        }
    }
}

/// The VM's side of the runtime: where the scheduler tells the running
/// thread when to stop, and where builtins leave requests for it. Stops
/// only happen in top-level runs: a nested run (a builtin calling back
/// into Python) is never suspended.
pub struct SchedPort {
    /// Stop at the first instruction boundary where the clock reaches this.
    pub deadline_ns: u64,
    /// Stop at the first instruction boundary once this many ops ran.
    pub stop_ops: u64,
    /// CPython's `eval_breaker`: a drop request is pending; the loop stops
    /// at the next preemption point of the 3.10+ models.
    pub eval_breaker: bool,
    /// The request of a builtin that stopped the thread with
    /// [`super::Halt::Syscall`].
    pub syscall: Option<Syscall>,
    /// Things builtins tell the runtime without stopping (a lock released
    /// with waiters, a queue put, a thread's name); drained by the runtime.
    pub notes: Vec<Note>,
    /// `_thread.get_ident()` of the running thread.
    pub current: u64,
    /// Next id for simulated objects (locks, queues): deterministic.
    pub next_object_id: u64,
    /// Idents handed out so far by `start_new_thread` (the main thread
    /// is the first).
    pub threads_started: u64,
    /// How many of those have finished (`_thread._count()`).
    pub threads_finished: u64,
    /// Virtual time spent running ops by all threads (`process_time`) is
    /// this plus the running thread's clock (wrapping): set by the runtime
    /// before each slice.
    pub cpu_ns: u64,
    /// Simulated cores (`os.cpu_count()`).
    pub cores: u64,
    /// `sys.setswitchinterval`, in nanoseconds.
    pub switch_interval_ns: u64,
    /// The running process's id and its parent's (`os.getpid()`,
    /// `os.getppid()`): set by the runtime before each slice.
    pub pid: i64,
    pub ppid: i64,
    /// The pid the next `fork` gets.
    pub next_pid: i64,
    /// Each child process's sentinel: a shared lock held by its main
    /// thread until the process ends (what `Process.join` waits on).
    pub sentinels: std::collections::HashMap<i64, ObjRef>,
    /// Exit codes of ended processes (`-sig` when killed by a signal).
    pub exitcodes: std::collections::HashMap<i64, i32>,
    /// Per pid, what to post when that process ends: (pipe buffer, pipe
    /// state, condition waiters, message) of a `multiprocessing` channel
    /// (`_multiprocessing.watch_exit`; see `runtime::process`).
    pub exit_watches: Vec<(i64, [Value; 4])>,
    /// The name the next `fork` gives its child in the event log
    /// (`_multiprocessing.name_next_fork`: the Process's name).
    pub next_fork_name: Option<String>,
    /// Each process's descriptor table of pipe ends, by pid: slot k is
    /// descriptor k + 3 (see `stdlib::pipe_fds`).
    pub fds: std::collections::HashMap<i64, Vec<Option<PipeFd>>>,
    /// Descriptors whose `Connection` went away without `close()`, as
    /// (pid, descriptor, serial): queued by the drop of their
    /// `stdlib::pipe_fds::FdRef`, closed by `pipe_fds::reap`.
    pub dropped_fds: std::rc::Rc<std::cell::RefCell<Vec<(i64, i64, u64)>>>,
    /// The serial the next pipe descriptor gets.
    pub next_fd_serial: u64,
}

/// One open descriptor of a `multiprocessing` pipe end: the channel ends
/// it holds open (a duplex connection holds the read end of one channel
/// and the write end of the other), each as (the channel's state list,
/// the index of its count of open ends there, the channel condition's
/// waiter list).
#[derive(Clone)]
pub struct PipeFd {
    pub ends: Vec<(Value, usize, Value)>,
    /// Which `fd_open` made it (numbers are reused once closed); a
    /// fork's copy keeps it.
    pub serial: u64,
}

/// The simulated pid of the program (its parent is `MAIN_PID - 1`).
pub const MAIN_PID: i64 = 4242;

/// `_thread.get_ident()` of the k-th thread (k = 0 for the main thread):
/// shaped like the addresses CPython uses, and the same on every run.
pub fn ident_of(k: u64) -> u64 {
    0x7f3a_5c1e_7740 + k * 0x80_1000
}

/// `threading.get_native_id()` of the k-th thread (the simulated pid is
/// 4242; Linux gives threads the next ids).
pub fn native_id_of(k: u64) -> u64 {
    4242 + k
}

impl Default for SchedPort {
    fn default() -> Self {
        SchedPort {
            deadline_ns: u64::MAX,
            stop_ops: u64::MAX,
            eval_breaker: false,
            syscall: None,
            notes: Vec::new(),
            current: ident_of(0),
            next_object_id: 1,
            threads_started: 0,
            threads_finished: 0,
            switch_interval_ns: 5_000_000,
            cpu_ns: 0,
            cores: 2,
            pid: MAIN_PID,
            ppid: MAIN_PID - 1,
            next_pid: MAIN_PID + 1,
            sentinels: std::collections::HashMap::new(),
            exitcodes: std::collections::HashMap::new(),
            exit_watches: Vec::new(),
            fds: std::collections::HashMap::new(),
            dropped_fds: Default::default(),
            next_fd_serial: 1,
            next_fork_name: None,
        }
    }
}

impl SchedPort {
    /// Makes the running thread stop at its next instruction boundary, so
    /// that the runtime sees the notes left for it.
    pub fn poke(&mut self) {
        self.deadline_ns = 0;
    }
}
