//! The simulated `concurrent.futures`: the `futures_*` conformance programs
//! under every runtime model against python3 3.11; plus what depends on
//! the runtime model: I/O-bound work overlaps across pool threads in
//! virtual time, CPU-bound work does not under a GIL.

#[path = "common/conformance_area.rs"]
mod area;
#[path = "common/every_runtime.rs"]
mod every_runtime;

use every_runtime::{check, run_under};

#[test]
fn programs_match_cpython_under_every_runtime() {
    area::check_area("futures", 2);
}

/// Ten 1-second sleeps on ten workers take about 1 s (python3 prints the
/// same); default worker count and names as CPython's.
#[test]
fn sleeping_workers_overlap() {
    check(
        r#"import time, threading
from concurrent.futures import ThreadPoolExecutor
def work(i):
    time.sleep(1)
    return threading.current_thread().name
t0 = time.perf_counter()
with ThreadPoolExecutor(max_workers=10) as pool:
    names = list(pool.map(work, range(10)))
elapsed = time.perf_counter() - t0
print(len(set(names)), names[0], 1.0 <= elapsed < 1.2)
with ThreadPoolExecutor() as pool:
    print(pool._max_workers == min(32, __import__("os").cpu_count() + 4))
"#,
        "10 ThreadPoolExecutor-0_0 True\nTrue\n",
    );
}

/// CPU-bound tasks on a pool of 2: about as slow as sequential under a
/// GIL (2.7, 3.9, 3.12), about half under free-threaded 3.13t.
#[test]
fn cpu_bound_pool_speedup_depends_on_the_gil() {
    let program = r#"import time
from concurrent.futures import ThreadPoolExecutor
def burn(n):
    total = 0
    for i in range(n):
        total += i
    return total
N = 200000
t0 = time.perf_counter()
burn(N); burn(N)
seq = time.perf_counter() - t0
t0 = time.perf_counter()
with ThreadPoolExecutor(max_workers=2) as pool:
    list(pool.map(burn, [N, N]))
par = time.perf_counter() - t0
print(f"{par / seq:.3f}")
"#;
    for runtime in every_runtime::RUNTIMES {
        let out = run_under(program, runtime);
        assert_eq!(out.exit_code, 0, "{runtime}: {}", out.stderr);
        let ratio: f64 = out.stdout.trim().parse().expect("a ratio");
        eprintln!("{runtime}: pool of 2 / sequential = {ratio}");
        if runtime.ends_with('t') {
            assert!(ratio < 0.75, "{runtime}: {ratio}");
        } else {
            assert!(ratio > 0.9, "{runtime}: {ratio}");
        }
    }
}
