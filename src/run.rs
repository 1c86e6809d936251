//! Runs one program to completion under a runtime model (`runtime`), and
//! turns the outcome into what a terminal shows (stdout, stderr with a
//! CPython-style traceback, an exit status).
//!
//! The files the program left on the simulated disk are part of the
//! output too ([`RunOutput::files`], written out by [`render_files`]).
//!
//! Exit statuses: 0 ok; 1 uncaught exception, SyntaxError or a construct
//! we do not simulate; `SystemExit(n)` gives n; 3 deadlock; 4 the op
//! budget ran out.

use crate::runtime::{self, SimOptions};
pub use crate::vm::filesystem::DiskFile;

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
    /// The files on the simulated disk at the end (written by `open()`,
    /// `csv`, `json.dump` …), sorted by path.
    pub files: Vec<DiskFile>,
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
            chooser: None,
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
    run_simulation_with(source, &options.sim_options())
}

/// Like [`run_simulation`], under the runtime's own options (a stepping
/// run's `chooser`, say).
pub fn run_simulation_with(
    source: &str,
    options: &SimOptions,
) -> (RunOutput, Option<runtime::Simulation>) {
    let (out, sim) = runtime::run_program(source, options);
    let output = RunOutput {
        stdout: out.stdout,
        stderr: out.stderr,
        exit_code: out.exit_code,
        ops: out.ops,
        virtual_ns: out.virtual_ns,
        schedule: sim.as_ref().map(|s| s.schedule()),
        files: out.files,
    };
    (output, sim)
}

/// The files a run left, for a terminal: a header line per file with its
/// path and size, then its contents (text as it is, ending with a newline;
/// bytes that are not UTF-8 as Python's `repr` of them). Empty when the
/// run left no file.
///
/// ```text
/// === log.txt (24 bytes) ===
/// worker 0 step 0
/// ```
pub fn render_files(files: &[DiskFile]) -> String {
    let mut out = String::new();
    for f in files {
        let n = f.bytes.len();
        let unit = if n == 1 { "byte" } else { "bytes" };
        match f.text() {
            Some(text) => {
                out.push_str(&format!("=== {} ({n} {unit}) ===\n", f.path));
                out.push_str(text);
                if !text.is_empty() && !text.ends_with('\n') {
                    out.push_str("\n(no newline at end of file)\n");
                }
            }
            None => {
                out.push_str(&format!("=== {} ({n} {unit}, binary) ===\n", f.path));
                out.push_str(&f.shown());
                out.push('\n');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_render_text_as_is_and_bytes_as_their_repr() {
        let files = [
            DiskFile {
                path: "a.txt".into(),
                bytes: b"x\ny".to_vec(),
            },
            DiskFile {
                path: "d/b.bin".into(),
                bytes: vec![0, 0xff],
            },
            DiskFile {
                path: "empty".into(),
                bytes: Vec::new(),
            },
        ];
        assert_eq!(
            render_files(&files),
            "=== a.txt (3 bytes) ===\nx\ny\n(no newline at end of file)\n\
             === d/b.bin (2 bytes, binary) ===\nb'\\x00\\xff'\n\
             === empty (0 bytes) ===\n"
        );
    }
}
