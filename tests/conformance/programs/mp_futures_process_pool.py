# concurrent.futures.ProcessPoolExecutor: submit and results, exceptions
# re-raised from the worker processes, map (in order, with chunksize and a
# timeout), as_completed and wait, shutdown(cancel_futures=True), the
# executor as a context manager, max_workers rules.
import concurrent.futures as cf
import os
import time


def square(x):
    return x * x


def slow(x):
    time.sleep(0.05 * x)
    return x


def fail(msg):
    raise ValueError(msg)


def where(_):
    return os.getpid() != os.getppid()


if __name__ == "__main__":
    with cf.ProcessPoolExecutor(max_workers=2) as ex:
        f = ex.submit(square, 12)
        print(f.result(timeout=5), f.done(), f.exception())
        e = ex.submit(fail, "no good")
        print(type(e.exception()).__name__, e.exception())
        try:
            e.result()
        except ValueError as exc:
            print("result() re-raises:", exc, type(exc.__cause__).__name__)
        print(list(ex.map(square, range(10))))
        print(list(ex.map(square, range(10), chunksize=3)))
        print(list(ex.map(pow, [2, 3, 4], [5, 2, 1])))
        print(all(ex.map(where, range(4))))
        fs = [ex.submit(slow, x) for x in (3, 1, 2)]
        print(sorted(f.result() for f in cf.as_completed(fs, timeout=10)))
        done, not_done = cf.wait(fs, return_when=cf.ALL_COMPLETED)
        print(len(done), len(not_done))
        try:
            for v in ex.map(slow, [0, 8], timeout=0.2):
                print("map gave", v)
        except cf.TimeoutError:
            print("map timed out")
    print("after with:", f.result())
    try:
        ex.submit(square, 1)
    except RuntimeError as exc:
        print("RuntimeError:", exc)
    ex = cf.ProcessPoolExecutor(1)
    first = ex.submit(slow, 2)
    rest = [ex.submit(square, i) for i in range(5)]
    ex.shutdown(wait=True, cancel_futures=True)
    print("first:", first.result(), "cancelled:", sum(f.cancelled() for f in rest) >= 3)
    print(cf.ProcessPoolExecutor()._max_workers == os.cpu_count())
    for bad in (0, -1):
        try:
            cf.ProcessPoolExecutor(bad)
        except ValueError as exc:
            print("ValueError:", exc)
    try:
        cf.ProcessPoolExecutor(1, initializer=5)
    except TypeError as exc:
        print("TypeError:", exc)
