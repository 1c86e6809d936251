//! `time` on virtual time against CPython 3.11: the clocks, `sleep` (virtual, and
//! overlapping across threads), and the errors `sleep` raises.
//!
//! Each program runs under every runtime model; its stdout must be what
//! python3 3.11 printed for it (pasted below), with exit status 0.

#[path = "common/every_runtime.rs"]
mod every_runtime;

use every_runtime::check;

#[test]
fn time_clocks() {
    check(
        r#"import time
t0 = time.perf_counter()
time.sleep(0.05)
t1 = time.perf_counter()
print("slept", 0.05 <= t1 - t0 < 0.2)
print(type(time.time()).__name__, type(time.time_ns()).__name__, type(time.perf_counter_ns()).__name__, type(time.monotonic_ns()).__name__)
a = time.monotonic()
b = time.monotonic()
print("monotonic", b >= a)
print("ns agrees", abs(time.time_ns() / 1e9 - time.time()) < 1, abs(time.perf_counter_ns() / 1e9 - time.perf_counter()) < 1)
print("after 2020", time.time() > 1577836800)
p0 = time.process_time()
time.sleep(0.05)
print("sleep is not CPU time", time.process_time() - p0 < 0.01)
w0 = time.perf_counter()
total = 0
for i in range(200000):
    total += i
print("work takes time", time.perf_counter() > w0, total)
print(time.sleep(0), time.sleep(0.001), time.sleep(True is False))
"#,
        r#"slept True
float int int int
monotonic True
ns agrees True True
after 2020 True
sleep is not CPU time True
work takes time True 19999900000
None None None
"#,
    );
}

#[test]
fn time_errors() {
    check(
        r#"import time
for bad in [-1, -0.5, "x", None, float("nan"), [1]]:
    try:
        time.sleep(bad)
    except Exception as e:
        print(type(e).__name__, e)
try:
    time.sleep()
except TypeError as e:
    print(e)
try:
    time.sleep(1, 2)
except TypeError as e:
    print(e)
try:
    time.time(1)
except TypeError as e:
    print(e)
try:
    time.sleep(float("inf"))
except OverflowError as e:
    print("OverflowError", e)
"#,
        r#"ValueError sleep length must be non-negative
ValueError sleep length must be non-negative
TypeError 'str' object cannot be interpreted as an integer
TypeError 'NoneType' object cannot be interpreted as an integer
ValueError Invalid value NaN (not a number)
TypeError 'list' object cannot be interpreted as an integer
time.sleep() takes exactly one argument (0 given)
time.sleep() takes exactly one argument (2 given)
time.time() takes no arguments (1 given)
OverflowError timestamp out of range for platform time_t
"#,
    );
}

#[test]
fn time_threads() {
    check(
        r#"import _thread, time
done = _thread.allocate_lock()
left = [3]
guard = _thread.allocate_lock()
def sleeper(k):
    time.sleep(0.1)
    with guard:
        left[0] -= 1
        if left[0] == 0:
            done.release()
done.acquire()
t0 = time.monotonic()
for k in range(3):
    _thread.start_new_thread(sleeper, (k,))
done.acquire()
elapsed = time.monotonic() - t0
print("three sleeps overlap", 0.1 <= elapsed < 0.15)
order = []
def waker(name, delay):
    time.sleep(delay)
    with guard:
        order.append(name)
        left[0] -= 1
        if left[0] == 0:
            done.release()
left[0] = 3
for name, delay in [("slow", 0.03), ("fast", 0.01), ("mid", 0.02)]:
    _thread.start_new_thread(waker, (name, delay))
done.acquire()
print(order)
"#,
        r#"three sleeps overlap True
['fast', 'mid', 'slow']
"#,
    );
}
