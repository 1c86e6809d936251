//! Statistics and Chrome traces of real runs: a producer and a consumer
//! contending for a lock and passing items through a lock-protected list
//! (noted with `_thread._note_queue`, named `Q#1` after its class), checked against what the program
//! itself counted; the trace file's structure (named threads, the GIL
//! counter, flows that pair up); the log's size for a long loop; and
//! `interleave run --stats` / `--trace FILE` through the built binary.
//! The programs use `_thread` and `time` directly.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};

use interleave::runtime::{run_program, SimOptions, Simulation};
use interleave::trace::chrome::{self, TraceInfo};
use interleave::trace::stats::Stats;
use interleave::trace::{Event, ThreadState};
use serde_json::Value;

use interleave::runtime::model::NAMES as RUNTIMES;

#[path = "common/cli.rs"]
mod cli;
#[path = "common/race.rs"]
mod race;
use race::race_program;

/// `n` items from a producer to a consumer through a list guarded by one
/// lock; both sleep while holding it, so each often finds it taken, and
/// after releasing it, so that the other (woken) one gets it. The program
/// prints how often it took the lock and how many items passed.
fn pipeline(n: u32) -> String {
    format!(
        "import _thread, time
lock = _thread.allocate_lock()
_thread._label(lock, 'shared')
class Q:
    def __init__(self):
        self.items = []
    def _qsize(self):
        return len(self.items)
q = Q()
taken = [0, 0]
passed = [0]
done = []
def producer(n):
    for i in range(n):
        with lock:
            taken[0] += 1
            q.items.append(i)
            _thread._note_queue(q, 'put', i)
            time.sleep(0.0002)
        time.sleep(0.0001)
    done.append(1)
def consumer(n):
    got = 0
    while got < n:
        with lock:
            taken[1] += 1
            if q.items:
                item = q.items.pop(0)
                _thread._note_queue(q, 'get', item)
                got += 1
                passed[0] += 1
            time.sleep(0.0001)
        time.sleep(0.0001)
    done.append(1)
_thread.start_new_thread(producer, ({n},))
_thread.start_new_thread(consumer, ({n},))
while len(done) < 2:
    time.sleep(0.001)
print(taken[0] + taken[1], passed[0], len(q.items))
"
    )
}

fn run(source: &str, runtime: &str, seed: u64) -> (String, Simulation) {
    let options = SimOptions {
        runtime: runtime.into(),
        seed,
        ..SimOptions::default()
    };
    let (out, sim) = run_program(source, &options);
    assert_eq!(out.exit_code, 0, "{runtime}: {}", out.stderr);
    (out.stdout, sim.expect("the program ran"))
}

fn numbers(stdout: &str) -> Vec<u64> {
    stdout
        .split_whitespace()
        .map(|w| w.parse().expect("a number"))
        .collect()
}

fn stats_of(sim: &Simulation) -> Stats {
    Stats::new(&sim.log.events, sim.now(), &sim.thread_names())
}

fn trace_of(sim: &Simulation, stdout: &str) -> Value {
    let info = TraceInfo {
        runtime: sim.runtime(),
        stdout,
    };
    let text = chrome::export(&sim.log.events, sim.now(), &sim.thread_names(), &info);
    serde_json::from_str(&text).expect("the trace is JSON")
}

