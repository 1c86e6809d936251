# Timeouts: get(timeout=) on an empty queue raises Empty after about that
# long, put(timeout=) on a full one Full; a negative timeout is a
# ValueError; an item that arrives in time is returned.
import queue
import threading
import time

q = queue.Queue(maxsize=1)
start = time.monotonic()
try:
    q.get(timeout=0.05)
except queue.Empty:
    print("Empty after", time.monotonic() - start >= 0.04)
q.put(1)
start = time.monotonic()
try:
    q.put(2, timeout=0.05)
except queue.Full:
    print("Full after", time.monotonic() - start >= 0.04)
for call in (lambda: q.put(3, timeout=-1), lambda: q.get(timeout=-0.5)):
    try:
        call()
    except ValueError as e:
        print("ValueError:", e)
print(q.get(timeout=0))
try:
    q.get(timeout=0)
except queue.Empty:
    print("Empty with timeout=0")

def late_put():
    time.sleep(0.05)
    q.put("arrived")

t = threading.Thread(target=late_put)
t.start()
print(q.get(timeout=5))
t.join()

q.put("fill")
def late_get():
    time.sleep(0.05)
    q.get()

t = threading.Thread(target=late_get)
t.start()
q.put("made room", timeout=5)
t.join()
print(q.get_nowait(), q.empty())
unbounded = queue.Queue()
unbounded.put("x", timeout=-1)
print("unbounded put ignores the timeout:", unbounded.get())
