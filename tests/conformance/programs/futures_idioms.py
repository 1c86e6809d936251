# The ways course notes consume a ThreadPoolExecutor's results: zip with
# the inputs, enumerate, sum/any/sorted over result() calls, list/map/filter,
# and an exception inside the `with` block (shutdown still waits).
import time
from concurrent.futures import ThreadPoolExecutor

URLS = ["a.com", "bb.org", "ccc.net"]

def load(url):
    time.sleep(0.05 * len(url.split(".")[0]))
    return len(url)

with ThreadPoolExecutor(max_workers=3) as ex:
    for url, size in zip(URLS, ex.map(load, URLS)):
        print(url, size)
    for i, size in enumerate(ex.map(load, URLS), start=1):
        print(i, size)
    futures = [ex.submit(load, u) for u in URLS]
    print("total", sum(f.result() for f in futures))
    print("any big", any(f.result() > 6 for f in futures))
    print(sorted((f.result() for f in futures), reverse=True))
    print(list(map(str, ex.map(load, URLS))))
    print(list(filter(lambda n: n % 2, ex.map(load, URLS))))
    print(tuple(ex.map(load, URLS)), set(ex.map(len, URLS)) == {5, 6, 7})

def slow():
    time.sleep(0.2)
    print("slow finished before the with block exited")

try:
    with ThreadPoolExecutor(2) as pool:
        pool.submit(slow)
        raise ValueError("oops")
except ValueError as e:
    print("caught", e)

def boom():
    yield 1
    raise KeyError("inside the generator")

try:
    list(enumerate(boom()))
except KeyError as e:
    print("KeyError", e)
print(type(enumerate([])).__name__, list(zip()), list(zip((i for i in range(3)), "abcd")))
