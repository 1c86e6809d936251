# Generators keep their local state between yields: ids, cycling, batching.

def id_maker(prefix, start=1, width=4):
    n = start
    while True:
        yield f"{prefix}-{n:0{width}d}"
        n += 1


def cycle_colours(colours):
    while True:
        for c in colours:
            yield c


def batcher(size):
    batch = []
    while True:
        item = yield None if len(batch) < size else list(batch)
        if len(batch) == size:
            batch.clear()
        batch.append(item)


orders = id_maker("ORD")
users = id_maker("U", start=98, width=3)
print([next(orders) for _ in range(3)])
print([next(users) for _ in range(4)])
print(next(orders))

colours = cycle_colours(["red", "green", "blue"])
rows = [f"row {i}: {next(colours)}" for i in range(7)]
print(rows)

b = batcher(3)
next(b)
for item in "abcdefgh":
    result = b.send(item)
    if result:
        print("batch ready:", result)


def running_stats():
    count, total, low, high = 0, 0, None, None
    while True:
        x = yield (count, total, low, high)
        count += 1
        total += x
        low = x if low is None else min(low, x)
        high = x if high is None else max(high, x)


stats = running_stats()
next(stats)
for x in [5, 3, 9, 1]:
    print(stats.send(x))
