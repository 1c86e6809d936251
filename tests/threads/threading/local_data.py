# threading.local: each thread sees its own attributes; a subclass's
# __init__ runs again in each thread with the constructor's arguments;
# class attributes, methods and __dict__; the errors.
import threading

data = threading.local()
data.x = "main"
results = {}

def worker(name):
    results[name] = [hasattr(data, "x")]
    data.x = name
    data.y = name * 2
    results[name].append((data.x, data.y, sorted(data.__dict__)))

ts = [threading.Thread(target=worker, args=(n,)) for n in "ab"]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(results, data.x, hasattr(data, "y"))

class Counter(threading.local):
    hits = 0
    def __init__(self, start, step=1):
        self.start = start
        self.step = step
        self.value = start
    def bump(self):
        self.value += self.step
        self.hits += 1
        return self.value

c = Counter(10, step=5)
c.bump()
c.bump()
seen = []

def use():
    seen.append((c.value, c.hits, Counter.hits))
    c.bump()
    seen.append((c.value, c.hits, sorted(vars(c))))

t = threading.Thread(target=use)
t.start()
t.join()
print(c.value, c.hits, seen)

class Doc(threading.local):
    number = 2
    def __init__(self, /, **kw):
        self.__dict__.update(kw)
    def squared(self):
        return self.number ** 2

d = Doc(color="red")
d.number = 7
print(d.color, d.number, d.squared(), sorted(d.__dict__.items()))
out = []
def other():
    out.append((d.color, d.number, d.squared()))
    d.number = 3
    out.append(d.squared())
t = threading.Thread(target=other)
t.start()
t.join()
print(out, d.number)

try:
    threading.local(1)
except TypeError as e:
    print("TypeError:", e)
for action in (lambda: setattr(d, "__dict__", {}), lambda: delattr(d, "__dict__")):
    try:
        action()
    except AttributeError as e:
        print("AttributeError:", e)
del data.x
print(hasattr(data, "x"))
try:
    data.missing
except AttributeError as e:
    print("AttributeError:", e)
print(isinstance(data, threading.local), type(d).__name__)
