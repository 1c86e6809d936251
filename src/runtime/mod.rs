//! The runtime: simulated cores, OS threads and the GIL of the chosen
//! CPython model, on virtual time. [`Simulation`] owns the interpreter
//! (`vm`), the threads, a timer heap and the seeded PRNG; it runs the
//! thread that is furthest behind in virtual time, stops it where the
//! model says (deadline, eval breaker, blocking call), and records every
//! change into the event log (`trace`).
//!
//! Discrete-event scheduling: each thread on a core has its own clock.
//! The scheduler always advances the on-core thread with the smallest
//! clock, up to the next timer (a sleeper waking, a GIL waiter's switch
//! interval expiring, a lock waiter waking) or, when several threads run
//! in parallel (3.13t), a short seeded quantum past the next one, so that
//! parallel threads interleave at instruction granularity.
//!
//! Files: [`model`] (the CPython rules), [`thread`] (thread and GIL state),
//! `gil` (taking and dropping it), `kernel` (what builtins ask for: locks,
//! sleep, new threads), `deadlock` (the report when nothing can move),
//! [`schedule`] (the replayable schedule string).
//!
//! A priority schedule ([`SimOptions::pct`], used by `crate::explore`'s
//! PCT strategy) biases the choices the model leaves to the OS — who of
//! the GIL waiters gets it, who of the ready threads gets a core, and when
//! a waiter's timeout actually asks the holder to drop it — without
//! letting a thread switch anywhere its model would not (a 3.12 holder
//! still drops the GIL only at an eval-breaker point).

pub mod copy;
mod deadlock;
mod gil;
mod kernel;
pub mod model;
pub mod net;
pub mod process;
pub mod schedule;
pub mod stepper;
pub mod thread;

use std::cmp::Reverse;
use std::collections::{BinaryHeap, VecDeque};
use std::rc::Rc;

use rand_core::{RngCore, SeedableRng};

use crate::trace::{Event, EventLog, ThreadState};
use crate::vm::frame::{Frame, OnReturn};
use crate::vm::interp::RunResult;
use crate::vm::value::{Obj, Value};
use crate::vm::{Config, Halt, PyErr, Vm};
use model::RuntimeModel;
use process::Process;
use thread::{Resume, State, Thread};

/// Exit status when the op budget is exhausted.
pub const EXIT_BUDGET: i32 = 4;
/// Exit status when a replayed schedule does not fit the program.
pub const EXIT_REPLAY: i32 = 2;
/// Exit status of a deadlock.
pub const EXIT_DEADLOCK: i32 = 3;
/// Exit status when a stepping run's choice names a thread that cannot
/// run (see [`stepper`]).
pub const EXIT_CHOICE: i32 = 2;

/// What to run and how.
#[derive(Clone, Debug)]
pub struct SimOptions {
    /// The file name shown in tracebacks.
    pub filename: String,
    /// `cpython-2.7`, `cpython-3.9`, `cpython-3.12` or `cpython-3.13t`.
    pub runtime: String,
    pub cores: usize,
    pub seed: u64,
    /// `sys.getswitchinterval()` at start, in seconds.
    pub switch_interval: f64,
    /// Stop after this many ops (exit status 4).
    pub max_ops: u64,
    /// What `input()` reads.
    pub stdin: String,
    /// `sys.argv[1:]`.
    pub args: Vec<String>,
    /// Replay this schedule string (its runtime, cores, interval and seed
    /// replace the ones above).
    pub replay: Option<String>,
    /// Follow this PCT priority schedule (probabilistic concurrency
    /// testing): every thread has a priority, and where the OS would choose
    /// between threads the highest priority wins —
    ///
    /// - a released or handed-over GIL goes to the highest-priority waiter
    ///   (not the first), and a freed core to the highest-priority ready
    ///   thread;
    /// - a GIL waiter's timeout sets the drop request only when the waiter
    ///   outranks the holder, or has waited 10 switch intervals (so a
    ///   thread spinning on a flag cannot starve the one that sets it);
    ///   2.7's tick hands the GIL over on the same rule instead of by
    ///   chance;
    /// - at a change point the running thread is demoted: if it holds the
    ///   GIL and a waiter now outranks it, the drop request is set (and
    ///   honoured where the model honours it); without a GIL it is
    ///   preempted (back of the run queue, or paused for an OS slice when
    ///   nobody waits for its core).
    ///
    /// Every choice is one the real OS could make on a loaded machine.
    /// A replayed schedule string brings its own (see `schedule`).
    pub pct: Option<schedule::Pct>,
    /// The simulated network's latency settings (`--latency HOST=MS`).
    pub net: net::NetSettings,
    /// "You are the scheduler": follow these choices at the points where
    /// two or more threads could run, and stop at the first point without
    /// one ([`Progress::Decide`]); see [`stepper`].
    pub chooser: Option<Vec<stepper::Choice>>,
}

