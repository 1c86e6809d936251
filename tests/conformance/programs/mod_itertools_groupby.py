# itertools.groupby: it groups consecutive items, so sort first when needed.
from itertools import groupby
from operator import itemgetter

print([(k, list(g)) for k, g in groupby("aaabbcaab")])
print([(k, len(list(g))) for k, g in groupby(sorted("aaabbcaab"))])
print([k for k, _ in groupby([1, 1, 2, 2, 2, 1, 3, 3])])
print("".join(f"{len(list(g))}{k}" for k, g in groupby("WWWWWWBBBWWWWW")))

sales = [
    {"region": "north", "month": "jan", "amount": 100},
    {"region": "south", "month": "jan", "amount": 80},
    {"region": "north", "month": "feb", "amount": 120},
    {"region": "south", "month": "feb", "amount": 95},
    {"region": "east", "month": "feb", "amount": 60},
]
by_region = sorted(sales, key=itemgetter("region"))
for region, rows in groupby(by_region, key=itemgetter("region")):
    rows = list(rows)
    print(region, len(rows), sum(r["amount"] for r in rows), [r["month"] for r in rows])
unsorted_groups = [(k, len(list(g))) for k, g in groupby(sales, key=itemgetter("region"))]
print("without sorting:", unsorted_groups)

numbers = [1, 2, 4, 5, 6, 9, 10, 15]
runs = []
for _, g in groupby(enumerate(numbers), key=lambda p: p[1] - p[0]):
    group = [n for _, n in g]
    runs.append(f"{group[0]}-{group[-1]}" if len(group) > 1 else str(group[0]))
print(",".join(runs))
words = ["apple", "avocado", "banana", "blueberry", "cherry", "apricot"]
print({k: list(g) for k, g in groupby(sorted(words), key=lambda w: w[0])})
print([(parity, list(g)) for parity, g in groupby(range(10), key=lambda n: n % 2 == 0)][:3])
groups = groupby("aabb")
first_key, first_group = next(groups)
second_key, _ = next(groups)
print(first_key, second_key, list(first_group))
