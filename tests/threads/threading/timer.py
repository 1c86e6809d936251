# Timer: calls the function after the interval; cancel() before it fires
# stops it; args/kwargs; finished event; is a Thread.
import threading
import time

calls = []

def record(*args, **kwargs):
    calls.append((args, kwargs))

t = threading.Timer(0.05, record, args=(1, 2), kwargs={"k": "v"})
print(isinstance(t, threading.Thread), t.interval, t.name, t.finished.is_set())
t.start()
print("right after start:", calls)
t.join()
print("after join:", calls, t.finished.is_set(), t.is_alive())

c = threading.Timer(0.2, record, args=("never",))
c.start()
time.sleep(0.05)
c.cancel()
c.join()
print("cancelled:", calls, c.finished.is_set())

early = threading.Timer(0.01, record)
early.cancel()
early.start()
early.join()
print("cancelled before start:", calls)

d = threading.Timer(0, record, ["zero"])
print(d.args, d.kwargs)
d.start()
d.join()
print(calls[-1])

order = []
timers = [threading.Timer(delay, order.append, args=(delay,)) for delay in (0.09, 0.03, 0.06)]
for tm in timers:
    tm.start()
for tm in timers:
    tm.join()
print(order)
late = threading.Timer(0.03, record, args=("late",))
late.start()
late.cancel()
late.cancel()
late.join()
print(len(calls))
