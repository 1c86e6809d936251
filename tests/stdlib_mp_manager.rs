#![cfg(not(target_arch = "wasm32"))]
//! `multiprocessing.Manager`: the `mp_manager*` conformance programs (a
//! dict, list, Namespace and Value filled by children through proxies)
//! print what python3 printed under every runtime model; the manager is a
//! process of its own; `d[k] += 1` from several processes without a lock
//! loses updates (two round trips), as in CPython.

#[path = "common/mp_programs.rs"]
mod mp_programs;

use interleave::runtime::{run_program, SimOptions};
use interleave::trace::Event;

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
