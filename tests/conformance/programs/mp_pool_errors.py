# Exceptions raised in Pool workers are re-raised in the parent with the
# worker's message (map stops at the first failing chunk, the pool keeps
# working), errors in using the pool (join before close, use after close),
# terminate, and an uncaught one ending the program.
import multiprocessing as mp


class AppError(Exception):
    pass


def check(x):
    if x == 3:
        raise AppError(f"item {x} is bad")
    return x


def divide(a, b):
    return a / b


if __name__ == "__main__":
    pool = mp.Pool(2)
    try:
        pool.map(check, range(10))
    except AppError as e:
        print("map:", type(e).__name__, e, type(e.__cause__).__name__)
    print("still works:", pool.map(check, [0, 1, 2]))
    try:
        pool.apply(divide, (1, 0))
    except ZeroDivisionError as e:
        print("apply:", type(e).__name__, e)
    it = pool.imap(check, range(5))
    out = []
    try:
        for v in it:
            out.append(v)
    except AppError as e:
        print("imap stopped after", out, "with", e)
    try:
        pool.join()
    except ValueError as e:
        print("join before close:", e)
    pool.close()
    try:
        pool.apply_async(check, (1,))
    except ValueError as e:
        print("after close:", e)
    pool.join()
    try:
        mp.Pool(0)
    except ValueError as e:
        print("Pool(0):", e)
    try:
        mp.Pool(1, initializer=42)
    except TypeError as e:
        print("initializer:", e)
    try:
        mp.Pool(1, maxtasksperchild=0)
    except ValueError as e:
        print("maxtasksperchild:", e)
    pool = mp.Pool(2)
    pool.terminate()
    pool.join()
    print("terminated:", repr(pool))
    with mp.Pool(2) as pool:
        print(pool.starmap(divide, [(6, 3), (1, 4)]))
        pool.starmap(divide, [(1, 1), (2, 0)])
    print("not reached")
