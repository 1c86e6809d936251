//! Runs one program to completion under a runtime model (`runtime`), and
//! turns the outcome into what a terminal shows (stdout, stderr with a
//! CPython-style traceback, an exit status).
//!
//! Exit statuses: 0 ok; 1 uncaught exception, SyntaxError or a construct
//! we do not simulate; `SystemExit(n)` gives n; 3 deadlock; 4 the op
//! budget ran out.

use crate::runtime::{self, SimOptions};

/// What to run and how.
#[derive(Clone, Debug)]
pub struct RunOptions {
    /// The file name shown in tracebacks.
    pub filename: String,
    pub seed: u64,
    /// Stop after this many ops (exit status 4).
    pub max_ops: u64,
    /// What `input()` reads.
    pub stdin: String,
    /// `sys.argv[1:]`.
    pub args: Vec<String>,
    /// The runtime model (`cpython-3.12` …).
    pub runtime: String,
    /// Simulated cores.
    pub cores: usize,
    /// Switch interval at start, in seconds.
    pub switch_interval: f64,
    /// A schedule string to follow (it also fixes runtime, cores, switch
    /// interval and seed).
    pub replay: Option<String>,
    /// The simulated network's settings (`--latency HOST=MS`).
    pub net: runtime::net::NetSettings,
}

impl Default for RunOptions {
    fn default() -> Self {
        RunOptions {
            filename: "main.py".into(),
            seed: 0,
            max_ops: 2_000_000_000,
            stdin: String::new(),
            args: Vec::new(),
            runtime: runtime::model::DEFAULT.into(),
            cores: 2,
            switch_interval: 0.005,
            replay: None,
            net: runtime::net::NetSettings::default(),
        }
    }
}

/// What a run produced.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RunOutput {
    pub stdout: String,
    pub stderr: String,
    pub exit_code: i32,
    /// Ops executed.
    pub ops: u64,
    /// Virtual time spent, in nanoseconds.
    pub virtual_ns: u64,
    /// The schedule string that replays this run (None when it never
    /// started: a SyntaxError or a bad option).
    pub schedule: Option<String>,
}

/// Exit status when the op budget is exhausted.
pub const EXIT_BUDGET: i32 = runtime::EXIT_BUDGET;

impl RunOptions {
    /// The runtime's options for these.
    pub fn sim_options(&self) -> SimOptions {
        SimOptions {
            filename: self.filename.clone(),
            runtime: self.runtime.clone(),
            cores: self.cores,
            seed: self.seed,
            switch_interval: self.switch_interval,
            max_ops: self.max_ops,
            stdin: self.stdin.clone(),
            args: self.args.clone(),
            replay: self.replay.clone(),
            pct: None,
            net: self.net.clone(),
        }
    }
}

/// Compiles and runs `source` as the `__main__` module.
pub fn run(source: &str, options: &RunOptions) -> RunOutput {
    run_simulation(source, options).0
}

/// Like [`run`], and also hands back the finished simulation (its event
/// log feeds `--stats` and `--trace`).
pub fn run_simulation(
    source: &str,
    options: &RunOptions,
) -> (RunOutput, Option<runtime::Simulation>) {
    let (out, sim) = runtime::run_program(source, &options.sim_options());
    let output = RunOutput {
        stdout: out.stdout,
        stderr: out.stderr,
        exit_code: out.exit_code,
        ops: out.ops,
        virtual_ns: out.virtual_ns,
        schedule: sim.as_ref().map(|s| s.schedule()),
    };
    (output, sim)
}
