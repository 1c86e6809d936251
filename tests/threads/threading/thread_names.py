# Names and daemon flags: the Thread-N counter (shared with Timer),
# name/getName/setName, daemon/isDaemon/setDaemon, daemon inherited from
# the creating thread, names seen inside the thread.
import threading

def noop():
    pass

a = threading.Thread(target=noop)
b = threading.Thread(target=noop, name="explicit")
c = threading.Thread()
tm = threading.Timer(1.0, noop)
d = threading.Thread(target=noop)
print([x.name for x in (a, b, c, tm, d)])
a.name = "renamed"
print(a.name, a.getName())
a.setName("again")
print(a.name)
a.name = 7
print(repr(a.name))
print(a.daemon, a.isDaemon())
a.daemon = True
print(a.daemon)
a.setDaemon(False)
print(a.isDaemon())
print(threading.main_thread().name, threading.main_thread().daemon)

seen = []

def report():
    me = threading.current_thread()
    seen.append((me.name, me.daemon))
    child = threading.Thread(target=noop)
    seen.append(("child of " + me.name, child.daemon))

x = threading.Thread(target=report, name="non-daemon")
y = threading.Thread(target=report, name="daemonic", daemon=True)
for t in (x, y):
    t.start()
    t.join()
print(seen)

def rename_self():
    threading.current_thread().name = "worker-renamed"
    seen.append(threading.current_thread().name)

r = threading.Thread(target=rename_self)
r.start()
r.join()
print(r.name, seen[-1])
print(threading.Thread(target=noop).name)
