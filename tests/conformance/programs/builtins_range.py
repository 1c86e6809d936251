# range: repr, len, indexing, slicing, negative steps, membership, equality.

ranges = [range(5), range(2, 10), range(0, 20, 3), range(10, 0, -2), range(5, 5), range(-3, 3), range(0, -10, -3)]
for r in ranges:
    print(f"{r!r:<22} len={len(r):<3} list={list(r)}")
r = range(0, 100, 7)
print(r[0], r[5], r[-1], r[-2], r[3:6], r[::-1], r[::3], r[-3:], r[10:2:-3])
print(list(r[3:6]), list(r[::-1])[:4], list(r[10:2:-3]))
print(14 in r, 15 in r, 98 in r, 99 in r, -7 in r, 3.0 in range(5), "3" in range(5))
print(r.index(49), r.count(49), r.count(50), r.start, r.stop, r.step)
print(range(0) == range(5, 5), range(0, 3) == range(0, 3, 1), range(0, 4, 2) == range(0, 3, 2), range(3) == [0, 1, 2])
print(bool(range(0)), bool(range(1)), list(reversed(range(1, 4))), sum(range(1, 101)), max(range(7)))
print(range(0, 10 ** 20, 3)[-1], 10 ** 19 in range(0, 10 ** 20, 5), range(10 ** 20)[10 ** 19])
for bad in [lambda: range(1, 5, 0), lambda: range(1.5), lambda: range(5)[5], lambda: range(5).index(7)]:
    try:
        bad()
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__, e)
for i in range(3, 0, -1):
    print("countdown", i)
evens = range(0, 11, 2)
odds = range(1, 11, 2)
print([a * b for a, b in zip(evens, odds)], list(map(lambda x: x ** 2, range(4))))
print(sorted(range(5), reverse=True), tuple(range(3)), set(range(4)), dict.fromkeys(range(3)))
