# Producer-consumer with queue.Queue: the queue does the locking. get()
# waits for an item; a sentinel (None) tells the consumer to stop.
# maxsize=2 makes the producer wait when the consumer falls behind.
import queue
import threading
import time

jobs = queue.Queue(maxsize=2)

def producer():
    for n in range(6):
        jobs.put(n)
        print("put", n)
    jobs.put(None)

def consumer():
    while True:
        n = jobs.get()
        if n is None:
            break
        time.sleep(0.01)  # slower than the producer
        print("got", n, "->", n * n)

threads = [threading.Thread(target=producer), threading.Thread(target=consumer)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("queue empty:", jobs.empty())
