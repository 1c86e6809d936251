//! "You are the scheduler": a stepping mode in which the user, not the
//! OS, picks which thread runs next ([`SimOptions::chooser`]).
//!
//! A *decision* is a point where at least two threads could run Python
//! next (they are runnable or waiting only for the GIL) and the model
//! allows a switch: under 3.2–3.9 and 3.13t every instruction boundary,
//! under 3.10+ every eval-breaker point (function entry, after a call, a
//! backward jump), under 2.7 every tick check (100 instructions); and
//! always where a thread blocks, ends, or a new one becomes runnable.
//! Decision k follows `choices[k]`; at the first decision without a
//! choice the run stops with [`Progress::Decide`] and
//! [`Simulation::decision`] lists the candidates with the line each would
//! run next. A choice names a thread and how far it goes ([`Until`]): one
//! or more preemption units, until it blocks or ends, or until it reaches
//! a line — so a loop of a million iterations need not take a million
//! clicks.
//!
//! Why rerun-from-the-start instead of snapshots: the simulation is
//! deterministic, so "step" is a rerun with one more choice and "undo" a
//! rerun with one fewer, and undo reproduces the earlier state exactly
//! (same event log, same candidates). Programs stepped by hand are small;
//! a rerun of hundreds of choices takes milliseconds.
//!
//! In this mode the GIL goes to whom the user picks (the holder is made a
//! waiter, the pick takes it, as in a forced switch); the switch-interval
//! timeouts and the OS's own hand-offs are off, so nothing switches that
//! the user did not choose. Virtual time still runs: a sleeper wakes when
//! the time of the run so far passes its wake-up time, or at once when no
//! thread could run.
//!
//! [`SimOptions::chooser`]: super::SimOptions::chooser
//! [`Progress::Decide`]: super::Progress::Decide

use super::model::DropPoints;
use super::thread::State;
use super::{Simulation, SliceRun, EXIT_CHOICE};
use crate::trace::{GilReason, ThreadState};

/// How far a chosen thread goes before the next decision.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Until {
    /// This many preemption units of the model (see the module docs).
    Steps(u64),
    /// Until it blocks (lock, sleep, join, I/O) or ends.
    Blocks,
    /// Until it begins this line of the program (its next instruction is
    /// on the line, the last one it ran was not), checked at each of the
    /// model's preemption points: under 3.10+ it may stop only at the
    /// first such point inside the line.
    Line(u32),
}

/// One pick of the user.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Choice {
    /// The thread's index (0 = MainThread), as in the event log.
    pub thread: u32,
    pub until: Until,
}

impl Choice {
    /// One preemption unit of `thread`.
    pub fn step(thread: u32) -> Choice {
        Choice {
            thread,
            until: Until::Steps(1),
        }
    }
}

impl std::fmt::Display for Choice {
    /// The choice as `--choose` writes it: `1` (one step), `1x5` (five),
    /// `1b` (until it blocks or ends), `1@8` (until it begins line 8).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let t = self.thread;
        match self.until {
            Until::Steps(1) => write!(f, "{t}"),
            Until::Steps(n) => write!(f, "{t}x{n}"),
            Until::Blocks => write!(f, "{t}b"),
            Until::Line(l) => write!(f, "{t}@{l}"),
        }
    }
}

impl Choice {
    /// Reads one choice as [`Choice`]'s `Display` writes it (a leading
    /// `T` on the thread is allowed: `T1x5`). Err is the message.
    pub fn parse(text: &str) -> Result<Choice, String> {
        let s = text.trim();
        let s = s.strip_prefix(['T', 't']).unwrap_or(s);
        let digits = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
        let bad = || {
            format!(
                "bad choice '{text}' (a thread index, then nothing for one step, \
                 xN for N steps, b until it blocks, @L until line L)"
            )
        };
        let thread: u32 = s[..digits].parse().map_err(|_| bad())?;
        let rest = &s[digits..];
        let number = |n: &str| n.parse::<u32>().ok().filter(|&n| n > 0);
        let until = if rest.is_empty() {
            Until::Steps(1)
        } else if rest == "b" {
            Until::Blocks
        } else if let Some(n) = rest.strip_prefix('x').and_then(number) {
            Until::Steps(u64::from(n))
        } else if let Some(l) = rest.strip_prefix('@').and_then(number) {
            Until::Line(l)
        } else {
            return Err(bad());
        };
        Ok(Choice { thread, until })
    }

