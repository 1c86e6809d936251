# queue.SimpleQueue: FIFO, unbounded, put/get/put_nowait/get_nowait,
# qsize/empty, get with block=False and timeouts, used across threads.
import queue
import threading
import time

sq = queue.SimpleQueue()
print(sq.empty(), sq.qsize())
for k in range(4):
    sq.put(k)
sq.put_nowait("now")
sq.put("blocking args ignored", block=False, timeout=-1)
print(sq.qsize(), sq.empty())
print([sq.get() for _ in range(4)], sq.get_nowait(), sq.get(block=False))
for call in (sq.get_nowait, lambda: sq.get(False), lambda: sq.get(timeout=0.05), lambda: sq.get(False, -1)):
    try:
        call()
    except queue.Empty as e:
        print("Empty", repr(e))
try:
    sq.get(timeout=-1)
except ValueError as e:
    print("ValueError:", e)

def late():
    time.sleep(0.05)
    sq.put("late item")

t = threading.Thread(target=late)
t.start()
print(sq.get())
t.join()

results = []

def consumer():
    while True:
        item = sq.get()
        if item is None:
            return
        results.append(item)

c = threading.Thread(target=consumer)
c.start()
for k in range(20):
    sq.put(k)
sq.put(None)
c.join()
print(results == list(range(20)), sq.empty())
print(type(sq).__name__, hasattr(sq, "task_done"), hasattr(sq, "join"))
