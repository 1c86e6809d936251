# Unpacking: starred targets, nesting, swaps, for targets and calls.

a, b = 1, 2
a, b = b, a
print(a, b)

first, *middle, last = [10, 20, 30, 40, 50]
print(first, middle, last)
*init, tail = "hello"
print(init, tail)
head, *rest = (1,)
print(head, rest)
x, *y, z = range(2)
print(x, y, z)

(p, q), (r, *s) = (1, 2), [3, 4, 5]
print(p, q, r, s)
name, (lat, lon) = "Oslo", (59.91, 10.75)
print(f"{name}: {lat}, {lon}")

points = [(1, 2), (3, 4), (5, 6)]
for px, py in points:
    print(px * py, end=" ")
print()
for i, (px, py) in enumerate(points):
    print(i, px + py, end="; ")
print()
records = [("ann", [90, 85, 77]), ("bo", [60]), ("cy", [70, 80])]
for who, (best, *others) in records:
    print(who, best, len(others))


def show(a, b, c, d=0):
    return f"a={a} b={b} c={c} d={d}"


args = [1, 2]
print(show(*args, 3))
print(show(*"xy", *[True], d=None))
print(show(**{"a": 1, "b": 2, "c": 3}))
print(show(0, *(), **{"c": 5, "b": 4}))
merged = [*range(3), *"ab", *(None,)]
print(merged)
d = {**{"x": 1}, "y": 2, **{"x": 3}}
print(d)
print({*[1, 2], *(2, 3)})

for bad in ([1, 2, 3], [1], "abcd"):
    try:
        one, two = bad
        print("ok", one, two)
    except ValueError as e:
        print("ValueError:", e)
try:
    u, v, *w, t = [1, 2]
except ValueError as e:
    print("ValueError:", e)
