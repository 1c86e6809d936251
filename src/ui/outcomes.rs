//! The Explore panel's outcomes: one program's runs under many seeds,
//! grouped by how they ended, and the bars of the histogram drawn from
//! them. Plain Rust (compiled natively for its tests); nothing here knows
//! about the page.
//!
//! A run ends in one of three ways, each its own kind of bar:
//!
//! - a **deadlock** (exit status [`EXIT_DEADLOCK`]): one bar for all;
//! - an **uncaught exception** (a traceback on stderr, in the main thread
//!   or any other): one bar per exception line (`ZeroDivisionError:
//!   division by zero`);
//! - otherwise its **output**: one bar per exact stdout (and exit status),
//!   as [`crate::explore`] groups them, labelled by the output's last line.
//!
//! When the outputs differ only in one number (`counter = 1312860`,
//! `counter = 1479702`…) the bars are sorted by it, and when there are
//! more than [`MAX_BARS`] of them they become equal ranges of that
//! number, empty ones included — a histogram of the final counter values. Other outputs beyond
//! [`MAX_BARS`] share one "other outputs" bar. Each bar keeps its
//! smallest seed: running that seed again shows one of its schedules.

use std::collections::HashMap;

use crate::runtime::{Progress, SimOptions, Simulation, EXIT_DEADLOCK};

/// At most this many output bars (deadlock and exception bars come on top).
pub const MAX_BARS: usize = 12;

/// How one seed's run ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunResult {
    pub seed: u64,
    pub stdout: String,
    pub stderr: String,
    pub exit_status: i32,
}

/// One program's run under one seed, driven a budget of ops at a time
/// (the page's frame-sized slices), with the options the Run button uses
/// and `seed`.
pub struct SeedRun {
    seed: u64,
    sim: Result<Simulation, String>,
}

impl SeedRun {
    /// Compiles `source` for this seed (a compile error is its result).
    pub fn new(source: &str, options: &SimOptions, seed: u64) -> SeedRun {
        let mut options = options.clone();
        options.seed = seed;
        options.replay = None;
        options.pct = None;
        SeedRun {
            seed,
            sim: Simulation::new(source, &options),
        }
    }

    /// Runs about `budget` ops; returns the result once the program ended,
    /// and the ops it spent (at least 1, so a caller's budget always
    /// shrinks).
    pub fn step(&mut self, budget: u64) -> (Option<RunResult>, u64) {
        let sim = match &mut self.sim {
            Ok(sim) => sim,
            Err(text) => {
                return (
                    Some(RunResult {
                        seed: self.seed,
                        stdout: String::new(),
                        stderr: text.clone(),
                        exit_status: 1,
                    }),
                    1,
                )
            }
        };
        let before = sim.vm.ops;
        let progress = sim.run(budget);
        let spent = sim.vm.ops.saturating_sub(before).max(1);
        match progress {
            // (Outcome runs never step by hand.)
            Progress::Running | Progress::Decide => (None, spent),
            Progress::Finished(exit_status) => {
                let (out, err) = sim.output();
                (
                    Some(RunResult {
                        seed: self.seed,
                        stdout: out.to_owned(),
                        stderr: err.to_owned(),
                        exit_status,
                    }),
                    spent,
                )
            }
        }
    }

    /// Runs to the end, checking `stop` between slices of `slice` ops;
    /// None when stopped.
    pub fn finish(mut self, slice: u64, stop: impl Fn() -> bool) -> Option<RunResult> {
        loop {
            if stop() {
                return None;
            }
            if let (Some(result), _) = self.step(slice) {
                return Some(result);
            }
        }
    }
}

/// What kind of ending a group (and its bar) is.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Ending {
    /// Ended normally (or by `sys.exit`): this stdout and exit status.
    Output {
        stdout: String,
        exit_status: i32,
    },
    /// An uncaught exception: its last traceback line.
    Exception(String),
    Deadlock,
}

