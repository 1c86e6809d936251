# A three-stage pipeline of threads joined by queues: read -> square ->
# collect, with sentinels; items keep their order through single workers.
import queue
import threading

raw = queue.Queue()
squared = queue.Queue(maxsize=2)
collected = []
STOP = object()

def reader(items):
    for item in items:
        raw.put(item)
    raw.put(STOP)

def squarer():
    while True:
        item = raw.get()
        if item is STOP:
            squared.put(STOP)
            return
        squared.put(item * item)

def collector():
    while True:
        item = squared.get()
        if item is STOP:
            return
        collected.append(item)

stages = [threading.Thread(target=reader, args=(range(12),), name="reader"),
          threading.Thread(target=squarer, name="squarer"),
          threading.Thread(target=collector, name="collector")]
for s in stages:
    s.start()
for s in stages:
    s.join()
print(collected)
print(raw.empty(), squared.empty(), raw.unfinished_tasks, squared.unfinished_tasks)

def pipeline(items):
    q = queue.Queue()
    done = threading.Event()
    results = []

    def stage():
        while True:
            try:
                item = q.get(timeout=0.1)
            except queue.Empty:
                if done.is_set():
                    break
                continue
            results.append(item ** 2)

    t = threading.Thread(target=stage, daemon=True)
    t.start()
    for it in items:
        q.put(it)
    done.set()
    t.join()
    return results

print(pipeline(range(5)))
