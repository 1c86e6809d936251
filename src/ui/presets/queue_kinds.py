# Queue, LifoQueue and PriorityQueue: the same puts, three orders of gets.
# A FIFO queue serves in arrival order, a LIFO queue like a stack, a
# priority queue smallest first (here: (priority, task) tuples).
import queue
import threading

tasks = [(3, "write report"), (1, "fix outage"), (2, "answer email"), (1, "call back")]

for kind in (queue.Queue, queue.LifoQueue, queue.PriorityQueue):
    q = kind()
    producer = threading.Thread(target=lambda: [q.put(t) for t in tasks])
    producer.start()
    producer.join()
    order = []
    def consumer():
        while not q.empty():
            order.append(q.get()[1])
            q.task_done()
    workers = [threading.Thread(target=consumer)]
    for w in workers:
        w.start()
    q.join()
    for w in workers:
        w.join()
    print(f"{kind.__name__:>13}:", order)
