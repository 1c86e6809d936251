# Barrier: parties, wait() indices (each 0..n-1 once per round), the
# action run once per round by one thread, several rounds, n_waiting.
import threading
import time

rounds = []
barrier = threading.Barrier(3, action=lambda: rounds.append("tripped"))
print(barrier.parties, barrier.n_waiting, barrier.broken)
indices = []
lock = threading.Lock()

def worker(name):
    for r in range(3):
        i = barrier.wait()
        with lock:
            indices.append((r, i))

ts = [threading.Thread(target=worker, args=(n,)) for n in "abc"]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(rounds)
print(sorted(indices))

b = threading.Barrier(2)
arrived = threading.Event()

got = []

def first():
    arrived.set()
    got.append(b.wait())

t = threading.Thread(target=first)
t.start()
arrived.wait()
time.sleep(0.05)
print("n_waiting:", b.n_waiting, repr(b).split(": ")[1])
mine = b.wait()
t.join()
print("first got", got, "second got", mine)
print("n_waiting after:", b.n_waiting, b.broken)

single = threading.Barrier(1, action=lambda: print("action of a one-party barrier"))
print(single.wait(), single.wait())
print(issubclass(threading.BrokenBarrierError, RuntimeError))

phase = []
def stepper(k):
    for step in range(2):
        phase.append((step, k))
        b3.wait()

b3 = threading.Barrier(3)
ts = [threading.Thread(target=stepper, args=(k,)) for k in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print([s for s, _ in phase])
