# Event: workers get ready, then all wait for one signal. set() wakes
# every waiter at once; wait(timeout) returns False if it never came.
import threading
import time

go = threading.Event()
ready = []
results = []
lock = threading.Lock()

def worker(n):
    with lock:
        ready.append(n)
    go.wait()
    with lock:
        results.append(n * n)

threads = [threading.Thread(target=worker, args=(n,)) for n in range(4)]
for t in threads:
    t.start()
time.sleep(0.05)
print("ready before the signal:", sorted(ready), "results:", results)
go.set()
for t in threads:
    t.join()
print("results after the signal:", sorted(results))

never = threading.Event()
print("waiting 0.1 s for an event nobody sets:", never.wait(0.1))
