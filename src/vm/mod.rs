//! The virtual machine: values and objects, frames, and the interpreter
//! loop that executes a budget of bytecode ops and stops at blocking and
//! preemption points.
//!
//! `code` is the contract with the compiler (`lang`). The VM never parses
//! source and never decides scheduling: it reports, at each op, whether it
//! is a preemption point under the active model, and the runtime decides.

pub mod code;