#[test]
fn stats_count_what_the_program_did() {
    for runtime in RUNTIMES {
        let (stdout, sim) = run(&pipeline(40), runtime, 3);
        let [taken, passed, left] = numbers(&stdout)[..] else {
            panic!("{stdout}");
        };
        assert_eq!((passed, left), (40, 0));
        let stats = stats_of(&sim);
        let lock = stats
            .locks
            .iter()
            .find(|l| l.name.starts_with("shared ("))
            .unwrap_or_else(|| panic!("{runtime}: no lock 'shared' in {:?}", stats.locks));
        assert_eq!(lock.acquisitions, taken, "{runtime}");
        assert!(lock.contended > 0, "{runtime}: never contended");
        assert!(lock.contended < lock.acquisitions);
        assert!(lock.max_wait > 0 && lock.total_wait >= lock.max_wait);
        assert!(lock.max_waiters >= 1);
        assert_eq!(stats.queues.len(), 1, "{runtime}");
        let q = &stats.queues[0];
        assert_eq!((q.puts, q.gets), (40, 40), "{runtime}");
        assert!(q.max_depth >= 1);
        assert!(q.mean_depth > 0.0 && q.mean_depth <= f64::from(q.max_depth));

        assert_eq!(stats.threads.len(), 3);
        for t in &stats.threads {
            assert_eq!(t.accounted(), t.lifetime(), "{runtime}: {t:?}");
            assert!(t.lifetime() > 0);
        }
        // Both workers slept holding the lock, and each blocked on it.
        for t in &stats.threads[1..] {
            assert!(
                t.sleeping > 0 && t.blocked > 0 && t.running > 0,
                "{runtime}: {t:?}"
            );
        }
        assert_eq!(stats.has_gil, runtime != "cpython-3.13t");
        if stats.has_gil {
            assert!(stats.gil_handoff_count() > 0);
            // Nobody holds the GIL longer than it lives, and the holding
            // threads add up to no more than the run.
            let held: u64 = stats.threads.iter().map(|t| t.gil_held).sum();
            assert!(held <= stats.end);
            for t in &stats.threads {
                assert!(t.gil_held <= t.lifetime());
            }
        } else {
            assert!(stats.gil_handoffs.is_empty());
        }
        let text = stats.render();
        assert!(text.contains("shared (Lock#"), "{text}");
        assert!(text.lines().any(|l| l.starts_with("Q#1 ")), "{text}");
    }
}

#[test]
fn each_thread_states_cover_its_lifetime_without_gaps() {
    for runtime in RUNTIMES {
        let (_, sim) = run(&pipeline(10), runtime, 1);
        let tl = interleave::trace::timeline::Timeline::new(
            &sim.log.events,
            sim.now(),
            &sim.thread_names(),
        );
        for line in &tl.threads {
            let first = line.segments.first().expect("some state");
            assert_eq!(first.start, line.start, "{runtime} {}", line.name);
            for w in line.segments.windows(2) {
                assert_eq!(w[0].end, w[1].start, "{runtime} {}", line.name);
            }
            assert_eq!(line.segments.last().unwrap().end, line.end);
        }
        // The log's per-thread states are in time order.
        let mut last: BTreeMap<u32, u64> = BTreeMap::new();
        for e in &sim.log.events {
            if let Event::State { t, thread, .. } = e {
                let prev = last.insert(*thread, *t).unwrap_or(0);
                assert!(*t >= prev, "{runtime}: thread {thread} went back in time");
            }
        }
    }
}

/// A flow's (cat, name, id).
type FlowKey = (String, String, u64);

/// The flows of a trace by key: (start events, end events).
fn flows(events: &[Value]) -> BTreeMap<FlowKey, (Vec<Value>, Vec<Value>)> {
    let mut out: BTreeMap<FlowKey, (Vec<Value>, Vec<Value>)> = BTreeMap::new();
    for e in events {
        let ph = e["ph"].as_str().unwrap();
        if ph == "s" || ph == "f" {
            let key = (
                e["cat"].as_str().unwrap().to_string(),
                e["name"].as_str().unwrap().to_string(),
                e["id"].as_u64().expect("a flow id"),
            );
            let entry = out.entry(key).or_default();
            if ph == "s" {
                entry.0.push(e.clone());
            } else {
                entry.1.push(e.clone());
            }
        }
    }
    out
}

