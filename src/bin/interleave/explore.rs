//! `interleave explore FILE.py --runs N`: runs a program under N seeds in
//! parallel and lists each distinct outcome (stdout and exit status) with
//! how many runs gave it, its first seed, whether it deadlocked, and the
//! `interleave run … --replay` command that shows that run again.
//! `--json` prints one JSON object instead. Exit status 0 when the runs
//! ran (whatever they printed), 1 when the program does not compile, 2
//! for a usage error.

use std::path::PathBuf;
use std::process::ExitCode;

use interleave::explore::{explore, Exploration, ExploreOptions, Strategy};
use interleave::runtime::SimOptions;

use crate::run::{check_runtime, load_program, Machine};

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum StrategyArg {
    /// Seeds base, base+1, …: the runtime's own random choices.
    Random,
    /// Probabilistic concurrency testing: random thread priorities and
    /// priority change points at random op counts.
    Pct,
}

#[derive(clap::Args, Debug)]
pub struct Options {
    /// The program (`-` reads it from stdin).
    pub file: PathBuf,
    /// How many runs.
    #[arg(long, default_value_t = 100, value_parser = clap::value_parser!(u64).range(1..=10_000_000))]
    pub runs: u64,
    /// Runs in parallel on this many threads (default: one per core).
    #[arg(long, value_parser = clap::value_parser!(u64).range(1..=1024))]
    pub jobs: Option<u64>,
    /// How runs differ: random seeds, or PCT priority schedules.
    #[arg(long, value_enum, default_value_t = StrategyArg::Random)]
    pub strategy: StrategyArg,
    /// PCT: the bug depth d (d - 1 priority change points per run).
    #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u64).range(1..=100))]
    pub depth: u64,
    /// Run i uses seed BASE + i.
    #[arg(long, default_value_t = 0, value_name = "BASE")]
    pub seed: u64,
    #[command(flatten)]
    pub machine: Machine,
    /// Stop each run after this many bytecode ops (its exit status is 4).
    #[arg(long, default_value_t = 2_000_000_000)]
    pub max_ops: u64,
    /// Print one JSON object: {"runs", "outcomes": [{"stdout", "count",
    /// "first_seed", "deadlock", "exit_status", "schedule"}], "deadlocks"}.
    #[arg(long)]
    pub json: bool,
    /// Arguments for the program (`sys.argv[1:]`).
    #[arg(trailing_var_arg = true)]
    pub args: Vec<String>,
}

pub fn main(options: Options) -> ExitCode {
    const ME: &str = "interleave explore";
    let (source, filename) = match load_program(&options.file, ME) {
        Ok(loaded) => loaded,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    if let Err(message) = check_runtime(
        &options.machine.runtime,
        options.machine.switch_interval,
        ME,
    ) {
        eprintln!("{message}");
        return ExitCode::from(2);
    }
    let strategy = match options.strategy {
        StrategyArg::Random => Strategy::Random,
        StrategyArg::Pct => Strategy::Pct {
            depth: options.depth as usize,
        },
    };
    let explore_options = ExploreOptions {
        sim: SimOptions {
            filename: filename.clone(),
            runtime: options.machine.runtime.clone(),
            cores: options.machine.cores as usize,
            switch_interval: options.machine.switch_interval,
            max_ops: options.max_ops,
            args: options.args.clone(),
            net: options.machine.net(),
            ..SimOptions::default()
        },
        runs: options.runs,
        base_seed: options.seed,
        strategy,
        jobs: options.jobs.map(|j| j as usize),
    };
    let result = match explore(&source, &explore_options) {
        Ok(result) => result,
        Err(text) => {
            eprint!("{text}");
            return ExitCode::from(1);
        }
    };
    if options.json {
        println!("{}", result.to_json());
    } else {
        print!("{}", render(&result, &options, &filename));
    }
    ExitCode::SUCCESS
}

/// The text report.
fn render(result: &Exploration, options: &Options, filename: &str) -> String {
    use std::fmt::Write;
    let mut s = String::new();
    let last = options.seed.saturating_add(options.runs - 1);
    let plural = |n: u64, word: &str| {
        if n == 1 {
            format!("1 {word}")
        } else {
            format!("{n} {word}s")
        }
    };
    let strategy = match options.strategy {
        StrategyArg::Random => "random".to_string(),
        StrategyArg::Pct => format!("pct, depth {}", options.depth),
    };
    let _ = writeln!(
        s,
        "{} of {filename} under {} ({strategy}, seeds {}..={last}): {}, {}",
        plural(result.runs, "run"),
        options.machine.runtime,
        options.seed,
        plural(result.outcomes.len() as u64, "distinct outcome"),
        plural(result.deadlocks, "deadlock"),
    );
    for (i, o) in result.outcomes.iter().enumerate() {
        let share = 100.0 * o.count as f64 / result.runs.max(1) as f64;
        let ending = if o.deadlock {
            format!("DEADLOCK (exit status {})", o.exit_status)
        } else {
            format!("exit status {}", o.exit_status)
        };
        let _ = writeln!(
            s,
            "\n#{}: {} ({share:.1}%), first seed {}, {ending}",
            i + 1,
            plural(o.count, "run"),
            o.first_seed
        );
        if o.stdout.is_empty() {
            let _ = writeln!(s, "  (printed nothing)");
        } else {
            for line in o.stdout.lines() {
                let _ = writeln!(s, "  | {line}");
            }
        }
        let args: String = options
            .args
            .iter()
            .map(|a| format!(" {}", shell_quote(a)))
            .collect();
        let _ = writeln!(
            s,
            "  replay: interleave run {} --replay {}{}",
            shell_quote(filename),
            shell_quote(&o.schedule),
            if args.is_empty() {
                String::new()
            } else {
                format!(" --{args}")
            }
        );
    }
    s
}

/// `text` as one POSIX shell word.
fn shell_quote(text: &str) -> String {
    let plain = !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./=+,".contains(c));
    if plain {
        text.to_string()
    } else {
        format!("'{}'", text.replace('\'', "'\\''"))
    }
}
