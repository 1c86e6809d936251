# Daemon threads: the program ends when the last non-daemon thread ends,
# without waiting for daemon threads. The heartbeat below is a daemon, so
# it is stopped mid-loop when the main thread finishes.
import threading
import time

beats = []

def heartbeat():
    while True:
        beats.append(len(beats))
        time.sleep(0.01)

def job():
    time.sleep(0.035)
    print("job finished")

hb = threading.Thread(target=heartbeat, daemon=True)
worker = threading.Thread(target=job)
hb.start()
worker.start()
worker.join()
print("heartbeat is a daemon:", hb.daemon)
print("heartbeat still alive:", hb.is_alive())
print("heartbeat beat while the job ran:", len(beats) > 1)
