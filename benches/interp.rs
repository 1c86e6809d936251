//! Interpreter speed against the interpreter we simulate: the same Python
//! program run by our VM and by `python3`, both timed in this run.
//!
//! python3 is timed from inside (`time.perf_counter()` around the work, so
//! its start-up is not counted); our VM is timed around compile + run.
//! Report the ratio "Interleave / python3" of the two medians:
//! `cargo bench --bench interp`.

use std::process::Command;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use interleave::run::{run, RunOptions};

const COUNT: &str = "def count(n):\n    while n > 0:\n        n -= 1\n\ncount(10_000_000)\n";
const FIB: &str =
    "def fib(n):\n    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)\n\nfib(25)\n";

/// Time of the program's work in python3, measured by python3 itself.
fn python3_seconds(program: &str) -> Option<f64> {
    let timed = format!(
        "import time\n_t0 = time.perf_counter()\nexec(compile({program:?}, 'bench.py', 'exec'))\nprint(time.perf_counter() - _t0)\n"
    );
    let out = Command::new("python3").arg("-c").arg(timed).output().ok()?;
    String::from_utf8_lossy(&out.stdout).trim().parse().ok()
}

fn bench_program(c: &mut Criterion, name: &str, program: &'static str) {
    let mut group = c.benchmark_group(name);
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    group.bench_function("interleave", |b| {
        b.iter(|| {
            let out = run(program, &RunOptions::default());
            assert_eq!(out.exit_code, 0, "{}", out.stderr);
        })
    });
    if python3_seconds("pass").is_some() {
        group.bench_function("python3", |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    total += Duration::from_secs_f64(python3_seconds(program).unwrap_or(0.0));
                }
                total
            })
        });
    }
    group.finish();
}

fn benches(c: &mut Criterion) {
    bench_program(c, "count_loop_1e7", COUNT);
    bench_program(c, "fib_25", FIB);
}

criterion_group!(interp, benches);
criterion_main!(interp);
