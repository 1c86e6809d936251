# Condition errors (wait/notify without the lock), wait(timeout) returning
# False, wait returning True when notified, a Condition on a plain Lock,
# and on an RLock taken twice (wait releases it completely).
import threading
import time

for lock in (None, threading.Lock(), threading.RLock()):
    cond = threading.Condition(lock)
    for name, call in (("wait", cond.wait), ("notify", cond.notify),
                       ("notify_all", cond.notify_all), ("wait_for", lambda: cond.wait_for(lambda: True))):
        try:
            call()
        except RuntimeError as e:
            print(name, "->", e)

cond = threading.Condition(threading.Lock())
with cond:
    start = time.monotonic()
    print("timed out:", cond.wait(0.05), time.monotonic() - start >= 0.04)
    print("zero timeout:", cond.wait(0), "negative:", cond.wait(-1))
    print("still owned:", cond._is_owned())
print("owned after with:", cond._is_owned())

def notifier():
    time.sleep(0.05)
    with cond:
        cond.notify()

t = threading.Thread(target=notifier)
t.start()
with cond:
    print("notified:", cond.wait(5))
t.join()

rl = threading.RLock()
cond = threading.Condition(rl)
state = []

def taker():
    with cond:
        state.append("taker has the lock")
        cond.notify()

with cond:
    with cond:
        print("count before wait:", rl._recursion_count())
        t = threading.Thread(target=taker)
        t.start()
        print("wait:", cond.wait(5))
        print("count after wait:", rl._recursion_count(), state)
t.join()
print("released:", rl._is_owned())
with cond:
    pass
print(cond.__enter__(), rl._recursion_count())
print(cond.__exit__(None, None, None), rl._recursion_count())
