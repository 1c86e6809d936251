# any, all and len on many kinds of objects; short-circuiting.

print(any([]), all([]), any([0, 0]), all([1, 1]), any([0, 1]), all([1, 0]))
print(any("abc"), all(""), any([[]]), all([[]]), any({0: "x"}), all({1: 0}))
print(any(x > 3 for x in [1, 2, 5]), all(isinstance(x, int) for x in [1, True, 2]))

checked = []


def check(x):
    checked.append(x)
    return x > 2


print(any(check(x) for x in [1, 5, 7, 0]), checked)
checked.clear()
print(all(check(x) for x in [3, 1, 7]), checked)

words = ["apple", "Banana", "cherry"]
print(all(w.isalpha() for w in words), any(w[0].isupper() for w in words))
print(all(len(w) >= 5 for w in words), any(len(w) > 6 for w in words))
grid = [[1, 0, 1], [1, 1, 1], [0, 0, 0]]
print([all(row) for row in grid], [any(row) for row in grid], any(all(r) for r in grid))

items = ["", "abc", [1, 2], (1,), {"a": 1, "b": 2}, {1, 2, 3}, range(10), b"xyz", bytearray(2), "中文"]
for item in items:
    print(f"{type(item).__name__:<10} len={len(item)}")
print(len(range(0, 100, 7)), len(dict(a=1)), len(frozenset("aab")), len("\n\t"), len(str(10 ** 100)))
for bad in (5, 3.0, None, iter([1]), (x for x in "ab")):
    try:
        len(bad)
    except TypeError as e:
        print("TypeError:", e)
