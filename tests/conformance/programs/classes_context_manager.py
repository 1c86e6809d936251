# __enter__ and __exit__: resources, timing-free tracing, suppression.

class Tracer:
    depth = 0

    def __init__(self, name, suppress=()):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        print("  " * Tracer.depth + f"enter {self.name}")
        Tracer.depth += 1
        return self

    def __exit__(self, exc_type, exc, tb):
        Tracer.depth -= 1
        status = "ok" if exc_type is None else f"{exc_type.__name__}: {exc}"
        print("  " * Tracer.depth + f"exit {self.name} ({status})")
        return exc_type is not None and issubclass(exc_type, self.suppress)


with Tracer("outer") as t:
    print("inside", t.name)
    with Tracer("inner"):
        print("    working")

with Tracer("safe", suppress=(ZeroDivisionError,)):
    print("dividing")
    1 / 0
    print("never printed")
print("continued after suppression")

try:
    with Tracer("unsafe", suppress=(KeyError,)):
        int("abc")
except ValueError as e:
    print("caught outside:", e)

with Tracer("a") as a, Tracer("b") as b:
    print("two managers:", a.name, b.name)


class Transaction:
    def __init__(self, account):
        self.account = account

    def __enter__(self):
        self.snapshot = dict(self.account)
        return self.account

    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None:
            self.account.clear()
            self.account.update(self.snapshot)
            print("rolled back because", exc)
        return False


acct = {"balance": 100}
with Transaction(acct) as a:
    a["balance"] -= 30
print(acct)
try:
    with Transaction(acct) as a:
        a["balance"] -= 500
        if a["balance"] < 0:
            raise ValueError("insufficient funds")
except ValueError:
    pass
print(acct)
