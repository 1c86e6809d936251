# threading.local(): one object, a separate value in each thread. Each
# worker sets its own `local.name` and never sees the others'; the main
# thread's attribute is untouched.
import threading
import time

local = threading.local()
local.name = "main"
seen = []
lock = threading.Lock()

def worker(name, delay):
    local.name = name
    time.sleep(delay)  # the others set theirs meanwhile
    with lock:
        seen.append((name, local.name))

threads = [
    threading.Thread(target=worker, args=("alice", 0.06)),
    threading.Thread(target=worker, args=("bob", 0.02)),
    threading.Thread(target=worker, args=("carol", 0.04)),
]
for t in threads:
    t.start()
for t in threads:
    t.join()
for name, value in sorted(seen):
    print(f"{name} sees local.name = {value!r}")
print("main sees local.name =", repr(local.name))
print("has 'name' in a new thread:", end=" ")
t = threading.Thread(target=lambda: print(hasattr(local, "name")))
t.start()
t.join()
