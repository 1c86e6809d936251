# Barrier: three threads work in phases, and none starts phase 2 before
# all have finished phase 1. wait() returns a different number to each
# thread, so exactly one can do the "between phases" job.
import threading
import time

barrier = threading.Barrier(3)
log = []
lock = threading.Lock()

def worker(n):
    time.sleep(0.01 * n)  # phase 1 takes a different time for each
    with lock:
        log.append(1)
    if barrier.wait() == 0:
        with lock:
            log.append("|")
    barrier.wait()
    with lock:
        log.append(2)

threads = [threading.Thread(target=worker, args=(n,)) for n in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("phases in order:", log)
