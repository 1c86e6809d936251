//! Fuzz target: arbitrary text through parse → compile → run with a small
//! op budget. Any panic is a bug (user input must never panic the engine).
#![no_main]

use interleave::run::{run, RunOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(source) = std::str::from_utf8(data) {
        let options = RunOptions { max_ops: 20_000, ..RunOptions::default() };
        let _ = run(source, &options);
    }
});
