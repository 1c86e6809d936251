# The race, fixed with a Lock: only one thread at a time runs the
# read-add-write, so no update is lost, under any Python.
import threading

counter = 0
lock = threading.Lock()

def work(times):
    global counter
    for _ in range(times):
        with lock:
            counter += 1

threads = [threading.Thread(target=work, args=(50_000,)) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("expected:", 200_000)
print("counter =", counter)