impl Default for SimOptions {
    fn default() -> Self {
        SimOptions {
            filename: "main.py".into(),
            runtime: model::DEFAULT.into(),
            cores: 2,
            seed: 0,
            switch_interval: 0.005,
            max_ops: 2_000_000_000,
            stdin: String::new(),
            args: Vec::new(),
            replay: None,
            pct: None,
            net: net::NetSettings::default(),
            chooser: None,
        }
    }
}

/// Timers of the event queue, by kind.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum TimerKind {
    /// A new thread begins (wants the GIL).
    Start { thread: usize },
    /// A sleeping thread wakes.
    Wake { thread: usize, seq: u64 },
    /// A GIL waiter's switch interval expired.
    GilTimeout {
        thread: usize,
        seq: u64,
        switch: u64,
    },
    /// A thread signalled by a GIL release tries to take it.
    GilWake { thread: usize, seq: u64 },
    /// A lock waiter woken by a release tries to take the lock.
    LockWake { thread: usize, seq: u64 },
    /// A lock wait with a timeout gives up.
    AcquireTimeout { thread: usize, seq: u64 },
}

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Timer {
    at: u64,
    /// Insertion order: equal times fire in the order they were set.
    seq: u64,
    kind: TimerKind,
}

/// How far a call to [`Simulation::run`] got.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Progress {
    /// The budget for this call is spent; call again.
    Running,
    /// The program ended with this exit status.
    Finished(i32),
    /// A stepping run reached a decision it has no choice for
    /// ([`Simulation::decision`]); the run goes no further.
    Decide,
}

/// Where a process's main thread is in its life.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum MainPhase {
    /// Running the `__main__` module.
    Module,
    /// Running `threading._shutdown()` (joining non-daemon threads).
    Shutdown,
    Done,
}

/// One program running under one runtime model.
pub struct Simulation {
    pub vm: Vm,
    model: Box<dyn RuntimeModel + Send>,
    threads: Vec<Thread>,
    /// Which thread each core runs.
    cores: Vec<Option<usize>>,
    /// Runnable threads without a core, in OS order.
    run_queue: VecDeque<usize>,
    timers: BinaryHeap<Reverse<Timer>>,
    timer_seq: u64,
    /// The processes, by index (0 = the program); each has its own GIL
    /// and module namespace.
    procs: Vec<Process>,
    /// The process whose modules are in `vm.modules` now.
    active: usize,
    rng: rand_pcg::Pcg64Mcg,
    pub log: EventLog,
    finished: Option<i32>,
    /// CPU time of all finished slices.
    cpu_ns: u64,
    /// The `threading` bootstrap's callable for new threads.
    entry_stub: Option<Value>,
    /// Lock hold being extended per lock id: index into the log.
    open_holds: std::collections::HashMap<u64, kernel::HoldTrack>,
    /// Locks already named in the log.
    named_locks: std::collections::HashSet<u64>,
    /// Queue ids by identity, and item ids pairing puts with gets.
    queues: kernel::QueueBook,
    /// Every slice run so far (thread, ops): the schedule string.
    slices: Vec<schedule::Slice>,
    /// The slices a replay must follow.
    replay: Option<Vec<schedule::Slice>>,
    /// 2.7: the op count of the holder's next tick.
    tick_stop: u64,
    /// Where the current [`Simulation::run`] budget ends (an op count).
    budget_stop: u64,
    /// A slice the budget cut short, to go on with at the next step.
    paused: Option<SliceRun>,
    /// What the schedule string records besides the slices.
    settings: (usize, u64, u64),
    /// The PCT priority schedule being followed.
    pct: Option<PctState>,
    /// For each `State` event of the log, in log order: the line of the
    /// program's own file the thread was at (its innermost frame in that
    /// file), 0 when none. Kept beside the log, not in it, so the log and
    /// its digests stay as they are; the page's timeline reads it.
    pub state_lines: Vec<u32>,
    /// The stepping mode, when the user is the scheduler.
    manual: Option<stepper::Manual>,
}

/// A PCT priority schedule in progress (see [`SimOptions::pct`]).
struct PctState {
    spec: schedule::Pct,
    /// Current priority by thread index (grown as threads appear).
    priority: Vec<u64>,
    /// Change points not reached yet: (op count, new priority), by op count.
    pending: VecDeque<(u64, u64)>,
}

impl PctState {
    fn new(spec: schedule::Pct) -> PctState {
        let mut points: Vec<(u64, u64)> = spec
            .change_points
            .iter()
            .enumerate()
            .map(|(i, &at)| (at, i as u64 + 1))
            .collect();
        points.sort_unstable();
        PctState {
            spec,
            priority: Vec::new(),
            pending: points.into(),
        }
    }

