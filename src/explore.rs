//! Exploring a program's interleavings: run it under many seeds, in
//! parallel (rayon), and group the runs by what they printed.
//!
//! Two strategies:
//!
//! - `random`: run i uses seed `base + i`, so only the runtime's own
//!   seeded choices (OS slice lengths, the parallel quantum, wake-up
//!   latencies, 2.7's tick hand-overs) differ between runs.
//! - `pct`: probabilistic concurrency testing (Burckhardt, Kothari,
//!   Musuvathi, Nagarakatte, ASPLOS 2010). One calibration run (seed
//!   `base`, no priorities) counts the ops `n` and threads `k`; run i then
//!   gets, from a PRNG seeded by `base + i`, a random permutation of the
//!   priorities `d..d+k` for the threads and `d - 1` change points at
//!   random op counts in `1..=n`, where the running thread drops below
//!   everyone. The runtime follows that schedule where its model leaves
//!   the choice to the OS (`runtime::SimOptions::pct`), so a bug of depth
//!   `d` is found with probability at least `1 / (k n^(d-1))` per run,
//!   and usually far sooner.
//!
//! Outcomes are keyed by exact stdout and exit status, and listed in the
//! order their first seed appeared. Each keeps the schedule string of
//! that first run, so `interleave run FILE --replay STRING` shows it
//! again. The result does not depend on how many threads ran it: every
//! run's seed fixes it, and outcomes are merged by smallest seed.
//!
//! Natively the runs share rayon's global pool, or a local pool of
//! `jobs` threads; in the browser the pool the page started (or, without
//! one, the calling thread).

use std::collections::HashMap;

use rand_core::{RngCore, SeedableRng};
use rayon::prelude::*;

use crate::runtime::{self, schedule::Pct, SimOptions};

/// How the runs differ from each other.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Strategy {
    /// Seed `base + i`: the runtime's own random choices.
    Random,
    /// PCT with bug depth `depth` (`depth - 1` priority change points).
    Pct { depth: usize },
}

impl Strategy {
    /// `random` or `pct`.
    pub fn name(&self) -> &'static str {
        match self {
            Strategy::Random => "random",
            Strategy::Pct { .. } => "pct",
        }
    }
}

/// What to explore and how.
#[derive(Clone, Debug)]
pub struct ExploreOptions {
    /// Runtime, cores, switch interval, op budget, file name, stdin and
    /// argv of every run (its `seed`, `replay` and `pct` are ignored).
    pub sim: SimOptions,
    /// How many runs.
    pub runs: u64,
    /// Run i uses seed `base_seed + i`.
    pub base_seed: u64,
    pub strategy: Strategy,
    /// Threads of a local rayon pool; None uses the global pool.
    pub jobs: Option<usize>,
}

impl Default for ExploreOptions {
    fn default() -> Self {
        ExploreOptions {
            sim: SimOptions::default(),
            runs: 100,
            base_seed: 0,
            strategy: Strategy::Random,
            jobs: None,
        }
    }
}

/// One distinct result: what was printed and how the program ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    pub stdout: String,
    pub exit_status: i32,
    /// How many runs ended this way.
    pub count: u64,
    /// The smallest seed that did.
    pub first_seed: u64,
    /// It ended in a deadlock (exit status [`runtime::EXIT_DEADLOCK`]).
    pub deadlock: bool,
    /// The schedule string of the first seed's run (for `--replay`).
    pub schedule: String,
    /// The first seed's stderr (a traceback, the deadlock report).
    pub stderr: String,
}

/// The outcomes of all runs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Exploration {
    pub runs: u64,
    /// In order of first seed.
    pub outcomes: Vec<Outcome>,
    /// Runs that deadlocked.
    pub deadlocks: u64,
}

impl Exploration {
    /// `{"runs": N, "outcomes": [{"stdout", "count", "first_seed",
    /// "deadlock", "exit_status", "schedule"}, …], "deadlocks": D}`.
    pub fn to_json(&self) -> serde_json::Value {
        let outcomes: Vec<serde_json::Value> = self
            .outcomes
            .iter()
            .map(|o| {
                serde_json::json!({
                    "stdout": o.stdout,
                    "count": o.count,
                    "first_seed": o.first_seed,
                    "deadlock": o.deadlock,
                    "exit_status": o.exit_status,
                    "schedule": o.schedule,
                })
            })
            .collect();
        serde_json::json!({
            "runs": self.runs,
            "outcomes": outcomes,
            "deadlocks": self.deadlocks,
        })
    }
}

/// Outcomes by (stdout, exit status) while merging.
type Tally = HashMap<(String, i32), Outcome>;

