//! `interleave explore`: one program under many seeds, outcomes grouped by
//! what they printed — through the library (`interleave::explore`) and the
//! built binary (`--json`).
#![cfg(not(target_arch = "wasm32"))]

use interleave::explore::{explore, Exploration, ExploreOptions, Strategy};
use interleave::runtime::{run_program, SimOptions, EXIT_DEADLOCK};

#[path = "common/cli.rs"]
mod cli;
#[path = "common/race.rs"]
mod race;
use race::race_program;

/// Two threads take two locks in opposite orders, sleeping in between;
/// the main thread waits for both on locks of its own.
const CROSSED: &str = "import _thread, time
a = _thread.allocate_lock()
b = _thread.allocate_lock()
d1 = _thread.allocate_lock()
d2 = _thread.allocate_lock()
d1.acquire()
d2.acquire()
def one():
    with a:
        time.sleep(0.001)
        with b:
            print('one')
    d1.release()
def two():
    with b:
        time.sleep(0.001)
        with a:
            print('two')
    d2.release()
_thread.start_new_thread(one, ())
_thread.start_new_thread(two, ())
d1.acquire()
d2.acquire()
print('finished')
";

fn options(runtime: &str, runs: u64, strategy: Strategy, jobs: Option<usize>) -> ExploreOptions {
    ExploreOptions {
        sim: SimOptions {
            runtime: runtime.into(),
            // Short loops still switch many times.
            switch_interval: 0.0005,
            ..SimOptions::default()
        },
        runs,
        base_seed: 0,
        strategy,
        jobs,
    }
}

fn check_consistent(result: &Exploration) {
    let total: u64 = result.outcomes.iter().map(|o| o.count).sum();
    assert_eq!(total, result.runs);
    let deadlocks: u64 = result
        .outcomes
        .iter()
        .filter(|o| o.deadlock)
        .map(|o| o.count)
        .sum();
    assert_eq!(deadlocks, result.deadlocks);
    let seeds: Vec<u64> = result.outcomes.iter().map(|o| o.first_seed).collect();
    let mut sorted = seeds.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(seeds, sorted, "outcomes in order of first seed");
}

/// Every outcome's schedule string replays to the same stdout and status.
fn check_replays(program: &str, result: &Exploration) {
    for o in &result.outcomes {
        let (out, _) = run_program(
            program,
            &SimOptions {
                replay: Some(o.schedule.clone()),
                ..SimOptions::default()
            },
        );
        assert_eq!(out.stdout, o.stdout, "replay of seed {}", o.first_seed);
        assert_eq!(out.exit_code, o.exit_status, "{}", out.stderr);
    }
}

#[test]
fn the_race_has_many_outcomes_under_39_and_one_under_312() {
    let iterations = 20_000;
    let program = race_program(iterations, "n += 1");
    let r39 = explore(
        &program,
        &options("cpython-3.9", 24, Strategy::Random, None),
    )
    .unwrap();
    check_consistent(&r39);
    assert!(r39.outcomes.len() > 1, "{:?}", r39.outcomes);
    assert_eq!(r39.deadlocks, 0);
    check_replays(&program, &r39);
    for o in &r39.outcomes {
        let n: u64 = o.stdout.trim().parse().unwrap();
        assert!(n <= 2 * iterations);
        assert_eq!(o.exit_status, 0);
    }
    let r312 = explore(
        &program,
        &options("cpython-3.12", 24, Strategy::Random, None),
    )
    .unwrap();
    check_consistent(&r312);
    assert_eq!(r312.outcomes.len(), 1, "{:?}", r312.outcomes);
    assert_eq!(r312.outcomes[0].stdout, format!("{}\n", 2 * iterations));
    assert_eq!(r312.outcomes[0].count, 24);
    assert_eq!(r312.outcomes[0].first_seed, 0);
}

#[test]
fn crossed_locks_deadlocks_are_counted_and_replayed() {
    let result = explore(
        CROSSED,
        &options("cpython-3.12", 16, Strategy::Random, None),
    )
    .unwrap();
    check_consistent(&result);
    assert!(result.deadlocks > 0);
    let o = result.outcomes.iter().find(|o| o.deadlock).unwrap();
    assert_eq!(o.exit_status, EXIT_DEADLOCK);
    assert!(o.stderr.contains("wait-for cycle"), "{}", o.stderr);
    check_replays(CROSSED, &result);
}

