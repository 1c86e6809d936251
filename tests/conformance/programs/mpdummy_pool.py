# multiprocessing.dummy: the Pool API on threads — map (in input order),
# imap, imap_unordered, starmap, apply_async with callbacks, errors
# re-raised, close/join, and the pool as a context manager.
import time
import threading
from multiprocessing.dummy import Pool, Process, Queue, current_process

def square(x):
    time.sleep(0.01 * (x % 3))
    return x * x

def add(a, b):
    return a + b

def fail(x):
    raise ValueError(f"bad {x}")

got = []
with Pool(4) as pool:
    print(pool.map(square, range(10)))
    print(list(pool.imap(square, range(6))))
    print(sorted(pool.imap_unordered(square, range(6))))
    print(pool.starmap(add, [(1, 2), (3, 4), (5, 6)]))
    r = pool.apply_async(add, (20, 22), callback=got.append)
    print(r.get(timeout=1), r.ready(), r.successful())
    e = pool.apply_async(fail, (7,), error_callback=lambda exc: got.append(repr(exc)))
    try:
        e.get()
    except ValueError as exc:
        print("ValueError:", exc)
    try:
        pool.map(fail, [1, 2])
    except ValueError as exc:
        print("map re-raised:", exc)
    print(pool.apply(square, (9,)))
    m = pool.map_async(square, [1, 2, 3], callback=got.append)
    m.wait()
    print(m.get())
print(got)

pool = Pool(2)
res = [pool.apply_async(square, (i,)) for i in range(5)]
try:
    pool.join()
except ValueError as e:
    print("ValueError:", e)
pool.close()
pool.join()
print([r.get() for r in res])
try:
    pool.apply_async(square, (1,))
except ValueError as e:
    print("ValueError:", e)

q = Queue()
def producer(n):
    for i in range(n):
        q.put(i)
p = Process(target=producer, args=(3,))
p.start()
p.join()
print([q.get() for _ in range(3)], p.exitcode, p.is_alive())
print(current_process().name)
