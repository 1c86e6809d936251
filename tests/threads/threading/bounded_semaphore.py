# BoundedSemaphore: releasing above the initial value is an error, also
# with release(n); a pool of 3 connections shared by 5 threads.
import threading
import time

b = threading.BoundedSemaphore(2)
try:
    b.release()
except ValueError as e:
    print("ValueError:", e)
b.acquire()
b.acquire()
b.release(2)
try:
    b.release()
except ValueError as e:
    print("ValueError:", e)
b.acquire()
try:
    b.release(2)
except ValueError as e:
    print("ValueError after release(2):", e, b._value)
b.release()
print(repr(b).split(": ")[1], isinstance(b, threading.Semaphore))

pool = threading.BoundedSemaphore(3)
free = ["conn-a", "conn-b", "conn-c"]
lock = threading.Lock()
used = []

def client(k):
    with pool:
        with lock:
            conn = free.pop(0)
            used.append(conn)
        time.sleep(0.01 * (k + 1))
        with lock:
            free.append(conn)

ts = [threading.Thread(target=client, args=(k,)) for k in range(5)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(free), len(used), sorted(set(used)))
try:
    pool.release()
except ValueError as e:
    print("ValueError:", e)
