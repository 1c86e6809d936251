# Threads vs sequential on CPU-bound work.
# The same job twice: once in one thread, then split over two threads.
import threading
import time

def count_primes(lo, hi):
    found = 0
    for n in range(lo, hi):
        if n < 2:
            continue
        d = 2
        while d * d <= n:
            if n % d == 0:
                break
            d += 1
        else:
            found += 1
    return found

LIMIT = 6000

start = time.perf_counter()
total = count_primes(0, LIMIT)
sequential = time.perf_counter() - start
print("sequential:", total, "primes")

results = [0, 0]

def work(i, lo, hi):
    results[i] = count_primes(lo, hi)

half = LIMIT // 2
threads = [
    threading.Thread(target=work, args=(0, 0, half)),
    threading.Thread(target=work, args=(1, half, LIMIT)),
]
start = time.perf_counter()
for t in threads:
    t.start()
for t in threads:
    t.join()
threaded = time.perf_counter() - start
print("two threads:", sum(results), "primes")
print(f"took {sequential * 1000:.1f} ms sequential, {threaded * 1000:.1f} ms with two threads")
print(f"took {sequential / threaded:.2f}x speedup")
