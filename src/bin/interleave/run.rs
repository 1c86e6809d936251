//! `interleave run FILE.py`: runs a program and prints exactly what it
//! prints (stdout to stdout, stderr to stderr), with CPython's exit
//! statuses (0 ok, 1 uncaught exception or SyntaxError, n for
//! `sys.exit(n)`), 2 for a usage error and 4 when the op budget runs out.
//! `--stats` adds the run's statistics on stderr, after what the program
//! printed; `--files` the files it left on the simulated disk (stderr too,
//! so stdout stays exactly the program's); `--trace FILE` writes a Chrome
//! Trace Event file for Perfetto. `--choose 1,2,1x5,…` is "You are the
//! scheduler" on the command line: the user's picks at each decision
//! (`runtime::stepper`); at the first decision the list does not cover it
//! prints the candidates on stderr and exits with status 2.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use interleave::run::{render_files, run_simulation_with, RunOptions};
use interleave::runtime::stepper::{Choice, Decision};
use interleave::trace::{chrome, stats::Stats};

/// The simulated machine, the same for `run` and `explore`.
#[derive(clap::Args, Debug)]
pub struct Machine {
    /// The CPython whose threading rules apply: cpython-2.7, cpython-3.9,
    /// cpython-3.12 (also 3.10, 3.11) or cpython-3.13t (free-threaded).
    #[arg(long, default_value = "cpython-3.12")]
    pub runtime: String,
    /// Simulated cores.
    #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u64).range(1..=64))]
    pub cores: u64,
    /// The GIL switch interval at start, in seconds (sys.setswitchinterval).
    #[arg(long, default_value_t = 0.005)]
    pub switch_interval: f64,
    /// Base latency of a simulated host, in milliseconds (`HOST=MS`;
    /// `*=MS` for every host; repeatable). Default 500 ms: see
    /// `runtime::net` for the whole model.
    #[arg(long, value_name = "HOST=MS", value_parser = parse_latency)]
    pub latency: Vec<(String, f64)>,
}

impl Machine {
    /// The simulated network these options describe.
    pub fn net(&self) -> interleave::runtime::net::NetSettings {
        interleave::runtime::net::NetSettings {
            latency_ms: self.latency.clone(),
        }
    }
}

fn parse_latency(spec: &str) -> Result<(String, f64), String> {
    interleave::runtime::net::NetSettings::parse_latency(spec)
}

#[derive(clap::Args, Debug)]
pub struct Options {
    /// The program (`-` reads it from stdin).
    pub file: PathBuf,
    /// Seed of the simulation's random choices.
    #[arg(long, default_value_t = 0)]
    pub seed: u64,
    /// Stop after this many bytecode ops (exit status 4).
    #[arg(long, default_value_t = 2_000_000_000)]
    pub max_ops: u64,
    #[command(flatten)]
    pub machine: Machine,
    /// Replay the exact interleaving of an earlier run, given by the
    /// schedule string that `--schedule` printed (it also sets the
    /// runtime, cores, switch interval and seed).
    #[arg(long, value_name = "STRING")]
    pub replay: Option<String>,
    /// After the run, print its schedule string on stderr
    /// (`interleave: schedule il1:…`), for `--replay`.
    #[arg(long)]
    pub schedule: bool,
    /// After the run, print its statistics on stderr: where each thread's
    /// time went, GIL hand-offs, lock contention, queue depths.
    #[arg(long)]
    pub stats: bool,
    /// After the run, print on stderr every file the program left on the
    /// simulated disk: its path, its size and its contents.
    #[arg(long)]
    pub files: bool,
    /// Write the run as a Chrome Trace Event file (JSON) that the Perfetto
    /// UI (ui.perfetto.dev) and chrome://tracing open.
    #[arg(long, value_name = "FILE")]
    pub trace: Option<PathBuf>,
    /// You are the scheduler: wherever two threads could run, follow
    /// these picks, comma-separated: `1` (thread 1, one step of the
    /// model), `1x5` (five steps), `1b` (until it blocks or ends), `1@8`
    /// (until it begins line 8); threads by index, 0 = MainThread. At
    /// the first decision the list does not cover, print the candidates
    /// (thread, next line) on stderr and exit with status 2.
    #[arg(long, value_name = "CHOICES", conflicts_with = "replay")]
    pub choose: Option<String>,
    /// Arguments for the program (`sys.argv[1:]`).
    #[arg(trailing_var_arg = true)]
    pub args: Vec<String>,
}

/// Reads the program named on the command line (`-` is stdin): its text
/// and the file name tracebacks show. Err is the message for stderr
/// (exit status 2); `command` prefixes it (`interleave run`).
pub fn load_program(file: &Path, command: &str) -> Result<(String, String), String> {
    if file.as_os_str() == "-" {
        let mut s = String::new();
        return match std::io::stdin().read_to_string(&mut s) {
            Ok(_) => Ok((s, "<stdin>".to_string())),
            Err(e) => Err(format!(
                "{command}: cannot read the program from stdin: {e}"
            )),
        };
    }
    match std::fs::read(file) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(s) => Ok((s, file.display().to_string())),
            Err(_) => Err(format!("{command}: {} is not UTF-8 text", file.display())),
        },
        Err(e) => Err(format!(
            "{command}: can't open file '{}': {e}",
            file.display()
        )),
    }
}