    fn of(&mut self, tid: usize) -> u64 {
        while self.priority.len() <= tid {
            let i = self.priority.len();
            let p = self
                .spec
                .priorities
                .get(i)
                .copied()
                .unwrap_or(self.spec.change_points.len() as u64 + 1);
            self.priority.push(p);
        }
        self.priority[tid]
    }
}

/// One slice of a thread's run: what the scheduler decided for it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct SliceRun {
    tid: usize,
    /// Virtual time at which it must stop (a timer, a quantum, an OS slice).
    deadline: u64,
    /// Op count at which it must stop (a 2.7 tick, a PCT change point, a
    /// replayed slice's length).
    stop_ops: u64,
    /// The replayed slice's length, when replaying.
    forced: Option<u64>,
    start_ops: u64,
    stdout_before: usize,
}

impl Simulation {
    /// Compiles `source`; Err is the SyntaxError (or NotImplementedError)
    /// as CPython prints it.
    pub fn new(source: &str, options: &SimOptions) -> Result<Simulation, String> {
        let mut options = options.clone();
        let mut replay = None;
        if let Some(text) = &options.replay {
            let s = schedule::Schedule::decode(text)?;
            options.runtime = s.runtime;
            options.cores = s.cores.max(1);
            options.switch_interval = s.switch_interval_ns as f64 / 1e9;
            options.seed = s.seed;
            options.pct = s.pct;
            replay = Some(s.slices);
        }
        let options = &options;
        let Some(model) = model::by_name(&options.runtime) else {
            return Err(format!(
                "unknown runtime '{}' (choose one of {})\n",
                options.runtime,
                model::NAMES.join(", ")
            ));
        };
        let code = crate::lang::compile(source, &options.filename).map_err(|e| e.render())?;
        let mut argv = vec![options.filename.clone()];
        argv.extend(options.args.iter().cloned());
        let config = Config {
            filename: options.filename.as_str().into(),
            argv,
            seed: options.seed,
            max_ops: options.max_ops,
            version: model.version(),
            net_latency_ms: options.net.latency_ms.clone(),
            ..Config::default()
        };
        let mut vm = Vm::new(config);
        let pct = model.cost_percent();
        if pct != 100 {
            vm.cost = vm.cost.scaled(pct);
        }
        vm.sched.cores = options.cores.max(1) as u64;
        vm.sched.switch_interval_ns = (options.switch_interval * 1e9).round().max(1.0) as u64;
        crate::stdlib::register(&mut vm);
        vm.io.stdin = options.stdin.clone();
        vm.sources
            .insert(options.filename.as_str().into(), Rc::from(source));
        let main = vm.new_module("__main__");
        vm.modules
            .insert("__main__".into(), Value::Obj(main.clone()));
        let Obj::Module(m) = &*main else {
            return Err("internal error: __main__ is not a module\n".into());
        };
        let globals = m.dict.clone();
        let bm = vm.builtins_module.clone();
        vm.module_set(&main, "__builtins__", bm);
        vm.module_set(&main, "__file__", Value::str(&options.filename));
        vm.module_set(&main, "__doc__", Value::None);
        let code = vm.load_code(&code);
        let mut frame = Frame::new(code, globals.clone(), Some(globals));
        frame.on_return = OnReturn::Boundary;
        let main_thread = Thread::new(
            crate::vm::sched::ident_of(0),
            "MainThread".into(),
            vec![Box::new(frame)],
            0,
        );
        let mut sim = Simulation {
            vm,
            model,
            threads: Vec::new(),
            cores: vec![None; options.cores.max(1)],
            run_queue: VecDeque::new(),
            timers: BinaryHeap::new(),
            timer_seq: 0,
            procs: vec![Process::main()],
            active: 0,
            rng: rand_pcg::Pcg64Mcg::seed_from_u64(options.seed ^ 0x1e_a7e5_c0de),
            log: EventLog::default(),
            finished: None,
            cpu_ns: 0,
            entry_stub: None,
            open_holds: Default::default(),
            named_locks: Default::default(),
            queues: Default::default(),
            slices: Vec::new(),
            replay,
            tick_stop: u64::MAX,
            budget_stop: u64::MAX,
            paused: None,
            settings: (
                options.cores.max(1),
                (options.switch_interval * 1e9).round().max(1.0) as u64,
                options.seed,
            ),
            pct: options.pct.clone().map(PctState::new),
            state_lines: Vec::new(),
            manual: options.chooser.clone().map(stepper::Manual::new),
        };
        sim.add_thread(main_thread, 0);
        Ok(sim)
    }

    /// The schedule string of the run so far (see [`schedule`]).
    pub fn schedule(&self) -> String {
        let (cores, interval, seed) = self.settings;
        schedule::Schedule {
            runtime: self.model.name().to_string(),
            cores,
            switch_interval_ns: interval,
            seed,
            pct: self.pct.as_ref().map(|p| p.spec.clone()),
            slices: self.slices.clone(),
        }
        .encode()
    }

