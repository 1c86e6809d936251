//! multiprocessing's Queue, JoinableQueue and SimpleQueue between
//! processes: the programs of `tests/threads/mp_queue/` print what python3
//! printed for them (`expected/`, from `tests/threads/regen.py`) under
//! every runtime model; and the classic deadlock only the simulator can
//! report (python3 hangs): joining a child whose queue's feeder thread is
//! still blocked writing into a full pipe that nobody reads.

#[path = "common/threads.rs"]
mod threads;

use interleave::run::{run, RunOptions};

/// Runs `program` under `runtime` with the default options.
fn run_under(program: &str, runtime: &str) -> interleave::run::RunOutput {
    let options = RunOptions {
        runtime: runtime.into(),
        ..RunOptions::default()
    };
    run(program, &options)
}

#[test]
fn programs_match_cpython() {
    threads::check_dir("mp_queue", 3);
}

#[test]
fn expectations_are_fresh() {
    threads::expectations_fresh("mp_queue");
}

/// The child put 200 KB of items; the pipe holds 64 KiB, so its feeder
/// thread waits for a reader and the child cannot exit (a process joins
/// its queues' feeders at exit). The parent joins the child before
/// reading: each waits for the other. CPython's docs warn of exactly this
/// ("Joining processes that use queues").
#[test]
fn joining_a_child_that_still_has_queued_data_is_a_deadlock() {
    let program = r#"import multiprocessing as mp

def fill(q):
    for i in range(200):
        q.put(b"x" * 1000)
    print("child: all put")

if __name__ == "__main__":
    q = mp.Queue()
    p = mp.Process(target=fill, args=(q,), name="filler")
    p.start()
    p.join()
    print("never: joined")
"#;
    for runtime in threads::RUNTIMES {
        let out = run_under(program, runtime);
        assert_eq!(out.exit_code, 3, "{runtime}: {}", out.stderr);
        assert_eq!(out.stdout, "child: all put\n", "{runtime}");
        let report = &out.stderr;
        assert!(report.starts_with("interleave: deadlock:"), "{report}");
        // The parent waits for the child to end, and the child's feeder
        // (a thread of the child process) waits for room in the pipe.
        assert!(
            report.lines().any(|l| l.starts_with("  MainThread waits")),
            "{runtime}: {report}"
        );
        assert!(
            report.contains("Connection.send (pipe full)"),
            "{runtime}: the feeder's wait is named: {report}"
        );
    }
}

/// Reading before joining, as the docs advise, ends cleanly.
#[test]
fn reading_before_joining_ends_cleanly() {
    let program = r#"import multiprocessing as mp

def fill(q):
    for i in range(200):
        q.put(b"x" * 1000)

if __name__ == "__main__":
    q = mp.Queue()
    p = mp.Process(target=fill, args=(q,))
    p.start()
    got = sum(len(q.get()) for _ in range(200))
    p.join()
    print(got, p.exitcode)
"#;
    for runtime in threads::RUNTIMES {
        let out = run_under(program, runtime);
        assert_eq!(
            (out.stdout.as_str(), out.exit_code),
            ("200000 0\n", 0),
            "{runtime}: {}",
            out.stderr
        );
    }
}