/// Checks `--runtime` and `--switch-interval`; Err is the message.
pub fn check_runtime(runtime: &str, switch_interval: f64, command: &str) -> Result<(), String> {
    if interleave::runtime::model::by_name(runtime).is_none() {
        return Err(format!(
            "{command}: unknown runtime '{runtime}' (choose one of {})",
            interleave::runtime::model::NAMES.join(", ")
        ));
    }
    if !(switch_interval > 0.0 && switch_interval.is_finite()) {
        return Err(format!(
            "{command}: --switch-interval must be a positive number of seconds"
        ));
    }
    Ok(())
}

pub fn main(options: Options) -> ExitCode {
    let (source, filename) = match load_program(&options.file, "interleave run") {
        Ok(loaded) => loaded,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    if let Err(message) = check_runtime(
        &options.machine.runtime,
        options.machine.switch_interval,
        "interleave run",
    ) {
        eprintln!("{message}");
        return ExitCode::from(2);
    }
    if let Some(text) = &options.replay {
        if let Err(e) = interleave::runtime::schedule::Schedule::decode(text) {
            eprintln!("interleave run: --replay: {}", e.trim_end());
            return ExitCode::from(2);
        }
    }
    let chooser = match options.choose.as_deref().map(Choice::parse_list) {
        None => None,
        Some(Ok(choices)) => Some(choices),
        Some(Err(e)) => {
            eprintln!("interleave run: --choose: {e}");
            return ExitCode::from(2);
        }
    };
    // Open the trace file first: a bad path fails before a long run.
    let mut trace_file = match &options.trace {
        Some(path) => match std::fs::File::create(path) {
            Ok(f) => Some((path, std::io::BufWriter::new(f))),
            Err(e) => {
                eprintln!(
                    "interleave run: cannot write the trace to '{}': {e}",
                    path.display()
                );
                return ExitCode::from(2);
            }
        },
        None => None,
    };
    let run_options = RunOptions {
        filename,
        seed: options.seed,
        max_ops: options.max_ops,
        stdin: String::new(),
        args: options.args,
        runtime: options.machine.runtime.clone(),
        cores: options.machine.cores as usize,
        switch_interval: options.machine.switch_interval,
        replay: options.replay.clone(),
        net: options.machine.net(),
    };
    let mut sim_options = run_options.sim_options();
    sim_options.chooser = chooser.clone();
    let (out, sim) = run_simulation_with(&source, &sim_options);
    let _ = std::io::stdout().write_all(out.stdout.as_bytes());
    let _ = std::io::stdout().flush();
    let _ = std::io::stderr().write_all(out.stderr.as_bytes());
    if let (Some(choices), Some(decision)) = (&chooser, sim.as_ref().and_then(|s| s.decision())) {
        let _ = std::io::stderr().write_all(decision_text(&source, choices, decision).as_bytes());
    }
    if let (true, Some(schedule)) = (options.schedule, &out.schedule) {
        eprintln!("interleave: schedule {schedule}");
    }
    if options.files {
        let n = out.files.len();
        let s = if n == 1 { "" } else { "s" };
        eprintln!("interleave: {n} file{s} on the simulated disk");
        let _ = std::io::stderr().write_all(render_files(&out.files).as_bytes());
    }
    if let (None, Some((path, _))) = (&sim, &trace_file) {
        // The program never ran (a SyntaxError): no trace.
        let _ = std::fs::remove_file(path);
    }
    if let Some(sim) = &sim {
        let names = sim.thread_names();
        if options.stats {
            let stats = Stats::new(&sim.log.events, sim.now(), &names);
            let _ = std::io::stderr().write_all(stats.render().as_bytes());
        }
        if let Some((path, file)) = &mut trace_file {
            let info = chrome::TraceInfo {
                runtime: sim.runtime(),
                stdout: &out.stdout,
            };
            let text = chrome::export(&sim.log.events, sim.now(), &names, &info);
            if let Err(e) = file.write_all(text.as_bytes()).and_then(|()| file.flush()) {
                eprintln!(
                    "interleave run: cannot write the trace to '{}': {e}",
                    path.display()
                );
                return ExitCode::from(2);
            }
        }
    }
    ExitCode::from(out.exit_code.clamp(0, 255) as u8)
}

/// A decision the `--choose` list does not cover, for stderr: each
/// candidate with its next line, then the list to go on with.
///
/// ```text
/// interleave: decision 4: who runs next?
///   1 Thread-1 (holds the GIL) line 8: counter += 1
///   2 Thread-2 line 7: for _ in range(times):
/// interleave: go on with --choose 0b,0b,1@8,1,T (T one of 1, 2; or Tx5, Tb, T@LINE)
/// ```
fn decision_text(source: &str, choices: &[Choice], decision: &Decision) -> String {
    let mut text = format!("interleave: decision {}: who runs next?\n", decision.index);
    for v in &decision.candidates {
        let gil = if v.holds_gil { " (holds the GIL)" } else { "" };
        let line = match v.line {
            0 => String::new(),
            n => {
                let code = source.lines().nth(n as usize - 1).unwrap_or("").trim();
                format!(" line {n}: {code}")
            }
        };
        text.push_str(&format!("  {} {}{gil}{line}\n", v.thread, v.name));
    }
    let taken = &choices[..decision.index.min(choices.len())];
    let prefix = match Choice::list_text(taken) {
        t if t.is_empty() => t,
        t => t + ",",
    };
    let threads = decision
        .candidates
        .iter()
        .map(|v| v.thread.to_string())
        .collect::<Vec<_>>()
        .join(", ");
    text.push_str(&format!(
        "interleave: go on with --choose {prefix}T (T one of {threads}; or Tx5, Tb, T@LINE)\n"
    ));
    text
}
