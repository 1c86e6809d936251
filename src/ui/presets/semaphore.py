# Semaphore: at most 2 "downloads" at a time, however many threads want
# one. The others wait in acquire() until a slot frees up.
import threading
import time

slots = threading.Semaphore(2)
state_lock = threading.Lock()
active = 0
most = 0
done = []

def download(name):
    global active, most
    with slots:
        with state_lock:
            active += 1
            most = max(most, active)
        time.sleep(0.05)  # the download itself
        with state_lock:
            active -= 1
            done.append(name)

threads = [threading.Thread(target=download, args=(f"file{i}",)) for i in range(6)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("downloaded:", sorted(done))
print("most at once:", most)
