# join(timeout) returns after the timeout while the thread still runs;
# is_alive() tells; a later join() waits for the end. join(0) and
# negative timeouts do not wait.
import threading
import time

release = threading.Event()
log = []

def slow():
    release.wait()
    log.append("slow done")

t = threading.Thread(target=slow)
t.start()
start = time.monotonic()
t.join(timeout=0.05)
waited = time.monotonic() - start
print("alive after join(0.05):", t.is_alive(), waited >= 0.04)
t.join(0)
t.join(-1)
print("alive after join(0) and join(-1):", t.is_alive())
release.set()
t.join()
print("alive after join():", t.is_alive(), log)
t.join(0.01)
t.join()
print("joined again:", t.is_alive())

def sleeper(seconds, name):
    time.sleep(seconds)
    log.append(name)

a = threading.Thread(target=sleeper, args=(0.2, "a"))
b = threading.Thread(target=sleeper, args=(0.05, "b"))
a.start()
b.start()
a.join(0.01)
print(a.is_alive(), b.is_alive())
b.join()
print(a.is_alive(), b.is_alive(), log)
a.join()
print(a.is_alive(), b.is_alive(), log)
