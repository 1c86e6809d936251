# Barrier failure modes: abort() breaks waiters and later waits, reset()
# breaks current waiters then makes it usable again, a timeout breaks the
# barrier, an action that raises breaks it.
import threading
import time

b = threading.Barrier(3)
outcome = []
lock = threading.Lock()

def waiter(name):
    try:
        b.wait()
        r = "passed"
    except threading.BrokenBarrierError as e:
        r = "broken " + type(e).__name__ + repr(e.args)
    with lock:
        outcome.append((name, r))

ts = [threading.Thread(target=waiter, args=(n,)) for n in "ab"]
for t in ts:
    t.start()
time.sleep(0.05)
print("waiting:", b.n_waiting)
b.abort()
for t in ts:
    t.join()
print(sorted(outcome), b.broken, repr(b).split(": ")[1])
try:
    b.wait()
except threading.BrokenBarrierError:
    print("wait on a broken barrier: BrokenBarrierError")
b.reset()
print("after reset:", b.broken, b.n_waiting)

outcome.clear()
ts = [threading.Thread(target=waiter, args=(n,)) for n in "cd"]
for t in ts:
    t.start()
time.sleep(0.05)
b.reset()
for t in ts:
    t.join()
print("reset while waiting:", sorted(outcome), b.broken)
outcome.clear()
ts = [threading.Thread(target=waiter, args=(n,)) for n in "efg"]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("full round:", sorted(outcome))

timed = threading.Barrier(2, timeout=0.05)
try:
    timed.wait()
except threading.BrokenBarrierError:
    print("timed out; broken:", timed.broken)
t2 = threading.Barrier(2)
try:
    t2.wait(timeout=0.02)
except threading.BrokenBarrierError:
    print("wait(timeout) broke it:", t2.broken)

def bad_action():
    raise ValueError("action failed")

ba = threading.Barrier(2, action=bad_action)
outcome.clear()

def party():
    try:
        ba.wait()
        outcome.append("passed")
    except threading.BrokenBarrierError:
        outcome.append("broken")
    except ValueError as e:
        outcome.append("ValueError " + str(e))

ts = [threading.Thread(target=party) for _ in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(outcome), ba.broken)
