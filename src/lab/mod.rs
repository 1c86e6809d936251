//! The lab: real parallel work, measured on wall time.
//!
//! The simulator says what CPython *would* do; the lab does the work for
//! real on the user's own cores (a rayon pool, on Web Workers in the
//! threaded wasm build) so that "parallel work speeds up, a global lock
//! serializes it" is measured, not only drawn. This module owns the
//! kernels (plain Rust, testable natively) and, in wasm, the bridge that
//! runs them on the pool without ever blocking the browser's main thread
//! ([`pool`]). It must never depend on the simulator's engine.

pub mod experiment;
pub mod primes;

#[cfg(target_arch = "wasm32")]
pub mod pool;