impl Ending {
    /// How `run` ended.
    pub fn of(run: &RunResult) -> Ending {
        if run.exit_status == EXIT_DEADLOCK {
            return Ending::Deadlock;
        }
        if let Some(line) = exception_line(&run.stderr) {
            return Ending::Exception(line);
        }
        Ending::Output {
            stdout: run.stdout.clone(),
            exit_status: run.exit_status,
        }
    }
}

/// The exception line of the last traceback on `stderr`, if it has one.
fn exception_line(stderr: &str) -> Option<String> {
    let at = stderr.rfind("Traceback (most recent call last):")?;
    stderr[at..]
        .lines()
        .skip(1)
        .filter(|l| !l.is_empty() && !l.starts_with(char::is_whitespace))
        .last()
        .map(str::to_owned)
}

/// Runs that ended the same way.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    pub ending: Ending,
    pub count: u64,
    /// The smallest seed that ended this way, and its run.
    pub first: RunResult,
}

/// The runs so far, grouped by [`Ending`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    groups: HashMap<Ending, Group>,
    runs: u64,
}

impl Tally {
    pub fn new() -> Tally {
        Tally::default()
    }

    /// How many runs were added.
    pub fn runs(&self) -> u64 {
        self.runs
    }

    pub fn add(&mut self, run: RunResult) {
        self.runs += 1;
        let ending = Ending::of(&run);
        match self.groups.get_mut(&ending) {
            Some(g) => {
                g.count += 1;
                if run.seed < g.first.seed {
                    g.first = run;
                }
            }
            None => {
                self.groups.insert(
                    ending.clone(),
                    Group {
                        ending,
                        count: 1,
                        first: run,
                    },
                );
            }
        }
    }

    /// The groups in order of first seed.
    pub fn groups(&self) -> Vec<&Group> {
        let mut all: Vec<&Group> = self.groups.values().collect();
        all.sort_by_key(|g| g.first.seed);
        all
    }

    /// The histogram's bars: outputs (by their number, or by first seed),
    /// then exceptions, then the deadlock bar.
    pub fn bars(&self) -> Vec<Bar> {
        let groups = self.groups();
        let outputs: Vec<&Group> = groups
            .iter()
            .copied()
            .filter(|g| matches!(g.ending, Ending::Output { .. }))
            .collect();
        let mut bars = output_bars(&outputs);
        for g in groups
            .iter()
            .filter(|g| matches!(g.ending, Ending::Exception(_)))
        {
            bars.push(Bar::of_group(BarKind::Exception, g));
        }
        for g in groups.iter().filter(|g| g.ending == Ending::Deadlock) {
            bars.push(Bar::of_group(BarKind::Deadlock, g));
        }
        bars
    }
}

/// What a bar stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BarKind {
    /// One exact output.
    Output,
    /// Outputs whose one differing number lies in a range.
    Range,
    /// The outputs beyond [`MAX_BARS`] that are not one number apart.
    Other,
    Exception,
    Deadlock,
}

impl BarKind {
    /// The `data-kind` of the bar on the page.
    pub fn name(self) -> &'static str {
        match self {
            BarKind::Output => "output",
            BarKind::Range => "range",
            BarKind::Other => "other",
            BarKind::Exception => "exception",
            BarKind::Deadlock => "deadlock",
        }
    }
}

/// One bar of the histogram.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bar {
    pub kind: BarKind,
    /// The text on the bar: the output's last line, the range, the
    /// exception line; empty for a deadlock and for "other" (the page
    /// words those).
    pub label: String,
    pub count: u64,
    /// How many distinct outputs it holds.
    pub outcomes: usize,
    /// The smallest seed in it: the one a click runs (None for an empty
    /// range).
    pub first_seed: Option<u64>,
    /// That seed's run: the console's last line after the click.
    pub example: String,
}

impl Bar {
    fn of_group(kind: BarKind, g: &Group) -> Bar {
        let label = match &g.ending {
            Ending::Output {
                stdout,
                exit_status,
            } => output_label(stdout, *exit_status),
            Ending::Exception(line) => line.clone(),
            Ending::Deadlock => String::new(),
        };
        Bar {
            kind,
            label,
            count: g.count,
            outcomes: 1,
            first_seed: Some(g.first.seed),
            example: example(&g.first),
        }
    }

