# Decorating methods: logging calls, checking state, caching properties.
import functools


def logged(method):
    @functools.wraps(method)
    def wrapper(self, *args):
        result = method(self, *args)
        self.history.append(f"{method.__name__}{args} -> {result}")
        return result

    return wrapper


def requires_open(method):
    @functools.wraps(method)
    def wrapper(self, *args):
        if not self.is_open:
            raise RuntimeError(f"cannot {method.__name__}: register is closed")
        return method(self, *args)

    return wrapper


class Register:
    def __init__(self):
        self.total = 0
        self.is_open = True
        self.history = []

    @logged
    @requires_open
    def add(self, amount):
        self.total += amount
        return self.total

    @logged
    def close(self):
        self.is_open = False
        return "closed"

    @functools.cached_property
    def summary(self):
        print("(computing summary)")
        return f"{len(self.history)} operations, total {self.total}"


r = Register()
r.add(5)
r.add(7)
r.close()
try:
    r.add(1)
except RuntimeError as e:
    print("RuntimeError:", e)
for line in r.history:
    print(line)
print(r.summary)
print(r.summary)
print(Register.add.__name__, Register.close.__name__)
