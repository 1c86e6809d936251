# task_done/join: join() returns once every item put has been marked
# done; unfinished_tasks counts; one task_done too many is a ValueError.
import queue
import threading
import time

q = queue.Queue()
q.join()
print("join on an empty queue returns at once")
try:
    q.task_done()
except ValueError as e:
    print("ValueError:", e)

done = []

def worker():
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            break
        time.sleep(0.01)
        done.append(item * 2)
        q.task_done()

for k in range(5):
    q.put(k)
print("unfinished:", q.unfinished_tasks)
t = threading.Thread(target=worker)
t.start()
q.join()
print("joined:", done, q.unfinished_tasks, q.empty())
q.put(None)
t.join()
print("unfinished:", q.unfinished_tasks)
try:
    q.task_done()
except ValueError as e:
    print("ValueError:", e)
print(q.unfinished_tasks)

# Several joiners wake together.
q2 = queue.Queue()
q2.put("job")
woke = []
joiners = [threading.Thread(target=lambda n=n: (q2.join(), woke.append(n))) for n in range(3)]
for j in joiners:
    j.start()
time.sleep(0.05)
print("before task_done:", woke)
q2.get()
q2.task_done()
for j in joiners:
    j.join()
print("after task_done:", sorted(woke))
