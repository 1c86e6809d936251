# A full queue blocks put() until a consumer gets an item; an empty queue
# blocks get() until a producer puts one. The order of events is fixed
# by the blocking alone.
import queue
import threading
import time

q = queue.Queue(maxsize=2)
log = []

def producer():
    for k in range(5):
        q.put(k)
        log.append(f"put {k}")
    log.append("producer done")

t = threading.Thread(target=producer)
t.start()
time.sleep(0.05)
print("producer blocked after:", log, q.full(), t.is_alive())
log.append(f"got {q.get()}")
time.sleep(0.05)
print(log)
while t.is_alive() or not q.empty():
    log.append(f"got {q.get()}")
    time.sleep(0.02)
t.join()
print(log)

empty = queue.Queue()
seen = []

def getter():
    seen.append(("got", empty.get()))

g = threading.Thread(target=getter)
g.start()
time.sleep(0.05)
print("getter waiting:", g.is_alive(), seen)
empty.put("wake")
g.join()
print(seen)

waiters = [threading.Thread(target=getter) for _ in range(3)]
for w in waiters:
    w.start()
time.sleep(0.05)
for item in "abc":
    empty.put(item)
for w in waiters:
    w.join()
print(sorted(seen))
