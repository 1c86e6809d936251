# An uncaught exception in a child prints "Process NAME:" and the traceback
# to stderr and gives exit code 1; sys.exit sets the exit code; the parent
# goes on.
import multiprocessing as mp
import sys


def fails(n):
    raise ValueError(f"child failed with {n}")


def exits(code):
    sys.exit(code)


def exits_message():
    sys.exit("bye from the child")


if __name__ == "__main__":
    p = mp.Process(target=fails, args=(7,), name="bad")
    p.start()
    p.join()
    print("bad exitcode:", p.exitcode, flush=True)
    for code in (0, 3, None):
        q = mp.Process(target=exits, args=(code,))
        q.start()
        q.join()
        print("sys.exit(%r) ->" % (code,), q.exitcode, flush=True)
    m = mp.Process(target=exits_message)
    m.start()
    m.join()
    print("sys.exit(str) ->", m.exitcode, flush=True)
