# Event: set/clear/is_set, wait with and without timeout, every waiter
# wakes on set(), wait() after set() returns at once, the repr's state.
import threading
import time

ev = threading.Event()
print(ev.is_set(), ev.isSet(), repr(ev).split(": ")[1])
start = time.monotonic()
print("wait(0.05):", ev.wait(0.05), time.monotonic() - start >= 0.04)
print("wait(0):", ev.wait(0))
ev.set()
print(ev.is_set(), repr(ev).split(": ")[1], ev.wait(), ev.wait(0))
ev.clear()
print(ev.is_set(), ev.wait(0.01))

woke = []
lock = threading.Lock()

def waiter(name, timeout):
    r = ev.wait(timeout)
    with lock:
        woke.append((name, r))

ts = [threading.Thread(target=waiter, args=(n, None)) for n in "abc"]
ts.append(threading.Thread(target=waiter, args=("timed", 0.01)))
for t in ts:
    t.start()
time.sleep(0.1)
print("before set:", woke)
ev.set()
for t in ts:
    t.join()
print("after set:", sorted(woke))

stop = threading.Event()
ticks = []

def ticker():
    while not stop.wait(0.01):
        ticks.append(1)
    ticks.append("stopped")

t = threading.Thread(target=ticker)
t.start()
time.sleep(0.1)
stop.set()
t.join()
print(ticks[-1], len(ticks) > 3)
ev.clear()
ev.set()
ev.set()
print(ev.is_set())
