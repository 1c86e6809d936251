# Locks, an Event and a Semaphore shared by processes: a Lock keeps a
# shared counter exact, the Event starts all workers at once, and a
# Semaphore(2) lets at most two into a section.
import multiprocessing as mp
import time


def add(counter, lock, n):
    for _ in range(n):
        with lock:
            counter.value += 1


def wait_then_mark(start, marks, i):
    start.wait()
    marks[i] = 1


def limited(sem, inside, most, guard):
    with sem:
        with guard:
            inside.value += 1
            most.value = max(most.value, inside.value)
        time.sleep(0.05)
        with guard:
            inside.value -= 1


if __name__ == "__main__":
    counter = mp.Value("i", 0, lock=False)
    lock = mp.Lock()
    ps = [mp.Process(target=add, args=(counter, lock, 500)) for _ in range(4)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print("counter", counter.value)

    start = mp.Event()
    marks = mp.Array("i", 3)
    ps = [mp.Process(target=wait_then_mark, args=(start, marks, i)) for i in range(3)]
    for p in ps:
        p.start()
    time.sleep(0.1)
    print("before set", list(marks), start.is_set())
    start.set()
    for p in ps:
        p.join()
    print("after set", list(marks))

    sem = mp.Semaphore(2)
    inside = mp.Value("i", 0)
    most = mp.Value("i", 0)
    guard = mp.Lock()
    ps = [mp.Process(target=limited, args=(sem, inside, most, guard)) for _ in range(5)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print("most inside at once", most.value)

    r = mp.RLock()
    with r:
        with r:
            print("rlock taken twice")
    print("acquire timeout", mp.Lock().acquire(timeout=0.01))

    # SemLock's acquire: None waits for ever, a negative timeout not at all,
    # and a timeout is ignored when not blocking.
    l = mp.Lock()
    print("lock", l.acquire(False, None), l.acquire(True, -1), l.acquire(False, 5), l.acquire(timeout=0.01))
    r = mp.RLock()
    print("rlock", r.acquire(False, None), r.acquire(True, None), r.acquire(timeout=1))
    s = mp.Semaphore(1)
    print("semaphore", s.acquire(False, None), s.acquire(True, 0.01), s.acquire(False))
