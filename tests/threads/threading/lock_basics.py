# threading.Lock: acquire/release, locked, blocking=False, timeouts,
# with, errors ("release unlocked lock", bad timeout arguments).
import threading
import time

lock = threading.Lock()
import _thread
print(type(lock).__name__, threading.Lock is _thread.allocate_lock, isinstance(lock, _thread.LockType))
print(lock.locked(), lock.acquire(), lock.locked())
print(lock.acquire(False), lock.acquire(blocking=False), lock.acquire(timeout=0.01))
lock.release()
print(lock.locked())
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError:", e)
with lock:
    print("in with:", lock.locked())
print("after with:", lock.locked())
for args, kw in [((False, 1), {}), ((), {"timeout": -5}), ((True, "x"), {})]:
    try:
        lock.acquire(*args, **kw)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
try:
    lock.acquire(timeout=threading.TIMEOUT_MAX * 2)
except OverflowError:
    print("OverflowError")
print(lock.locked())

holder_has_it = threading.Event()
done = threading.Event()

def holder():
    with lock:
        holder_has_it.set()
        done.wait()

t = threading.Thread(target=holder)
t.start()
holder_has_it.wait()
print("held elsewhere:", lock.locked(), lock.acquire(False))
start = time.monotonic()
print("timeout:", lock.acquire(timeout=0.05), time.monotonic() - start >= 0.04)
done.set()
print("blocking:", lock.acquire())
lock.release()
t.join()

# A lock may be released by another thread than the one that took it.
lock.acquire()
r = threading.Thread(target=lock.release)
r.start()
r.join()
print("released by another thread:", lock.locked())
try:
    with lock:
        raise KeyError("inside")
except KeyError as e:
    print("with released on error:", lock.locked(), e)
