//! Taking and dropping the GIL (CPython's `Python/ceval_gil.c`), on
//! virtual time:
//!
//! - `take_gil`: a free GIL is taken at once; else the thread waits. Under
//!   the 3.2+ models the wait has a timeout of one switch interval: if no
//!   switch happened meanwhile, the waiter sets `gil_drop_request` and
//!   waits again.
//! - The holder honours the drop request where its model says
//!   (`DropPoints`) and makes a *forced switch*: the GIL goes to the first
//!   waiter, and the dropper queues behind it, so it cannot take the GIL
//!   straight back.
//! - A blocking call drops the GIL without forcing: the first waiter is
//!   signalled and takes it after the OS wake-up latency, unless someone
//!   asks first (then it keeps waiting).
//! - 2.7: every 100 ticks the holder releases and re-requests; a waiter
//!   wins only rarely (the model's probability).
//! - Under a PCT priority schedule (`SimOptions::pct`) "the first waiter"
//!   is the highest-priority one, a timeout asks for the GIL only for a
//!   waiter that outranks the holder (or has starved for 10 intervals),
//!   and 2.7's tick hands over on that rule instead of by chance.

use super::thread::State;
use super::{Simulation, TimerKind};
use crate::trace::{GilReason, ThreadState};

impl Simulation {
    /// Thread `tid` has Python to run from `at` on.
    pub(super) fn want_gil(&mut self, tid: usize, at: u64) {
        let p = self.threads[tid].proc;
        if !self.model.has_gil() {
            self.make_runnable(tid, at);
            return;
        }
        if self.procs[p].gil.holder.is_none() {
            let at = at.max(self.procs[p].gil.released_at);
            self.give_gil(tid, at, GilReason::Free);
            return;
        }
        if self.procs[p].gil.holder == Some(tid) {
            self.make_runnable(tid, at);
            return;
        }
        let t = &mut self.threads[tid];
        t.clock = t.clock.max(at);
        t.wait_seq += 1;
        t.gil_wait_since = at;
        let seq = t.wait_seq;
        if !self.procs[p].gil.waiters.contains(&tid) {
            self.procs[p].gil.waiters.push_back(tid);
        }
        self.leave_core(tid, at);
        self.set_state(tid, State::WaitGil, ThreadState::WaitGil, at);
        if self.model.waiters_time_out() {
            let interval = self.vm.sched.switch_interval_ns.max(1000);
            let switch = self.procs[p].gil.switch_number;
            self.set_timer(
                at + interval,
                TimerKind::GilTimeout {
                    thread: tid,
                    seq,
                    switch,
                },
            );
        }
    }

    /// `tid` takes the GIL at `at`.
    pub(super) fn give_gil(&mut self, tid: usize, at: u64, reason: GilReason) {
        let p = self.threads[tid].proc;
        self.procs[p].gil.waiters.retain(|&w| w != tid);
        if self.procs[p].gil.last_holder != Some(tid) {
            self.procs[p].gil.switch_number += 1;
        }
        self.procs[p].gil.holder = Some(tid);
        self.procs[p].gil.last_holder = Some(tid);
        self.procs[p].gil.drop_request = false;
        self.log_gil(p, at, Some(tid as u32), reason);
        self.make_runnable(tid, at);
    }

    /// The holder drops the GIL without forcing a switch (it blocks or
    /// ends): the first waiter is signalled.
    pub(super) fn drop_gil(&mut self, tid: usize, at: u64, reason: GilReason) {
        let p = self.threads[tid].proc;
        if self.procs[p].gil.holder != Some(tid) {
            return;
        }
        self.procs[p].gil.holder = None;
        self.procs[p].gil.drop_request = false;
        self.procs[p].gil.released_at = at;
        self.log_gil(p, at, None, reason);
        if let Some(w) = self
            .first_gil_waiter(p)
            .map(|i| self.procs[p].gil.waiters[i])
        {
            let latency = self.wake_latency();
            let seq = self.threads[w].wait_seq;
            self.set_timer(at + latency, TimerKind::GilWake { thread: w, seq });
        }
    }

    /// The holder honours a drop request: the first waiter gets the GIL,
    /// the dropper waits behind it (FORCE_SWITCHING).
    pub(super) fn forced_switch(&mut self, tid: usize) {
        self.hand_over(tid, GilReason::Interval);
    }