    /// The runtime model's name.
    pub fn runtime(&self) -> &'static str {
        self.model.name()
    }

    /// Names of the threads, by index.
    pub fn thread_names(&self) -> Vec<String> {
        self.threads.iter().map(|t| t.name.clone()).collect()
    }

    /// Virtual time at which the program ended (or now).
    pub fn now(&self) -> u64 {
        self.threads.iter().map(|t| t.clock).max().unwrap_or(0)
    }

    /// Runs until the program ends (a stepping run: or until it waits
    /// for a choice, then [`EXIT_CHOICE`]).
    pub fn run_to_end(&mut self) -> i32 {
        loop {
            match self.run(u64::MAX) {
                Progress::Finished(code) => return code,
                Progress::Decide => return EXIT_CHOICE,
                Progress::Running => {}
            }
        }
    }

    /// Runs at most about `budget` ops, then returns.
    pub fn run(&mut self, budget: u64) -> Progress {
        let stop_at = self.vm.ops.saturating_add(budget);
        self.budget_stop = stop_at;
        loop {
            if let Some(code) = self.finished {
                return Progress::Finished(code);
            }
            if self.decision().is_some() {
                return Progress::Decide;
            }
            if self.vm.ops >= stop_at {
                return Progress::Running;
            }
            self.step();
        }
    }

    /// One scheduling decision: fire the next timer, or run a thread.
    fn step(&mut self) {
        if self.manual.is_some() {
            self.manual_step();
            return;
        }
        if let Some(slice) = self.paused.take() {
            self.run_slice(slice);
            return;
        }
        let running = self.next_on_core();
        let next_timer = self.timers.peek().map(|Reverse(t)| t.at);
        match (running, next_timer) {
            (None, None) => self.nothing_can_move(),
            (None, Some(_)) => self.fire_timer(),
            (Some((_, clock)), Some(at)) if at <= clock => self.fire_timer(),
            (Some((tid, _)), timer) => {
                let mut deadline = timer.unwrap_or(u64::MAX);
                // Parallel threads interleave: run a quantum past the
                // next one's clock.
                if let Some(other) = self.other_on_core_min_clock(tid) {
                    let quantum = 300 + self.below(2_700);
                    deadline = deadline.min(other + quantum);
                }
                if !self.run_queue.is_empty() {
                    deadline = deadline.min(self.threads[tid].slice_end);
                }
                self.run_thread(tid, deadline);
            }
        }
    }

    /// The on-core thread with the smallest clock.
    fn next_on_core(&self) -> Option<(usize, u64)> {
        self.cores
            .iter()
            .flatten()
            .map(|&t| (t, self.threads[t].clock))
            .min_by_key(|&(t, c)| (c, t))
    }

    fn other_on_core_min_clock(&self, tid: usize) -> Option<u64> {
        self.cores
            .iter()
            .flatten()
            .filter(|&&t| t != tid)
            .map(|&t| self.threads[t].clock)
            .min()
    }

    /// A seeded draw in `0..n`.
    fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            return 0;
        }
        ((u128::from(self.rng.next_u64()) * u128::from(n)) >> 64) as u64
    }

    /// OS wake-up latency of a thread signalled on a futex: 5 µs ± 2.
    /// (None when stepping by hand: the user says who goes next.)
    fn wake_latency(&mut self) -> u64 {
        if self.manual.is_some() {
            return 0;
        }
        3_000 + self.below(4_000)
    }

    fn set_timer(&mut self, at: u64, kind: TimerKind) {
        self.timer_seq += 1;
        self.timers.push(Reverse(Timer {
            at,
            seq: self.timer_seq,
            kind,
        }));
    }

    fn add_thread(&mut self, t: Thread, at: u64) -> usize {
        let tid = self.threads.len();
        let ident = t.ident;
        let name = t.name.clone();
        self.threads.push(t);
        self.log.push(Event::ThreadStart {
            t: at,
            thread: tid as u32,
            ident,
        });
        self.log.push(Event::ThreadName {
            t: at,
            thread: tid as u32,
            name,
        });
        self.want_gil(tid, at);
        tid
    }

    /// Records a thread's new state (only when it changes).
    fn set_state(&mut self, tid: usize, state: State, shown: ThreadState, at: u64) {
        let t = &mut self.threads[tid];
        t.state = state;
        if t.shown.as_ref() != Some(&shown) {
            t.shown = Some(shown.clone());
            let file = &self.vm.config.filename;
            let line = t
                .frames
                .iter()
                .rev()
                .find(|f| f.code.obj.filename == *file)
                .map_or(0, |f| f.line());
            self.state_lines.push(line);
            self.log.push(Event::State {
                t: at,
                thread: tid as u32,
                state: shown,
            });
        }
    }

    /// The thread has Python to run: a core if one is free, else the OS
    /// run queue.
    fn make_runnable(&mut self, tid: usize, at: u64) {
        let t = &mut self.threads[tid];
        t.clock = t.clock.max(at);
        if let Some(core) = t.core {
            self.set_state(
                tid,
                State::Runnable,
                ThreadState::Running { core: core as u32 },
                at,
            );
            return;
        }
        match self.cores.iter().position(Option::is_none) {
            Some(core) => self.assign_core(tid, core, at),
            None => {
                self.run_queue.push_back(tid);
                self.set_state(tid, State::Runnable, ThreadState::Ready, at);
                // Someone must give way at the end of its slice.
                for c in 0..self.cores.len() {
                    if let Some(r) = self.cores[c] {
                        if self.threads[r].slice_end == u64::MAX {
                            let slice = self.os_slice();
                            self.threads[r].slice_end = at + slice;
                        }
                    }
                }
            }
        }
    }

    /// An OS time slice: 3 ms ± 1 ms.
    fn os_slice(&mut self) -> u64 {
        2_000_000 + self.below(2_000_000)
    }

    fn assign_core(&mut self, tid: usize, core: usize, at: u64) {
        self.cores[core] = Some(tid);
        let slice = if self.run_queue.is_empty() {
            u64::MAX
        } else {
            at + self.os_slice()
        };
        let t = &mut self.threads[tid];
        t.core = Some(core);
        t.clock = t.clock.max(at);
        t.slice_end = slice;
        self.set_state(
            tid,
            State::Runnable,
            ThreadState::Running { core: core as u32 },
            at,
        );
    }

    /// The thread stops needing a core; the next ready thread gets it.
    fn leave_core(&mut self, tid: usize, at: u64) {
        if let Some(core) = self.threads[tid].core.take() {
            self.cores[core] = None;
            self.threads[tid].slice_end = u64::MAX;
            if let Some(next) = self.pop_ready() {
                self.assign_core(next, core, at);
            }
        }
    }

    /// The running thread's slice ended with others ready: it goes to the
    /// back of the run queue (keeping the GIL if it holds it).
    fn preempt(&mut self, tid: usize) {
        let at = self.threads[tid].clock;
        if let Some(core) = self.threads[tid].core.take() {
            self.cores[core] = None;
            self.threads[tid].slice_end = u64::MAX;
            self.run_queue.push_back(tid);
            self.set_state(tid, State::Runnable, ThreadState::Ready, at);
            if let Some(next) = self.pop_ready() {
                self.assign_core(next, core, at);
            }
        }
    }

    /// The ready thread that gets a freed core: the first in OS order, or
    /// under a priority schedule the highest-priority one.
    fn pop_ready(&mut self) -> Option<usize> {
        let i = match self.pct.as_mut() {
            None => 0,
            Some(p) => {
                let queue: Vec<usize> = self.run_queue.iter().copied().collect();
                best_by_priority(p, &queue)?
            }
        };
        self.run_queue.remove(i)
    }

    /// A thread's PCT priority (0 without a priority schedule).
    fn priority(&mut self, tid: usize) -> u64 {
        self.pct.as_mut().map_or(0, |p| p.of(tid))
    }

    /// The next PCT change point, as an op count.
    fn next_change_point(&self) -> u64 {
        self.pct
            .as_ref()
            .and_then(|p| p.pending.front())
            .map_or(u64::MAX, |&(at, _)| at)
    }

    /// Applies the change points thread `tid` ran into: it is demoted.
    fn pass_change_points(&mut self, tid: usize) {
        let ops = self.vm.ops;
        let mut demoted = false;
        if let Some(p) = self.pct.as_mut() {
            while let Some(&(at, prio)) = p.pending.front() {
                if at > ops {
                    break;
                }
                p.pending.pop_front();
                p.of(tid);
                p.priority[tid] = prio;
                demoted = true;
            }
        }
        if !demoted || self.threads[tid].state != State::Runnable {
            return;
        }
        if self.model.has_gil() {
            if self.gil(tid).holder == Some(tid)
                && self.model.drop_points() != model::DropPoints::Ticks
                && self.outranking_waiter(tid)
            {
                self.gil_mut(tid).drop_request = true;
            }
            return;
        }
        let at = self.threads[tid].clock;
        if !self.run_queue.is_empty() {
            self.preempt(tid);
        } else if let Some(core) = self.threads[tid].core {
            let pause = self.os_slice();
            self.set_state(tid, State::Runnable, ThreadState::Ready, at);
            self.threads[tid].clock = at + pause;
            self.set_state(
                tid,
                State::Runnable,
                ThreadState::Running { core: core as u32 },
                at + pause,
            );
        }
    }

    /// Runs thread `tid` until `deadline` (virtual ns) or until it stops.
    fn run_thread(&mut self, tid: usize, deadline: u64) {
        // A drop request pending at an instruction boundary (3.9), or
        // noticed at the next preemption point (3.10+).
        if self.gil(tid).drop_request
            && self.gil(tid).holder == Some(tid)
            && self.model.drop_points() == model::DropPoints::EveryInstruction
        {
            self.forced_switch(tid);
            return;
        }
        let change_point = self.next_change_point();
        self.tick_stop = match self.model.tick_ops() {
            Some(n) if self.gil(tid).holder == Some(tid) => self.vm.ops + n,
            _ => u64::MAX,
        };
        let mut stop_ops = self.tick_stop.min(change_point);
        let k = self.slices.len();
        let forced = self.replay.as_ref().and_then(|r| r.get(k).copied());
        if let Some((want, n)) = forced {
            if want as usize != tid {
                self.replay_diverged(k, tid);
                return;
            }
            stop_ops = stop_ops.min(self.vm.ops + n);
        }
        let slice = SliceRun {
            tid,
            deadline,
            stop_ops,
            forced: forced.map(|(_, n)| n),
            start_ops: self.vm.ops,
            stdout_before: self.vm.io.stdout.len(),
        };
        self.run_slice(slice);
    }

    /// Runs (or goes on with) one slice of a thread. When the caller's op
    /// budget ([`Simulation::run`]) ends it early, the slice is kept in
    /// `paused` and the next step goes on with it, so that a run in small
    /// budgets (the page) makes exactly the slices, events and random
    /// draws of a run in one go (the command line).
    fn run_slice(&mut self, slice: SliceRun) {
        let tid = slice.tid;
        self.activate(self.threads[tid].proc);
        let start_clock = self.threads[tid].clock;
        let t = &mut self.threads[tid];
        let mut frames = std::mem::take(&mut t.frames);
        self.vm.clock_ns = t.clock;
        self.vm.sched.current = t.ident;
        self.vm.handled = std::mem::replace(&mut t.handled, Value::None);
        self.vm.sched.deadline_ns = slice.deadline;
        self.vm.sched.cpu_ns = self.cpu_ns.wrapping_sub(start_clock);
        let gil = &self.procs[t.proc].gil;
        self.vm.sched.eval_breaker = gil.drop_request
            && gil.holder == Some(tid)
            && self.model.drop_points() == model::DropPoints::EvalBreaker
            || self.manual.as_ref().is_some_and(|m| m.breaker);
        self.vm.sched.stop_ops = slice.stop_ops.min(self.budget_stop);
        let resume = std::mem::replace(&mut t.resume, Resume::Continue);
        let initial = match resume {
            Resume::Continue => None,
            Resume::Raise(e) => Some(e),
            Resume::Value(v) => self.vm.deliver_syscall_result(&mut frames, v).err(),
        };
        let result = self.vm.eval(&mut frames, initial);
        let paused = matches!(result, Err(PyErr::Halt(Halt::Deadline)))
            && self.vm.ops >= self.budget_stop
            && self.vm.ops < slice.stop_ops
            && self.vm.clock_ns < slice.deadline;
        if paused {
            let t = &mut self.threads[tid];
            t.frames = frames;
            t.clock = self.vm.clock_ns;
            t.handled = std::mem::replace(&mut self.vm.handled, Value::None);
            self.cpu_ns += self.vm.clock_ns - start_clock;
            self.paused = Some(slice);
            return;
        }
        let k = self.slices.len();
        let (ops_before, stdout_before, forced) =
            (slice.start_ops, slice.stdout_before, slice.forced);
        let ran = self.vm.ops - ops_before;
        self.slices.push((tid as u32, ran));
        if let Some(n) = forced {
            if ran != n {
                self.replay_diverged(k, tid);
            }
        }
        let t = &mut self.threads[tid];
        t.frames = frames;
        t.clock = self.vm.clock_ns;
        t.handled = std::mem::replace(&mut self.vm.handled, Value::None);
        self.cpu_ns += self.vm.clock_ns - start_clock;
        let now = self.vm.clock_ns;
        if self.vm.io.stdout.len() > stdout_before {
            self.log.push(Event::Print {
                t: now,
                thread: tid as u32,
                start: stdout_before as u32,
                end: self.vm.io.stdout.len() as u32,
            });
        }
        // Pipe ends whose Connection went away during the slice close now.
        crate::stdlib::pipe_fds::reap(&mut self.vm);
        self.take_notes(tid);
        match result {
            Ok(RunResult::Returned(_)) | Ok(RunResult::Yielded(_)) => self.thread_returned(tid),
            Err(PyErr::Exc(e)) => self.thread_raised(tid, e),
            Err(PyErr::Halt(Halt::Budget)) => {
                let n = self.vm.config.max_ops;
                self.vm.write_stderr(&format!("interleave: stopped after {n} ops (the op budget, --max-ops); the program did not finish\n"));
                self.finished = Some(EXIT_BUDGET);
            }
            Err(PyErr::Halt(Halt::Syscall)) => match self.vm.sched.syscall.take() {
                Some(call) => self.syscall(tid, call),
                None => self.threads[tid].resume = Resume::Continue,
            },
            Err(PyErr::Halt(Halt::Breaker)) => {
                if self.gil(tid).drop_request && self.gil(tid).holder == Some(tid) {
                    self.forced_switch(tid);
                }
            }
            Err(PyErr::Halt(Halt::Deadline)) => self.deadline_reached(tid),
        }
        if self.finished.is_none() {
            self.pass_change_points(tid);
        }
    }

    /// The thread stopped at an instruction boundary because a deadline
    /// passed: a timer is due, a slice ended, or (2.7) a tick.
    fn deadline_reached(&mut self, tid: usize) {
        if self.threads[tid].state != State::Runnable || self.manual.is_some() {
            return;
        }
        if self.model.tick_ops().is_some()
            && self.gil(tid).holder == Some(tid)
            && self.vm.ops >= self.tick_stop
        {
            self.tick(tid);
            if self.gil(tid).holder != Some(tid) {
                return;
            }
        }
        if self.gil(tid).drop_request
            && self.gil(tid).holder == Some(tid)
            && self.model.drop_points() == model::DropPoints::EveryInstruction
        {
            self.forced_switch(tid);
            return;
        }
        if !self.run_queue.is_empty() && self.threads[tid].clock >= self.threads[tid].slice_end {
            self.preempt(tid);
        }
    }

    /// A replay no longer fits: stop and say where.
    fn replay_diverged(&mut self, k: usize, tid: usize) {
        if self.finished.is_some() {
            return;
        }
        let name = self.threads[tid].name.clone();
        self.vm.write_stderr(&format!(
            "interleave: the program does not follow the replayed schedule at slice {k} (thread {name}); was the program or the schedule changed?\n"
        ));
        self.finished = Some(EXIT_REPLAY);
    }

    /// The bottom frame of a thread returned.
    fn thread_returned(&mut self, tid: usize) {
        if self.procs[self.threads[tid].proc].done {
            self.thread_exit(tid);
        } else if self.is_process_main(tid) {
            self.main_finished_phase(tid);
        } else {
            self.thread_exit(tid);
        }
    }

    /// An exception escaped a thread's bottom frame.
    fn thread_raised(&mut self, tid: usize, e: crate::vm::value::ObjRef) {
        if self.is_process_main(tid) {
            let p = self.threads[tid].proc;
            if self.procs[p].phase == MainPhase::Module {
                self.procs[p].status = self.uncaught(&e);
            } else if !self.vm.exc_is(&e, "SystemExit") {
                let text = self.vm.format_exception(&e);
                self.vm.write_stderr(&text);
            }
            self.main_finished_phase(tid);
            return;
        }
        if !self.vm.exc_is(&e, "SystemExit") {
            let entry = self.threads[tid].entry.clone();
            let what = self.vm.repr_of(&entry).unwrap_or_default();
            let text = self.vm.format_exception(&e);
            self.vm.write_stderr(&format!(
                "Exception ignored in thread started by: {what}\n{text}"
            ));
        }
        self.thread_exit(tid);
    }

    /// A process's main thread finished a phase: after the module, join
    /// the non-daemon threads (`threading._shutdown`), then end the
    /// process.
    fn main_finished_phase(&mut self, main: usize) {
        let p = self.threads[main].proc;
        self.activate(p);
        if self.procs[p].phase == MainPhase::Module {
            self.procs[p].phase = MainPhase::Shutdown;
            if let Some(threading) = self.vm.modules.get("threading").cloned() {
                if let Ok(shutdown) = self.vm.get_attr_str(&threading, "_shutdown") {
                    match self
                        .vm
                        .call_or_frame(&shutdown, crate::vm::call::Args::new(vec![]))
                    {
                        Ok(crate::vm::interp::CallOutcome::Frame(mut f)) => {
                            f.on_return = OnReturn::Boundary;
                            self.threads[main].frames = vec![f];
                            return;
                        }
                        Ok(_) => {}
                        Err(PyErr::Exc(e)) => {
                            let text = self.vm.format_exception(&e);
                            self.vm.write_stderr(&text);
                        }
                        Err(PyErr::Halt(_)) => {}
                    }
                }
            }
        }
        self.vm.warn_abandoned_at_exit();
        let status = self.procs[p].status;
        self.end_process(p, status, self.threads[main].clock, true);
    }

    /// A thread ended: it gives up its core and the GIL.
    fn thread_exit(&mut self, tid: usize) {
        let at = self.threads[tid].clock;
        self.threads[tid].frames.clear();
        if tid != 0 {
            self.vm.sched.threads_finished += 1;
        }
        self.leave_core(tid, at);
        if self.gil(tid).holder == Some(tid) {
            self.drop_gil(tid, at, crate::trace::GilReason::Exit);
        }
        self.set_state(tid, State::Done, ThreadState::Done, at);
    }

    /// Prints an uncaught exception of the main module as CPython does;
    /// the exit status.
    fn uncaught(&mut self, e: &crate::vm::value::ObjRef) -> i32 {
        if self.vm.exc_is(e, "SystemExit") {
            let code = match &**e {
                Obj::Exception(d) => d
                    .args
                    .borrow()
                    .as_tuple()
                    .and_then(|t| t.first().cloned())
                    .unwrap_or(Value::None),
                _ => Value::None,
            };
            return match code {
                Value::None => 0,
                Value::Int(i) => i as i32,
                Value::Bool(b) => i32::from(b),
                other => {
                    let s = self.vm.str_of(&other).unwrap_or_default();
                    self.vm.write_stderr(&format!("{s}\n"));
                    1
                }
            };
        }
        let text = self.vm.format_exception(e);
        self.vm.write_stderr(&text);
        1
    }

    /// No thread can run and no timer is pending.
    fn nothing_can_move(&mut self) {
        if self.procs[0].phase == MainPhase::Done {
            // Orphaned children blocked for ever: the program is over.
            self.finished = Some(self.procs[0].status);
            return;
        }
        let report = deadlock::report(self);
        self.vm.write_stderr(&report);
        let at = self.now();
        self.close_holds(at);
        self.finished = Some(EXIT_DEADLOCK);
    }

    /// Fires the earliest timer.
    fn fire_timer(&mut self) {
        let Some(Reverse(timer)) = self.timers.pop() else {
            return;
        };
        let at = timer.at;
        match timer.kind {
            TimerKind::Start { thread } => {
                // (A process killed before its first instruction.)
                if self.threads[thread].state != State::Done {
                    self.want_gil(thread, at);
                }
            }
            TimerKind::Wake { thread, seq } => {
                let t = &mut self.threads[thread];
                if t.state == State::Sleeping && t.wait_seq == seq {
                    let result = std::mem::replace(&mut t.io_result, Value::None);
                    t.resume = Resume::Value(result);
                    self.want_gil(thread, at);
                }
            }
            TimerKind::GilTimeout {
                thread,
                seq,
                switch,
            } => self.gil_timeout(thread, seq, switch, at),
            TimerKind::GilWake { thread, seq } => self.gil_wake(thread, seq, at),
            TimerKind::LockWake { thread, seq } => self.lock_wake(thread, seq, at),
            TimerKind::AcquireTimeout { thread, seq } => self.acquire_timeout(thread, seq, at),
        }
    }

    /// Stdout and stderr so far.
    pub fn output(&self) -> (&str, &str) {
        (&self.vm.io.stdout, &self.vm.io.stderr)
    }

    /// The files on the simulated disk now, sorted by path.
    pub fn files(&self) -> Vec<crate::vm::filesystem::DiskFile> {
        self.vm.fs.files()
    }
}

