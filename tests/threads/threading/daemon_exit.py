# At exit, non-daemon threads are waited for (threading._shutdown) and
# daemon threads are cut off where they are: the daemon's later prints
# never happen.
import threading
import time

def daemon_loop():
    print("daemon: started", flush=True)
    time.sleep(0.3)
    print("daemon: this line is never printed", flush=True)

def worker():
    time.sleep(0.1)
    print("worker: finished after main's last line", flush=True)

d = threading.Thread(target=daemon_loop, daemon=True)
d.start()
w = threading.Thread(target=worker)
w.start()
time.sleep(0.02)
print("main: alive", d.is_alive(), w.is_alive(), d.daemon, w.daemon)
print("main: module ends", flush=True)
