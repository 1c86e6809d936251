"""A pipe end dropped without close() closes with its last reference, as
CPython's Connection.__del__ does. A spawned child that lets go of its
only copy of the write end gives the parent EOFError at once; a forked
child also holds the copy its parent's frames had, so there the parent
sees EOF only once the child has ended; and in one process `del w` is
enough."""
import multiprocessing as mp
import time


def child(box):
    w = box.pop()
    w.send("hi")
    del w
    time.sleep(0.5)


def run(method):
    ctx = mp.get_context(method)
    r, w = ctx.Pipe(duplex=False)
    p = ctx.Process(target=child, args=([w],))
    p.start()
    w.close()
    print(method, r.recv())
    start = time.monotonic()
    try:
        r.recv()
    except EOFError:
        print(method, "EOF before the child ended:", time.monotonic() - start < 0.3)
    p.join()


def dropped_in_a_function(r):
    def send_and_drop(w):
        w.send("from a function")

    r2, w2 = mp.Pipe(duplex=False)
    send_and_drop(w2)
    del w2
    return r2.recv(), r2.poll(0)


if __name__ == "__main__":
    run("fork")
    run("spawn")
    r, w = mp.Pipe(duplex=False)
    w.send(1)
    del w
    print(r.recv(), r.poll(0.1))
    try:
        r.recv()
    except EOFError:
        print("EOF after del w")
    print(dropped_in_a_function(r))
    a, b = mp.Pipe()
    b = None
    try:
        a.send("nobody reads")
    except OSError as e:
        print("duplex: send with the other end gone:", type(e).__name__, e)
    try:
        a.recv()
    except EOFError:
        print("duplex: recv with the other end gone: EOFError")
