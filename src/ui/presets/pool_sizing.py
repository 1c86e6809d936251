# Thread pool sizing: 16 tasks that each wait 50 ms for I/O and compute a
# little. More workers overlap more waits, until the CPU part (one GIL)
# is the limit: threads ~ cores x (1 + I/O time / CPU time).
import queue
import threading
import time

TASKS = 16

def task(n):
    time.sleep(0.05)  # I/O: a request
    total = 0
    for i in range(3000):  # CPU: parsing the answer
        total += i * n % 11
    return total

def run_pool(workers):
    jobs = queue.Queue()
    for n in range(TASKS):
        jobs.put(n)
    results = []
    lock = threading.Lock()

    def worker():
        while True:
            try:
                n = jobs.get_nowait()
            except queue.Empty:
                return
            r = task(n)
            with lock:
                results.append(r)

    start = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - start, sum(results)

for workers in (1, 2, 4, 8, 16):
    elapsed, checksum = run_pool(workers)
    print(f"{workers:2} workers: checksum {checksum}")
    print(f"took {elapsed * 1000:7.1f} ms with {workers} workers")
