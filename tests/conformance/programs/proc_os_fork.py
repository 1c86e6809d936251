# os.fork: the child gets a copy of the parent's heap; nothing it changes
# is seen by the parent. (Prints flush: a forked child inherits unflushed
# output otherwise.)
import os
import threading
import time

counter = 0
shared = {"items": [1, 2]}


class Box:
    def __init__(self, v):
        self.v = v


box = Box(10)
pid = os.fork()
if pid == 0:
    counter += 100
    shared["items"].append(3)
    box.v += 1
    print("child:", counter, shared, box.v, os.getppid() != os.getpid(), flush=True)
    os._exit(7)
got, status = os.waitpid(pid, 0)
print("parent:", got == pid, os.WIFEXITED(status), os.WEXITSTATUS(status), flush=True)
print("parent sees:", counter, shared, box.v, flush=True)

# A thread's work before the fork is in the copy; the child has one thread.
results = []
t = threading.Thread(target=lambda: results.append(sum(range(1000))))
t.start()
t.join()
pid = os.fork()
if pid == 0:
    print("child threads:", threading.active_count(),
          threading.current_thread() is threading.main_thread(), results, flush=True)
    t2 = threading.Thread(target=lambda: print("child's thread ran", flush=True))
    t2.start()
    t2.join()
    raise ValueError("boom in the child")
_, status = os.waitpid(pid, 0)
print("uncaught exception in child ->", os.waitstatus_to_exitcode(status), flush=True)

# Signals end a child with -signal.
pid = os.fork()
if pid == 0:
    time.sleep(30)
    print("never printed", flush=True)
    os._exit(0)
os.kill(pid, 15)
_, status = os.waitpid(pid, 0)
print("terminated ->", os.waitstatus_to_exitcode(status), os.WIFSIGNALED(status), os.WTERMSIG(status), flush=True)
try:
    os.waitpid(pid, 0)
except ChildProcessError as e:
    print(type(e).__name__, e, flush=True)
nohang = os.fork()
if nohang == 0:
    time.sleep(0.2)
    os._exit(3)
print("WNOHANG while running:", os.waitpid(nohang, os.WNOHANG), flush=True)
print("then:", os.waitstatus_to_exitcode(os.waitpid(nohang, 0)[1]), flush=True)
