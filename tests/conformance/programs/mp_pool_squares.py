# multiprocessing.Pool of 4 worker processes computing squares: map (in
# input order, in chunks of ceil(len / (4 * processes))), map_async with a
# callback, starmap, apply, the pool as a context manager, and what the
# workers change staying in the workers.
import multiprocessing as mp
import os

calls = 0


def square(x):
    global calls
    calls += 1
    return x * x


def add(a, b):
    return a + b


def in_child(_):
    return os.getpid() != os.getppid() and mp.current_process().name.startswith("ForkPoolWorker-")


if __name__ == "__main__":
    with mp.Pool(processes=4) as pool:
        print(repr(pool))
        print(pool.map(square, range(10)))
        print(pool.map(square, [3, 1, 2], chunksize=2))
        print(pool.map(square, []))
        print(sum(pool.map(square, range(1000))))
        print(pool.starmap(add, [(1, 2), (3, 4), (5, 6)]))
        print(pool.apply(add, (40, 2)), pool.apply(square, kwds={"x": 9}))
        print(all(pool.map(in_child, range(8))))
        # The chunk size map() picks: divmod(len, 4 * processes), +1 if a rest.
        for n in (0, 1, 15, 16, 17, 100, 1000):
            r = pool.map_async(square, range(n))
            r.wait()
            print(n, "items -> chunksize", r._chunksize, r.ready(), r.successful())
        got = []
        r = pool.map_async(square, range(5), callback=got.append)
        print(r.get(), got)
        r = pool.starmap_async(add, zip(range(3), range(10, 13)))
        print(r.get(timeout=10))
    print("parent's calls:", calls)
    print(repr(pool))
    pool = mp.Pool(2)
    print(pool.map(abs, [-1, -2, 3]))
    pool.close()
    print(repr(pool))
    pool.join()
    print("joined")
