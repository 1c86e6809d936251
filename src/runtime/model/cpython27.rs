//! CPython 2.7: the old GIL. Every 100 ticks the holder releases the GIL
//! and immediately requests it again, signalling a waiter. On a machine
//! with several cores the waiter, woken by the OS, usually finds the GIL
//! already taken back: the "GIL battle". We model the outcome: a waiter
//! wins with a small probability per tick, and each tick with waiters
//! costs the holder the release/signal/re-acquire.

use super::{DropPoints, RuntimeModel};

pub struct Cpython27;

impl RuntimeModel for Cpython27 {
    fn name(&self) -> &'static str {
        "cpython-2.7"
    }
    fn version(&self) -> (u32, u32, u32) {
        (2, 7, 18)
    }
    fn has_gil(&self) -> bool {
        true
    }
    fn drop_points(&self) -> DropPoints {
        DropPoints::Ticks
    }
    fn tick_ops(&self) -> Option<u64> {
        Some(100)
    }
    fn tick_handoff_ppm(&self) -> u32 {
        // About one switch per 1,000 contested ticks (~0.5 ms of work):
        // real 2.7 here takes 1.5x as long for 100 x sleep(1 ms) beside a
        // spinning thread, i.e. ~0.5 ms to win the GIL after each sleep.
        1_000
    }
    fn tick_cost_ns(&self) -> u64 {
        // Two CPU-bound threads take about as long as sequential work on
        // real 2.7 here (1.0-1.1x): the battle costs little per tick.
        30
    }
}