    /// Bars over the groups `gs` (not empty).
    fn merged(kind: BarKind, label: String, gs: &[&Group]) -> Bar {
        let first = gs
            .iter()
            .min_by_key(|g| g.first.seed)
            .map(|g| &g.first)
            .expect("a merged bar holds at least one group");
        Bar {
            kind,
            label,
            count: gs.iter().map(|g| g.count).sum(),
            outcomes: gs.len(),
            first_seed: Some(first.seed),
            example: example(first),
        }
    }

    /// Its share of `runs`, in percent.
    pub fn percent(&self, runs: u64) -> f64 {
        if runs == 0 {
            0.0
        } else {
            self.count as f64 * 100.0 / runs as f64
        }
    }
}

/// The last non-empty line of `text`.
fn last_line(text: &str) -> &str {
    text.lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
}

/// What the console shows last for `run`: its last stdout line, or for a
/// deadlock or exception the last line of stderr.
fn example(run: &RunResult) -> String {
    if run.exit_status == EXIT_DEADLOCK || exception_line(&run.stderr).is_some() {
        last_line(&run.stderr).to_owned()
    } else {
        last_line(&run.stdout).to_owned()
    }
}

fn output_label(stdout: &str, exit_status: i32) -> String {
    let line = last_line(stdout);
    match exit_status {
        0 => line.to_owned(),
        n if line.is_empty() => format!("exit {n}"),
        n => format!("{line} · exit {n}"),
    }
}

/// `text` split around its last integer: (before, value, after).
fn last_number(text: &str) -> Option<(&str, i128, &str)> {
    let bytes = text.as_bytes();
    let end = bytes.iter().rposition(u8::is_ascii_digit)? + 1;
    let mut start = end;
    while start > 0 && bytes[start - 1].is_ascii_digit() {
        start -= 1;
    }
    if start > 0 && bytes[start - 1] == b'-' {
        start -= 1;
    }
    let value = text[start..end].parse().ok()?;
    Some((&text[..start], value, &text[end..]))
}

/// The bars of the output groups (in order of first seed).
fn output_bars(outputs: &[&Group]) -> Vec<Bar> {
    // Outputs that differ only in their last number: by that number.
    let numbered: Option<Vec<(i128, &Group)>> = outputs
        .iter()
        .map(|g| match &g.ending {
            Ending::Output {
                stdout,
                exit_status,
            } => last_number(stdout)
                .map(|(before, value, after)| ((before, after, *exit_status), (value, *g))),
            _ => None,
        })
        .collect::<Option<Vec<_>>>()
        .and_then(|all| {
            let template = all.first()?.0;
            all.iter()
                .all(|(t, _)| *t == template)
                .then(|| all.into_iter().map(|(_, v)| v).collect())
        });
    match numbered {
        Some(mut by_value) if outputs.len() > 1 => {
            by_value.sort_by_key(|(v, _)| *v);
            if by_value.len() <= MAX_BARS {
                by_value
                    .iter()
                    .map(|(_, g)| Bar::of_group(BarKind::Output, g))
                    .collect()
            } else {
                ranges(&by_value)
            }
        }
        _ => {
            if outputs.len() <= MAX_BARS {
                return outputs
                    .iter()
                    .map(|g| Bar::of_group(BarKind::Output, g))
                    .collect();
            }
            // The most frequent first (ties: by first seed), the rest in one.
            let mut by_count: Vec<&Group> = outputs.to_vec();
            by_count.sort_by_key(|g| (std::cmp::Reverse(g.count), g.first.seed));
            let (kept, rest) = by_count.split_at(MAX_BARS - 1);
            let mut kept = kept.to_vec();
            kept.sort_by_key(|g| g.first.seed);
            let mut bars: Vec<Bar> = kept
                .iter()
                .map(|g| Bar::of_group(BarKind::Output, g))
                .collect();
            bars.push(Bar::merged(BarKind::Other, String::new(), rest));
            bars
        }
    }
}

