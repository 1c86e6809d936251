# Three worker processes take tasks from a JoinableQueue and mark each
# done; the parent joins the queue, then stops the workers with sentinels.
import multiprocessing as mp


def worker(tasks, results):
    while True:
        n = tasks.get()
        if n is None:
            tasks.task_done()
            break
        results.put((n, sum(range(n))))
        tasks.task_done()


if __name__ == "__main__":
    tasks = mp.JoinableQueue()
    results = mp.Queue()
    workers = [mp.Process(target=worker, args=(tasks, results)) for _ in range(3)]
    for w in workers:
        w.start()
    for n in range(10, 20):
        tasks.put(n)
    tasks.join()
    print("all tasks done")
    got = sorted(results.get() for _ in range(10))
    print(got)
    for _ in workers:
        tasks.put(None)
    tasks.join()
    for w in workers:
        w.join()
    print("workers:", [w.exitcode for w in workers])
