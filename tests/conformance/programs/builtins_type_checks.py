# type(), isinstance() and friends used for dispatch on input kinds.

def describe(value):
    kind = type(value)
    if kind is bool:
        return f"bool {value}"
    if isinstance(value, int):
        return f"int with {len(str(abs(value)))} digit(s)"
    if isinstance(value, float):
        return "float (integral)" if value.is_integer() else "float"
    if isinstance(value, str):
        return f"str of length {len(value)}"
    if isinstance(value, (list, tuple)):
        inner = ", ".join(describe(v) for v in value)
        return f"{kind.__name__}[{inner}]"
    if isinstance(value, dict):
        return f"dict with keys {sorted(map(str, value))}"
    if value is None:
        return "nothing"
    return f"something else: {kind.__name__}"


samples = [True, 42, -7, 3.0, 2.5, "hi", "", [1, "a"], (None, 2.0), {"b": 1, "a": 2}, None, {1, 2}, range(3)]
for s in samples:
    print(f"{s!r:<18} -> {describe(s)}")

print(type(1) is int, type(True) is int, type(True) is bool, type(1.0) == float)
print(type("") is str, type([]) is list, type(()) is tuple, type({}) is dict, type(set()) is set)
print(type(type), type(int), type(None).__name__, type(print).__name__, type(describe).__name__)
print(type(x for x in []).__name__, type(iter([])).__name__, type(range(1)).__name__, type(zip()).__name__)
print(type({}.keys()).__name__, type({}.values()).__name__, type({}.items()).__name__)
print(type(1 + 2j).__name__, type(b"").__name__, type(...).__name__, type(NotImplemented).__name__)


def add(a, b):
    if not isinstance(a, (int, float)) or isinstance(a, bool):
        raise TypeError(f"a must be a number, not {type(a).__name__}")
    return a + b


for args in [(1, 2), (1.5, 2), (True, 1), ("1", 2)]:
    try:
        print(args, add(*args))
    except TypeError as e:
        print(args, "TypeError:", e)
