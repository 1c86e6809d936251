# Start methods: with 'spawn' (and 'forkserver') the child is a fresh
# interpreter that runs this file's top level again as __mp_main__ (the
# `if __name__ == "__main__":` guard keeps it from starting processes
# again), then runs the target; what the parent changed under the guard
# is not there, and what the child changes stays in the child.
import multiprocessing as mp

counter = 0
items = []
print("top level:", __name__, flush=True)


def work(q, n):
    global counter
    counter += n
    items.append(n)
    q.put((mp.current_process().name, __name__, counter, items,
           mp.get_start_method(), mp.parent_process().name))


if __name__ == "__main__":
    print(mp.get_start_method(allow_none=True), mp.get_all_start_methods())
    mp.set_start_method("spawn")
    counter = 100
    items.append("parent")
    q = mp.Queue()
    p = mp.Process(target=work, args=(q, 5))
    p.start()
    print(q.get(), flush=True)
    p.join()
    print("parent:", counter, items, p.exitcode, flush=True)
    ctx = mp.get_context("forkserver")
    p = ctx.Process(target=work, args=(q, 1))
    p.start()
    print(q.get(), flush=True)
    p.join()
    fork = mp.get_context("fork")
    p = fork.Process(target=work, args=(q, 2))
    p.start()
    print(q.get(), flush=True)
    p.join()
    try:
        mp.set_start_method("fork")
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        mp.get_context("threads")
    except ValueError as e:
        print("ValueError:", e)
    mp.set_start_method("fork", force=True)
    print(mp.get_start_method(), ctx.get_start_method(), type(p).__name__)