/// What a finished run produced.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SimOutput {
    pub stdout: String,
    pub stderr: String,
    pub exit_code: i32,
    pub ops: u64,
    /// Virtual time at the end, in nanoseconds.
    pub virtual_ns: u64,
    /// The files on the simulated disk at the end, sorted by path.
    pub files: Vec<crate::vm::filesystem::DiskFile>,
}

/// Compiles and runs `source` to the end.
pub fn run_program(source: &str, options: &SimOptions) -> (SimOutput, Option<Simulation>) {
    let mut sim = match Simulation::new(source, options) {
        Ok(s) => s,
        Err(text) => {
            return (
                SimOutput {
                    stderr: text,
                    exit_code: if text_is_usage(options) { 2 } else { 1 },
                    ..SimOutput::default()
                },
                None,
            )
        }
    };
    let exit_code = sim.run_to_end();
    let out = SimOutput {
        stdout: std::mem::take(&mut sim.vm.io.stdout),
        stderr: std::mem::take(&mut sim.vm.io.stderr),
        exit_code,
        ops: sim.vm.ops,
        virtual_ns: sim.now(),
        files: sim.files(),
    };
    (out, Some(sim))
}

fn text_is_usage(options: &SimOptions) -> bool {
    model::by_name(&options.runtime).is_none()
}

/// Index in `queue` of the highest-priority thread (the first of equals).
fn best_by_priority(p: &mut PctState, queue: &[usize]) -> Option<usize> {
    let mut best: Option<(usize, u64)> = None;
    for (i, &t) in queue.iter().enumerate() {
        let prio = p.of(t);
        if best.is_none_or(|(_, b)| prio > b) {
            best = Some((i, prio));
        }
    }
    best.map(|(i, _)| i)
}
