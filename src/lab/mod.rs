//! The lab: real parallel work, measured on wall time.
//!
//! The simulator says what CPython *would* do; the lab does the work for
//! real on the user's own cores (a rayon pool, on Web Workers in the
//! threaded wasm build) so that "parallel work speeds up, a global lock
//! serializes it" is measured, not only drawn.
//!
//! - shared-memory primitives over std atomics ([`sync`]: a spin-then-wait
//!   lock, CPython's GIL emulated for real, a bounded MPMC queue, the cancel
//!   flag) and per-worker trace rings ([`trace`]), all testable natively on
//!   std threads;
//! - the experiments: [`gil_exp`] (free / global lock / GIL / shared
//!   counter, and the convoy effect), [`queue_exp`] (producers and
//!   consumers), [`explore_exp`] (the simulator's schedule exploration
//!   spread over the pool), each on lanes of the pool ([`lanes`]);
//! - [`predict`]: what the simulator predicts for the matching Python
//!   programs — the only part that calls the engine; the kernels and
//!   primitives never do;
//! - [`alloc`]: the threaded wasm build's global allocator (a heap per
//!   worker rather than std's one heap behind one lock);
//! - in wasm, the bridge that runs all this on the pool without ever
//!   blocking the browser's main thread ([`pool`]).

pub mod alloc;
#[cfg(test)]
mod bench;
pub mod clock;
pub mod experiment;
pub mod explore_exp;
pub mod gil_exp;
pub mod lanes;
pub mod predict;
pub mod primes;
pub mod queue_exp;
pub mod sync;
pub mod trace;

#[cfg(target_arch = "wasm32")]
pub mod pool;