    fn hand_over(&mut self, tid: usize, reason: GilReason) {
        let p = self.threads[tid].proc;
        let at = self.threads[tid].clock;
        let Some(w) = self
            .first_gil_waiter(p)
            .and_then(|i| self.procs[p].gil.waiters.remove(i))
        else {
            self.procs[p].gil.drop_request = false;
            return;
        };
        self.procs[p].gil.holder = None;
        let latency = self.wake_latency();
        self.give_gil(w, at + latency, reason);
        self.want_gil(tid, at);
    }

    /// A waiter's switch interval expired.
    pub(super) fn gil_timeout(&mut self, tid: usize, seq: u64, switch: u64, at: u64) {
        // Stepping by hand: the GIL goes only where the user says.
        if self.manual.is_some() {
            return;
        }
        let p = self.threads[tid].proc;
        let t = &self.threads[tid];
        if t.state != State::WaitGil || t.wait_seq != seq {
            return;
        }
        match self.procs[p].gil.holder {
            None => {
                self.give_gil(tid, at, GilReason::Free);
                return;
            }
            Some(holder) if self.procs[p].gil.switch_number == switch => {
                if self.pct.is_none()
                    || self.priority(tid) > self.priority(holder)
                    || self.starving(tid, at)
                {
                    self.procs[p].gil.drop_request = true;
                }
            }
            Some(_) => {}
        }
        let interval = self.vm.sched.switch_interval_ns.max(1000);
        let switch = self.procs[p].gil.switch_number;
        self.set_timer(
            at + interval,
            TimerKind::GilTimeout {
                thread: tid,
                seq,
                switch,
            },
        );
    }

    /// A waiter signalled by a release tries to take the GIL.
    pub(super) fn gil_wake(&mut self, tid: usize, seq: u64, at: u64) {
        // Stepping by hand: the GIL goes only where the user says.
        if self.manual.is_some() {
            return;
        }
        let p = self.threads[tid].proc;
        let t = &self.threads[tid];
        if t.state != State::WaitGil || t.wait_seq != seq {
            return;
        }
        if self.procs[p].gil.holder.is_none() {
            self.give_gil(tid, at, GilReason::Blocking);
        }
    }

    /// 2.7: the holder's periodic release and re-request.
    pub(super) fn tick(&mut self, tid: usize) {
        let p = self.threads[tid].proc;
        if self.procs[p].gil.waiters.is_empty() {
            return;
        }
        self.threads[tid].clock += self.model.tick_cost_ns();
        if self.pct.is_some() {
            let at = self.threads[tid].clock;
            let starved = self.procs[p]
                .gil
                .waiters
                .clone()
                .into_iter()
                .any(|w| self.starving(w, at));
            if self.outranking_waiter(tid) || starved {
                self.hand_over(tid, GilReason::Tick);
            }
            return;
        }
        let ppm = u64::from(self.model.tick_handoff_ppm());
        if self.below(1_000_000) < ppm {
            self.hand_over(tid, GilReason::Tick);
        }
    }

    /// Index in the waiters of the one a release signals: the first, or
    /// under a priority schedule the highest-priority one.
    fn first_gil_waiter(&mut self, p: usize) -> Option<usize> {
        match self.pct.as_mut() {
            None => (!self.procs[p].gil.waiters.is_empty()).then_some(0),
            Some(pct) => {
                let waiters: Vec<usize> = self.procs[p].gil.waiters.iter().copied().collect();
                super::best_by_priority(pct, &waiters)
            }
        }
    }

    /// Some GIL waiter outranks thread `tid` (priority schedule).
    pub(super) fn outranking_waiter(&mut self, tid: usize) -> bool {
        let p = self.threads[tid].proc;
        let mine = self.priority(tid);
        let waiters: Vec<usize> = self.procs[p].gil.waiters.iter().copied().collect();
        waiters.into_iter().any(|w| self.priority(w) > mine)
    }

    /// Under a priority schedule, a waiter that has waited 10 switch
    /// intervals asks for the GIL whatever its priority.
    fn starving(&self, tid: usize, at: u64) -> bool {
        let t = &self.threads[tid];
        t.state == State::WaitGil
            && at.saturating_sub(t.gil_wait_since) >= 10 * self.vm.sched.switch_interval_ns
    }
}
