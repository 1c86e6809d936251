# Semaphore: limits how many threads are inside at once; acquire with
# blocking=False and timeouts; release(n); the error messages.
import threading
import time

sem = threading.Semaphore(2)
inside = 0
most = 0
guard = threading.Lock()

def worker():
    global inside, most
    with sem:
        with guard:
            inside += 1
            most = max(most, inside)
        time.sleep(0.02)
        with guard:
            inside -= 1

ts = [threading.Thread(target=worker) for _ in range(6)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("most inside at once:", most, "inside now:", inside)

s = threading.Semaphore(1)
print(s.acquire(), s.acquire(False), s.acquire(blocking=False))
start = time.monotonic()
print(s.acquire(timeout=0.05), time.monotonic() - start >= 0.04)
s.release()
print(s.acquire(timeout=0.05))
s.release(3)
print([s.acquire(False) for _ in range(4)])
print(s._value)

for make in (lambda: threading.Semaphore(-1), lambda: s.release(0),
             lambda: s.acquire(False, 1), lambda: s.release(-2)):
    try:
        make()
    except ValueError as e:
        print("ValueError:", e)

zero = threading.Semaphore(0)
order = []

def waiter(name):
    zero.acquire()
    order.append(name)

ws = []
for name in "xyz":
    w = threading.Thread(target=waiter, args=(name,))
    w.start()
    ws.append(w)
    time.sleep(0.02)
zero.release(2)
time.sleep(0.05)
print(sorted(order), len(order))
zero.release()
for w in ws:
    w.join()
print(sorted(order))
print(repr(zero).split(": ")[1])
