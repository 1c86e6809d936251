//! `multiprocessing.Pool.map` of 10^4 small tasks over 4 processes: the
//! simulator's wall time against python3's on the same program, both
//! timed in this run. `cargo bench --bench pool`.
//!
//! python3 times itself (`time.perf_counter()` around creating the pool,
//! the map and leaving the `with` block: the forks and the worker
//! processes are counted, interpreter start-up is not); the simulator is
//! timed around compile + run of the same source on 4 simulated cores
//! (its worker processes, pickling and handler threads all simulated).
//! After criterion's report a line gives the ratio of the medians of the
//! runs timed in this process: simulator / python3.
//!
//! On the machine this was written on (2 cores shared with other builds,
//! load average about 7, python3 3.11.7): interleave 231 ms, python3
//! 78 ms, ratio 2.96.

use std::process::Command;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};
use interleave::run::{run, RunOptions};

const PROGRAM: &str = r#"import multiprocessing as mp
import time


def f(x):
    return x * x


if __name__ == "__main__":
    t0 = time.perf_counter()
    with mp.Pool(4) as pool:
        r = pool.map(f, range(10_000))
    assert r[-1] == 9999 * 9999
    print(time.perf_counter() - t0)
"#;

static TIMES: Mutex<Vec<(&'static str, f64)>> = Mutex::new(Vec::new());

/// python3's own measure of the pool's work (None without python3).
fn python3_seconds() -> Option<f64> {
    let dir = std::env::temp_dir().join(format!("interleave-pool-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).ok()?;
    let file = dir.join("pool_bench.py");
    std::fs::write(&file, PROGRAM).ok()?;
    let out = Command::new("python3").arg(&file).output().ok()?;
    String::from_utf8_lossy(&out.stdout).trim().parse().ok()
}

fn median(mut xs: Vec<f64>) -> Option<f64> {
    if xs.is_empty() {
        return None;
    }
    xs.sort_by(f64::total_cmp);
    Some(xs[xs.len() / 2])
}

fn benches(c: &mut Criterion) {
    let mut group = c.benchmark_group("pool_map_1e4_x4");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    let options = RunOptions {
        cores: 4,
        ..RunOptions::default()
    };
    group.bench_function("interleave", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let t0 = Instant::now();
                let out = run(PROGRAM, &options);
                let dt = t0.elapsed();
                assert_eq!(out.exit_code, 0, "{}", out.stderr);
                TIMES
                    .lock()
                    .expect("times")
                    .push(("interleave", dt.as_secs_f64()));
                total += dt;
            }
            total
        })
    });
    if python3_seconds().is_some() {
        group.bench_function("python3", |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    let s = python3_seconds().unwrap_or(0.0);
                    TIMES.lock().expect("times").push(("python3", s));
                    total += Duration::from_secs_f64(s);
                }
                total
            })
        });
    }
    group.finish();
    let times = TIMES.lock().expect("times");
    let of = |runner: &str| {
        median(
            times
                .iter()
                .filter(|(r, _)| *r == runner)
                .map(|(_, s)| *s)
                .collect(),
        )
    };
    match (of("interleave"), of("python3")) {
        (Some(ours), Some(py)) => println!(
            "pool_map_1e4_x4: interleave {:.1} ms, python3 {:.1} ms, ratio interleave/python3 = {:.2}",
            ours * 1e3,
            py * 1e3,
            ours / py
        ),
        (Some(ours), None) => println!(
            "pool_map_1e4_x4: interleave {:.1} ms (no python3 on PATH)",
            ours * 1e3
        ),
        _ => {}
    }
}

criterion_group!(pool, benches);
criterion_main!(pool);
