# threading.RLock: recursion by the owner, full release needed, other
# threads wait, release by a non-owner fails, the repr shows owner and count.
import threading

def show(lock):
    text = repr(lock)
    text = text.replace(str(threading.get_ident()), "ME")
    return text[:text.index(" at 0x")] + ">"

r = threading.RLock()
print(type(r).__name__, show(r))
print(r.acquire(), r.acquire(), r.acquire(blocking=False))
print(show(r), r._is_owned(), r._recursion_count())
r.release()
print(show(r))
r.release()
r.release()
print(show(r), r._is_owned())
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError:", e)

with r:
    with r:
        print("nested with:", show(r))
print(show(r))

got = []
r.acquire()
r.acquire()

def other():
    got.append(r.acquire(False))
    try:
        r.release()
    except RuntimeError as e:
        got.append(str(e))
    got.append(r._is_owned())
    got.append(r._recursion_count())
    got.append(r.acquire(timeout=0.02))
    r.acquire()
    got.append(("owner now", r._recursion_count()))
    r.release()

t = threading.Thread(target=other)
t.start()
t.join(0.1)
print(got, t.is_alive())
r.release()
print(t.is_alive())
r.release()
t.join()
print(got, t.is_alive(), show(r))

# A recursive function guarded by an RLock.
counter = threading.RLock()
calls = []

def fact(n):
    with counter:
        calls.append(counter._recursion_count())
        return 1 if n <= 1 else n * fact(n - 1)

print(fact(5), calls)
