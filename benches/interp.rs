//! Interpreter speed against the interpreter we simulate: the same Python
//! program run by our VM and by `python3`, both timed in this run.
//!
//! python3 is timed from inside (`time.perf_counter()` around the work, so
//! its start-up is not counted); our VM is timed around compile + run
//! (start-up of a fresh VM included). After the criterion report, one line
//! per program gives the ratio "Interleave / python3" of the median times
//! of the samples taken in this run: `cargo bench --bench interp`.

use std::process::Command;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};
use interleave::run::{run, RunOptions};

const COUNT: &str = "def count(n):\n    while n > 0:\n        n -= 1\n\ncount(10_000_000)\n";
const FIB: &str =
    "def fib(n):\n    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)\n\nfib(25)\n";

/// Every timed run of this process: (program, runner, seconds).
static TIMES: Mutex<Vec<(&'static str, &'static str, f64)>> = Mutex::new(Vec::new());

fn record(name: &'static str, runner: &'static str, seconds: f64) {
    TIMES.lock().expect("times").push((name, runner, seconds));
}

/// Time of the program's work in python3, measured by python3 itself.
fn python3_seconds(program: &str) -> Option<f64> {
    let timed = format!(
        "import time\n_t0 = time.perf_counter()\nexec(compile({program:?}, 'bench.py', 'exec'))\nprint(time.perf_counter() - _t0)\n"
    );
    let out = Command::new("python3").arg("-c").arg(timed).output().ok()?;
    String::from_utf8_lossy(&out.stdout).trim().parse().ok()
}

fn bench_program(c: &mut Criterion, name: &'static str, program: &'static str) {
    let mut group = c.benchmark_group(name);
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    group.bench_function("interleave", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let t0 = Instant::now();
                let out = run(program, &RunOptions::default());
                let dt = t0.elapsed();
                assert_eq!(out.exit_code, 0, "{}", out.stderr);
                record(name, "interleave", dt.as_secs_f64());
                total += dt;
            }
            total
        })
    });
    if python3_seconds("pass").is_some() {
        group.bench_function("python3", |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    let s = python3_seconds(program).unwrap_or(0.0);
                    record(name, "python3", s);
                    total += Duration::from_secs_f64(s);
                }
                total
            })
        });
    }
    group.finish();
}

fn median(mut xs: Vec<f64>) -> Option<f64> {
    if xs.is_empty() {
        return None;
    }
    xs.sort_by(f64::total_cmp);
    Some(xs[xs.len() / 2])
}

/// The ratio of the medians of every run timed in this process (warm-up
/// included: the same for both runners).
fn report_ratios() {
    let times = TIMES.lock().expect("times");
    for name in ["count_loop_1e7", "fib_25"] {
        let of = |runner: &str| {
            median(
                times
                    .iter()
                    .filter(|(n, r, _)| *n == name && *r == runner)
                    .map(|(_, _, s)| *s)
                    .collect(),
            )
        };
        match (of("interleave"), of("python3")) {
            (Some(ours), Some(py)) => println!(
                "{name}: interleave {:.2} ms, python3 {:.2} ms, ratio interleave/python3 = {:.3}",
                ours * 1e3,
                py * 1e3,
                ours / py
            ),
            (Some(ours), None) => {
                println!(
                    "{name}: interleave {:.2} ms (no python3 on PATH)",
                    ours * 1e3
                )
            }
            _ => {}
        }
    }
}

fn benches(c: &mut Criterion) {
    bench_program(c, "count_loop_1e7", COUNT);
    bench_program(c, "fib_25", FIB);
    report_ratios();
}

criterion_group!(interp, benches);
criterion_main!(interp);
