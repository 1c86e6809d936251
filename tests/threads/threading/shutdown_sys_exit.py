# sys.exit() in the main thread still waits for non-daemon threads (they
# finish their work) and exits with the given status; the daemon thread
# is cut off.
import sys
import threading
import time

def worker(name, delay):
    time.sleep(delay)
    print(name, "done", flush=True)

threading.Thread(target=worker, args=("first", 0.05)).start()
threading.Thread(target=worker, args=("second", 0.1)).start()
threading.Thread(target=worker, args=("daemon", 0.3), daemon=True).start()
print("exiting with 2", threading.active_count(), flush=True)
sys.exit(2)