/// At most [`MAX_BARS`] equal ranges from the smallest value to the
/// largest (`by_value` sorted, more than MAX_BARS), each labelled with the
/// output's last line around its `lo…hi`; a range no run fell in is an
/// empty bar, so the bars stay a histogram.
fn ranges(by_value: &[(i128, &Group)]) -> Vec<Bar> {
    let lo = by_value[0].0;
    let hi = by_value[by_value.len() - 1].0;
    let width = (hi - lo) / MAX_BARS as i128 + 1;
    let template = by_value[0].1;
    let mut bars = Vec::new();
    let mut i = 0;
    for bin in 0..=(hi - lo) / width {
        let start = lo + bin * width;
        let end = (start + width - 1).min(hi);
        let mut j = i;
        while j < by_value.len() && by_value[j].0 <= end {
            j += 1;
        }
        let groups: Vec<&Group> = by_value[i..j].iter().map(|(_, g)| *g).collect();
        let label = range_label(template, start, end);
        bars.push(if groups.is_empty() {
            Bar {
                kind: BarKind::Range,
                label,
                count: 0,
                outcomes: 0,
                first_seed: None,
                example: String::new(),
            }
        } else {
            Bar::merged(BarKind::Range, label, &groups)
        });
        i = j;
    }
    bars
}

