# Producers and consumers through a bounded Queue with one sentinel per
# consumer: every item is consumed exactly once.
import queue
import threading

q = queue.Queue(maxsize=4)
results = []
lock = threading.Lock()

def producer(base, count):
    for k in range(count):
        q.put(base + k)

def consumer(mine):
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            return
        mine.append(item)
        with lock:
            results.append(item * item)
        q.task_done()

got = [[] for _ in range(3)]
producers = [threading.Thread(target=producer, args=(b, 30)) for b in (0, 1000)]
consumers = [threading.Thread(target=consumer, args=(got[k],)) for k in range(3)]
for t in producers + consumers:
    t.start()
for t in producers:
    t.join()
for _ in consumers:
    q.put(None)
q.join()
for t in consumers:
    t.join()
expected = sorted(x * x for x in list(range(30)) + list(range(1000, 1030)))
print(len(results), sorted(results) == expected, q.empty(), q.unfinished_tasks)
print(sum(len(m) for m in got))
for m in got:
    for base in (0, 1000):
        mine = [x for x in m if base <= x < base + 1000]
        assert mine == sorted(mine), mine
print("each consumer saw each producer's items in order")
