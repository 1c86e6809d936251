# itertools.count, cycle and repeat, always bounded by islice, zip or takewhile.
from itertools import count, cycle, repeat, islice, takewhile, dropwhile

print(list(islice(count(), 5)), list(islice(count(10, 5), 4)), list(islice(count(1, -0.5), 4)))
print(list(zip(count(1), "abc")), list(zip("xyz", count(start=100, step=10))))
print(list(islice(cycle("AB"), 7)), list(islice(cycle([1, 2, 3]), 2, 9)))
print(list(repeat("hi", 3)), list(repeat(0, 0)), list(zip(range(3), repeat("same"))))
print(list(map(pow, range(6), repeat(2))), sum(islice(repeat(7), 4)))
print(list(takewhile(lambda n: n * n < 50, count(1))))
print(list(islice(dropwhile(lambda n: n < 5, count()), 3)))
players = cycle(["ann", "bob", "cy"])
turns = [(turn, next(players)) for turn in range(1, 8)]
print(turns)
ids = count(1000)
orders = {name: next(ids) for name in ["tea", "cake", "soup"]}
print(orders, next(ids))
lights = cycle([("green", 3), ("yellow", 1), ("red", 2)])
timeline = []
for colour, duration in islice(lights, 5):
    timeline.extend(repeat(colour[0].upper(), duration))
print("".join(timeline))
c = count()
print(next(c), next(c), repr(c), repr(count(5, 2)), repr(repeat("x", 2)))
evens = (n for n in count() if n % 2 == 0)
print(list(islice(evens, 5)), list(islice(evens, 2)))
print(list(islice("abcdefg", 1, None, 2)), list(islice(range(100), 95, None)))
try:
    list(islice("abc", -1))
except ValueError as e:
    print("ValueError:", e)
