# Condition.notify wakes waiters in the order they started waiting
# (FIFO); notify(n) wakes n; notify_all wakes the rest.
import threading
import time

cond = threading.Condition()
woken = []
waiting = []

def waiter(name):
    with cond:
        waiting.append(name)
        cond.wait()
        woken.append(name)

threads = []
for name in "ABCDEF":
    t = threading.Thread(target=waiter, args=(name,))
    t.start()
    threads.append(t)
    # Wait until it waits: the order of waiting is then fixed.
    while True:
        with cond:
            if name in waiting:
                break
        time.sleep(0.005)
print("waiting:", waiting)

# One at a time: the longest waiter goes first.
for _ in range(3):
    with cond:
        cond.notify()
    time.sleep(0.05)
    print("after notify():", woken)
# Several at once: which of them runs first is up to the scheduler.
with cond:
    cond.notify(2)
time.sleep(0.05)
print("after notify(2):", woken[:3], sorted(woken[3:]))
with cond:
    cond.notify(0)
time.sleep(0.05)
print("after notify(0):", len(woken))
with cond:
    cond.notify_all()
for t in threads:
    t.join()
print("after notify_all():", woken[:3], sorted(woken[3:]))
with cond:
    cond.notify()
    cond.notify_all()
print("notify with no waiters is fine")
print(repr(cond).startswith("<Condition(<unlocked _thread.RLock object owner=0 count=0 at") or repr(cond))
