//! Threads: the simulator against the real thing, and `explore`'s
//! parallel speed-up. `cargo bench --bench threads`.
//!
//! (a) `race_2x1e6`: two threads each doing `n += 1` a million times under
//!     cpython-3.12 (event log on, as always), against `python3` running
//!     the same program with `threading`, timed by python3 itself
//!     (`time.perf_counter()` around the work, so start-up is excluded).
//!     Skipped with a note when python3 is absent.
//! (b) `explore_200x_2x2e5`: `explore` of that program with 200 000
//!     iterations per thread (at a million, 200 runs take minutes per
//!     sample), 200 runs, on a local pool of 1 thread against 2.
//!
//! Besides criterion's report, each prints the ratio of medians of its
//! own few timed runs: simulator / python3, and jobs 1 / jobs 2.

use std::process::Command;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};
use interleave::explore::{explore, ExploreOptions, Strategy};
use interleave::runtime::{run_program, SimOptions};

#[path = "../tests/common/race.rs"]
mod race;
use race::race_program;

/// The same work for python3, with `threading`, timing itself.
fn python3_program(iterations: u64) -> String {
    format!(
        "import threading, time
n = 0
def work():
    global n
    for _ in range({iterations}):
        n += 1
t0 = time.perf_counter()
ts = [threading.Thread(target=work) for _ in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(time.perf_counter() - t0)
"
    )
}

fn python3_seconds(program: &str) -> Option<f64> {
    let out = Command::new("python3")
        .arg("-c")
        .arg(program)
        .output()
        .ok()?;
    String::from_utf8_lossy(&out.stdout).trim().parse().ok()
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn simulate(program: &str) {
    let options = SimOptions {
        runtime: "cpython-3.12".into(),
        ..SimOptions::default()
    };
    let (out, sim) = run_program(program, &options);
    assert_eq!(out.exit_code, 0, "{}", out.stderr);
    assert!(sim.is_some_and(|s| !s.log.is_empty()));
}

fn explore_options(jobs: usize) -> ExploreOptions {
    ExploreOptions {
        sim: SimOptions {
            runtime: "cpython-3.12".into(),
            ..SimOptions::default()
        },
        runs: 200,
        base_seed: 0,
        strategy: Strategy::Random,
        jobs: Some(jobs),
    }
}

fn race(c: &mut Criterion) {
    let program = race_program(1_000_000, "n += 1");
    let python = python3_program(1_000_000);
    let have_python = python3_seconds("print(0)").is_some();
    let mut group = c.benchmark_group("race_2x1e6");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    group.bench_function("interleave_3.12", |b| b.iter(|| simulate(&program)));
    if have_python {
        group.bench_function("python3_threading", |b| {
            b.iter_custom(|iters| {
                (0..iters)
                    .map(|_| Duration::from_secs_f64(python3_seconds(&python).unwrap_or(0.0)))
                    .sum()
            })
        });
    } else {
        println!("race_2x1e6/python3_threading: skipped, no python3 on PATH");
    }
    group.finish();
    let sim: Vec<f64> = (0..5)
        .map(|_| {
            let t = Instant::now();
            simulate(&program);
            t.elapsed().as_secs_f64()
        })
        .collect();
    let sim = median(sim);
    if have_python {
        let py = median((0..5).filter_map(|_| python3_seconds(&python)).collect());
        println!(
            "race_2x1e6: interleave {sim:.3} s, python3 {py:.3} s, interleave / python3 = {:.2}",
            sim / py
        );
    } else {
        println!("race_2x1e6: interleave {sim:.3} s (no python3 to compare)");
    }
}

fn explore_jobs(c: &mut Criterion) {
    let program = race_program(200_000, "n += 1");
    let run = |jobs: usize| {
        let r = explore(&program, &explore_options(jobs)).expect("compiles");
        assert_eq!(r.outcomes.len(), 1);
    };
    let mut group = c.benchmark_group("explore_200x_2x2e5");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(30));
    group.bench_function("jobs_1", |b| b.iter(|| run(1)));
    group.bench_function("jobs_2", |b| b.iter(|| run(2)));
    group.finish();
    let time = |jobs: usize| {
        median(
            (0..3)
                .map(|_| {
                    let t = Instant::now();
                    run(jobs);
                    t.elapsed().as_secs_f64()
                })
                .collect(),
        )
    };
    let (one, two) = (time(1), time(2));
    println!(
        "explore_200x_2x2e5: jobs 1 {one:.2} s, jobs 2 {two:.2} s, jobs 1 / jobs 2 = {:.2}",
        one / two
    );
}

criterion_group!(threads, race, explore_jobs);
criterion_main!(threads);