#[test]
fn the_trace_follows_the_trace_event_format() {
    for runtime in ["cpython-3.12", "cpython-3.13t"] {
        let (stdout, sim) = run(&pipeline(30), runtime, 5);
        let stats = stats_of(&sim);
        let v = trace_of(&sim, &stdout);
        assert_eq!(v["displayTimeUnit"], "ns");
        let events = v["traceEvents"].as_array().expect("traceEvents");
        let mut tracks = BTreeSet::new();
        let mut names = BTreeMap::new();
        for e in events {
            let ph = e["ph"].as_str().expect("ph");
            assert_eq!(e["pid"], 1, "{e}");
            assert!(e["ts"].as_f64().is_some_and(|t| t >= 0.0), "{e}");
            assert!(e["name"].is_string(), "{e}");
            match ph {
                "M" => {
                    if e["name"] == "thread_name" {
                        names.insert(e["tid"].as_u64().unwrap(), e["args"]["name"].clone());
                    }
                }
                "X" => {
                    assert!(e["dur"].as_f64().is_some_and(|d| d >= 0.0), "{e}");
                    tracks.insert(e["tid"].as_u64().expect("tid"));
                }
                "C" => assert!(e["args"]
                    .as_object()
                    .is_some_and(|a| a.values().all(Value::is_number))),
                "i" => assert_eq!(e["s"], "t"),
                "s" | "f" => assert!(e["id"].is_u64() && e["tid"].is_u64()),
                other => panic!("unexpected phase {other}"),
            }
        }
        // Every track with slices is named; the threads by their names.
        for tid in &tracks {
            assert!(names.contains_key(tid), "track {tid} has no name");
        }
        let thread_names: Vec<&str> = names.values().filter_map(Value::as_str).collect();
        for name in ["MainThread", "Thread-1", "Thread-2", "Thread-1 locks"] {
            assert!(thread_names.contains(&name), "{runtime}: {thread_names:?}");
        }
        let process = events
            .iter()
            .find(|e| e["ph"] == "M" && e["name"] == "process_name")
            .unwrap();
        assert_eq!(process["args"]["name"], format!("python ({runtime})"));
        // Slices on one track nest: no two partially overlap. (In whole
        // nanoseconds, read as Perfetto reads microseconds: truncated.)
        let ns = |v: &Value| (v.as_f64().unwrap() * 1000.0) as i64;
        let mut by_track: BTreeMap<u64, Vec<(i64, i64)>> = BTreeMap::new();
        for e in events.iter().filter(|e| e["ph"] == "X") {
            let ts = ns(&e["ts"]);
            by_track
                .entry(e["tid"].as_u64().unwrap())
                .or_default()
                .push((ts, ts + ns(&e["dur"])));
        }
        for (tid, mut v) in by_track {
            v.sort_by_key(|&(s, e)| (s, std::cmp::Reverse(e)));
            let mut open: Vec<i64> = Vec::new();
            for (s, e) in v {
                while open.last().is_some_and(|&o| o <= s) {
                    open.pop();
                }
                if let Some(&o) = open.last() {
                    assert!(e <= o, "{runtime}: track {tid}: slices overlap");
                }
                open.push(e);
            }
        }
        // The GIL counter exactly when there is a GIL.
        let gil = events
            .iter()
            .filter(|e| e["ph"] == "C" && e["name"] == "GIL");
        assert_eq!(gil.count() > 0, runtime == "cpython-3.12", "{runtime}");
        let depth = events
            .iter()
            .filter(|e| e["ph"] == "C" && e["name"] == "Q#1")
            .count();
        assert_eq!(depth, 60);
        // Flows: one start and one end each, the start first; one per
        // item and one per contended acquisition.
        let flows = flows(events);
        for (key, (s, f)) in &flows {
            assert_eq!((s.len(), f.len()), (1, 1), "{key:?}");
            assert!(s[0]["ts"].as_f64() <= f[0]["ts"].as_f64(), "{key:?}");
            assert_eq!(f[0]["bp"], "e");
        }
        let queue_flows = flows.keys().filter(|k| k.0 == "queue").count();
        assert_eq!(queue_flows, 30);
        let lock_flows = flows.keys().filter(|k| k.0 == "lock").count() as u64;
        let contended: u64 = stats.locks.iter().map(|l| l.contended).sum();
        assert!(lock_flows > 0);
        assert_eq!(lock_flows, contended, "{runtime}");
        // The print is an instant with the printed text.
        let print = events.iter().find(|e| e["ph"] == "i").expect("a print");
        assert_eq!(print["args"]["text"].as_str(), Some(stdout.as_str()));
    }
}

