//! Runs a program under every runtime model and checks its stdout: for
//! the module tests whose programs must print the same under 2.7, 3.9,
//! 3.12 and 3.13t (what python3 3.11 printed for them).

use interleave::run::{run, RunOptions, RunOutput};

pub use interleave::runtime::model::NAMES as RUNTIMES;

/// The program's output under `runtime`.
pub fn run_under(program: &str, runtime: &str) -> RunOutput {
    let options = RunOptions {
        runtime: runtime.into(),
        ..RunOptions::default()
    };
    run(program, &options)
}

/// Under every model: stdout must be `stdout`, the exit status 0.
pub fn check(program: &str, stdout: &str) {
    for runtime in RUNTIMES {
        let out = run_under(program, runtime);
        assert_eq!(out.stdout, stdout, "{runtime}; stderr: {}", out.stderr);
        assert_eq!(out.exit_code, 0, "{runtime}; stderr: {}", out.stderr);
    }
}
