//! The simulator's prediction beside the lab's measurement: the Python
//! program that matches each experiment, run on `runtime::Simulation` under
//! a CPython model, timed in virtual time.
//!
//! - Experiment 1: `n` threads share a CPU-bound loop in chunks, with no
//!   lock (what `free` and `gil` do: the GIL is the runtime's), with a
//!   `threading.Lock` held per chunk (`lock`), or adding to a shared
//!   counter under a lock (`counter-lock`). The speedup is the virtual
//!   time of one thread doing all the work over that of `n` threads on
//!   `n` cores. Python has no atomic counter, so `counter-atomic` has no
//!   prediction.
//! - The convoy: a thread that sleeps 1 ms many times, alone and beside a
//!   spinning thread; the ratio of its elapsed virtual times.

use super::gil_exp::Mode;
use crate::runtime::{run_program, SimOptions};

/// Loop iterations of the CPU-bound work in all (split between threads).
const WORK: u64 = 24_000;
/// Chunks the work is cut into.
const CHUNKS: u64 = 24;

/// The Python program of `mode` with `threads` threads.
pub fn cpu_program(mode: Mode, threads: usize) -> Option<String> {
    let chunk_body = match mode {
        Mode::Free | Mode::Gil => "work(per_chunk)",
        Mode::Lock => "with lock:\n            work(per_chunk)",
        Mode::CounterLock => "for _ in range(per_chunk // 10):\n            with lock:\n                counter[0] += 1",
        Mode::CounterAtomic => return None,
    };
    Some(format!(
        "import threading
lock = threading.Lock()
counter = [0]
per_chunk = {per_chunk}
def work(k):
    s = 0
    for i in range(k):
        s += i % 7
    return s
def lane(chunks):
    for _ in range(chunks):
        {chunk_body}
threads = [threading.Thread(target=lane, args=({chunks},)) for _ in range({threads})]
for t in threads:
    t.start()
for t in threads:
    t.join()
",
        per_chunk = WORK / CHUNKS,
        chunks = CHUNKS / threads.max(1) as u64,
    ))
}

/// Virtual nanoseconds of `source` under `runtime` on `cores` cores.
fn virtual_ns(source: &str, runtime: &str, cores: usize) -> Option<u64> {
    let options = SimOptions {
        runtime: runtime.into(),
        cores: cores.max(1),
        ..SimOptions::default()
    };
    let (out, _) = run_program(source, &options);
    (out.exit_code == 0).then_some(out.virtual_ns)
}

/// The predicted speedup of `mode` at `workers` threads on as many cores.
pub fn speedup(mode: Mode, runtime: &str, workers: usize) -> Option<f64> {
    let one = virtual_ns(&cpu_program(mode, 1)?, runtime, workers)?;
    let many = virtual_ns(&cpu_program(mode, workers)?, runtime, workers)?;
    Some(one as f64 / many.max(1) as f64)
}

/// The convoy program: the main thread sleeps `iterations` × 1 ms, beside
/// a spinning thread or not, and prints its elapsed time in µs.
pub fn convoy_program(spinner: bool, iterations: u32) -> String {
    format!(
        "import threading, time
done = False
def spin():
    x = 0
    while not done:
        x += 1
if {spinner}:
    threading.Thread(target=spin).start()
t0 = time.perf_counter()
for _ in range({iterations}):
    time.sleep(0.001)
elapsed = time.perf_counter() - t0
done = True
print(round(elapsed * 1e6))
",
        spinner = if spinner { "True" } else { "False" },
    )
}

/// The sleeper's elapsed µs under `runtime` on 2 cores.
pub fn convoy_us(runtime: &str, spinner: bool, iterations: u32) -> Option<u64> {
    let options = SimOptions {
        runtime: runtime.into(),
        cores: 2,
        ..SimOptions::default()
    };
    let (out, _) = run_program(&convoy_program(spinner, iterations), &options);
    if out.exit_code != 0 {
        return None;
    }
    out.stdout.trim().parse().ok()
}

/// The runtimes the lab compares with.
pub const RUNTIMES: [&str; 2] = ["cpython-3.12", "cpython-3.13t"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_gil_serializes_and_free_threading_does_not() {
        let gil = speedup(Mode::Free, "cpython-3.12", 2).unwrap();
        let free = speedup(Mode::Free, "cpython-3.13t", 2).unwrap();
        let locked = speedup(Mode::Lock, "cpython-3.13t", 2).unwrap();
        assert!(gil < 1.15, "3.12: {gil}");
        assert!(free > 1.6, "3.13t: {free}");
        assert!(locked < 1.15, "3.13t with a lock: {locked}");
        assert!(speedup(Mode::CounterAtomic, "cpython-3.12", 2).is_none());
    }

    #[test]
    fn convoy_is_predicted_under_the_gil_only() {
        let alone = convoy_us("cpython-3.12", false, 10).unwrap();
        let beside = convoy_us("cpython-3.12", true, 10).unwrap();
        let free = convoy_us("cpython-3.13t", true, 10).unwrap();
        assert!(alone >= 10_000, "alone {alone}");
        assert!(
            beside as f64 > 2.0 * alone as f64,
            "3.12: alone {alone} µs, beside {beside} µs"
        );
        assert!((free as f64) < 1.5 * alone as f64, "3.13t: {free} µs");
    }
}