#[test]
fn jobs_do_not_change_the_result() {
    let program = race_program(20_000, "n += 1");
    for strategy in [Strategy::Random, Strategy::Pct { depth: 3 }] {
        let one = explore(&program, &options("cpython-3.9", 16, strategy, Some(1))).unwrap();
        let two = explore(&program, &options("cpython-3.9", 16, strategy, Some(2))).unwrap();
        let global = explore(&program, &options("cpython-3.9", 16, strategy, None)).unwrap();
        assert!(one.outcomes.len() > 1, "{strategy:?}: {:?}", one.outcomes);
        assert_eq!(one, two, "{strategy:?}");
        assert_eq!(one, global, "{strategy:?}");
    }
    let one = explore(
        CROSSED,
        &options("cpython-3.13t", 8, Strategy::Random, Some(1)),
    )
    .unwrap();
    let two = explore(
        CROSSED,
        &options("cpython-3.13t", 8, Strategy::Random, Some(2)),
    )
    .unwrap();
    assert_eq!(one, two);
}

#[test]
fn pct_finds_the_race_that_random_seeds_miss() {
    // 2 x 3,000 finishes inside one 5 ms switch interval: under 3.9 no
    // random seed switches inside `n += 1`, but a PCT change point can
    // (a holder the OS preempted while the waiter's timeout ran).
    let program = race_program(3_000, "n += 1");
    let mut opts = options("cpython-3.9", 30, Strategy::Random, None);
    opts.sim.switch_interval = 0.005;
    let random = explore(&program, &opts).unwrap();
    assert_eq!(random.outcomes.len(), 1, "{:?}", random.outcomes);
    assert_eq!(random.outcomes[0].stdout, "6000\n");
    opts.strategy = Strategy::Pct { depth: 3 };
    let pct = explore(&program, &opts).unwrap();
    check_consistent(&pct);
    assert!(pct.outcomes.len() > 1, "{:?}", pct.outcomes);
    assert!(pct.outcomes.iter().any(|o| o.stdout != "6000\n"));
    assert!(pct.outcomes.iter().all(|o| o.schedule.contains(":pct=")));
    check_replays(&program, &pct);
    // PCT never breaks the model's rules: 3.12 drops the GIL only at an
    // eval-breaker point, never inside `n += 1`.
    opts.sim.runtime = "cpython-3.12".into();
    let pct312 = explore(&program, &opts).unwrap();
    assert_eq!(pct312.outcomes.len(), 1, "{:?}", pct312.outcomes);
    assert_eq!(pct312.outcomes[0].stdout, "6000\n");
}

#[test]
fn a_syntax_error_is_an_error_not_an_outcome() {
    let err = explore("print(", &ExploreOptions::default()).unwrap_err();
    assert!(err.contains("SyntaxError"), "{err}");
}

#[test]
fn json_output_has_the_fields_and_replays() {
    let program = race_program(20_000, "n += 1");
    let args = [
        "--runs",
        "12",
        "--runtime",
        "cpython-3.9",
        "--switch-interval",
        "0.0005",
        "--json",
    ];
    let out = cli::interleave("explore", &program, &args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    assert_eq!(v["runs"], 12);
    assert_eq!(v["deadlocks"], 0);
    let outcomes = v["outcomes"].as_array().unwrap();
    assert!(outcomes.len() > 1);
    let mut total = 0;
    for o in outcomes {
        total += o["count"].as_u64().unwrap();
        assert!(o["first_seed"].is_u64());
        assert_eq!(o["deadlock"], false);
        assert_eq!(o["exit_status"], 0);
        let schedule = o["schedule"].as_str().unwrap();
        assert!(schedule.starts_with("il1:cpython-3.9:"));
        let (replayed, _) = run_program(
            &program,
            &SimOptions {
                replay: Some(schedule.to_string()),
                ..SimOptions::default()
            },
        );
        assert_eq!(replayed.stdout, o["stdout"].as_str().unwrap());
    }
    assert_eq!(total, 12);
    // The library gives the same answer as the command line, with --jobs.
    let mut jobs = args.to_vec();
    jobs.extend(["--jobs", "2"]);
    let again = cli::interleave("explore", &program, &jobs);
    assert_eq!(again.stdout, out.stdout);

    let dead = cli::interleave("explore", CROSSED, &["--runs", "4", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&dead.stdout).unwrap();
    assert_eq!(v["deadlocks"], 4);
    assert_eq!(v["outcomes"][0]["deadlock"], true);
    assert_eq!(v["outcomes"][0]["exit_status"], EXIT_DEADLOCK);
}

#[test]
fn text_output_lists_outcomes_with_replay_commands() {
    let out = cli::interleave("explore", CROSSED, &["--runs", "3", "--strategy", "pct"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("3 runs of "), "{text}");
    assert!(text.contains("1 distinct outcome, 3 deadlocks"), "{text}");
    assert!(text.contains("DEADLOCK (exit status 3)"), "{text}");
    assert!(text.contains("replay: interleave run "), "{text}");
    assert!(text.contains("--replay 'il1:cpython-3.12:"), "{text}");

    let bad = cli::interleave("explore", CROSSED, &["--runtime", "cpython-4"]);
    assert_eq!(bad.status.code(), Some(2));
    let syntax = cli::interleave("explore", "print(", &[]);
    assert_eq!(syntax.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&syntax.stderr).contains("SyntaxError"));
}
