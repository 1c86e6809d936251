# Who may release multiprocessing's locks, with fork and with spawn. An
# RLock belongs to the thread (of the process) that took it: a child
# process or another thread releasing it gets AssertionError. A Lock is a
# semaphore: a child may release the Lock its parent took, but releasing a
# free Lock raises ValueError. A Condition checks that its lock is the
# caller's, and the reprs say who holds a lock.
import multiprocessing as mp
import threading


def child(rlock, lock, cond):
    try:
        rlock.release()
    except AssertionError as e:
        print("child releasing the parent's RLock:", e)
    print("child sees", rlock, lock)
    try:
        cond.notify()
    except AssertionError as e:
        print("child notifying under the parent's lock:", e)
    lock.release()
    print("child released the parent's Lock:", lock)


def in_thread(rlock, lock):
    try:
        rlock.release()
    except AssertionError as e:
        print("thread releasing the main thread's RLock:", e)
    print("thread sees", rlock, lock)


def run(method):
    ctx = mp.get_context(method)
    print("--", method)
    rlock = ctx.RLock()
    lock = ctx.Lock()
    cond = ctx.Condition(lock)
    rlock.acquire()
    rlock.acquire()
    lock.acquire()
    print("parent holds", rlock, lock)

    t = threading.Thread(target=in_thread, args=(rlock, lock))
    t.start()
    t.join()

    p = ctx.Process(target=child, args=(rlock, lock, cond))
    p.start()
    p.join()
    print("child exit code", p.exitcode)

    try:
        lock.release()
    except ValueError as e:
        print("releasing the free Lock:", e)
    rlock.release()
    rlock.release()
    print("parent released", rlock)
    try:
        rlock.release()
    except AssertionError as e:
        print("releasing the free RLock:", e)
    cond = ctx.Condition()
    try:
        cond.wait(0.01)
    except AssertionError as e:
        print("waiting without the lock:", e)
    with cond:
        print("notify with nobody waiting", cond.notify(), cond)


if __name__ == "__main__":
    run("fork")
    run("spawn")