    /// Reads a comma-separated list of choices (`1,2,1x5,2b,1@8`); the
    /// empty text is no choice.
    pub fn parse_list(text: &str) -> Result<Vec<Choice>, String> {
        text.split(',')
            .filter(|c| !c.trim().is_empty())
            .map(Choice::parse)
            .collect()
    }

    /// The list as [`Choice::parse_list`] reads it.
    pub fn list_text(choices: &[Choice]) -> String {
        choices
            .iter()
            .map(Choice::to_string)
            .collect::<Vec<_>>()
            .join(",")
    }
}

/// A thread as a decision shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ThreadView {
    pub thread: u32,
    pub name: String,
    /// The line of the program it runs next (0 when not in the program's
    /// own file, e.g. not started yet).
    pub line: u32,
    /// It holds its process's GIL.
    pub holds_gil: bool,
    pub state: ThreadState,
}

/// A point where the user must pick.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decision {
    /// How many choices were followed before it.
    pub index: usize,
    /// The threads that could run next, by index.
    pub candidates: Vec<ThreadView>,
    /// The other live threads (blocked, sleeping), by index.
    pub others: Vec<ThreadView>,
}

/// Why a thread runs between decisions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Why {
    /// The user chose it.
    Chosen,
    /// It is the only thread that could run (until another could).
    Lone,
    /// It is in library code (until it reaches the program's own code).
    Library,
}

/// The stepping mode in progress.
pub(super) struct Manual {
    choices: Vec<Choice>,
    /// Choices consumed.
    next: usize,
    /// The run being carried out: thread, what is left of it, and why.
    current: Option<(usize, Until, Why)>,
    /// Where the run stopped for the user.
    pub(super) awaiting: Option<Decision>,
    /// The time of the run so far (the latest clock reached).
    now: u64,
    /// Under 3.10+: stop the slice at the next eval-breaker point.
    pub(super) breaker: bool,
}

impl Manual {
    pub(super) fn new(choices: Vec<Choice>) -> Manual {
        Manual {
            choices,
            next: 0,
            current: None,
            awaiting: None,
            now: 0,
            breaker: false,
        }
    }
}

impl Simulation {
    /// Where a stepping run waits for the user's next choice.
    pub fn decision(&self) -> Option<&Decision> {
        self.manual.as_ref().and_then(|m| m.awaiting.as_ref())
    }

    /// Threads that could run Python next.
    fn candidates(&self) -> Vec<usize> {
        (0..self.threads.len())
            .filter(|&t| matches!(self.threads[t].state, State::Runnable | State::WaitGil))
            .collect()
    }

    /// The line of the program thread `tid` runs next.
    fn next_line(&self, tid: usize) -> u32 {
        let file = &self.vm.config.filename;
        let frames = &self.threads[tid].frames;
        let Some(i) = frames.iter().rposition(|f| f.code.obj.filename == *file) else {
            return 0;
        };
        let f = &frames[i];
        if i + 1 == frames.len() {
            let lines = &f.code.obj.lines;
            lines
                .get(f.pc)
                .or_else(|| lines.last())
                .copied()
                .unwrap_or(f.code.obj.first_line)
        } else {
            f.line()
        }
    }

    fn view(&self, tid: usize) -> ThreadView {
        let t = &self.threads[tid];
        ThreadView {
            thread: tid as u32,
            name: t.name.clone(),
            line: self.next_line(tid),
            holds_gil: self.model.has_gil() && self.gil(tid).holder == Some(tid),
            state: t.shown.clone().unwrap_or(ThreadState::Ready),
        }
    }

