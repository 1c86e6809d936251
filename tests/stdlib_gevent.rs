//! The simulated `gevent`: greenlets switched by a hub only where gevent
//! switches. Its acceptance: `monkey.patch_all()` + `time.sleep(1)` in 4
//! greenlets takes ≈ 1 s of virtual time, ≈ 4 s without the patch (a
//! plain sleep blocks every greenlet); the patched network lets greenlets
//! crawl concurrently; and the switching order, queues, pools, events,
//! semaphores, kill and Timeout print what gevent 23.9.1 printed, and so
//! do threads, locks, queues and events once patch_all() made them
//! greenlets.
#![cfg(not(target_arch = "wasm32"))]

#[path = "common/crawl.rs"]
mod crawl;

use crawl::figure;
use interleave::run::{run, RunOptions};

fn run_under(program: &str, runtime: &str) -> String {
    let out = run(
        program,
        &RunOptions {
            runtime: runtime.into(),
            ..RunOptions::default()
        },
    );
    assert_eq!(out.exit_code, 0, "{runtime}: {}", out.stderr);
    out.stdout
}

#[test]
fn patch_all_makes_time_sleep_cooperative() {
    let program = r#"import time
import gevent
from gevent import monkey
def nap(i):
    time.sleep(1)
    return i
t0 = time.perf_counter()
gevent.joinall([gevent.spawn(nap, i) for i in range(4)])
print("unpatched", time.perf_counter() - t0)
monkey.patch_all()
t0 = time.perf_counter()
gs = [gevent.spawn(nap, i) for i in range(4)]
gevent.joinall(gs)
print("patched", time.perf_counter() - t0, [g.value for g in gs])
print(monkey.is_module_patched("time"), time.sleep is gevent.sleep)
"#;
    for runtime in interleave::runtime::model::NAMES {
        let out = run_under(program, runtime);
        let u = figure(&out, "unpatched");
        assert!((4.0..4.05).contains(&u), "{runtime}: unpatched {u}");
        assert!(out.contains("[0, 1, 2, 3]\nTrue True\n"), "{out}");
        let patched: f64 = out
            .lines()
            .find_map(|l| l.strip_prefix("patched ")?.split(' ').next()?.parse().ok())
            .unwrap();
        assert!(
            (1.0..1.05).contains(&patched),
            "{runtime}: patched {patched}"
        );
    }
}

/// With the network patched, ten greenlets fetching a page each take
/// about one page's time, as threads and asyncio do.
#[test]
fn patched_requests_crawl_concurrently() {
    let out = run_under(
        r#"from gevent import monkey
monkey.patch_all()
import gevent, requests, time
def fetch(u):
    return len(requests.get(u).text)
t0 = time.perf_counter()
gs = [gevent.spawn(fetch, f"https://blog.example.com/page/{i}") for i in range(1, 11)]
gevent.joinall(gs)
print("gevent", time.perf_counter() - t0)
print(all(g.value > 20000 for g in gs))
"#,
        "cpython-3.12",
    );
    let t = figure(&out, "gevent");
    assert!((0.55..0.75).contains(&t), "{t}");
    assert!(out.ends_with("True\n"));
}

