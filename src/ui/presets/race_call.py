# The same race, with the increment in a function: `counter = inc(counter)`.
# A call is a point where newer CPythons check for a thread switch, so the
# read and the write can be far apart in time.
import threading

counter = 0

def inc(x):
    return x + 1

def work(times):
    global counter
    for _ in range(times):
        counter = inc(counter)

threads = [threading.Thread(target=work, args=(1_000_000,)) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("expected:", 2_000_000)
print("counter =", counter)