#[test]
fn a_long_loop_gives_a_short_log() {
    for runtime in ["cpython-3.9", "cpython-3.12", "cpython-3.13t"] {
        for locked in [false, true] {
            let (_, sim) = run(
                &race_program(
                    200_000,
                    if locked {
                        "with lock:\n            n += 1"
                    } else {
                        "n += 1"
                    },
                ),
                runtime,
                0,
            );
            let len = sim.log.len() as u64;
            println!("{runtime} locked={locked}: {len} events for 2 x 200,000 iterations");
            if !locked {
                assert!(len < 1_000, "{runtime}: {len} events");
            } else {
                let stats = stats_of(&sim);
                let total: u64 = stats.locks.iter().map(|l| l.acquisitions).sum();
                assert_eq!(total, 400_000, "{runtime}");
                // The log grows with the contention (a wait, a hand-over,
                // state changes), not with the iterations.
                let contended: u64 = stats.locks.iter().map(|l| l.contended).sum();
                println!("  {contended} contended acquisitions");
                assert!(
                    len < 1_000 + 12 * contended && len < 100_000,
                    "{runtime}: {len} events, {contended} contended"
                );
                // A hold record is the lock taken `count` times in a row
                // by one thread: a new record only when someone waited.
                let holds = sim
                    .log
                    .events
                    .iter()
                    .filter(|e| matches!(e, Event::LockHold { .. }))
                    .count() as u64;
                assert!(
                    holds < 100 + 4 * contended,
                    "{runtime}: {holds} hold records, {contended} contended"
                );
            }
        }
    }
}

#[test]
fn free_threaded_threads_run_in_parallel_in_the_trace() {
    let (_, sim) = run(&race_program(50_000, "n += 1"), "cpython-3.13t", 0);
    let stats = stats_of(&sim);
    // Two cores, two workers: both ran, nobody waited for a GIL.
    assert!(stats.threads.iter().all(|t| t.wait_gil == 0));
    let cores: BTreeSet<u32> = sim
        .log
        .events
        .iter()
        .filter_map(|e| match e {
            Event::State {
                state: ThreadState::Running { core },
                ..
            } => Some(*core),
            _ => None,
        })
        .collect();
    assert_eq!(cores.len(), 2);
}

#[test]
fn cli_prints_stats_after_the_output_and_writes_the_trace() {
    let program = format!(
        "{}import sys\nprint('to stderr', file=sys.stderr)\n",
        pipeline(20)
    );
    let plain = cli::interleave("run", &program, &[]);
    let trace = cli::temp_path("json");
    let trace_arg = trace.display().to_string();
    let out = cli::interleave("run", &program, &["--stats", "--trace", &trace_arg]);
    assert!(out.status.success());
    // Stdout is the program's alone; stderr is the program's, then the
    // statistics.
    assert_eq!(out.stdout, plain.stdout);
    assert_eq!(plain.stderr, b"to stderr\n");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.starts_with("to stderr\nstatistics ("), "{stderr}");
    for needle in [
        "MainThread",
        "Thread-2",
        "GIL hand-offs: ",
        "shared (Lock#",
        "\nQ#1 ",
    ] {
        assert!(stderr.contains(needle), "{needle}: {stderr}");
    }
    let text = std::fs::read_to_string(&trace).expect("the trace was written");
    let v: Value = serde_json::from_str(&text).expect("JSON");
    let events = v["traceEvents"].as_array().unwrap();
    assert!(events
        .iter()
        .any(|e| e["ph"] == "M" && e["args"]["name"] == "python (cpython-3.12)"));
    assert_eq!(flows(events).keys().filter(|k| k.0 == "queue").count(), 20);
    let _ = std::fs::remove_file(&trace);
}

