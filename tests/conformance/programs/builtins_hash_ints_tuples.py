# hash() of ints, floats equal to ints, and tuples: equal values hash equally.

print([hash(n) for n in (0, 1, -1, -2, 42, 10 ** 6)])
print(hash(2 ** 61 - 1), hash(2 ** 61), hash(2 ** 61 + 5), hash(-(2 ** 61)), hash(10 ** 20))
print(hash(1.0) == hash(1), hash(-3.0) == hash(-3), hash(0.0) == hash(-0.0) == hash(0))
print(hash(True) == hash(1), hash(False) == hash(0))
print(hash((1, 2)) == hash((1, 2)), hash((1, 2)) == hash((2, 1)), hash(()) == hash(()))
print(hash((1, (2, 3))) == hash((1.0, (2, 3.0))), hash(frozenset({1, 2})) == hash(frozenset({2, 1})))
print(hash(1.5), hash(0.25), hash(-0.5), hash(1e100) == hash(10 ** 100))

for unhashable in ([1], {1: 2}, {1}, (1, [2]), bytearray(b"x")):
    try:
        hash(unhashable)
    except TypeError as e:
        print("TypeError:", e)

seen = {}
points = [(0, 0), (1, 2), (0, 0), (1.0, 2.0), (2, 1)]
for p in points:
    seen[p] = seen.get(p, 0) + 1
print(seen)
print({(1, 2), (1.0, 2.0), (2, 1)}, len({1, 1.0, True}))
cache = {}


def grid_path_count(r, c):
    if (r, c) in cache:
        return cache[(r, c)]
    result = 1 if r == 0 or c == 0 else grid_path_count(r - 1, c) + grid_path_count(r, c - 1)
    cache[(r, c)] = result
    return result


print(grid_path_count(10, 10), grid_path_count(16, 16), len(cache))
print(sorted({hash(n) % 8 for n in range(20)}), [hash(n) % 7 for n in range(-3, 4)])
