# Pool.imap gives results in input order even when later items finish
# first; imap_unordered gives them as they finish; chunked variants;
# next(timeout) on the iterator; an iterable without len().
import multiprocessing as mp
import time


def slow(x):
    # The first items take longest.
    time.sleep(0.02 * (5 - x) if x < 5 else 0)
    return x * 10


def double(x):
    return 2 * x


def numbers(n):
    for i in range(n):
        yield i


if __name__ == "__main__":
    with mp.Pool(4) as pool:
        print(list(pool.imap(slow, range(8))))
        it = pool.imap(slow, range(3))
        print(it.next(), it.next(), it.next())
        try:
            it.next()
        except StopIteration:
            print("StopIteration")
        unordered = list(pool.imap_unordered(slow, range(8)))
        print(sorted(unordered), len(unordered))
        print(list(pool.imap(double, range(10), chunksize=3)))
        print(sorted(pool.imap_unordered(double, numbers(7), chunksize=2)))
        print(list(pool.imap(double, numbers(5))))
        it = pool.imap(slow, [0])
        try:
            it.next(timeout=0.01)
        except mp.TimeoutError:
            print("next(timeout) -> TimeoutError")
        print("then:", it.next(timeout=5))
        try:
            pool.imap(double, range(3), chunksize=0)
        except ValueError as e:
            print("ValueError:", e)
        total = 0
        for v in pool.imap(double, range(100), chunksize=10):
            total += v
        print("total", total)
