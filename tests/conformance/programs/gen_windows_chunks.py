# Chunking, sliding windows and pairwise iteration with generators.
from collections import deque
from itertools import islice


def chunked(iterable, size):
    it = iter(iterable)
    while True:
        chunk = list(islice(it, size))
        if not chunk:
            return
        yield chunk


def sliding(iterable, size):
    window = deque(maxlen=size)
    for item in iterable:
        window.append(item)
        if len(window) == size:
            yield tuple(window)


def pairwise(iterable):
    it = iter(iterable)
    prev = next(it, None)
    for item in it:
        yield prev, item
        prev = item


def runs(iterable):
    """Group consecutive equal items as (item, count)."""
    it = iter(iterable)
    try:
        current = next(it)
    except StopIteration:
        return
    count = 1
    for item in it:
        if item == current:
            count += 1
        else:
            yield current, count
            current, count = item, 1
    yield current, count


print(list(chunked(range(10), 3)))
print(list(chunked("abcdef", 2)), list(chunked([], 4)))
print(list(sliding([1, 2, 3, 4, 5], 3)))
print([sum(w) / 3 for w in sliding([3, 6, 9, 12, 15], 3)])
print(list(pairwise("abcd")), list(pairwise([1])))
print([b - a for a, b in pairwise([1, 4, 9, 16, 25])])
print(list(runs("aaabccddddx")), list(runs([])))
encoded = "".join(f"{ch}{n}" for ch, n in runs("WWWWBBBWWX"))
print(encoded)
