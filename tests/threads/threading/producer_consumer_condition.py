# A bounded buffer with two Conditions on one lock: producers wait while
# it is full, consumers while it is empty; nothing lost or duplicated.
import threading

class BoundedBuffer:
    def __init__(self, size):
        self.size = size
        self.items = []
        self.lock = threading.Lock()
        self.not_full = threading.Condition(self.lock)
        self.not_empty = threading.Condition(self.lock)
        self.most = 0

    def put(self, item):
        with self.not_full:
            while len(self.items) >= self.size:
                self.not_full.wait()
            self.items.append(item)
            self.most = max(self.most, len(self.items))
            self.not_empty.notify()

    def get(self):
        with self.not_empty:
            self.not_empty.wait_for(lambda: self.items)
            item = self.items.pop(0)
            self.not_full.notify()
            return item

buf = BoundedBuffer(3)
consumed = []
clock = threading.Lock()

def producer(base):
    for k in range(20):
        buf.put(base + k)

def consumer(mine):
    while True:
        item = buf.get()
        if item is None:
            return
        mine.append(item)
        with clock:
            consumed.append(item)

producers = [threading.Thread(target=producer, args=(b,)) for b in (0, 100, 200)]
got = [[], []]
consumers = [threading.Thread(target=consumer, args=(got[k],)) for k in range(2)]
for t in producers + consumers:
    t.start()
for t in producers:
    t.join()
for _ in consumers:
    buf.put(None)
for t in consumers:
    t.join()
print(len(consumed), sorted(consumed) == sorted(list(range(20)) + list(range(100, 120)) + list(range(200, 220))))
print("buffer never above its size:", buf.most <= 3, buf.items)
# Each consumer sees each producer's items in the order they were put.
for mine in got:
    print({b: (lambda v: v == sorted(v))([x for x in mine if b <= x < b + 100]) for b in (0, 100, 200)})
