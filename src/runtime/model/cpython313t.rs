//! CPython 3.13t, the free-threaded build (PEP 703): no GIL. Threads run
//! in parallel on the simulated cores; each bytecode op on a built-in
//! object is atomic (per-object locks), a read-modify-write spanning
//! several ops is not. The single-thread slowdown of the 3.13 build is
//! about 40 % (the 3.13 "What's new" and the free-threading HOWTO give
//! 40 % on pyperformance for 3.13, due to the disabled specializing
//! interpreter).

use super::{DropPoints, RuntimeModel};

pub struct Cpython313t;

impl RuntimeModel for Cpython313t {
    fn name(&self) -> &'static str {
        "cpython-3.13t"
    }
    fn version(&self) -> (u32, u32, u32) {
        (3, 13, 0)
    }
    fn has_gil(&self) -> bool {
        false
    }
    fn drop_points(&self) -> DropPoints {
        DropPoints::EveryInstruction
    }
    fn cost_percent(&self) -> u64 {
        140
    }
}
