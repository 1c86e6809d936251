//! The event log is deterministic: the same program, runtime and seed give
//! the same log (length and digest) as recorded in `tests/logs/digests.txt`,
//! which the browser test checks wasm32 against too. After a deliberate
//! change to the runtime, rewrite the file with
//! `INTERLEAVE_BLESS=1 cargo test --test event_log` and say why in the
//! commit.

#[path = "common/event_logs.rs"]
mod event_logs;

const FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/logs/digests.txt");

#[test]
fn logs_match_the_recorded_digests() {
    let now = event_logs::digest_lines();
    // Twice in one process: nothing outside the seed leaks in.
    assert_eq!(event_logs::digest_lines(), now);
    if std::env::var_os("INTERLEAVE_BLESS").is_some() {
        std::fs::write(FILE, &now).unwrap();
        return;
    }
    let recorded = std::fs::read_to_string(FILE).unwrap();
    assert_eq!(
        now, recorded,
        "event logs changed; if intended, rerun with INTERLEAVE_BLESS=1"
    );
}

/// The page runs the engine in small op budgets between frames; that must
/// not change anything: the same slices, events, output and schedule as
/// one run to the end.
#[test]
fn running_in_small_budgets_changes_nothing() {
    use interleave::runtime::{run_program, Progress, SimOptions, Simulation};
    for (name, program) in event_logs::PROGRAMS {
        for runtime in [
            "cpython-2.7",
            "cpython-3.9",
            "cpython-3.12",
            "cpython-3.13t",
        ] {
            let options = SimOptions {
                runtime: runtime.into(),
                seed: 3,
                ..SimOptions::default()
            };
            let (whole, sim) = run_program(program, &options);
            let sim = sim.expect("compiles");
            let mut parts = Simulation::new(program, &options).expect("compiles");
            let mut calls = 0;
            let exit = loop {
                calls += 1;
                if let Progress::Finished(code) = parts.run(997) {
                    break code;
                }
            };
            // Budgets end at op boundaries inside slices, not only between.
            assert!(
                calls as u64 >= whole.ops / 997 / 2,
                "{name} {runtime}: {calls} budgets for {} ops",
                whole.ops
            );
            assert_eq!(exit, whole.exit_code, "{name} {runtime}");
            assert_eq!(parts.output().0, whole.stdout, "{name} {runtime}");
            assert_eq!(parts.log.events, sim.log.events, "{name} {runtime}");
            assert_eq!(parts.schedule(), sim.schedule(), "{name} {runtime}");
        }
    }
}
