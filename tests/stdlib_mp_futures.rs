#![cfg(not(target_arch = "wasm32"))]
//! `concurrent.futures.ProcessPoolExecutor` on simulated processes: the
//! `mp_futures_*` conformance programs (submit, map with chunksize and
//! timeout, as_completed/wait, shutdown with cancel_futures, the context
//! manager, BrokenProcessPool when a worker dies through `os._exit`)
//! print what python3 printed under every runtime model; CPU-bound work
//! submitted to 2 worker processes runs in parallel under every model.

#[path = "common/mp_programs.rs"]
mod mp_programs;

use interleave::runtime::{run_program, SimOptions};

#[test]
fn process_pool_executor_programs_match_cpython_under_every_model() {
    mp_programs::check_prefix("mp_futures_", 2);
}

const RATIO: &str = r#"import concurrent.futures as cf, sys, time
def burn(n):
    s = 0
    for i in range(n):
        s += i * i
    return s
if __name__ == "__main__":
    t0 = time.perf_counter()
    if sys.argv[1] == "seq":
        r = [burn(200000) for _ in range(4)]
    else:
        with cf.ProcessPoolExecutor(2) as ex:
            r = list(ex.map(burn, [200000] * 4))
    assert r == [burn(200000)] * 4
    print(time.perf_counter() - t0)
"#;

fn elapsed(kind: &str, runtime: &str) -> f64 {
    let options = SimOptions {
        runtime: runtime.to_string(),
        cores: 2,
        args: vec![kind.to_string()],
        max_ops: 400_000_000,
        ..SimOptions::default()
    };
    let (out, _) = run_program(RATIO, &options);
    assert_eq!(out.exit_code, 0, "{kind} {runtime}: {}", out.stderr);
    out.stdout.trim().parse().unwrap_or(f64::NAN)
}

#[test]
fn two_worker_processes_run_cpu_bound_work_in_parallel_under_every_model() {
    for runtime in mp_programs::RUNTIMES {
        let ratio = elapsed("pool", runtime) / elapsed("seq", runtime);
        eprintln!("{runtime}: ProcessPoolExecutor(2)/sequential {ratio:.3}");
        assert!((0.5..=0.75).contains(&ratio), "{runtime}: {ratio:.3}");
    }
}
