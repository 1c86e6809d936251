# The 10-page crawler with a ThreadPoolExecutor of 12 threads. A thread
# waiting for the network releases the GIL, so all ten requests are in
# flight at once and the crawl takes about as long as the slowest page.
import time
from concurrent.futures import ThreadPoolExecutor

import requests

urls = [f"https://blog.example.com/page/{i}" for i in range(1, 11)]

def fetch(url):
    return len(requests.get(url).text)

start = time.perf_counter()
with ThreadPoolExecutor(max_workers=12) as pool:
    sizes = list(pool.map(fetch, urls))
elapsed = time.perf_counter() - start

print("pages:", len(sizes), "all over 20 KB:", all(s > 20_000 for s in sizes))
print(f"took {elapsed:.2f} s with 12 threads")
