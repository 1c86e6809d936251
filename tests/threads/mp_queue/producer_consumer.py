# A producer and a consumer in two processes, over a multiprocessing
# Queue; the consumer's total comes back on a second queue.
import multiprocessing as mp


def producer(q, n):
    for i in range(n):
        q.put(i * i)
    q.put(None)  # the end


def consumer(q, results):
    total = count = 0
    while True:
        item = q.get()
        if item is None:
            break
        total += item
        count += 1
    results.put((count, total))


if __name__ == "__main__":
    q = mp.Queue()
    results = mp.Queue()
    p = mp.Process(target=producer, args=(q, 200), name="producer")
    c = mp.Process(target=consumer, args=(q, results), name="consumer")
    p.start()
    c.start()
    count, total = results.get()
    p.join()
    c.join()
    print("items", count, "total", total, "expected", sum(i * i for i in range(200)))
    print("exit codes", p.exitcode, c.exitcode)
    print("alive", p.is_alive(), c.is_alive())
