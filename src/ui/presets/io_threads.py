# Threads vs sequential on I/O-bound work: ten "downloads" that each wait
# 100 ms. A thread waiting for I/O releases the GIL, so ten threads wait
# at the same time and the whole batch takes about as long as one.
import threading
import time

def download(n, results):
    time.sleep(0.1)  # waiting for the network
    results[n] = f"page {n}: {len(str(n)) * 100} bytes"

results = {}
start = time.perf_counter()
for n in range(10):
    download(n, results)
sequential = time.perf_counter() - start
print("sequential:", len(results), "pages")

results = {}
threads = [threading.Thread(target=download, args=(n, results)) for n in range(10)]
start = time.perf_counter()
for t in threads:
    t.start()
for t in threads:
    t.join()
threaded = time.perf_counter() - start
print("ten threads:", len(results), "pages")
print(results[7])
print(f"took {sequential * 1000:.0f} ms sequential, {threaded * 1000:.0f} ms with ten threads")
