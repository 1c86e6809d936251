//! The page's timeline model and summary line over real runs: lanes for
//! the GIL, threads, the program's locks and queues; source lines on
//! thread segments; and a summary whose verdict follows from where the
//! time went (GIL turns, parallel cores, overlapping sleeps).

use interleave::runtime::{SimOptions, Simulation};
use interleave::trace::lanes::{LaneKind, Layout, Model, Style};
use interleave::trace::stats::{Stats, Verdict};

struct Run {
    model: Model,
    stats: Stats,
    out: String,
}

fn run(source: &str, runtime: &str, cores: usize) -> Run {
    let options = SimOptions {
        runtime: runtime.into(),
        cores,
        seed: 1,
        ..SimOptions::default()
    };
    let mut sim = Simulation::new(source, &options).expect("compiles");
    let code = sim.run_to_end();
    assert_eq!(code, 0, "exit status");
    let names = sim.thread_names();
    let end = sim.now();
    let events = &sim.log.events;
    let states = events
        .iter()
        .filter(|e| matches!(e, interleave::trace::Event::State { .. }))
        .count();
    assert_eq!(sim.state_lines.len(), states, "one line per State event");
    Run {
        model: Model::new(events, end, &names, &sim.state_lines),
        stats: Stats::new(events, end, &names),
        out: sim.output().0.to_string(),
    }
}

/// What the real python3 prints for `source`.
fn python3(source: &str) -> String {
    let out = std::process::Command::new("python3")
        .args(["-c", source])
        .output()
        .expect("python3 runs");
    String::from_utf8(out.stdout).unwrap()
}

const RACE: &str = "import threading

counter = 0

def work(n):
    global counter
    for _ in range(n):
        counter += 1

