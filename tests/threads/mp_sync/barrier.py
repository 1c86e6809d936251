# A Barrier shared by processes: three workers each do a first phase, wait
# for the others, then a second; the action runs once per round.
import multiprocessing as mp


def worker(barrier, log, lock, i):
    with lock:
        log[i] = 1          # phase 1 done
    index = barrier.wait()
    with lock:
        # every worker finished phase 1 before anyone got past the barrier
        log[3 + i] = sum(log[:3])
    barrier.wait()
    return index


def tripped():
    pass


if __name__ == "__main__":
    barrier = mp.Barrier(3, action=tripped)
    log = mp.Array("i", 6)
    lock = mp.Lock()
    ps = [mp.Process(target=worker, args=(barrier, log, lock, i)) for i in range(3)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print("phase 1 seen by each:", list(log[3:]))
    print("parties", barrier.parties, "waiting", barrier.n_waiting, "broken", barrier.broken)
    b = mp.Barrier(2, timeout=0.05)
    try:
        b.wait()
    except Exception as e:
        print("alone:", type(e).__name__, "broken", b.broken)
    b.reset()
    print("after reset broken", b.broken)
    print(type(b).__module__, type(b).__name__)
