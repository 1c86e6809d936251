# A program without the `if __name__ == "__main__":` guard under the
# 'spawn' start method: the child runs the top level again as
# __mp_main__, reaches Process.start() while still bootstrapping and fails
# with CPython's RuntimeError; the child exits with 1, the parent goes on
# and its counter is untouched.
import multiprocessing as mp

ctx = mp.get_context("spawn")
counter = 0


def work(n):
    global counter
    counter += n
    print("work", n, counter, __name__, flush=True)


print("top level runs in", __name__, flush=True)
p = ctx.Process(target=work, args=(1,))
p.start()
p.join()
print("exitcode", p.exitcode, counter, flush=True)
print("the child never ran work():", counter == 0)
