# Tuples: packing, unpacking, methods, immutability, and use as records and keys.

point = 3, 4
single = 5,
empty = ()
print(point, single, empty, type(single).__name__, len(empty), (5) == 5, (5,) == 5)
x, y = point
print(x, y, point[0], point[-1], point[::-1])
t = (1, 2, 3, 2, 2, 4)
print(t.count(2), t.index(2), t.index(2, 2), t.index(4), 3 in t, t + (5,), t * 2)
try:
    t.index(9)
except ValueError as e:
    print("ValueError:", e)
try:
    t[0] = 100
except TypeError as e:
    print("TypeError:", e)
try:
    t.append(1)
except AttributeError as e:
    print("AttributeError:", e)
inner = ([1, 2], "s")
inner[0].append(3)
print(inner)
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 99), max([(1, "b"), (1, "a")]), sorted([(2, 1), (1, 2)]))


def min_max_avg(values):
    return min(values), max(values), sum(values) / len(values)


lo, hi, avg = min_max_avg([4, 8, 15, 16, 23, 42])
print(lo, hi, avg)
records = [("ann", 31, "oslo"), ("bo", 25, "rome"), ("cy", 40, "lima")]
for name, age, city in sorted(records, key=lambda r: r[1]):
    print(f"{name:<4}{age:>3} {city}")
distances = {("oslo", "rome"): 2000, ("rome", "lima"): 10800}
print(distances[("oslo", "rome")], distances.get(("lima", "oslo"), "unknown"))
print(tuple(sorted((3, 1, 2))), tuple(reversed((1, 2))), tuple("abc"), tuple({1: 2}))
nested = ((1, 2), (3, (4, 5)))
(a, b), (c, (d, e)) = nested
print(a + b + c + d + e, len(nested), nested[1][1][0])
print(hash((1, 2)) == hash((1, 2)), {(1, 2): "ok"}[(1, 2)])
print(repr(()), repr((1,)), repr((1, "a", None, (2,))), str((1.5, [2])))