    /// One step of a stepping run (in place of the OS's `step`).
    pub(super) fn manual_step(&mut self) {
        if let Some(slice) = self.paused.take() {
            self.run_slice(slice);
            if self.paused.is_none() {
                self.after_manual_slice(slice.tid);
            }
            return;
        }
        let Some(m) = self.manual.as_mut() else {
            return;
        };
        m.now = m
            .now
            .max(self.threads.iter().map(|t| t.clock).max().unwrap_or(0));
        let now = m.now;
        let cands = self.candidates();
        let next_timer = self.timers.peek().map(|r| r.0.at);
        match next_timer {
            Some(at) if at <= now || cands.is_empty() => {
                self.fire_timer();
                return;
            }
            None if cands.is_empty() => {
                self.nothing_can_move();
                return;
            }
            _ => {}
        }
        let Some(m) = self.manual.as_mut() else {
            return;
        };
        if let Some((tid, _, why)) = m.current {
            if !cands.contains(&tid) || (why == Why::Lone && cands.len() > 1) {
                m.current = None;
            }
        }
        let library = cands.iter().copied().find(|&t| !self.in_program(t));
        let Some(m) = self.manual.as_mut() else {
            return;
        };
        if m.current.is_none() {
            if cands.len() == 1 {
                m.current = Some((cands[0], Until::Blocks, Why::Lone));
            } else if let Some(t) = library {
                m.current = Some((t, Until::Blocks, Why::Library));
            } else {
                let k = m.next;
                let Some(&choice) = m.choices.get(k) else {
                    let decision = Decision {
                        index: k,
                        candidates: cands.iter().map(|&t| self.view(t)).collect(),
                        others: (0..self.threads.len())
                            .filter(|t| !cands.contains(t))
                            .filter(|&t| self.threads[t].state != State::Done)
                            .map(|t| self.view(t))
                            .collect(),
                    };
                    if let Some(m) = self.manual.as_mut() {
                        m.awaiting = Some(decision);
                    }
                    return;
                };
                let tid = choice.thread as usize;
                if !cands.contains(&tid) {
                    self.bad_choice(k, tid);
                    return;
                }
                m.next += 1;
                m.current = Some((tid, choice.until, Why::Chosen));
            }
        }
        let Some((tid, until, why)) = self.manual.as_ref().and_then(|m| m.current) else {
            return;
        };
        self.switch_to(tid, now);
        let unit = !matches!(until, Until::Blocks);
        let ops = self.vm.ops;
        let stop_ops = match (unit, self.model.drop_points()) {
            // Library code goes op by op, to stop where the program's
            // code begins (a call or a return: a preemption point of
            // every model).
            _ if why == Why::Library => ops + 1,
            (false, _) | (true, DropPoints::EvalBreaker) => u64::MAX,
            (true, DropPoints::Ticks) => ops + self.model.tick_ops().unwrap_or(100),
            (true, DropPoints::EveryInstruction) => ops + 1,
        };
        let stop_ops = if self.model.has_gil() || !unit {
            stop_ops
        } else {
            ops + 1
        };
        if let Some(m) = self.manual.as_mut() {
            m.breaker = unit && self.model.drop_points() == DropPoints::EvalBreaker;
        }
        let slice = SliceRun {
            tid,
            deadline: next_timer.unwrap_or(u64::MAX),
            stop_ops,
            forced: None,
            start_ops: ops,
            stdout_before: self.vm.io.stdout.len(),
        };
        self.run_slice(slice);
        if self.paused.is_none() {
            self.after_manual_slice(tid);
        }
    }

    /// The thread's innermost frame is in the program's own file.
    fn in_program(&self, tid: usize) -> bool {
        let file = &self.vm.config.filename;
        self.threads[tid]
            .frames
            .last()
            .is_some_and(|f| f.code.obj.filename == *file)
    }