/// Runs `source` `options.runs` times. Err is the compile error (as
/// CPython prints it) or a bad option, before any run.
pub fn explore(source: &str, options: &ExploreOptions) -> Result<Exploration, String> {
    let mut base = options.sim.clone();
    base.replay = None;
    base.pct = None;
    base.seed = options.base_seed;
    // Compiles once, so a SyntaxError is an error, not an outcome.
    runtime::Simulation::new(source, &base)?;
    match options.jobs {
        Some(jobs) => match rayon::ThreadPoolBuilder::new().num_threads(jobs).build() {
            Ok(pool) => Ok(pool.install(|| explore_in_pool(source, &base, options))),
            Err(_) => Ok(explore_in_pool(source, &base, options)),
        },
        None => Ok(explore_in_pool(source, &base, options)),
    }
}

fn explore_in_pool(source: &str, base: &SimOptions, options: &ExploreOptions) -> Exploration {
    let plan = match options.strategy {
        Strategy::Random => None,
        Strategy::Pct { depth } => Some(PctPlan::calibrate(source, base, depth.max(1))),
    };
    let tally = (0..options.runs)
        .into_par_iter()
        .fold(Tally::new, |mut tally, i| {
            let seed = options.base_seed.wrapping_add(i);
            let mut sim = base.clone();
            sim.seed = seed;
            sim.pct = plan.as_ref().map(|p| p.schedule_for(seed));
            let (out, run) = runtime::run_program(source, &sim);
            let schedule = run.map(|r| r.schedule()).unwrap_or_default();
            add(
                &mut tally,
                Outcome {
                    deadlock: out.exit_code == runtime::EXIT_DEADLOCK,
                    stdout: out.stdout,
                    exit_status: out.exit_code,
                    count: 1,
                    first_seed: seed,
                    schedule,
                    stderr: out.stderr,
                },
            );
            tally
        })
        .reduce(Tally::new, |mut a, b| {
            for (_, o) in b {
                add(&mut a, o);
            }
            a
        });
    let mut outcomes: Vec<Outcome> = tally.into_values().collect();
    outcomes.sort_by_key(|o| o.first_seed);
    let deadlocks = outcomes
        .iter()
        .filter(|o| o.deadlock)
        .map(|o| o.count)
        .sum();
    Exploration {
        runs: options.runs,
        outcomes,
        deadlocks,
    }
}

/// Merges one outcome (of one run or many) into a tally; the smallest
/// seed's run is kept as the example.
fn add(tally: &mut Tally, o: Outcome) {
    match tally.entry((o.stdout.clone(), o.exit_status)) {
        std::collections::hash_map::Entry::Vacant(v) => {
            v.insert(o);
        }
        std::collections::hash_map::Entry::Occupied(mut e) => {
            let kept = e.get_mut();
            kept.count += o.count;
            if o.first_seed < kept.first_seed {
                kept.first_seed = o.first_seed;
                kept.schedule = o.schedule;
                kept.stderr = o.stderr;
            }
        }
    }
}

/// What PCT needs to draw one run's priority schedule.
struct PctPlan {
    depth: usize,
    /// Ops of the calibration run.
    ops: u64,
    /// Threads of the calibration run.
    threads: usize,
}

impl PctPlan {
    fn calibrate(source: &str, base: &SimOptions, depth: usize) -> PctPlan {
        let (out, sim) = runtime::run_program(source, base);
        PctPlan {
            depth,
            ops: out.ops.max(1),
            threads: sim.map_or(1, |s| s.thread_names().len()).max(1),
        }
    }

    /// Run `seed`'s priorities and change points.
    fn schedule_for(&self, seed: u64) -> Pct {
        let mut rng = rand_pcg::Pcg64Mcg::seed_from_u64(seed ^ 0x0009_c75e_ed0f_9c75);
        let mut below = |n: u64| ((u128::from(rng.next_u64()) * u128::from(n)) >> 64) as u64;
        let d = self.depth as u64;
        // Fisher-Yates over d..d+k.
        let mut priorities: Vec<u64> = (0..self.threads as u64).map(|i| d + i).collect();
        for i in (1..priorities.len()).rev() {
            let j = below(i as u64 + 1) as usize;
            priorities.swap(i, j);
        }
        let change_points = (1..d).map(|_| 1 + below(self.ops)).collect();
        Pct {
            priorities,
            change_points,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pct_schedules_are_seeded_permutations_above_the_change_points() {
        let plan = PctPlan {
            depth: 3,
            ops: 1000,
            threads: 4,
        };
        let a = plan.schedule_for(5);
        assert_eq!(a, plan.schedule_for(5));
        let mut sorted = a.priorities.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, vec![3, 4, 5, 6]);
        assert_eq!(a.change_points.len(), 2);
        assert!(a.change_points.iter().all(|&c| (1..=1000).contains(&c)));
        let differ = (0..20).any(|s| plan.schedule_for(s) != a);
        assert!(differ);
    }
}