threads = [threading.Thread(target=work, args=(1_000_000,)) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(\"counter =\", counter)
";

#[test]
fn race_under_a_gil_takes_turns_and_says_so() {
    let r = run(RACE, "cpython-3.12", 2);
    assert_eq!(r.out, python3(RACE));
    let s = r.stats.summary();
    assert_eq!(s.verdict, Verdict::Gil, "{s:?}");
    let ratio = s.ratio.unwrap();
    assert!((0.95..1.3).contains(&ratio), "ratio {ratio}");
    let text = s.text(false);
    assert!(
        text.starts_with("2 threads, ")
            && text.ends_with("× the sequential time: the GIL let only one run at a time"),
        "{text}"
    );
    assert!(s.text(true).contains("GIL 一次只允许一个线程运行"));
    // GIL lane, three threads; no lock or queue of the program's own.
    let lanes = &r.model.groups[0].lanes;
    assert_eq!(lanes[0].kind, LaneKind::Gil);
    let threads = lanes
        .iter()
        .filter(|l| matches!(l.kind, LaneKind::Thread(_)))
        .count();
    assert_eq!(threads, 3);
    assert!(lanes
        .iter()
        .filter(|l| matches!(l.kind, LaneKind::Lock(_)))
        .all(|l| l.internal));
    // The workers' running segments point into work()'s loop (lines 7-8),
    // and the GIL changed hands many times, for the interval.
    let worker = r.model.lane(LaneKind::Thread(1)).unwrap();
    let lines: Vec<u32> = worker
        .spans
        .iter()
        .filter(|s| s.style == Style::Running)
        .map(|s| s.line)
        .collect();
    assert!(lines.len() > 5, "{lines:?}");
    assert!(
        lines.iter().skip(1).all(|l| (7..=8).contains(l)),
        "{lines:?}"
    );
    assert!(r.model.has_lines);
    assert!(r.model.handoffs.len() > 5);
}

#[test]
fn race_free_threaded_runs_in_parallel() {
    let r = run(RACE, "cpython-3.13t", 2);
    let s = r.stats.summary();
    assert_eq!(s.verdict, Verdict::Parallel, "{s:?}");
    assert_eq!(s.parallel, 2);
    assert!(s.ratio.unwrap() < 0.75, "{s:?}");
    assert!(r.model.lane(LaneKind::Gil).is_none());
    assert!(s
        .text(false)
        .contains("they ran in parallel, up to 2 at once"));
}

#[test]
fn sleeping_threads_overlap() {
    let src = "import threading, time
def nap():
    time.sleep(0.1)
ts = [threading.Thread(target=nap) for _ in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print('done')
";
    let r = run(src, "cpython-3.12", 2);
    let s = r.stats.summary();
    assert_eq!(s.threads, 4);
    assert_eq!(s.verdict, Verdict::Overlapped, "{s:?}");
    assert!(s.ratio.unwrap() < 0.4, "{s:?}");
    assert!(
        s.text(false).starts_with("4 threads, 0."),
        "{}",
        s.text(false)
    );
    // A sleeping segment points at the sleep line.
    let t1 = r.model.lane(LaneKind::Thread(1)).unwrap();
    let sleep = t1
        .spans
        .iter()
        .find(|s| s.style == Style::Sleeping)
        .unwrap();
    assert_eq!(sleep.line, 3);
}

#[test]
fn one_thread_is_just_its_time() {
    let r = run("x = sum(range(1000))\nprint(x)\n", "cpython-3.12", 2);
    let s = r.stats.summary();
    assert_eq!(s.verdict, Verdict::OneThread);
    assert!(s.text(false).starts_with("1 thread, "), "{}", s.text(false));
    assert!(s.text(true).starts_with("1 个线程，虚拟时间 "));
}

const LOCK_AND_QUEUE: &str = "import threading, queue
lock = threading.Lock()
q = queue.Queue()
total = 0
def producer():
    for i in range(5):
        q.put(i)
    q.put(None)
def consumer():
    global total
    while True:
        item = q.get()
        if item is None:
            break
        with lock:
            total += item
def adder():
    global total
    for _ in range(3):
        with lock:
            total += 1
ts = [threading.Thread(target=producer), threading.Thread(target=consumer), threading.Thread(target=adder)]
for t in ts: t.start()
for t in ts: t.join()
print(total)
";

#[test]
fn the_programs_lock_and_queue_get_lanes() {
    let r = run(LOCK_AND_QUEUE, "cpython-3.12", 2);
    assert_eq!(r.out, python3(LOCK_AND_QUEUE));
    let lanes = &r.model.groups[0].lanes;
    let user_locks: Vec<_> = lanes
        .iter()
        .filter(|l| matches!(l.kind, LaneKind::Lock(_)) && !l.internal)
        .collect();
    assert_eq!(user_locks.len(), 1, "{:?}", user_locks);
    // The lock was taken 5 + 3 times (holds taken in a row are counted).
    let taken: u64 = user_locks[0]
        .spans
        .iter()
        .map(|s| u64::from(s.detail))
        .sum();
    assert_eq!(taken, 8);
    let queues: Vec<_> = lanes
        .iter()
        .filter(|l| matches!(l.kind, LaneKind::Queue(_)))
        .collect();
    assert_eq!(queues.len(), 1);
    let q = queues[0];
    assert_eq!(q.transfers.len(), 6);
    assert!(q
        .transfers
        .iter()
        .all(|t| t.get >= t.put && t.from == 1 && t.to == 2));
    assert_eq!(q.max_step, r.stats.queues[0].max_depth);
    // Shown: the GIL, 4 threads, the lock, the queue.
    assert_eq!(Layout::new(&r.model, 0.0, false).lane_count(), 7);
}

const PROCESSES: &str = "import multiprocessing as mp
import threading

def burn(n, q):
    s = 0
    for i in range(n):
        s += i
    q.put(s)

def child(q):
    t = threading.Thread(target=burn, args=(20000, q))
    t.start()
    burn(20000, q)
    t.join()

if __name__ == '__main__':
    q = mp.Queue()
    ps = [mp.Process(target=child, args=(q,)) for _ in range(2)]
    for p in ps:
        p.start()
    print(sorted(q.get() for _ in range(4)))
    for p in ps:
        p.join()
    print([p.exitcode for p in ps])
";

/// A run of processes is one lane group per process, in start order: the
/// program's, then each child's with its pid, each led by its own GIL
/// lane held only by its own threads.
#[test]
fn each_process_is_a_group_with_its_own_gil() {
    let r = run(PROCESSES, "cpython-3.12", 2);
    assert_eq!(r.out, python3(PROCESSES));
    let m = &r.model;
    let labels: Vec<&str> = m.groups.iter().map(|g| g.label.as_str()).collect();
    assert_eq!(labels.len(), 3, "{labels:?}");
    assert_eq!(labels[0], "MainProcess");
    for (k, g) in m.groups[1..].iter().enumerate() {
        assert_eq!(g.label, format!("Process-{} (pid {})", k + 1, g.process));
        assert_eq!(g.lanes[0].kind, LaneKind::Gil, "{}", g.label);
        let own: Vec<u32> = g
            .lanes
            .iter()
            .filter_map(|l| match l.kind {
                LaneKind::Thread(t) => Some(t),
                _ => None,
            })
            .collect();
        // Its main thread, the thread it started, and the queue's feeder.
        let names: Vec<&str> = own.iter().map(|&t| m.thread_name(t)).collect();
        assert_eq!(names.len(), 3, "{}: {names:?}", g.label);
        assert!(names.contains(&"MainThread"), "{names:?}");
        assert!(!g.lanes[0].spans.is_empty());
        assert!(
            g.lanes[0].spans.iter().all(|s| own.contains(&s.thread)),
            "{}'s GIL is held by its own threads only",
            g.label
        );
        // Its threads took turns with its GIL.
        let holders: std::collections::BTreeSet<u32> =
            g.lanes[0].spans.iter().map(|s| s.thread).collect();
        assert!(holders.len() >= 2, "{}", g.label);
    }
    // The cursor names each child's GIL holder while both children run.
    let busy = m.groups[1].lanes[0].spans[0].start + 1;
    let lines = m.snapshot(busy).lines(m, false);
    assert!(
        lines.iter().any(|l| l.ends_with("holds Process-1's GIL")),
        "{lines:?}"
    );
}

const TASKS: &str = "import asyncio

async def fetch(name, delay):
    print('start', name)
    await asyncio.sleep(delay)
    print('done', name)
    return name

async def main():
    a = asyncio.create_task(fetch('a', 0.2))
    b = asyncio.create_task(fetch('b', 0.1), name='bee')
    print(await asyncio.gather(a, b))

asyncio.run(main())
";

/// Each asyncio task is a lane under its thread: steps running, the time
/// between them awaiting; named as the program named it.
#[test]
fn asyncio_tasks_are_lanes_under_their_thread() {
    let r = run(TASKS, "cpython-3.12", 2);
    assert_eq!(r.out, python3(TASKS));
    let lanes = &r.model.groups[0].lanes;
    let kinds: Vec<String> = lanes
        .iter()
        .map(|l| match l.kind {
            LaneKind::Gil => "GIL".into(),
            LaneKind::Thread(t) => format!("thread {t}"),
            LaneKind::Task { thread, .. } => format!("{} in {thread}", l.label),
            _ => "other".into(),
        })
        .filter(|k| k != "other")
        .collect();
    // (asyncio.run's shutdown steps are tasks of their own too, as in
    // CPython: Task-3 and Task-4.)
    assert_eq!(
        kinds[..6],
        [
            "GIL",
            "thread 0",
            "event loop in 0",
            "Task-1 in 0",
            "Task-2 in 0",
            "bee in 0"
        ]
    );
    let task = |label: &str| lanes.iter().find(|l| l.label == label).unwrap();
    // fetch('a'): a step to its sleep, 0.2 s awaiting, a step to its end.
    let a = task("Task-2");
    let styles: Vec<Style> = a.spans.iter().map(|s| s.style).collect();
    assert_eq!(styles, [Style::Running, Style::Awaiting, Style::Running]);
    let waited = a.spans[1].duration() as f64 / 1e9;
    assert!((0.2..0.21).contains(&waited), "a awaited {waited} s");
    let bee = task("bee");
    let waited = bee.spans[1].duration() as f64 / 1e9;
    assert!((0.1..0.11).contains(&waited), "bee awaited {waited} s");
    // main() awaits the gather the whole time in between.
    let main = task("Task-1");
    assert!(main
        .spans
        .iter()
        .any(|s| s.style == Style::Awaiting && s.duration() >= a.spans[1].duration()));
    let mid = a.spans[1].start + 1000;
    let lines = r.model.snapshot(mid).lines(&r.model, false);
    assert!(lines.contains(&"Task-2 awaits".to_string()), "{lines:?}");
    // The loop: idle while every task awaits a sleep (0.1 s, then the
    // 0.1 s left of a's 0.2), running callbacks around that. (Between the
    // run_until_complete calls of asyncio.run's shutdown it is not
    // running at all, a few microseconds shown as idle too.)
    let event_loop = task("event loop");
    let idle: Vec<u64> = event_loop
        .spans
        .iter()
        .filter(|s| s.style == Style::Awaiting && s.duration() > 1_000_000)
        .map(|s| s.duration())
        .collect();
    assert_eq!(idle.len(), 2, "{:?}", event_loop.spans);
    for d in idle {
        assert!((0.099..0.101).contains(&(d as f64 / 1e9)), "idle {d} ns");
    }
    let idle = event_loop
        .spans
        .iter()
        .find(|s| s.style == Style::Awaiting && s.duration() > 1_000_000)
        .unwrap();
    let lines = r
        .model
        .snapshot((idle.start + idle.end) / 2)
        .lines(&r.model, false);
    assert!(
        lines.contains(&"MainThread's event loop is idle (waits for a timer or I/O)".to_string()),
        "{lines:?}"
    );
    let first = event_loop.spans[0];
    assert_eq!(first.style, Style::Running);
    let lines = r.model.snapshot(first.start).lines(&r.model, false);
    assert!(
        lines.contains(&"MainThread's event loop runs callbacks".to_string()),
        "{lines:?}"
    );
}

const POOL: &str = "import multiprocessing as mp
def sq(x):
    s = 0
    for i in range(2000):
        s += i
    return x * x
if __name__ == '__main__':
    with mp.Pool(2) as pool:
        print(pool.map(sq, range(8)))
";

/// Pipes between processes are queue lanes in the program's group: the
/// pool's tasks go from the parent's task handler to the workers, and
/// the results come back, each an arrow from one process to another.
#[test]
fn a_pools_tasks_and_results_flow_between_processes() {
    let r = run(POOL, "cpython-3.12", 2);
    assert_eq!(r.out, python3(POOL));
    let m = &r.model;
    let process_of = |t: u32| {
        m.groups
            .iter()
            .position(|g| g.lanes.iter().any(|l| l.kind == LaneKind::Thread(t)))
            .unwrap()
    };
    let queues: Vec<_> = m.groups[0]
        .lanes
        .iter()
        .filter(|l| matches!(l.kind, LaneKind::Queue(_)))
        .collect();
    let crossing = |to_workers: bool| {
        queues
            .iter()
            .flat_map(|l| &l.transfers)
            .filter(|x| {
                let (a, b) = (process_of(x.from), process_of(x.to));
                a != b && (b != 0) == to_workers
            })
            .count()
    };
    // 8 tasks (chunksize 1) and 2 sentinels out; 8 results back.
    assert!(
        crossing(true) >= 10,
        "tasks handed to workers: {}",
        crossing(true)
    );
    assert!(
        crossing(false) >= 8,
        "results returned: {}",
        crossing(false)
    );
}

/// Queue lanes and statistics say what each queue is: its type, a pipe,
/// a multiprocessing queue, or the part it plays in a Pool.
#[test]
fn queues_are_named_by_what_they_are() {
    const KINDS: &str = "import multiprocessing as mp, queue, threading

def square(x):
    return x * x

if __name__ == '__main__':
    q = queue.LifoQueue()
    t = threading.Thread(target=q.put, args=(1,))
    t.start()
    t.join()
    print(q.get())
    a, b = mp.Pipe()
    a.send('hi')
    print(b.recv())
    mq = mp.Queue()
    mq.put(3)
    print(mq.get())
    with mp.Pool(2) as p:
        print(p.map(square, range(4)))
";
    let r = run(KINDS, "cpython-3.12", 2);
    assert_eq!(r.out, python3(KINDS));
    let lanes: Vec<String> = r
        .model
        .groups
        .iter()
        .flat_map(|g| &g.lanes)
        .filter(|l| matches!(l.kind, LaneKind::Queue(_)))
        .map(|l| l.label.clone())
        .collect();
    for name in [
        "LifoQueue#1",
        "Pipe#2",
        "multiprocessing.Queue#3",
        "Pool tasks (Pipe#5)",
        "Pool results (Pipe#6)",
    ] {
        assert!(lanes.iter().any(|l| l == name), "{name} among {lanes:?}");
        assert!(
            r.stats.queues.iter().any(|q| q.name == name),
            "{name} in the statistics"
        );
    }
}

/// Each host of the simulated network is a lane: its requests and how
/// many were in flight, which is the crawler's concurrency.
#[test]
fn each_host_is_a_lane_of_requests_in_flight() {
    const CRAWL: &str = r#"import requests
from concurrent.futures import ThreadPoolExecutor
urls = [f"https://blog.example.com/page/{i}" for i in range(1, 11)]
with ThreadPoolExecutor(max_workers=12) as pool:
    codes = list(pool.map(lambda u: requests.get(u).status_code, urls))
print(codes.count(200), requests.get("https://api.example.com/get").status_code)
"#;
    let r = run(CRAWL, "cpython-3.12", 2);
    assert_eq!(r.out, "10 200\n");
    let m = &r.model;
    let blog = m
        .lane(LaneKind::Host(0))
        .expect("a lane for the first host");
    assert_eq!(blog.label, "blog.example.com");
    assert_eq!(blog.waits.len(), 10, "one span per request");
    assert_eq!(blog.max_step, 10, "all ten in flight at once");
    let mut threads: Vec<u32> = blog.waits.iter().map(|w| w.thread).collect();
    threads.sort_unstable();
    threads.dedup();
    assert_eq!(threads.len(), 10, "each from its own worker thread");
    let api = m
        .lane(LaneKind::Host(1))
        .expect("a lane for the second host");
    assert_eq!(
        (api.label.as_str(), api.waits.len(), api.max_step),
        ("api.example.com", 1, 1)
    );
    assert!(api.waits[0].start >= blog.waits.iter().map(|w| w.end).max().unwrap());
    // The time cursor, in the middle of the first request.
    let first = blog.waits[0];
    let lines = m.snapshot((first.start + first.end) / 2).lines(m, false);
    assert!(
        lines
            .iter()
            .any(|l| l == "blog.example.com: 10 requests in flight"),
        "{lines:?}"
    );
    // Each span points at its request.
    for w in &blog.waits {
        let req = &m.requests[w.detail as usize];
        assert_eq!(
            (req.host.as_str(), req.start, req.thread),
            ("blog.example.com", w.start, w.thread)
        );
    }
}

/// Every Manager call is a request to the manager's process and a reply
/// back: arrows between the callers' processes and the server's.
#[test]
fn manager_calls_flow_to_the_manager_process_and_back() {
    const MANAGER: &str = "import multiprocessing as mp

def fill(d, i):
    d[i] = i * i

if __name__ == '__main__':
    with mp.Manager() as m:
        d = m.dict()
        ps = [mp.Process(target=fill, args=(d, i)) for i in range(3)]
        for p in ps:
            p.start()
        for p in ps:
            p.join()
        print(sorted(d.items()))
";
    let r = run(MANAGER, "cpython-3.12", 2);
    assert_eq!(r.out, python3(MANAGER));
    let m = &r.model;
    let server = m
        .groups
        .iter()
        .position(|g| g.label.starts_with("SyncManager-1 (pid "))
        .expect("the manager's process");
    let process_of = |t: u32| {
        m.groups
            .iter()
            .position(|g| g.lanes.iter().any(|l| l.kind == LaneKind::Thread(t)))
            .unwrap()
    };
    let lane = |prefix: &str| {
        m.groups
            .iter()
            .flat_map(|g| &g.lanes)
            .find(|l| l.label.starts_with(prefix))
            .unwrap_or_else(|| panic!("a lane '{prefix}…'"))
    };
    let calls = lane("calls to SyncManager-1 (#");
    let replies = lane("replies from SyncManager-1 (#");
    // m.dict(), three d[i] = … from the children, d.items() from the parent.
    assert_eq!(calls.transfers.len(), 5, "{:?}", calls.transfers);
    assert_eq!(replies.transfers.len(), 5);
    for x in &calls.transfers {
        assert_eq!(process_of(x.to), server, "a call ends in the server");
        assert_ne!(process_of(x.from), server);
        assert!(x.get > x.put, "half a round trip later");
    }
    for x in &replies.transfers {
        assert_eq!(process_of(x.from), server, "a reply starts in the server");
    }
    let callers: std::collections::BTreeSet<usize> =
        calls.transfers.iter().map(|x| process_of(x.from)).collect();
    assert_eq!(callers.len(), 4, "the program and its three children call");
}

const TASK_GROUP: &str = "import asyncio

async def fetch(name, delay):
    await asyncio.sleep(delay)
    print('done', name)

async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(fetch('a', 0.2))
        tg.create_task(fetch('b', 0.1), name='bee')
    print('group done')

asyncio.run(main())
";

/// Tasks of an asyncio.TaskGroup are lanes like other tasks, and the
/// parent awaits in the group's `__aexit__` until the last one ends.
#[test]
fn task_group_tasks_are_lanes() {
    let r = run(TASK_GROUP, "cpython-3.12", 2);
    assert_eq!(r.out, python3(TASK_GROUP));
    let lanes = &r.model.groups[0].lanes;
    let task = |label: &str| lanes.iter().find(|l| l.label == label).unwrap();
    let a = task("Task-2");
    let styles: Vec<Style> = a.spans.iter().map(|s| s.style).collect();
    assert_eq!(styles, [Style::Running, Style::Awaiting, Style::Running]);
    let bee = task("bee");
    let waited = bee.spans[1].duration() as f64 / 1e9;
    assert!((0.1..0.11).contains(&waited), "bee awaited {waited} s");
    let main = task("Task-1");
    assert!(main
        .spans
        .iter()
        .any(|s| s.style == Style::Awaiting && s.duration() >= a.spans[1].duration()));
}
