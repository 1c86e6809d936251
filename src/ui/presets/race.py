# The race every lesson starts with: two threads add 1 to a shared counter.
# `counter += 1` is a read, an add and a write: a switch between the read
# and the write loses an update.
import threading

counter = 0

def work(times):
    global counter
    for _ in range(times):
        counter += 1

threads = [threading.Thread(target=work, args=(1_000_000,)) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("expected:", 2_000_000)
print("counter =", counter)
