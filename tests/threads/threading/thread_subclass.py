# Subclassing Thread: run() overridden, extra state, super().__init__ with
# a name, the repr uses the subclass name, run() called directly.
import threading

class Summer(threading.Thread):
    def __init__(self, numbers, **kw):
        super().__init__(**kw)
        self.numbers = numbers
        self.total = None

    def run(self):
        self.total = sum(self.numbers)

class Named(threading.Thread):
    def run(self):
        print("running in", threading.current_thread().name,
              threading.current_thread() is self)

s = Summer(range(10))
print(s.name, s.total)
s.start()
s.join()
print(s.total)
r = repr(s).replace(str(s.ident), "IDENT")
print(r)

n = Named(name="custom")
n.start()
n.join()
n2 = Named()
print(n2.name)
n2.run()

class WithTarget(threading.Thread):
    def run(self):
        print("before")
        super().run()
        print("after")

w = WithTarget(target=print, args=("the target",))
w.start()
w.join()

class Result(threading.Thread):
    def __init__(self, f, *args):
        threading.Thread.__init__(self, daemon=True)
        self.f, self.args = f, args
    def run(self):
        self.value = self.f(*self.args)

jobs = [Result(pow, 2, k) for k in range(5)]
for j in jobs:
    j.start()
for j in jobs:
    j.join()
print([j.value for j in jobs], [j.daemon for j in jobs])
print([j.name for j in jobs])
