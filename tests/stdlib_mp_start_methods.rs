#![cfg(not(target_arch = "wasm32"))]
//! `multiprocessing` start methods: fork, spawn and forkserver. The
//! `mp_spawn_*` conformance programs (a guarded program under each
//! method, the child's globals its own; a program without the
//! `__main__` guard failing in the child as CPython's does) print what
//! python3 printed under every runtime model; a spawned child costs an
//! interpreter's start-up, a forked one does not; a Pool works under
//! spawn; start-method errors.

#[path = "common/mp_programs.rs"]
mod mp_programs;

use interleave::runtime::{run_program, SimOptions};

#[test]
fn start_method_programs_match_cpython_under_every_model() {
    mp_programs::check_prefix("mp_spawn_", 2);
}

fn run(program: &str, args: &[&str]) -> interleave::runtime::SimOutput {
    let options = SimOptions {
        runtime: "cpython-3.12".into(),
        cores: 2,
        args: args.iter().map(|s| s.to_string()).collect(),
        max_ops: 200_000_000,
        ..SimOptions::default()
    };
    run_program(program, &options).0
}

/// The child of a program without the guard prints CPython's message on
/// stderr and exits with 1, as python3 3.11 showed.
#[test]
fn spawn_without_guard_fails_in_the_child_with_cpythons_message() {
    let program = include_str!("conformance/programs/mp_spawn_no_guard.py");
    let out = run(program, &[]);
    assert_eq!(out.exit_code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("exitcode 1 0\n"), "{}", out.stdout);
    assert!(
        out.stderr.contains(
            "RuntimeError: \n        An attempt has been made to start a new process before the\n        current process has finished its bootstrapping phase."
        ),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("File \"main.py\", line 20, in <module>\n    p.start()"),
        "{}",
        out.stderr
    );
}

const START: &str = r#"import multiprocessing as mp, sys, time
def f():
    pass
if __name__ == "__main__":
    ctx = mp.get_context(sys.argv[1])
    t0 = time.perf_counter()
    p = ctx.Process(target=f)
    p.start()
    p.join()
    print(time.perf_counter() - t0)
"#;

/// Start-up costs per method (see `_START_NS` in multiprocessing.py):
/// python3 here took 8 ms (fork), 156 ms (spawn) and 22 ms (forkserver)
/// for a start and join.
#[test]
fn spawn_costs_an_interpreter_start_fork_does_not() {
    let t = |m: &str| -> f64 {
        let out = run(START, &[m]);
        assert_eq!(out.exit_code, 0, "{m}: {}", out.stderr);
        out.stdout.trim().parse().unwrap_or(f64::NAN)
    };
    let (fork, spawn, server) = (t("fork"), t("spawn"), t("forkserver"));
    eprintln!("fork {fork:.4}s spawn {spawn:.4}s forkserver {server:.4}s");
    assert!(fork < 0.01, "fork {fork}");
    assert!((0.1..0.2).contains(&spawn), "spawn {spawn}");
    assert!(fork < server && server < spawn, "forkserver {server}");
}

#[test]
fn a_pool_works_under_spawn() {
    let program = r#"import multiprocessing as mp
def square(x):
    return x * x
if __name__ == "__main__":
    ctx = mp.get_context("spawn")
    with ctx.Pool(2) as pool:
        print(pool.map(square, range(6)), [p.name for p in pool._pool])
"#;
    let out = run(program, &[]);
    assert_eq!(out.exit_code, 0, "{}", out.stderr);
    assert_eq!(
        out.stdout,
        "[0, 1, 4, 9, 16, 25] ['SpawnPoolWorker-1', 'SpawnPoolWorker-2']\n"
    );
}

/// A function defined only under the guard cannot be found by a spawned
/// child (it re-ran the top level without it): the child fails, as in
/// CPython ("Can't get attribute").
#[test]
fn spawned_child_does_not_see_what_only_the_parent_defined() {
    let program = r#"import multiprocessing as mp
if __name__ == "__main__":
    def hidden():
        print("never")
    hidden.__qualname__ = "hidden"
    mp.set_start_method("spawn")
    p = mp.Process(target=hidden)
    p.start()
    p.join()
    print("exitcode", p.exitcode)
"#;
    let out = run(program, &[]);
    assert_eq!(out.stdout, "exitcode 1\n", "{}", out.stderr);
    assert!(out.stderr.contains("AttributeError"), "{}", out.stderr);
}
