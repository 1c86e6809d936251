# Many threads add to shared counters: with a Lock the total is exact;
# RLock and Semaphore(1) work as mutexes too.
import threading

class Counter:
    def __init__(self, lock):
        self.lock = lock
        self.n = 0
    def add(self, k):
        for _ in range(k):
            with self.lock:
                self.n += 1

counters = [Counter(threading.Lock()), Counter(threading.RLock()),
            Counter(threading.Semaphore(1)), Counter(threading.BoundedSemaphore(1))]
threads = [threading.Thread(target=c.add, args=(2000,)) for c in counters for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print([c.n for c in counters])

total = 0
lock = threading.Lock()
def transfer(amounts):
    global total
    for a in amounts:
        lock.acquire()
        try:
            total += a
        finally:
            lock.release()
ts = [threading.Thread(target=transfer, args=(range(k, 500, 7),)) for k in range(7)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(total == sum(range(500)), total)
