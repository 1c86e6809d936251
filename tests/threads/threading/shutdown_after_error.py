# The main module ends with an uncaught exception while a non-daemon thread
# still runs: the traceback is printed, the thread is still waited for,
# and the exit status is 1.
import threading
import time

def worker():
    time.sleep(0.1)
    print("worker done", flush=True)

def spawner():
    time.sleep(0.02)
    inner = threading.Thread(target=lambda: (time.sleep(0.05), print("inner done", flush=True)))
    inner.start()

threading.Thread(target=worker).start()
threading.Thread(target=spawner).start()
print("main raising", flush=True)
raise SystemError("main failed")
