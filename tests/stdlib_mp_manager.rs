#![cfg(not(target_arch = "wasm32"))]
//! `multiprocessing.Manager`: the `mp_manager*` conformance programs (a
//! dict, list, Namespace and Value filled by children through proxies)
//! print what python3 printed under every runtime model; the manager is a
//! process of its own; `d[k] += 1` from several processes without a lock
//! loses updates (two round trips), as in CPython; a call waits for its
//! reply in I/O with the GIL released, so a thread spinning beside one
//! making 100 calls runs during those waits.

#[path = "common/mp_programs.rs"]
mod mp_programs;

use interleave::runtime::{run_program, SimOptions};
use interleave::trace::{Event, ThreadState};

#[test]
fn manager_programs_match_cpython_under_every_model() {
    mp_programs::check_prefix("mp_manager", 1);
}

const RACE: &str = r#"import multiprocessing as mp
def bump(d, times):
    for _ in range(times):
        d["n"] += 1
if __name__ == "__main__":
    with mp.Manager() as m:
        d = m.dict(n=0)
        ps = [mp.Process(target=bump, args=(d, 300)) for _ in range(3)]
        for p in ps:
            p.start()
        for p in ps:
            p.join()
        print(d["n"])
"#;

#[test]
fn unlocked_increments_through_a_manager_lose_updates_under_every_model() {
    for runtime in mp_programs::RUNTIMES {
        let options = SimOptions {
            runtime: runtime.to_string(),
            cores: 2,
            ..SimOptions::default()
        };
        let (out, sim) = run_program(RACE, &options);
        assert_eq!(out.exit_code, 0, "{runtime}: {}", out.stderr);
        let n: u64 = out.stdout.trim().parse().expect("a count");
        eprintln!("{runtime}: {n} of 900");
        assert!(n < 900, "{runtime}: no update lost");
        let events = sim.map(|s| s.log.events.clone()).unwrap_or_default();
        assert!(events
            .iter()
            .any(|e| matches!(e, Event::ProcessStart { name, .. } if name == "SyncManager-1")));
    }
}

/// A thread spinning beside one making 100 Manager calls: `CALLS` is the
/// caller's loop body, run `TIMES` times (50 when it makes two calls).
const SPINNER: &str = r#"import multiprocessing as mp
import threading
stop = False
def spin():
    n = 0
    while not stop:
        n += 1
def call(d, ns, v):
    for i in range(TIMES):
        CALLS
if __name__ == "__main__":
    with mp.Manager() as m:
        d = m.dict()
        ns = m.Namespace(x=0)
        v = m.Value("i", 0)
        spinner = threading.Thread(target=spin, name="spinner")
        caller = threading.Thread(target=call, args=(d, ns, v), name="caller")
        spinner.start()
        caller.start()
        caller.join()
        stop = True
        spinner.join()
        print(sorted(d.items()), ns.x, v.value)
"#;

/// The intervals during which `thread` was in `state` (by the log's
/// `State` events), until the run's end.
fn intervals(
    events: &[Event],
    thread: u32,
    end: u64,
    keep: fn(&ThreadState) -> bool,
) -> Vec<(u64, u64)> {
    let mut out = Vec::new();
    let mut open = None;
    for e in events {
        if let Event::State {
            t,
            thread: th,
            state,
        } = e
        {
            if *th != thread {
                continue;
            }
            if let Some(start) = open.take() {
                out.push((start, *t));
            }
            if keep(state) {
                open = Some(*t);
            }
        }
    }
    if let Some(start) = open {
        out.push((start, end));
    }
    out
}

fn overlap(a: &[(u64, u64)], b: &[(u64, u64)]) -> u64 {
    let mut total = 0;
    for &(s1, e1) in a {
        for &(s2, e2) in b {
            total += e1.min(e2).saturating_sub(s1.max(s2));
        }
    }
    total
}

#[test]
fn a_manager_call_waits_in_io_and_another_thread_runs_meanwhile_under_every_model() {
    let cases = [
        ("100", "d[i % 3] = i", "[(0, 99), (1, 97), (2, 98)] 0 0\n"),
        ("50", "ns.x += 1", "[] 50 0\n"),
        ("50", "v.value += 1", "[] 0 50\n"),
        ("100", "d.get(i)", "[] 0 0\n"),
    ];
    for (n, calls, want) in cases {
        let program = SPINNER.replace("TIMES", n).replace("CALLS", calls);
        for runtime in mp_programs::RUNTIMES {
            let options = SimOptions {
                runtime: runtime.to_string(),
                cores: 2,
                switch_interval: 0.001,
                ..SimOptions::default()
            };
            let (out, sim) = run_program(&program, &options);
            assert_eq!(out.exit_code, 0, "{runtime} {calls}: {}", out.stderr);
            assert_eq!(out.stdout, want, "{runtime} {calls}");
            let sim = sim.expect("a simulation");
            let names = sim.thread_names();
            let thread = |name: &str| names.iter().position(|n| n == name).expect(name) as u32;
            let (caller, spinner) = (thread("caller"), thread("spinner"));
            let end = sim.now();
            let events = &sim.log.events;
            let io = intervals(events, caller, end, |s| matches!(s, ThreadState::Io));
            let running = intervals(events, spinner, end, |s| {
                matches!(s, ThreadState::Running { .. })
            });
            let waited: u64 = io.iter().map(|(s, e)| e - s).sum();
            let spun = overlap(&io, &running);
            eprintln!(
                "{runtime} {calls}: {} waits in I/O, {waited} ns; the spinner ran {spun} ns of them",
                io.len()
            );
            // Each of the 100 calls waits for its reply; the spinner has
            // the GIL for most of those waits (2.7's hand-off is slower).
            assert!(
                io.len() >= 100,
                "{runtime} {calls}: {} waits in I/O",
                io.len()
            );
            assert!(
                waited >= 100 * 27_000,
                "{runtime} {calls}: {waited} ns in I/O"
            );
            assert!(
                spun * 2 >= waited,
                "{runtime} {calls}: the spinner ran {spun} of {waited} ns"
            );
        }
    }
}
