# A ProcessPoolExecutor whose worker dies (os._exit) becomes broken: the
# running and pending futures fail with BrokenProcessPool, new submits are
# refused, also inside a `with` block.
import concurrent.futures as cf
import os
import time


def die(code):
    time.sleep(0.05)
    os._exit(code)


def square(x):
    return x * x


if __name__ == "__main__":
    ex = cf.ProcessPoolExecutor(max_workers=2)
    print(ex.submit(square, 7).result())
    doomed = ex.submit(die, 3)
    try:
        doomed.result(timeout=10)
    except cf.BrokenExecutor as e:
        print(type(e).__name__, isinstance(e, cf.BrokenExecutor), e)
    try:
        ex.submit(square, 2)
    except cf.BrokenExecutor as e:
        print("submit:", type(e).__name__, e)
    ex.shutdown()
    print("shut down")
    try:
        with cf.ProcessPoolExecutor(max_workers=1) as ex2:
            print(ex2.submit(square, 5).result())
            ex2.submit(die, 1).result()
    except cf.BrokenExecutor as e:
        print("with block:", type(e).__name__)
    print("end")
