//! The runtime models: what differs between CPython versions in how
//! threads share the interpreter. One file per model behind
//! [`RuntimeModel`]; the scheduler (`runtime::Simulation`) asks the model
//! at each decision point.
//!
//! | model | GIL | a waiter… | the holder drops at… |
//! |---|---|---|---|
//! | `cpython-2.7` | old (a lock) | is signalled every 100 ticks | the tick check, and the releaser usually wins it back |
//! | `cpython-3.9` | new (3.2+) | sets a drop request after the switch interval | any instruction boundary |
//! | `cpython-3.12` | new | the same | function entry, after a call, backward jump |
//! | `cpython-3.13t` | none | — | — (threads run in parallel) |

mod cpython27;
mod cpython312;
mod cpython313t;
mod cpython39;

pub use cpython27::Cpython27;
pub use cpython312::Cpython312;
pub use cpython313t::Cpython313t;
pub use cpython39::Cpython39;

/// Where the holder notices a pending drop request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DropPoints {
    /// At the next instruction boundary (3.2–3.9).
    EveryInstruction,
    /// At function entry, after calls and on backward jumps (3.10+).
    EvalBreaker,
    /// Only at the periodic tick check (2.7).
    Ticks,
}

/// The rules of one CPython for threads sharing an interpreter.
pub trait RuntimeModel {
    /// `cpython-3.12`.
    fn name(&self) -> &'static str;
    /// `sys.version_info` reported to the program.
    fn version(&self) -> (u32, u32, u32);
    /// False for the free-threaded build: every thread runs on its own.
    fn has_gil(&self) -> bool;
    /// Where a drop request is honoured.
    fn drop_points(&self) -> DropPoints;
    /// 3.2+: a GIL waiter sets a drop request after the switch interval.
    fn waiters_time_out(&self) -> bool {
        self.drop_points() != DropPoints::Ticks
    }
    /// 2.7: ops between checks (`sys.setcheckinterval`, 100 ticks).
    fn tick_ops(&self) -> Option<u64> {
        None
    }
    /// 2.7: at a tick with waiters, the chance (per million) that a waiter
    /// wins the GIL before the releaser takes it back.
    fn tick_handoff_ppm(&self) -> u32 {
        0
    }
    /// 2.7: virtual ns a tick with waiters costs the holder (release,
    /// signal, re-acquire).
    fn tick_cost_ns(&self) -> u64 {
        0
    }
    /// Single-thread slowdown of this build against the cost profile, in
    /// percent (100 = as calibrated).
    fn cost_percent(&self) -> u64 {
        100
    }
}

/// The runtimes a user may choose, by name (`--runtime`).
pub fn by_name(name: &str) -> Option<Box<dyn RuntimeModel + Send>> {
    let name = name.strip_prefix("cpython-").unwrap_or(name);
    Some(match name {
        "2.7" => Box::new(Cpython27),
        "3.2" | "3.3" | "3.4" | "3.5" | "3.6" | "3.7" | "3.8" | "3.9" => Box::new(Cpython39),
        "3.10" | "3.11" | "3.12" | "3.13" => Box::new(Cpython312),
        "3.13t" => Box::new(Cpython313t),
        _ => return None,
    })
}

/// The names `by_name` accepts, for messages.
pub const NAMES: [&str; 4] = [
    "cpython-2.7",
    "cpython-3.9",
    "cpython-3.12",
    "cpython-3.13t",
];

/// The default runtime.
pub const DEFAULT: &str = "cpython-3.12";
