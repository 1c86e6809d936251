# queue.Queue: first in, first out; qsize/empty/full with and without a
# maxsize; put/get in one thread; the queue attribute and maxsize.
import queue

q = queue.Queue()
print(q.maxsize, q.qsize(), q.empty(), q.full())
for item in ["a", 1, (2, 3), None, [4]]:
    q.put(item)
print(q.qsize(), q.empty(), q.full(), list(q.queue))
print([q.get() for _ in range(5)], q.empty())

b = queue.Queue(maxsize=2)
print(b.maxsize, b.full())
b.put("x")
print(b.full(), b.qsize())
b.put("y")
print(b.full(), b.qsize())
print(b.get(), b.full())
neg = queue.Queue(-3)
for k in range(10):
    neg.put(k)
print(neg.full(), neg.qsize(), neg.get(), neg.get())
print(type(q.queue).__name__, q.unfinished_tasks, neg.unfinished_tasks)
zero = queue.Queue(0)
zero.put(1)
print(zero.full())
