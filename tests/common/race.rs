//! The race every lesson starts with, shared by the runtime, explore and
//! trace tests and the benchmarks: two threads (started with `_thread`, so
//! that only the runtime is under test) each run `body` `iterations`
//! times on the global `n`, then the main thread prints `n`.

/// `body` is the loop body, indented for the loop (e.g. `n += 1`,
/// `n = inc(n)`, or `with lock:\n            n += 1`); `inc` and `lock`
/// are defined for it.
pub fn race_program(iterations: u64, body: &str) -> String {
    format!(
        "import _thread, time
n = 0
lock = _thread.allocate_lock()
def inc(x):
    return x + 1
done = []
def work():
    global n
    for _ in range({iterations}):
        {body}
    done.append(1)
_thread.start_new_thread(work, ())
_thread.start_new_thread(work, ())
while len(done) < 2:
    time.sleep(0.01)
print(n)
"
    )
}
