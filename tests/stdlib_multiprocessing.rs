//! Processes on the simulated machine (`os.fork`, `multiprocessing`)
//! against CPython 3.11: the programs of `tests/threads/multiprocessing/`
//! must print what python3 printed for them (`expected/`, from
//! `tests/threads/regen.py`) under every runtime model; plus what only the
//! simulator shows: processes in the event log, their own GILs (CPU-bound
//! work in processes runs in parallel under every model), deadlocks
//! across processes.

#[path = "common/threads.rs"]
mod threads;

use interleave::runtime::{run_program, SimOptions};
use interleave::trace::Event;

#[test]
fn programs_match_cpython() {
    threads::check_dir("multiprocessing", 3);
}

#[test]
fn expectations_are_fresh() {
    threads::expectations_fresh("multiprocessing");
}

fn run(program: &str, runtime: &str, cores: usize) -> (interleave::runtime::SimOutput, Vec<Event>) {
    let options = SimOptions {
        runtime: runtime.to_string(),
        cores,
        max_ops: 200_000_000,
        ..SimOptions::default()
    };
    let (out, sim) = run_program(program, &options);
    let events = sim.map(|s| s.log.events.clone()).unwrap_or_default();
    (out, events)
}

#[test]
fn processes_are_in_the_event_log() {
    let program = r#"import multiprocessing as mp
def f(n):
    return sum(range(n))
if __name__ == "__main__":
    ps = [mp.Process(target=f, args=(1000,)) for _ in range(2)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    ps[0].terminate()
"#;
    let (out, events) = run(program, "cpython-3.12", 2);
    assert_eq!(out.exit_code, 0, "{}", out.stderr);
    let starts: Vec<_> = events
        .iter()
        .filter_map(|e| match e {
            Event::ProcessStart {
                pid,
                parent,
                method,
                ..
            } => Some((*pid, *parent, method.clone())),
            _ => None,
        })
        .collect();
    assert_eq!(starts.len(), 2, "{starts:?}");
    assert!(starts
        .iter()
        .all(|(_, parent, m)| *parent == 4242 && m == "fork"));
    let exits = events
        .iter()
        .filter(|e| matches!(e, Event::ProcessExit { exitcode: 0, .. }))
        .count();
    assert_eq!(exits, 2);
    // Each child has its own GIL.
    assert!(events
        .iter()
        .any(|e| matches!(e, Event::ProcessGil { to: Some(_), .. })));
}

const CPU_BOUND: &str = r#"import multiprocessing as mp, threading, time, sys
def burn(n):
    s = 0
    for i in range(n):
        s += i * i
    return s
N = 250000
if __name__ == "__main__":
    kind = sys.argv[1]
    t0 = time.perf_counter()
    if kind == "seq":
        for _ in range(4):
            burn(N)
    else:
        make = mp.Process if kind == "proc" else threading.Thread
        ws = [make(target=burn, args=(N,)) for _ in range(4)]
        for w in ws:
            w.start()
        for w in ws:
            w.join()
    print(time.perf_counter() - t0)
"#;

fn elapsed(kind: &str, runtime: &str, cores: usize) -> f64 {
    let options = SimOptions {
        runtime: runtime.to_string(),
        cores,
        args: vec![kind.to_string()],
        max_ops: 200_000_000,
        ..SimOptions::default()
    };
    let (out, _) = run_program(CPU_BOUND, &options);
    assert_eq!(out.exit_code, 0, "{}", out.stderr);
    out.stdout.trim().parse().unwrap_or(f64::NAN)
}

/// 4 processes on 4 cores run CPU-bound work about 4× as fast as one
/// process doing it all, under every runtime model; 4 threads do not
/// under a GIL model. On 1 core, processes give no gain.
#[test]
fn processes_run_cpu_bound_work_in_parallel_under_every_model() {
    for runtime in threads::RUNTIMES {
        let seq = elapsed("seq", runtime, 4);
        let procs = elapsed("proc", runtime, 4);
        let threads_t = elapsed("thread", runtime, 4);
        eprintln!(
            "{runtime}: sequential {seq:.4}s, 4 processes {procs:.4}s ({:.2}x), 4 threads {threads_t:.4}s ({:.2}x)",
            seq / procs,
            seq / threads_t,
        );
        let speedup = seq / procs;
        assert!(speedup > 3.0, "{runtime}: processes {speedup:.2}x");
        if !runtime.contains("13t") {
            assert!(seq / threads_t < 1.3, "{runtime}: threads sped up");
        }
    }
    let one_core = elapsed("proc", "cpython-3.12", 1);
    let seq_one = elapsed("seq", "cpython-3.12", 1);
    eprintln!(
        "1 core: 4 processes take {:.2}x the sequential time",
        one_core / seq_one
    );
    assert!(one_core / seq_one >= 1.0, "1 core gained");
}
