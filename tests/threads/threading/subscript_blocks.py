# A container whose __getitem__, __setitem__ and __delitem__ take a lock
# and sleep, used from three threads: `s[i] += 1` blocks inside the
# special methods as a plain call would (other threads run meanwhile),
# and the lock keeps it exact.
import threading
import time


class SlowStore:
    def __init__(self):
        self.data = {}
        self.lock = threading.Lock()
        self.calls = 0

    def __getitem__(self, key):
        with self.lock:
            self.calls += 1
            time.sleep(0.01)
            return self.data[key]

    def __setitem__(self, key, value):
        with self.lock:
            self.calls += 1
            time.sleep(0.01)
            self.data[key] = value

    def __delitem__(self, key):
        with self.lock:
            self.calls += 1
            del self.data[key]


store = SlowStore()


def work(i):
    store[i] = i * 10
    store[i] += 1


threads = [threading.Thread(target=work, args=(i,)) for i in range(3)]
start = time.monotonic()
for t in threads:
    t.start()
for t in threads:
    t.join()
took = time.monotonic() - start
print(store[0], store[1], store[2], "calls", store.calls)
print("the nine sleeps took turns:", 0.09 <= took < 0.5)
ticks = 0
seen = []


def reader():
    before = ticks
    store[0]
    seen.append(ticks - before)


t = threading.Thread(target=reader)
t.start()
for _ in range(3):
    time.sleep(0.002)
    ticks += 1
t.join()
print("the main thread ticked while the reader slept in __getitem__:", seen)
del store[1]
try:
    store[1]
except KeyError as e:
    print("KeyError", e)
store[5]