/// The group's last line with its number written as `lo…hi`.
fn range_label(g: &Group, lo: i128, hi: i128) -> String {
    let Ending::Output {
        stdout,
        exit_status,
    } = &g.ending
    else {
        return String::new();
    };
    let line = output_label(stdout, *exit_status);
    match last_number(&line) {
        Some((before, _, after)) if lo == hi => format!("{before}{lo}{after}"),
        Some((before, _, after)) => format!("{before}{lo}…{hi}{after}"),
        None => line,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(seed: u64, stdout: &str, stderr: &str, exit_status: i32) -> RunResult {
        RunResult {
            seed,
            stdout: stdout.into(),
            stderr: stderr.into(),
            exit_status,
        }
    }

    #[test]
    fn endings_tell_outputs_exceptions_and_deadlocks_apart() {
        let thread_exc = "Exception in thread Thread-1 (work):\nTraceback (most recent call last):\n  File \"main.py\", line 3, in work\n    1 / 0\n    ~~^~~\nZeroDivisionError: division by zero\n";
        assert_eq!(
            Ending::of(&run(0, "done\n", thread_exc, 0)),
            Ending::Exception("ZeroDivisionError: division by zero".into())
        );
        assert_eq!(
            Ending::of(&run(0, "", "Deadlock: …\n", EXIT_DEADLOCK)),
            Ending::Deadlock
        );
        assert_eq!(
            Ending::of(&run(0, "x\n", "", 2)),
            Ending::Output {
                stdout: "x\n".into(),
                exit_status: 2
            }
        );
    }

    #[test]
    fn groups_count_runs_and_keep_the_smallest_seed() {
        let mut t = Tally::new();
        t.add(run(5, "n = 2\n", "", 0));
        t.add(run(2, "n = 1\n", "", 0));
        t.add(run(1, "n = 2\n", "", 0));
        t.add(run(3, "", "report\n", EXIT_DEADLOCK));
        assert_eq!(t.runs(), 4);
        let g = t.groups();
        assert_eq!(g.len(), 3);
        assert_eq!((g[0].count, g[0].first.seed), (2, 1));
        let bars = t.bars();
        // Sorted by the number, the deadlock last.
        let summary: Vec<_> = bars
            .iter()
            .map(|b| (b.kind, b.label.as_str(), b.count, b.first_seed))
            .collect();
        assert_eq!(
            summary,
            vec![
                (BarKind::Output, "n = 1", 1, Some(2)),
                (BarKind::Output, "n = 2", 2, Some(1)),
                (BarKind::Deadlock, "", 1, Some(3)),
            ]
        );
        assert_eq!(bars[2].example, "report");
        assert_eq!(bars.iter().map(|b| b.count).sum::<u64>(), 4);
        assert!((bars[1].percent(4) - 50.0).abs() < 1e-9);
    }

    #[test]
    fn many_numbers_become_ranges_that_hold_every_run() {
        let mut t = Tally::new();
        for seed in 0..100u64 {
            let value = 1_000_000 + (seed * 7919) % 500_000;
            t.add(run(
                seed,
                &format!("expected: 2000000\ncounter = {value}\n"),
                "",
                0,
            ));
        }
        let bars = t.bars();
        assert!(bars.len() <= MAX_BARS && bars.len() > 1, "{bars:?}");
        assert!(bars.iter().all(|b| b.kind == BarKind::Range));
        assert_eq!(bars.iter().map(|b| b.count).sum::<u64>(), 100);
        assert_eq!(bars.iter().map(|b| b.outcomes).sum::<usize>(), 100);
        assert!(
            bars[0].label.starts_with("counter = 1000000…"),
            "{}",
            bars[0].label
        );
        assert_eq!(bars[0].first_seed, Some(0));
        // Each bar's example (its first seed's line) lies in its range, and
        // the ranges follow each other without a gap up to the largest value.
        let mut next = 1_000_000;
        for b in &bars {
            let (lo, hi) = b.label["counter = ".len()..].split_once('…').unwrap();
            let (lo, hi) = (lo.parse::<i128>().unwrap(), hi.parse::<i128>().unwrap());
            assert_eq!(lo, next, "{bars:?}");
            next = hi + 1;
            if b.count > 0 {
                let (_, v, _) = last_number(&b.example).unwrap();
                assert!(lo <= v && v <= hi);
            }
        }
        let largest = (0..100u64)
            .map(|s| 1_000_000 + (s * 7919) % 500_000)
            .max()
            .unwrap();
        assert_eq!(next, largest as i128 + 1);
    }

    #[test]
    fn a_range_no_run_fell_in_is_an_empty_bar() {
        let mut t = Tally::new();
        // 13 values: 0..=5 and 20..=26, nothing in between.
        for (seed, value) in (0..=5).chain(20..=26).enumerate() {
            t.add(run(seed as u64, &format!("n = {value}\n"), "", 0));
        }
        let bars = t.bars();
        let summary: Vec<_> = bars
            .iter()
            .map(|b| (b.label.as_str(), b.count, b.first_seed))
            .collect();
        assert_eq!(
            summary,
            vec![
                ("n = 0…2", 3, Some(0)),
                ("n = 3…5", 3, Some(3)),
                ("n = 6…8", 0, None),
                ("n = 9…11", 0, None),
                ("n = 12…14", 0, None),
                ("n = 15…17", 0, None),
                ("n = 18…20", 1, Some(6)),
                ("n = 21…23", 3, Some(7)),
                ("n = 24…26", 3, Some(10)),
            ]
        );
    }

    #[test]
    fn unlike_outputs_beyond_the_limit_share_an_other_bar() {
        let mut t = Tally::new();
        for seed in 0..30u64 {
            // Two numbers differ: not one template.
            let text = format!("{seed} and {}\n", seed % 3);
            t.add(run(seed, &text, "", 0));
            t.add(run(seed + 100, &text, "", 0));
        }
        t.add(run(200, "0 and 0\n", "", 0));
        let bars = t.bars();
        assert_eq!(bars.len(), MAX_BARS);
        assert_eq!(bars[0].label, "0 and 0");
        assert_eq!(bars[0].count, 3);
        let other = bars.last().unwrap();
        assert_eq!(other.kind, BarKind::Other);
        assert_eq!(other.outcomes, 30 - (MAX_BARS - 1));
        assert_eq!(bars.iter().map(|b| b.count).sum::<u64>(), 61);
    }

    #[test]
    fn exception_bars_are_by_exception_line() {
        let tb = |e: &str| {
            format!("Traceback (most recent call last):\n  File \"main.py\", line 1, in <module>\n{e}\n")
        };
        let mut t = Tally::new();
        t.add(run(0, "", &tb("KeyError: 'a'"), 1));
        t.add(run(1, "", &tb("KeyError: 'b'"), 1));
        t.add(run(2, "", &tb("KeyError: 'a'"), 1));
        t.add(run(3, "ok\n", "", 0));
        let bars = t.bars();
        let summary: Vec<_> = bars
            .iter()
            .map(|b| (b.kind, b.label.as_str(), b.count))
            .collect();
        assert_eq!(
            summary,
            vec![
                (BarKind::Output, "ok", 1),
                (BarKind::Exception, "KeyError: 'a'", 2),
                (BarKind::Exception, "KeyError: 'b'", 1),
            ]
        );
    }

    /// The race of the lessons, short.
    const RACE: &str = "import threading
n = 0
def inc(x):
    return x + 1
def work():
    global n
    for _ in range(3000):
        n = inc(n)
ts = [threading.Thread(target=work) for _ in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print('n =', n)
";

    #[test]
    fn seed_runs_in_slices_group_as_explore_does() {
        let options = SimOptions {
            runtime: "cpython-3.9".into(),
            switch_interval: 0.0001,
            ..SimOptions::default()
        };
        let mut tally = Tally::new();
        for seed in 0..12 {
            let mut r = SeedRun::new(RACE, &options, seed);
            // Small slices: the result must not depend on them.
            let result = loop {
                if let (Some(result), _) = r.step(997) {
                    break result;
                }
            };
            tally.add(result);
        }
        let theirs = crate::explore::explore(
            RACE,
            &crate::explore::ExploreOptions {
                sim: options.clone(),
                runs: 12,
                jobs: Some(1),
                ..Default::default()
            },
        )
        .unwrap();
        let ours: Vec<_> = tally
            .groups()
            .iter()
            .map(|g| {
                (
                    g.first.stdout.clone(),
                    g.first.exit_status,
                    g.count,
                    g.first.seed,
                )
            })
            .collect();
        let theirs: Vec<_> = theirs
            .outcomes
            .iter()
            .map(|o| (o.stdout.clone(), o.exit_status, o.count, o.first_seed))
            .collect();
        assert_eq!(ours, theirs);
        assert!(ours.len() >= 2, "the race lost no updates: {ours:?}");
        let stopped = SeedRun::new(RACE, &options, 0).finish(500, || true);
        assert_eq!(stopped, None);
        let whole = SeedRun::new(RACE, &options, 3).finish(u64::MAX, || false);
        assert_eq!(whole.map(|r| r.seed), Some(3));
    }

    /// A thread's uncaught exception, run by the engine: the bar is the
    /// exception line python3 3.11 printed for this program (on stderr,
    /// after `Exception in thread Thread-1 (work):` and the traceback),
    /// and the program still printed `done` and exited 0, as there.
    #[test]
    fn an_exception_in_a_thread_is_its_own_ending() {
        let source = "import threading\ndef work():\n    1 / 0\nt = threading.Thread(target=work)\nt.start()\nt.join()\nprint('done')\n";
        let run = SeedRun::new(source, &SimOptions::default(), 0)
            .finish(10_000, || false)
            .unwrap();
        assert_eq!((run.stdout.as_str(), run.exit_status), ("done\n", 0));
        assert_eq!(
            Ending::of(&run),
            Ending::Exception("ZeroDivisionError: division by zero".into())
        );
        let mut t = Tally::new();
        t.add(run);
        assert_eq!(t.bars()[0].example, "ZeroDivisionError: division by zero");
    }

    #[test]
    fn a_syntax_error_is_every_seed_s_result() {
        let mut r = SeedRun::new("def (:\n", &SimOptions::default(), 4);
        let (result, spent) = r.step(100);
        let result = result.unwrap();
        assert_eq!((result.exit_status, spent), (1, 1));
        assert!(result.stderr.contains("SyntaxError"), "{}", result.stderr);
    }
}
