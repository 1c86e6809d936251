# LifoQueue gets the newest item first; PriorityQueue the smallest, with
# (priority, data) tuples, ties broken by data, and a class with __lt__.
import queue

lifo = queue.LifoQueue()
for k in range(5):
    lifo.put(k)
print([lifo.get() for _ in range(5)], lifo.empty())

pq = queue.PriorityQueue()
for item in [(3, "low"), (1, "high"), (2, "mid"), (1, "also high"), (5, "last")]:
    pq.put(item)
print(pq.qsize(), [pq.get() for _ in range(pq.qsize())])
for n in [5, 1, 4, 1, 5, 9, 2, 6]:
    pq.put(n)
print([pq.get_nowait() for _ in range(8)])

class Job:
    def __init__(self, priority, name):
        self.priority, self.name = priority, name
    def __lt__(self, other):
        return self.priority < other.priority

for p, n in [(2, "b"), (0, "a"), (9, "z"), (5, "m")]:
    pq.put(Job(p, n))
print([pq.get().name for _ in range(4)])
small = queue.PriorityQueue(maxsize=2)
small.put(2)
small.put(1)
print(small.full())
try:
    small.put_nowait(0)
except queue.Full:
    print("Full")
print(small.get(), small.get())
lq = queue.LifoQueue(1)
lq.put("only")
print(lq.full(), isinstance(lq, queue.Queue), isinstance(pq, queue.Queue))