/// Switching order (spawn order, sleep(0) round robin), values and
/// exceptions, Queue, Pool.map, Event, Semaphore, kill, Timeout,
/// with_timeout, spawn_later, joinall with a timeout: stdout as gevent
/// 23.9.1 printed it under CPython 3.11.7 (`pip install --target /tmp/gev
/// gevent==23.9.1`, then this program with `/tmp/gev` on `sys.path`).
#[test]
fn behaviour_matches_gevent_23_9() {
    let program = r#"import gevent
from gevent.queue import Queue
from gevent.pool import Pool
from gevent.event import Event
from gevent.lock import Semaphore
order = []
def worker(name, n):
    for i in range(n):
        order.append((name, i))
        gevent.sleep(0)
    return name * n
a = gevent.spawn(worker, "a", 3)
b = gevent.spawn(worker, "b", 2)
print(a.started, a.dead, a.ready())
gevent.joinall([a, b])
print(order)
print(a.value, b.value, a.successful(), a.dead, bool(a))
def boom():
    gevent.sleep(0.1)
    raise ValueError("bad")
g = gevent.spawn(boom)
g.join()
print(g.dead, g.successful(), repr(g.exception))
try:
    g.get()
except ValueError as e:
    print("get raised", e)
q = Queue()
def producer():
    for i in range(4):
        q.put(i)
        print("put", i)
        gevent.sleep(0.01)
    q.put(None)
def consumer():
    while True:
        item = q.get()
        if item is None:
            break
        print("got", item)
gevent.joinall([gevent.spawn(producer), gevent.spawn(consumer)])
pool = Pool(2)
def sq(x):
    gevent.sleep(0.1 * (3 - x % 3))
    return x * x
print(pool.map(sq, range(5)))
ev = Event()
def waiter(i):
    ev.wait()
    print("woke", i)
ws = [gevent.spawn(waiter, i) for i in range(3)]
gevent.sleep(0.05)
print("setting")
ev.set()
gevent.joinall(ws)
sem = Semaphore(1)
def locked(i):
    with sem:
        print("in", i)
        gevent.sleep(0.01)
        print("out", i)
gevent.joinall([gevent.spawn(locked, i) for i in range(3)])
s = gevent.spawn(gevent.sleep, 10)
gevent.sleep(0)
s.kill()
print("killed", s.dead, type(s.value).__name__)
t = gevent.Timeout(0.5)
try:
    with t:
        gevent.sleep(2)
except gevent.Timeout as e:
    print("timeout", e is t, str(e))
print(gevent.with_timeout(0.1, gevent.sleep, 1, timeout_value="late"))
late = gevent.spawn_later(0.2, lambda: "later")
print(late.get())
done = gevent.joinall([gevent.spawn(gevent.sleep, 1), gevent.spawn(gevent.sleep, 0.1)], timeout=0.5)
print(len(done))
"#;
    let want = "True False False\n\
[('a', 0), ('b', 0), ('a', 1), ('b', 1), ('a', 2)]\n\
aaa bb True True False\n\
True False ValueError('bad')\n\
get raised bad\n\
put 0\n\
got 0\n\
put 1\n\
got 1\n\
put 2\n\
got 2\n\
put 3\n\
got 3\n\
[0, 1, 4, 9, 16]\n\
setting\n\
woke 0\n\
woke 1\n\
woke 2\n\
in 0\n\
out 0\n\
in 1\n\
out 1\n\
in 2\n\
out 2\n\
killed True GreenletExit\n\
timeout True 0.5 seconds\n\
late\n\
later\n\
1\n\
";
    for runtime in interleave::runtime::model::NAMES {
        assert_eq!(run_under(program, runtime), want, "{runtime}");
    }
}

/// After patch_all(), threading's threads are greenlets and their locks,
/// queues and events go through the hub: four threads sleeping 1 s take
/// 1 s, and the output is what gevent 23.9.1 printed (see above).
#[test]
fn patch_all_turns_threads_into_greenlets() {
    let program = r#"from gevent import monkey
monkey.patch_all()
import threading, time, queue
import gevent
def work(i):
    time.sleep(1)
    print("done", i, threading.current_thread().name, threading.get_ident() != threading.main_thread().ident)
ts = [threading.Thread(target=work, args=(i,), name=f"w{i}") for i in range(4)]
t0 = time.perf_counter()
for t in ts:
    t.start()
for t in ts:
    t.join()
print("four threads", round(time.perf_counter() - t0, 2), [t.is_alive() for t in ts])
lock = threading.Lock()
count = 0
def add():
    global count
    for _ in range(3):
        with lock:
            v = count
            time.sleep(0.01)
            count = v + 1
ts = [threading.Thread(target=add) for _ in range(3)]
for t in ts: t.start()
for t in ts: t.join()
print("count", count)
q = queue.Queue()
def producer():
    for i in range(3):
        q.put(i)
        print("put", i)
        time.sleep(0.1)
    q.put(None)
def consumer():
    while (item := q.get()) is not None:
        print("got", item)
a = threading.Thread(target=producer); b = threading.Thread(target=consumer)
a.start(); b.start(); a.join(); b.join()
ev = threading.Event()
def waiter():
    print("waiting")
    print("event", ev.wait(5))
w = threading.Thread(target=waiter); w.start()
time.sleep(0.5); ev.set(); w.join()
print(monkey.is_module_patched("threading"), monkey.is_module_patched("time"))
"#;
    let want = "done 0 w0 True\n\
done 1 w1 True\n\
done 2 w2 True\n\
done 3 w3 True\n\
four threads 1.0 [False, False, False, False]\n\
count 9\n\
put 0\n\
got 0\n\
put 1\n\
got 1\n\
put 2\n\
got 2\n\
waiting\n\
event True\n\
True True\n\
";
    for runtime in interleave::runtime::model::NAMES {
        assert_eq!(run_under(program, runtime), want, "{runtime}");
    }
}