    /// Thread `tid` is about to begin line `line` of the program: its
    /// next instruction is on that line and the one it ran last was not.
    fn begins_line(&self, tid: usize, line: u32) -> bool {
        self.in_program(tid)
            && self.next_line(tid) == line
            && self.threads[tid].frames.last().map(|f| f.line()) != Some(line)
    }

    /// What is left of the current choice after one slice of `tid`.
    fn after_manual_slice(&mut self, tid: usize) {
        let outside = !self.in_program(tid);
        let arrived = match self.manual.as_ref().and_then(|m| m.current) {
            Some((_, Until::Line(l), _)) => self.begins_line(tid, l),
            _ => false,
        };
        let runnable = matches!(self.threads[tid].state, State::Runnable | State::WaitGil);
        let Some(m) = self.manual.as_mut() else {
            return;
        };
        m.breaker = false;
        m.current = match m.current {
            _ if !runnable => None,
            Some((_, _, Why::Library)) if !outside => None,
            // Library code (threading's bootstrap, a builtin's Python)
            // is run through: a step ends in the program's own code.
            Some(c) if outside => Some(c),
            Some((t, Until::Steps(n), a)) if n > 1 => Some((t, Until::Steps(n - 1), a)),
            Some((_, Until::Steps(_), _)) => None,
            Some((_, Until::Line(_), _)) if arrived => None,
            other => other,
        };
    }

    /// Makes `tid` the thread that runs: it takes the GIL (the holder
    /// becomes a waiter) and a core.
    fn switch_to(&mut self, tid: usize, now: u64) {
        let at = self.threads[tid].clock.max(now);
        if self.model.has_gil() {
            let p = self.threads[tid].proc;
            match self.procs[p].gil.holder {
                Some(h) if h == tid => {}
                Some(h) => {
                    // As a forced switch: the pick takes the GIL, the
                    // holder queues for it.
                    self.give_gil(tid, at, GilReason::Interval);
                    let hat = self.threads[h].clock.max(at);
                    self.want_gil(h, hat);
                }
                None => self.give_gil(tid, at, GilReason::Free),
            }
        }
        if self.threads[tid].core.is_none() {
            self.run_queue.retain(|&t| t != tid);
            let core = match self.cores.iter().position(Option::is_none) {
                Some(c) => c,
                None => {
                    let c = self
                        .cores
                        .iter()
                        .rposition(|c| c.is_some_and(|r| r != tid))
                        .unwrap_or(0);
                    if let Some(victim) = self.cores[c].take() {
                        let vat = self.threads[victim].clock;
                        self.threads[victim].core = None;
                        self.run_queue.push_back(victim);
                        self.set_state(victim, State::Runnable, ThreadState::Ready, vat);
                    }
                    c
                }
            };
            self.assign_core(tid, core, at);
        }
        let t = &mut self.threads[tid];
        t.clock = t.clock.max(at);
    }

    /// A choice names a thread that cannot run at that decision.
    fn bad_choice(&mut self, k: usize, tid: usize) {
        let what = match self.threads.get(tid) {
            Some(t) => {
                let state = match &t.shown {
                    Some(ThreadState::Blocked { on, .. }) => format!("it waits for {on}"),
                    Some(ThreadState::Sleeping) => "it is sleeping".into(),
                    Some(ThreadState::Io) => "it is in I/O".into(),
                    Some(ThreadState::Done) => "it has finished".into(),
                    _ => "it cannot run".into(),
                };
                format!(
                    "thread {tid} ({}) cannot run at this point: {state}",
                    t.name
                )
            }
            None => format!("there is no thread {tid}"),
        };
        self.vm.write_stderr(&format!(
            "interleave: choice {k} cannot be followed: {what}\n"
        ));
        self.finished = Some(EXIT_CHOICE);
    }
}
