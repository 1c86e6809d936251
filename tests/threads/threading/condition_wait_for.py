# Condition.wait_for: returns the predicate's value, re-checks after each
# wake-up, gives up after the timeout with the predicate's last value.
import threading
import time

cond = threading.Condition()
items = []
log = []

def consumer(need):
    with cond:
        ok = cond.wait_for(lambda: len(items) >= need)
        log.append(("got", need, ok, list(items)))

c = threading.Thread(target=consumer, args=(3,))
c.start()
for k in range(3):
    time.sleep(0.02)
    with cond:
        items.append(k)
        cond.notify_all()
c.join()
print(log)

with cond:
    print("already true:", cond.wait_for(lambda: "yes"))
    start = time.monotonic()
    print("timeout:", cond.wait_for(lambda: len(items) > 10, timeout=0.05),
          time.monotonic() - start >= 0.04)
    print("zero timeout:", cond.wait_for(lambda: 0, timeout=0))

counter = [0]

def predicate():
    counter[0] += 1
    return items[-1] if items[-1] >= 5 else None

def feeder():
    for k in range(3, 6):
        time.sleep(0.02)
        with cond:
            items.append(k)
            cond.notify()

f = threading.Thread(target=feeder)
f.start()
with cond:
    print("value:", cond.wait_for(predicate, timeout=5))
f.join()
print("checks:", counter[0])
