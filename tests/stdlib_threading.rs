//! The simulated `threading` (and `_threading_local`) against CPython 3.11:
//! the programs of `tests/threads/threading/` must print what python3
//! printed for them (`expected/`, from `tests/threads/regen.py`) under
//! every runtime model; plus deadlock reports, which are ours alone.

#[path = "common/threads.rs"]
mod threads;

use interleave::run::{run, RunOptions};

#[test]
fn programs_match_cpython() {
    threads::check_dir("threading", 25);
}

#[test]
fn expectations_are_fresh() {
    threads::expectations_fresh("threading");
}

/// Runs `program` under `runtime`; (stdout, stderr, status).
fn run_under(program: &str, runtime: &str) -> (String, String, i32) {
    let options = RunOptions {
        filename: "deadlock.py".into(),
        runtime: runtime.into(),
        ..RunOptions::default()
    };
    let out = run(program, &options);
    (out.stdout, out.stderr, out.exit_code)
}

/// The line of the report that starts with `  NAME waits for` (a lock)
/// or `  NAME waits in` (a wait such as Event.wait).
fn waits_line<'a>(report: &'a str, thread: &str) -> &'a str {
    report
        .lines()
        .find(|l| {
            l.starts_with(&format!("  {thread} waits for "))
                || l.starts_with(&format!("  {thread} waits in "))
        })
        .unwrap_or_else(|| panic!("no line for {thread} in:\n{report}"))
}

/// `Lock#N` in a line of the report.
fn lock_ids(line: &str) -> Vec<String> {
    line.split(|c: char| !(c.is_alphanumeric() || c == '#'))
        .filter(|w| w.starts_with("Lock#"))
        .map(str::to_string)
        .collect()
}

#[test]
fn crossed_locks_deadlock_names_threads_and_locks() {
    let program = r#"import threading, time
a = threading.Lock()
b = threading.Lock()
def transfer(first, second):
    with first:
        time.sleep(0.01)
        with second:
            print("never")
t1 = threading.Thread(target=transfer, args=(a, b), name="alice")
t2 = threading.Thread(target=transfer, args=(b, a), name="bob")
t1.start(); t2.start()
print("started")
t1.join(); t2.join()
print("never either")
"#;
    for runtime in threads::RUNTIMES {
        let (stdout, stderr, status) = run_under(program, runtime);
        assert_eq!(status, 3, "{runtime}: {stderr}");
        assert_eq!(stdout, "started\n", "{runtime}");
        assert!(stderr.starts_with("interleave: deadlock:"), "{stderr}");
        let alice = waits_line(&stderr, "alice");
        let bob = waits_line(&stderr, "bob");
        assert!(alice.ends_with("held by bob"), "{stderr}");
        assert!(bob.ends_with("held by alice"), "{stderr}");
        let (la, lb) = (lock_ids(alice), lock_ids(bob));
        assert_eq!((la.len(), lb.len()), (1, 1), "{stderr}");
        assert_ne!(la, lb, "the two locks are different:\n{stderr}");
        let main = waits_line(&stderr, "MainThread");
        assert!(
            main.contains("Thread.join (Lock#") && main.ends_with("held by alice"),
            "{stderr}"
        );
        let cycle = stderr
            .lines()
            .find(|l| l.starts_with("  wait-for cycle: "))
            .unwrap_or_else(|| panic!("no cycle in:\n{stderr}"));
        for part in ["alice", "bob", &la[0], &lb[0]] {
            assert!(cycle.contains(part), "{part} not in {cycle}");
        }
    }
}

#[test]
fn waits_are_named_by_what_they_wait_for() {
    // An Event nobody sets, a Condition nobody notifies, a Semaphore
    // nobody releases, a Barrier that never fills.
    let program = r#"import threading
ev = threading.Event()
cond = threading.Condition()
sem = threading.Semaphore(0)
bar = threading.Barrier(3)
def on_cond():
    with cond:
        cond.wait()
ts = [threading.Thread(target=ev.wait, name="on-event"),
      threading.Thread(target=on_cond, name="on-cond"),
      threading.Thread(target=sem.acquire, name="on-sem"),
      threading.Thread(target=bar.wait, name="on-barrier")]
for t in ts:
    t.start()
for t in ts:
    t.join()
"#;
    for runtime in threads::RUNTIMES {
        let (_, stderr, status) = run_under(program, runtime);
        assert_eq!(status, 3, "{runtime}: {stderr}");
        for (thread, what) in [
            ("on-event", "Event.wait (Lock#"),
            ("on-cond", "Condition.wait (Lock#"),
            ("on-sem", "Semaphore.acquire (Lock#"),
            ("on-barrier", "Barrier.wait (Lock#"),
            ("MainThread", "Thread.join (Lock#"),
        ] {
            let line = waits_line(&stderr, thread);
            assert!(line.contains(what), "{line}");
            if thread != "MainThread" {
                assert!(
                    line.ends_with("for another thread to wake it, and none can"),
                    "{line}"
                );
            }
        }
        assert!(waits_line(&stderr, "MainThread").ends_with("held by on-event"));
    }
}

#[test]
fn a_thread_waiting_for_itself_is_reported() {
    let program =
        "import threading\nl = threading.Lock()\nl.acquire()\nprint('once')\nl.acquire()\n";
    let (stdout, stderr, status) = run_under(program, "cpython-3.12");
    assert_eq!((stdout.as_str(), status), ("once\n", 3), "{stderr}");
    assert!(
        waits_line(&stderr, "MainThread").contains("which it holds itself"),
        "{stderr}"
    );
}

/// A program using most of threading and queue, for the log tests.
const BUSY: &str = r#"import threading, queue, time
q = queue.Queue(maxsize=2)
bar = threading.Barrier(3)
sem = threading.BoundedSemaphore(2)
data = threading.local()
cond = threading.Condition()
ready = []
def worker(k):
    data.k = k
    bar.wait()
    with sem:
        q.put(k)
    with cond:
        ready.append(k)
        cond.notify_all()
def consumer():
    for _ in range(2):
        q.get()
        q.task_done()
ts = [threading.Thread(target=worker, args=(k,), name=f"worker-{k}") for k in range(2)]
ts.append(threading.Thread(target=consumer, daemon=True))
for t in ts:
    t.start()
bar.wait()
with cond:
    cond.wait_for(lambda: len(ready) == 2)
q.join()
threading.Timer(0.01, print, args=("timer",)).start()
"#;

#[test]
fn same_seed_same_event_log() {
    for runtime in threads::RUNTIMES {
        let options = interleave::runtime::SimOptions {
            runtime: runtime.to_string(),
            seed: 7,
            ..Default::default()
        };
        let (out, a) = interleave::runtime::run_program(BUSY, &options);
        assert_eq!(
            (out.stdout.as_str(), out.exit_code),
            ("timer\n", 0),
            "{}",
            out.stderr
        );
        let (_, b) = interleave::runtime::run_program(BUSY, &options);
        let (a, b) = (a.expect("ran"), b.expect("ran"));
        assert_eq!(a.log.events, b.log.events, "{runtime}");
    }
}

#[test]
fn the_runtime_knows_threads_by_their_thread_names() {
    let (out, sim) =
        interleave::runtime::run_program(BUSY, &interleave::runtime::SimOptions::default());
    assert_eq!(out.exit_code, 0, "{}", out.stderr);
    let names = sim.expect("ran").thread_names();
    assert_eq!(
        names,
        [
            "MainThread",
            "worker-0",
            "worker-1",
            "Thread-1 (consumer)",
            "Thread-2"
        ]
    );
}
