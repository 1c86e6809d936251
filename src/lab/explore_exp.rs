//! Experiment 3, schedule exploration in parallel: the simulator's
//! `explore` (one program under many seeds, outcomes grouped by what they
//! printed) with its runs spread over 1…n lanes of the pool; the figure is
//! schedules (runs) per second of wall time.
//!
//! Each lane takes the next seed from a shared atomic counter and runs the
//! program exactly as `crate::explore` does for that seed, so the outcomes
//! are the same whatever the lane count (the tests check this against
//! `crate::explore::explore`).
//!
//! The clock starts once every lane has done one untimed warm-up run: a
//! worker's first run compiles the stdlib modules the program imports
//! (`threading`; cached per thread after that) and is the JIT's first
//! sight of the interpreter, costs that belong to no schedule. The figure
//! is the steady rate, from the first lane's start to the last lane's end.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Mutex;

use super::clock::now_ns;
use super::gil_exp::Stopped;
use super::lanes::run_lanes;
use super::sync::Cancel;
use crate::runtime::{self, SimOptions};

/// The lost-update race of the lessons, short: two threads add to `n`
/// through a function call, the GIL switches between the read and the write.
pub const RACE: &str = "import threading
n = 0
def inc(x):
    return x + 1
def work():
    global n
    for _ in range(2000):
        n = inc(n)
ts = [threading.Thread(target=work) for _ in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(n)
";

/// What to explore.
#[derive(Clone, Debug, PartialEq)]
pub struct ExploreConfig {
    pub workers: usize,
    pub runs: u64,
    pub source: String,
    pub runtime: String,
    pub switch_interval: f64,
}

impl ExploreConfig {
    pub fn new(workers: usize) -> ExploreConfig {
        ExploreConfig {
            workers,
            runs: 64,
            source: RACE.into(),
            runtime: "cpython-3.9".into(),
            switch_interval: 0.0001,
        }
    }

    /// The options of run `seed`, as `crate::explore` sets them (random
    /// strategy, base seed 0).
    pub fn sim(&self, seed: u64) -> SimOptions {
        SimOptions {
            runtime: self.runtime.clone(),
            switch_interval: self.switch_interval,
            seed,
            ..SimOptions::default()
        }
    }
}

/// What the runs printed: (stdout, exit status) → (count, first seed), in
/// order of first seed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExploreRun {
    pub workers: usize,
    pub runs: u64,
    pub wall_ns: u64,
    pub outcomes: Vec<(String, i32, u64, u64)>,
    pub runs_per_lane: Vec<u64>,
}

impl ExploreRun {
    pub fn per_second(&self) -> f64 {
        self.runs as f64 / (self.wall_ns.max(1) as f64 / 1e9)
    }
}

pub fn run(config: &ExploreConfig, cancel: &Cancel) -> Result<ExploreRun, Stopped> {
    let next = AtomicU64::new(0);
    let warm = AtomicUsize::new(0);
    let tally: Mutex<HashMap<(String, i32), (u64, u64)>> = Mutex::new(HashMap::new());
    let lanes = run_lanes(config.workers, |_| {
        runtime::run_program(&config.source, &config.sim(0));
        warm.fetch_add(1, Ordering::AcqRel);
        while warm.load(Ordering::Acquire) < config.workers && !cancel.is_cancelled() {
            std::hint::spin_loop();
        }
        let start = now_ns();
        let mut mine: HashMap<(String, i32), (u64, u64)> = HashMap::new();
        let mut done = 0;
        while !cancel.is_cancelled() {
            let seed = next.fetch_add(1, Ordering::Relaxed);
            if seed >= config.runs {
                break;
            }
            let (out, _) = runtime::run_program(&config.source, &config.sim(seed));
            let e = mine.entry((out.stdout, out.exit_code)).or_insert((0, seed));
            e.0 += 1;
            e.1 = e.1.min(seed);
            done += 1;
        }
        let mut all = tally.lock().unwrap_or_else(|e| e.into_inner());
        for (k, (count, first)) in mine {
            let e = all.entry(k).or_insert((0, first));
            e.0 += count;
            e.1 = e.1.min(first);
        }
        (done, start, now_ns())
    })
    .map_err(Stopped::TooFewThreads)?;
    let start = lanes.iter().map(|l| l.1).min().unwrap_or(0);
    let end = lanes.iter().map(|l| l.2).max().unwrap_or(start);
    let wall_ns = end.saturating_sub(start);
    let runs_per_lane = lanes.iter().map(|l| l.0).collect();
    if cancel.is_cancelled() {
        return Err(Stopped::Cancelled);
    }
    let mut outcomes: Vec<_> = tally
        .into_inner()
        .unwrap_or_else(|e| e.into_inner())
        .into_iter()
        .map(|((out, status), (count, first))| (out, status, count, first))
        .collect();
    outcomes.sort_by_key(|o| o.3);
    Ok(ExploreRun {
        workers: config.workers,
        runs: config.runs,
        wall_ns,
        outcomes,
        runs_per_lane,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::explore::{explore, ExploreOptions, Strategy};

    #[test]
    fn lanes_find_what_explore_finds() {
        let cfg = ExploreConfig {
            runs: 6,
            ..ExploreConfig::new(2)
        };
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(2)
            .build()
            .unwrap();
        let ours = pool.install(|| run(&cfg, &Cancel::new())).unwrap();
        let theirs = explore(
            &cfg.source,
            &ExploreOptions {
                sim: cfg.sim(0),
                runs: cfg.runs,
                base_seed: 0,
                strategy: Strategy::Random,
                jobs: Some(1),
            },
        )
        .unwrap();
        let theirs: Vec<_> = theirs
            .outcomes
            .iter()
            .map(|o| (o.stdout.clone(), o.exit_status, o.count, o.first_seed))
            .collect();
        assert_eq!(ours.outcomes, theirs);
        assert_eq!(ours.runs_per_lane.iter().sum::<u64>(), 6);
        // The race loses updates under 3.9 in some runs.
        assert!(ours.outcomes.len() > 1, "outcomes: {:?}", ours.outcomes);
    }
}
