# A pool of daemon workers fed by a Queue; q.join() waits for the work;
# results through a second queue; the workers are cut off at exit.
import queue
import threading

tasks = queue.Queue()
results = queue.Queue()

def worker():
    while True:
        n = tasks.get()
        try:
            results.put((n, sum(range(n))))
        finally:
            tasks.task_done()

for k in range(3):
    threading.Thread(target=worker, daemon=True, name=f"pool-{k}").start()
for n in range(1, 16):
    tasks.put(n)
tasks.join()
out = []
while not results.empty():
    out.append(results.get_nowait())
print(sorted(out))
print(len(out), tasks.unfinished_tasks, threading.active_count())
print(sorted(t.name for t in threading.enumerate() if t.daemon))
