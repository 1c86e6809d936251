# Condition: a bounded buffer. The producer waits while the buffer is
# full, the consumer while it is empty; notify() wakes the other side.
# wait() releases the lock while waiting, so the other side can get in.
import threading

CAPACITY = 3
buffer = []
cond = threading.Condition()
consumed = []

def producer():
    for item in range(10):
        with cond:
            while len(buffer) >= CAPACITY:
                cond.wait()
            buffer.append(item)
            cond.notify()
    with cond:
        while len(buffer) >= CAPACITY:
            cond.wait()
        buffer.append(None)
        cond.notify()

def consumer():
    while True:
        with cond:
            while not buffer:
                cond.wait()
            item = buffer.pop(0)
            cond.notify()
        if item is None:
            break
        consumed.append(item)

threads = [threading.Thread(target=producer), threading.Thread(target=consumer)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("consumed:", consumed)
print("buffer never above", CAPACITY)
