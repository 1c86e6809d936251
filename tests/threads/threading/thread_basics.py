# Thread with target/args/kwargs, default and explicit names, join, is_alive,
# ident/native_id before and after start, repr in each state.
import threading
import time

results = []

def worker(a, b, scale=1):
    results.append((a + b) * scale)

def show(t):
    # Idents differ between runs: replace them in the repr.
    r = repr(t)
    if t.ident is not None:
        r = r.replace(str(t.ident), "IDENT")
    print(r)

t = threading.Thread(target=worker, args=(1, 2), kwargs={"scale": 10})
print(t.name, t.ident, t.native_id, t.is_alive(), t.daemon)
show(t)
t.start()
t.join()
print(results, t.is_alive())
show(t)
print(type(t.ident).__name__, type(t.native_id).__name__, t.ident != threading.get_ident())

named = threading.Thread(target=worker, args=(2, 3), name="adder")
print(named.name)
named.start()
named.join()
print(results)

nothing = threading.Thread()
print(nothing.name)
nothing.start()
nothing.join()
print(nothing.is_alive())

class Callable:
    def __call__(self):
        results.append("callable")

c = threading.Thread(target=Callable())
print(c.name)
c.start()
c.join()
lam = threading.Thread(target=lambda: results.append("lambda"))
print(lam.name)
lam.start()
lam.join()
print(results)

gate = threading.Event()
slow = threading.Thread(target=gate.wait, name="slow")
slow.start()
show(slow)
print(slow.is_alive())
gate.set()
slow.join()
print(slow.is_alive())
show(slow)
d = threading.Thread(target=time.sleep, args=(0.01,), daemon=True)
show(d)
d.start()
d.join()
show(d)
print(threading.Thread(name=42).name, threading.Thread(name="").name)
