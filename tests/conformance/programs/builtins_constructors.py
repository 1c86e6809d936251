# Calling the builtin types: list, tuple, dict, set, frozenset, str, int, float, bool.

print(list(), list("abc"), list((1, 2)), list(range(3)), list({"a": 1, "b": 2}))
print(tuple(), tuple([1, 2]), tuple("hi"), tuple(x * 2 for x in range(3)))
print(dict(), dict(a=1, b=2), dict([("x", 1), ("y", 2)]), dict({"k": 1}, extra=2))
print(dict(zip("ab", [1, 2])), dict.fromkeys(["a", "b"], 0), dict.fromkeys("xy"))
print(set(), set([3, 1, 3, 2]), set(range(5)), sorted(set("hello")))
print(frozenset(), frozenset([1, 2, 2]), frozenset(range(3)) == {0, 1, 2})
print(str(), str(42), str(3.5), str([1, 2]), str(None), str(b"ab"), str(b"ab", "ascii"))
print(int(), int("7"), int(7.9), int("ff", 16), float(), float("2.5"), float(7))
print(bool(), bool(0), bool(1), bool(""), bool("x"), bool([]), bool([0]))
print(bytes(), bytes(2), bytes([65, 66]), bytes("é", "utf-8"), bytearray(b"ab"))
print(complex(), complex(1, 2), type(None)(), object().__class__.__name__)
a = [1, [2, 3]]
b = list(a)
b[1].append(4)
b.append(5)
print(a, b, a[1] is b[1])
for bad in [lambda: dict([1, 2]), lambda: dict([("a", 1, 2)]), lambda: list(5), lambda: int("1", 2, 3),
            lambda: set([[1]]), lambda: tuple(None), lambda: str(1, 2)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(type([])(), type(int).__name__, list.__name__, isinstance(list, type))
print([t.__name__ for t in (int, float, str, list, tuple, dict, set, frozenset, bool, bytes, type)])
