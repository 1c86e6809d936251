//! Event-log determinism across platforms, shared by the native test
//! (`tests/event_log.rs`) and the browser test (`tests/web.rs`): a few
//! threaded programs under every runtime model and two seeds, each run's
//! log reduced to its length and digest. The native test writes or checks
//! `tests/logs/digests.txt`; the browser test checks wasm32 against the
//! same file, so a log that differs between the two fails one of them.

use interleave::runtime::{run_program, SimOptions};

use interleave::runtime::model::NAMES as RUNTIMES;

/// (name, program)
pub const PROGRAMS: &[(&str, &str)] = &[
    (
        "race",
        "import _thread, time
n = 0
done = []
def work():
    global n
    for _ in range(20000):
        n += 1
    done.append(1)
for _ in range(2):
    _thread.start_new_thread(work, ())
while len(done) < 2:
    time.sleep(0.001)
print(n)
",
    ),
    (
        "locks_and_queue",
        "import _thread, time
lock = _thread.allocate_lock()
qlock = _thread.allocate_lock()
class Q:
    def __init__(self):
        self.items = []
    def _qsize(self):
        return len(self.items)
q = Q()
done = []
def producer(k):
    for i in range(20):
        with qlock:
            q.items.append((k, i))
            _thread._note_queue(q, 'put', (k, i))
        time.sleep(0.0005)
    done.append(k)
def consumer():
    got = 0
    while got < 40:
        with qlock:
            if q.items:
                item = q.items.pop(0)
                _thread._note_queue(q, 'get', item)
                got += 1
                continue
        time.sleep(0.0002)
        with lock:
            pass
    done.append('c')
_thread.start_new_thread(producer, (1,))
_thread.start_new_thread(producer, (2,))
_thread.start_new_thread(consumer, ())
while len(done) < 3:
    time.sleep(0.001)
print(sorted(map(str, done)))
",
    ),
    (
        "crossed_locks",
        "import _thread, time
a = _thread.allocate_lock()
b = _thread.allocate_lock()
def one():
    with a:
        time.sleep(0.01)
        with b:
            pass
def two():
    with b:
        time.sleep(0.01)
        with a:
            pass
_thread.start_new_thread(one, ())
_thread.start_new_thread(two, ())
time.sleep(0.1)
a.acquire()
",
    ),
    (
        // Sets of objects iterate in hash order, and the executor keeps its
        // threads in a set: object ids must not depend on addresses.
        "executor_and_object_sets",
        "from concurrent.futures import ThreadPoolExecutor
import time
class Job:
    def __init__(self, n):
        self.n = n
def work(job):
    time.sleep(0.001 * (job.n % 3))
    return job.n * job.n
jobs = {Job(i) for i in range(8)}
with ThreadPoolExecutor(max_workers=4) as ex:
    results = list(ex.map(work, jobs))
print(results, sorted(results))
print(len({id(j) for j in jobs}), object() != object())
",
    ),
];

/// One line per run: `name runtime seed events digest exit_status`.
pub fn digest_lines() -> String {
    let mut out = String::new();
    for (name, program) in PROGRAMS {
        for runtime in RUNTIMES {
            for seed in [1u64, 2] {
                let options = SimOptions {
                    runtime: runtime.into(),
                    seed,
                    filename: format!("{name}.py"),
                    ..SimOptions::default()
                };
                let (o, sim) = run_program(program, &options);
                let (len, digest) = sim.map(|s| (s.log.len(), s.log.digest())).unwrap_or((0, 0));
                out.push_str(&format!(
                    "{name} {runtime} {seed} {len} {digest:016x} {}\n",
                    o.exit_code
                ));
            }
        }
    }
    out
}
