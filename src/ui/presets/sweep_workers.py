# How many threads should this pool have? Each of the 16 tasks waits
# 20 ms for I/O, then computes for about 4 ms. Open Sweep, pick WORKERS,
# and watch the time fall as the waits overlap, then flatten where the CPU
# part is the limit: threads ~ cores x (1 + I/O time / CPU time).
import time
from concurrent.futures import ThreadPoolExecutor

WORKERS = 4
TASKS = 16

def task(n):
    time.sleep(0.02)  # I/O: a request
    total = 0
    for i in range(80000):  # CPU: parsing the answer
        total += i * n % 7
    return total

start = time.perf_counter()
with ThreadPoolExecutor(max_workers=WORKERS) as pool:
    checksum = sum(pool.map(task, range(TASKS)))
print("checksum", checksum)
print(f"took {time.perf_counter() - start:.3f} s with {WORKERS} workers")
