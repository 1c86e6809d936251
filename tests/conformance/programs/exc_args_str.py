# Exception args, str(), repr(), and exceptions as ordinary objects.

cases = [
    ValueError(),
    ValueError("one"),
    ValueError("two", 2),
    ValueError(42),
    KeyError("key"),
    KeyError("a", "b"),
    KeyError(),
    IndexError("list index out of range"),
    OSError("disk full"),
    TimeoutError("too slow"),
    StopIteration(7),
    SystemExit(3),
    Exception(None),
    Exception(""),
    RuntimeError(["list", "arg"]),
]
for e in cases:
    print(f"{type(e).__name__:<14} args={e.args!r:<28} str={str(e)!r:<24} repr={e!r}")

print(StopIteration(7).value, SystemExit(3).code, SystemExit().code, TimeoutError("t").args)
e = ValueError("mutable")
e.args = ("changed", 1)
print(e, e.args)
e.note = "custom attribute"
print(e.note)
errors = [TypeError("t"), KeyError("k")]
print([str(x) for x in errors], [type(x).__name__ for x in errors])
print(ValueError("a") == ValueError("a"), str(ValueError("a")) == str(ValueError("a")))
try:
    raise ValueError
except ValueError as caught:
    print("raising the class gives an instance:", repr(caught), caught.args)


class WithInit(Exception):
    def __init__(self, code, detail):
        super().__init__(code)
        self.detail = detail


w = WithInit(404, "missing")
print(w.args, str(w), w.detail, repr(w))
try:
    raise 42
except TypeError as err:
    print("TypeError:", err)
