//! What the panels that run the program in the editor many times
//! (Explore: one run per seed; Sweep: one per value) share: what they
//! run ([`BatchInput`]), the phase of a batch, and its Stop flag. A batch's jobs (on the worker pool, or in
//! frame-sized slices on the main thread) check the flag between slices;
//! each new batch gets a fresh flag, so a Stop of an old one never stops
//! the next. It never runs anything itself.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use yew::prelude::*;

use super::share::Settings;

/// What a batch runs: the program in the editor under the run settings,
/// and the worker pool it may use.
#[derive(Clone, Debug, PartialEq)]
pub struct BatchInput {
    pub code: AttrValue,
    pub settings: Settings,
    /// Pool size, `None` without threads.
    pub workers: Option<usize>,
}

/// Where a batch is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    Idle,
    Running,
    Stopped,
    Done,
    /// The program does not compile: nothing ran.
    CompileError,
}

impl Phase {
    /// As the panel's `data-state` says it (what tests wait for).
    pub fn name(self) -> &'static str {
        match self {
            Phase::Idle => "idle",
            Phase::Running => "running",
            Phase::Stopped => "stopped",
            Phase::Done => "done",
            Phase::CompileError => "error",
        }
    }
}

/// The Stop flag of a panel's current batch.
#[derive(Clone)]
pub struct StopFlag(Rc<RefCell<Arc<AtomicBool>>>);

impl StopFlag {
    /// A fresh flag for a new batch (the old one is dropped by the panel).
    pub fn fresh(&self) -> Arc<AtomicBool> {
        let flag = Arc::new(AtomicBool::new(false));
        *self.0.borrow_mut() = flag.clone();
        flag
    }

    /// The Stop button's handler: stops the current batch.
    pub fn on_stop(&self) -> Callback<MouseEvent> {
        let slot = self.0.clone();
        Callback::from(move |_: MouseEvent| slot.borrow().store(true, Ordering::Relaxed))
    }
}

/// The panel's Stop flag, kept across renders.
#[hook]
pub fn use_stop_flag() -> StopFlag {
    let slot = use_mut_ref(|| Arc::new(AtomicBool::new(false)));
    StopFlag(slot)
}
