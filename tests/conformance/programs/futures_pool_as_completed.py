# A ThreadPoolExecutor: submit, as_completed, done callbacks (run in the
# worker thread), map with results in input order, and worker names.
import threading
import time
from concurrent.futures import ThreadPoolExecutor, as_completed, wait, FIRST_COMPLETED

def fetch(n):
    time.sleep(0.1 * (5 - n))
    return n * n

names = set()
def record_name(n):
    names.add(threading.current_thread().name)
    time.sleep(0.05)
    return n

callback_threads = []
def on_done(fut):
    callback_threads.append(threading.current_thread().name.startswith("ThreadPoolExecutor-"))

with ThreadPoolExecutor(max_workers=5) as pool:
    futures = {pool.submit(fetch, n): n for n in range(5)}
    for f in futures:
        f.add_done_callback(on_done)
    for f in as_completed(futures):
        print("done", futures[f], "->", f.result())
print("callbacks in workers:", callback_threads)

with ThreadPoolExecutor(max_workers=3) as pool:
    print(list(pool.map(record_name, range(6))))
print(sorted(names))

with ThreadPoolExecutor(max_workers=2, thread_name_prefix="dl") as pool:
    print(pool.submit(lambda: threading.current_thread().name).result())
    f1 = pool.submit(time.sleep, 0.5)
    f2 = pool.submit(fetch, 4)
    done, not_done = wait([f1, f2], return_when=FIRST_COMPLETED)
    print(len(done), len(not_done), f2 in done, f1.running())
    print(f2.done(), f2.result(), f1.done())

late = ThreadPoolExecutor(max_workers=1)
late.shutdown()
try:
    late.submit(print, "never")
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    ThreadPoolExecutor(max_workers=0)
except ValueError as e:
    print("ValueError:", e)
print("finished")
