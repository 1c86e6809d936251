# __getattr__ (fallback), __setattr__ (validation) and __delattr__.

class Record:
    def __init__(self, **fields):
        object.__setattr__(self, "_fields", dict(fields))

    def __getattr__(self, name):
        print(f"  (__getattr__ for {name!r})")
        try:
            return self._fields[name]
        except KeyError:
            raise AttributeError(f"record has no field {name!r}") from None

    def __setattr__(self, name, value):
        if name.startswith("_"):
            raise AttributeError(f"cannot set private name {name!r}")
        self._fields[name] = value

    def __delattr__(self, name):
        self._fields.pop(name)

    def __repr__(self):
        inner = ", ".join(f"{k}={v!r}" for k, v in self._fields.items())
        return f"Record({inner})"


r = Record(name="Ann", age=31)
print(r.name, r.age)
r.city = "Oslo"
print(r)
del r.age
print(r)
try:
    r.age
except AttributeError as e:
    print("AttributeError:", e)
try:
    r._secret = 1
except AttributeError as e:
    print("AttributeError:", e)
print(getattr(r, "zip", "no zip"), hasattr(r, "city"))


class Proxy:
    def __init__(self, target):
        self._target = target
        self.calls = []

    def __getattr__(self, name):
        attr = getattr(self._target, name)
        if callable(attr):
            def logged(*args):
                self.calls.append(name)
                return attr(*args)
            return logged
        return attr


p = Proxy([3, 1, 2])
p.append(0)
p.sort()
print(p._target, p.calls, p.count(1))
try:
    p.nothing
except AttributeError as e:
    print("AttributeError:", e)
