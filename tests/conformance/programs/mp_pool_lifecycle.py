# Pool workers: initializer/initargs run once in each worker, workers are
# daemonic processes named ForkPoolWorker-N, maxtasksperchild replaces a
# worker after N tasks (a new process, a new name), globals a worker sets
# stay in that worker.
import multiprocessing as mp
import os

setting = "parent"
seen = []


def init(value):
    global setting
    setting = value


def report(i):
    seen.append(i)
    p = mp.current_process()
    return (i, setting, p.name, p.daemon, len(seen))


def pid(_):
    return os.getpid()


if __name__ == "__main__":
    before = mp.Process(target=print)
    with mp.Pool(1, initializer=init, initargs=("from init",)) as pool:
        for row in pool.map(report, range(3), chunksize=1):
            print(row)
    print("parent:", setting, seen)
    pool = mp.Pool(1, maxtasksperchild=2)
    rows = [pool.apply(report, (i,)) for i in range(5)]
    for row in rows:
        print(row)
    pids = [pool.apply(pid, (i,)) for i in range(4)]
    print("distinct worker pids for 4 tasks at 2 per child:", len(set(pids)))
    pool.close()
    pool.join()
    ctx = mp.get_context("fork")
    with ctx.Pool(2) as pool:
        print(sorted(p.name for p in pool._pool), len(pool.map(report, range(2))))
    print("active children after close/join:", len(mp.active_children()))
