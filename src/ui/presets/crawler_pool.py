# The 10-page crawler with a Pool of 4 processes. Each worker fetches its
# share of the pages one after another, so ten pages take three rounds of
# a page's latency, plus starting the processes and sending the tasks and
# results between them.
import time
from multiprocessing import Pool

import requests

urls = [f"https://blog.example.com/page/{i}" for i in range(1, 11)]

def fetch(url):
    return len(requests.get(url).text)

if __name__ == "__main__":
    start = time.perf_counter()
    with Pool(4) as pool:
        sizes = pool.map(fetch, urls)
    elapsed = time.perf_counter() - start

    print("pages:", len(sizes), "all over 20 KB:", all(s > 20_000 for s in sizes))
    print(f"took {elapsed:.2f} s with 4 processes")
