# Threads finish in the order their sleeps say, not the order of start;
# results collected under a lock; join in any order.
import threading
import time

finished = []
lock = threading.Lock()

def job(name, delay):
    time.sleep(delay)
    with lock:
        finished.append(name)

specs = [("slow", 0.15), ("fast", 0.03), ("medium", 0.09)]
threads = [threading.Thread(target=job, args=s, name=s[0]) for s in specs]
for t in threads:
    t.start()
for t in reversed(threads):
    t.join()
print(finished)

# A chain: each thread waits for the previous one's event.
events = [threading.Event() for _ in range(5)]
chain = []

def link(k):
    if k:
        events[k - 1].wait()
    chain.append(k)
    events[k].set()

ts = [threading.Thread(target=link, args=(k,)) for k in reversed(range(5))]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(chain)
