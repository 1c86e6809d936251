//! Interleave: Python concurrency, run and seen in the browser.
//!
//! One crate, built three ways: natively (the `interleave` command line and
//! every engine test), as plain wasm (any page, including embeds in pages
//! that are not cross-origin isolated) and as threaded wasm (a rayon pool on
//! Web Workers over shared memory). The module map is in the README; layers
//! only call downward, and nothing below `ui` and `web` knows about the web.
//!
//! | module | owns |
//! |---|---|
//! | [`explore`] | one program under many seeds in parallel, outcomes grouped by output |
//! | [`lab`] | real parallel work (rayon), measured on wall time |
//! | [`format`] | numbers and durations written for people |
//! | [`lang`] | parsing (ruff's Python parser) and compiling to our bytecode |
//! | [`vm`] | values, objects, frames, the interpreter loop |
//! | [`stdlib`] | the simulated standard library modules |
//! | [`sources`] | the stdlib's Python sources and the presets' programs: compiled in, or fetched by the page |
//! | [`run`] | running one program to completion (the command line's `run`) |
//! | `web` | the wasm entry points the boot script calls, and the page's environment (wasm only) |
//! | `ui` | the yew application (wasm only) |

pub mod explore;
pub mod format;
pub mod lab;
pub mod lang;
pub mod run;
pub mod runtime;
pub mod sources;
pub mod stdlib;
pub mod trace;
pub mod vm;

#[cfg(target_arch = "wasm32")]
pub mod ui;

/// Natively, the page's plain parts only (presets, share links,
/// highlighting, diagnostics, the console's split by thread, Explore's
/// outcome grouping, Sweep's constants and runs), for their tests; in wasm they are part of `ui`.
#[cfg(not(target_arch = "wasm32"))]
pub mod ui {
    pub mod compare;
    pub mod console;
    pub mod diagnostics;
    pub mod highlight;
    pub mod outcomes;
    pub mod presets;
    pub mod share;
    pub mod sweep;
    pub mod sweep_setup;
}

#[cfg(target_arch = "wasm32")]
pub mod web;
