# `with`: several managers in one statement, suppression, exit order.

class Resource:
    def __init__(self, name, log, suppress=False):
        self.name, self.log, self.suppress = name, log, suppress

    def __enter__(self):
        self.log.append(f"open {self.name}")
        return self.name.upper()

    def __exit__(self, exc_type, exc, tb):
        what = exc_type.__name__ if exc_type else "None"
        self.log.append(f"close {self.name} (exc={what})")
        return self.suppress


log = []
with Resource("a", log) as a, Resource("b", log) as b:
    log.append(f"body uses {a} and {b}")
print(log)

log = []
try:
    with Resource("a", log), Resource("b", log), Resource("c", log):
        log.append("body")
        raise ValueError("in body")
except ValueError as e:
    log.append(f"caught {e}")
print(log)

log = []
with Resource("outer", log), Resource("swallower", log, suppress=True):
    raise KeyError("hidden")
log.append("after with")
print(log)

log = []
try:
    with Resource("first", log), Resource("bad", log) as x:
        log.append("body reached")
        y = 1 / 0
except ZeroDivisionError:
    log.append("division error propagated")
print(log)


class FailingEnter:
    def __enter__(self):
        raise RuntimeError("cannot open")

    def __exit__(self, *args):
        print("never called")


log = []
try:
    with Resource("ok", log), FailingEnter():
        log.append("not reached")
except RuntimeError as e:
    log.append(f"enter failed: {e}")
print(log)
with (Resource("p", log) as p,
      Resource("q", log) as q):
    print("parenthesised managers:", p, q)