#[test]
fn cli_trace_to_an_unwritable_path_is_a_usage_error() {
    let out = cli::interleave(
        "run",
        "print('never')\n",
        &["--trace", "/nonexistent-dir/x/trace.json"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty(), "the program must not run");
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot write the trace"));
}

/// Each asyncio task gets a named track of its own, sorted right after
/// its thread's, with a "step" slice per step and an "awaiting" slice for
/// each await in between (here one sleep of 0.05 s each).
#[test]
fn asyncio_tasks_have_tracks_of_their_own() {
    let program = "import asyncio
async def nap(d):
    await asyncio.sleep(d)
async def main():
    await asyncio.gather(asyncio.create_task(nap(0.05), name='napper'), nap(0.05))
asyncio.run(main())
print('ok')
";
    let (stdout, sim) = run(program, "cpython-3.12", 1);
    assert_eq!(stdout, "ok\n");
    let trace = trace_of(&sim, &stdout);
    let events = trace["traceEvents"].as_array().unwrap();
    let tid_of = |name: &str| {
        events
            .iter()
            .find(|e| e["name"] == "thread_name" && e["args"]["name"] == name)
            .map(|e| e["tid"].as_u64().unwrap())
    };
    let napper = tid_of("napper").expect("a track named by the task's name");
    let main_task = tid_of("Task-1").expect("the main task's track");
    assert_ne!(napper, main_task);
    let slices = |tid: u64| -> Vec<(String, f64)> {
        events
            .iter()
            .filter(|e| e["ph"] == "X" && e["tid"] == tid)
            .map(|e| {
                (
                    e["name"].as_str().unwrap().to_string(),
                    e["dur"].as_f64().unwrap(),
                )
            })
            .collect()
    };
    let s = slices(napper);
    let names: Vec<&str> = s.iter().map(|x| x.0.as_str()).collect();
    assert_eq!(names, ["step", "awaiting", "step"]);
    assert!((50_000.0..51_000.0).contains(&s[1].1), "{s:?}");
    let sort_index = |tid: u64| {
        events
            .iter()
            .find(|e| e["name"] == "thread_sort_index" && e["tid"] == tid)
            .map(|e| e["args"]["sort_index"].as_u64().unwrap())
            .unwrap()
    };
    assert!(sort_index(main_task) < sort_index(napper));
    assert!(
        sort_index(napper) < 100,
        "under MainThread (0), before thread 1 (100)"
    );
}

/// A pool's workers are processes of their own in the trace, named as
/// CPython names them, labelled with their parent, each with its main
/// thread's track and its own GIL counter.
#[test]
fn pool_workers_are_processes_in_the_trace() {
    let program = "import multiprocessing as mp
def sq(x):
    s = 0
    for i in range(2000):
        s += i
    return x * x
if __name__ == '__main__':
    with mp.Pool(2) as pool:
        print(pool.map(sq, range(8)))
";
    let (stdout, sim) = run(program, "cpython-3.12", 1);
    assert_eq!(stdout, "[0, 1, 4, 9, 16, 25, 36, 49]\n");
    let trace = trace_of(&sim, &stdout);
    let events = trace["traceEvents"].as_array().unwrap();
    let meta = |name: &str, pid: &Value| {
        events
            .iter()
            .find(|e| e["ph"] == "M" && e["name"] == name && &e["pid"] == pid)
            .map(|e| e["args"].clone())
    };
    let workers: Vec<(Value, String)> = events
        .iter()
        .filter(|e| e["name"] == "process_name" && e["pid"] != 1)
        .map(|e| {
            (
                e["pid"].clone(),
                e["args"]["name"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let names: Vec<&str> = workers.iter().map(|w| w.1.as_str()).collect();
    assert_eq!(
        names,
        ["ForkPoolWorker-1 (pid 4243)", "ForkPoolWorker-2 (pid 4244)"]
    );
    for (pid, name) in &workers {
        assert_eq!(
            meta("process_labels", pid).unwrap()["labels"],
            "child of pid 1, fork",
            "{name}"
        );
        // Its main thread's track is in its process.
        let threads: Vec<&Value> = events
            .iter()
            .filter(|e| e["name"] == "thread_name" && &e["pid"] == pid)
            .map(|e| &e["args"]["name"])
            .collect();
        assert!(
            threads.contains(&&Value::from("MainThread")),
            "{name}: {threads:?}"
        );
        let gil = events
            .iter()
            .filter(|e| e["ph"] == "C" && e["name"] == "GIL" && &e["pid"] == pid)
            .count();
        assert!(gil >= 2, "{name}: its own GIL counter");
        let running = events
            .iter()
            .filter(|e| e["ph"] == "X" && &e["pid"] == pid && e["cat"] == "state")
            .count();
        assert!(running > 0, "{name}: its thread's states");
    }
    // Tasks go out to the workers and results come back as flows from
    // one process to another (queue flows over the pool's pipes).
    let mut starts = BTreeMap::new();
    for e in events
        .iter()
        .filter(|e| e["ph"] == "s" && e["cat"] == "queue")
    {
        starts.insert(e["id"].as_u64().unwrap(), e["pid"].clone());
    }
    let (mut out, mut back) = (0, 0);
    for e in events
        .iter()
        .filter(|e| e["ph"] == "f" && e["cat"] == "queue")
    {
        let from = &starts[&e["id"].as_u64().unwrap()];
        if from == &Value::from(1) && e["pid"] != 1 {
            out += 1;
        }
        if from != &Value::from(1) && e["pid"] == 1 {
            back += 1;
        }
    }
    assert!(out >= 8 && back >= 8, "flows to workers {out}, back {back}");
}
