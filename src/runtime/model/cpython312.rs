//! CPython 3.10–3.12 (and 3.13 with the GIL): the same GIL as 3.9, but the
//! eval breaker is only checked at function entry (`RESUME`), after calls
//! and on backward jumps. So `n += 1` in a loop body can no longer be
//! interrupted between its load and its store, while `n = inc(n)` still
//! can (at the entry of `inc`).

use super::{DropPoints, RuntimeModel};

pub struct Cpython312;

impl RuntimeModel for Cpython312 {
    fn name(&self) -> &'static str {
        "cpython-3.12"
    }
    fn version(&self) -> (u32, u32, u32) {
        (3, 12, 1)
    }
    fn has_gil(&self) -> bool {
        true
    }
    fn drop_points(&self) -> DropPoints {
        DropPoints::EvalBreaker
    }
}
