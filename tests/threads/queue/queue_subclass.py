# Subclassing Queue through its _init/_qsize/_put/_get hooks: a queue
# that keeps only unique items, and a bounded "latest only" queue.
import queue
import threading

class UniqueQueue(queue.Queue):
    def _init(self, maxsize):
        self.queue = []
        self.seen = set()
    def _qsize(self):
        return len(self.queue)
    def _put(self, item):
        if item not in self.seen:
            self.seen.add(item)
            self.queue.append(item)
    def _get(self):
        return self.queue.pop(0)

u = UniqueQueue()
for item in [3, 1, 3, 2, 1, 4]:
    u.put(item)
print(u.qsize(), [u.get() for _ in range(u.qsize())], u.unfinished_tasks)

class Counting(queue.LifoQueue):
    def __init__(self, maxsize=0):
        super().__init__(maxsize)
        self.puts = 0
    def _put(self, item):
        self.puts += 1
        super()._put(item)

c = Counting(maxsize=3)
def fill():
    for k in range(6):
        c.put(k)
t = threading.Thread(target=fill)
t.start()
out = []
for _ in range(6):
    out.append(c.get())
t.join()
print(sorted(out), c.puts, c.empty())
print(issubclass(UniqueQueue, queue.Queue), UniqueQueue.__mro__[1].__name__)
