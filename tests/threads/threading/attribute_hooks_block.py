# A property's getter and setter, __getattr__ and __setattr__ that take a
# lock and sleep, used from several threads: `obj.x += 1` blocks inside
# them as a plain call would (other threads run meanwhile), and the lock
# keeps it exact.
import threading
import time


class Slow:
    def __init__(self):
        object.__setattr__(self, "lock", threading.Lock())
        object.__setattr__(self, "data", {"count": 0, "seen": 0})

    @property
    def count(self):
        with self.lock:
            time.sleep(0.005)
            return self.data["count"]

    @count.setter
    def count(self, value):
        with self.lock:
            time.sleep(0.005)
            self.data["count"] = value

    def __getattr__(self, name):
        with self.lock:
            time.sleep(0.005)
            try:
                return self.data[name]
            except KeyError:
                raise AttributeError(name) from None

    def __setattr__(self, name, value):
        with self.lock:
            time.sleep(0.005)
            self.data[name] = value


obj = Slow()
guard = threading.Lock()


def work():
    for _ in range(3):
        with guard:
            obj.count += 1
            obj.seen += 1


threads = [threading.Thread(target=work) for _ in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("count", obj.count, "seen", obj.seen)

ticks = 0
seen = []


def reader():
    before = ticks
    obj.count
    obj.seen
    seen.append(ticks - before)


t = threading.Thread(target=reader)
t.start()
for _ in range(3):
    time.sleep(0.002)
    ticks += 1
t.join()
print("the main thread ticked while the reader slept in the getters:", seen)
try:
    obj.missing
except AttributeError as e:
    print("AttributeError", e)
obj.other
