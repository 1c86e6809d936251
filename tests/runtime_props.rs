//! Property tests of the runtime over generated programs: threads that
//! take locks in random orders (with timeouts, so they cannot deadlock
//! forever), increment shared counters, sleep, and pass items through a
//! lock-protected list used as a queue. For every runtime model and seed,
//! the event log must show: at most one thread running Python at a time
//! under a GIL; each lock held by at most one thread at a time; every
//! queued item got at most once and none lost; and the same program,
//! runtime and seed give the identical log.
#![cfg(not(target_arch = "wasm32"))]

use interleave::runtime::{run_program, SimOptions};
use interleave::trace::{Event, ThreadState};
use proptest::prelude::*;

use interleave::runtime::model::NAMES as RUNTIMES;

/// One step of a generated thread body.
#[derive(Clone, Debug)]
enum Step {
    /// `with locks[i]: counter += 1` repeated n times.
    Locked(usize, u32),
    /// Unprotected increments.
    Racy(u32),
    Sleep(u32),
    /// Put k items on the shared queue (under its lock), noting them.
    Put(u32),
    /// Take up to k items.
    Get(u32),
    /// Take locks i then j with a timeout on the second.
    Nested(usize, usize),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        (0..3usize, 1..50u32).prop_map(|(i, n)| Step::Locked(i, n)),
        (1..300u32).prop_map(Step::Racy),
        (0..3u32).prop_map(Step::Sleep),
        (1..5u32).prop_map(Step::Put),
        (1..5u32).prop_map(Step::Get),
        (0..3usize, 0..3usize).prop_map(|(i, j)| Step::Nested(i, j)),
    ]
}

fn render(threads: &[Vec<Step>]) -> String {
    let mut src = String::from(
        "import _thread, time
locks = [_thread.allocate_lock() for _ in range(3)]
qlock = _thread.allocate_lock()
class Q:
    def __init__(self):
        self.items = []
    def _qsize(self):
        return len(self.items)
q = Q()
counter = 0
racy = 0
done = []
serial = [0]
def put(k):
    for _ in range(k):
        with qlock:
            serial[0] += 1
            item = serial[0]
            q.items.append(item)
            _thread._note_queue(q, 'put', item)
def get(k):
    for _ in range(k):
        with qlock:
            if q.items:
                item = q.items.pop(0)
                _thread._note_queue(q, 'get', item)
",
    );
    for (t, steps) in threads.iter().enumerate() {
        src.push_str(&format!("def worker{t}():\n    global counter, racy\n"));
        for s in steps {
            let line = match s {
                Step::Locked(i, n) => {
                    format!("    for _ in range({n}):\n        with locks[{i}]:\n            counter += 1\n")
                }
                Step::Racy(n) => format!("    for _ in range({n}):\n        racy += 1\n"),
                Step::Sleep(ms) => format!("    time.sleep({ms} / 1000)\n"),
                Step::Put(k) => format!("    put({k})\n"),
                Step::Get(k) => format!("    get({k})\n"),
                Step::Nested(i, j) if i == j => format!("    with locks[{i}]:\n        counter += 1\n"),
                Step::Nested(i, j) => format!(
                    "    with locks[{i}]:\n        if locks[{j}].acquire(timeout=0.002):\n            counter += 1\n            locks[{j}].release()\n"
                ),
            };
            src.push_str(&line);
        }
        src.push_str("    done.append(1)\n");
    }
    for t in 0..threads.len() {
        src.push_str(&format!("_thread.start_new_thread(worker{t}, ())\n"));
    }
    src.push_str(&format!(
        "while len(done) < {}:\n    time.sleep(0.001)\nget(1000)\nprint(counter, len(q.items))\n",
        threads.len()
    ));
    src
}

/// [start, end) intervals of each thread's Running segments.
fn running_intervals(events: &[Event], end: u64) -> Vec<Span> {
    let mut open: std::collections::HashMap<u32, u64> = Default::default();
    let mut out = Vec::new();
    for e in events {
        if let Event::State { t, thread, state } = e {
            if let Some(s) = open.remove(thread) {
                out.push((s, *t, *thread));
            }
            if matches!(state, ThreadState::Running { .. }) {
                open.insert(*thread, *t);
            }
        }
    }
    for (thread, s) in open {
        out.push((s, end, thread));
    }
    out
}

/// A [start, end) interval and the thread it belongs to.
type Span = (u64, u64, u32);

/// Two spans of different threads that overlap, if any: sorted by start,
/// a span overlaps an earlier one iff it starts before the furthest end
/// seen so far.
fn overlapping(mut v: Vec<Span>) -> Option<(Span, Span)> {
    v.sort();
    let mut furthest: Option<Span> = None;
    for s in v {
        if let Some(f) = furthest {
            if s.0 < f.1 && s.2 != f.2 {
                return Some((f, s));
            }
        }
        if furthest.is_none_or(|f| s.1 > f.1) {
            furthest = Some(s);
        }
    }
    None
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, .. ProptestConfig::default() })]

    #[test]
    fn logs_obey_the_invariants(
        threads in prop::collection::vec(prop::collection::vec(step(), 1..6), 2..4),
        seed in 0u64..1000,
        model in 0usize..4,
    ) {
        let program = render(&threads);
        let runtime = RUNTIMES[model];
        let options = SimOptions { runtime: runtime.into(), seed, max_ops: 5_000_000, ..SimOptions::default() };
        let (out, sim) = run_program(&program, &options);
        prop_assert_eq!(out.exit_code, 0, "{}\n{}", out.stderr, program);
        let sim = sim.expect("runs");
        let events = &sim.log.events;
        let end = sim.now();

        // At most one thread runs Python at a time under a GIL.
        if runtime != "cpython-3.13t" {
            let clash = overlapping(running_intervals(events, end));
            prop_assert!(clash.is_none(), "two threads ran at once: {:?}\n{}", clash, program);
        }
        // A lock has at most one owner at a time.
        let mut holds: std::collections::HashMap<u64, Vec<Span>> = Default::default();
        for e in events {
            if let Event::LockHold { t, until, lock, thread, .. } = e {
                holds.entry(*lock).or_default().push((*t, *until, *thread));
            }
        }
        for (lock, v) in holds {
            let mut v = v;
            v.sort();
            for w in v.windows(2) {
                prop_assert!(w[1].0 >= w[0].1, "lock {} held twice: {:?}", lock, w);
            }
            let clash = overlapping(v);
            prop_assert!(clash.is_none(), "lock {} held twice: {:?}", lock, clash);
        }
        // Every item put is got at most once, and none is lost.
        let mut put = std::collections::HashSet::new();
        let mut got = std::collections::HashSet::new();
        for e in events {
            match e {
                Event::QueuePut { item, .. } => { prop_assert!(put.insert(*item)); }
                Event::QueueGet { item, .. } => {
                    prop_assert!(put.contains(item), "got an item never put");
                    prop_assert!(got.insert(*item), "item {} got twice", item);
                }
                _ => {}
            }
        }
        prop_assert_eq!(put.len(), got.len(), "items lost");
        prop_assert!(out.stdout.ends_with(" 0\n"), "{}", out.stdout);

        // Same program, runtime and seed: the identical log.
        let (_, again) = run_program(&program, &options);
        prop_assert_eq!(&again.expect("runs").log.events, events);
    }
}
