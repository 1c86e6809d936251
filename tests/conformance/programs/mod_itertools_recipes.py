# Recipes built from itertools: batched, flatten, unique, roundrobin, powerset, sliding window.
from itertools import islice, chain, combinations, cycle, groupby, tee


def batched(iterable, n):
    it = iter(iterable)
    while batch := tuple(islice(it, n)):
        yield batch


def flatten(list_of_lists):
    return chain.from_iterable(list_of_lists)


def unique_everseen(iterable, key=None):
    seen = set()
    for element in iterable:
        k = element if key is None else key(element)
        if k not in seen:
            seen.add(k)
            yield element


def roundrobin(*iterables):
    iterators = [iter(it) for it in iterables]
    while iterators:
        alive = []
        for it in iterators:
            try:
                yield next(it)
                alive.append(it)
            except StopIteration:
                pass
        iterators = alive


def powerset(iterable):
    s = list(iterable)
    return chain.from_iterable(combinations(s, r) for r in range(len(s) + 1))


def sliding_window(iterable, n):
    iterators = tee(iterable, n)
    for i, it in enumerate(iterators):
        for _ in islice(it, i):
            pass
    return zip(*iterators)


def all_equal(iterable):
    g = groupby(iterable)
    return next(g, True) and not next(g, False)


print(list(batched("ABCDEFG", 3)), list(batched([], 2)))
print(list(flatten([[1, 2], [3], [], [4, 5]])))
print(list(unique_everseen("AAAABBBCCDAABBB")), list(unique_everseen("ABBcCAD", key=str.lower)))
print(list(roundrobin("ABC", "D", "EF")))
print(list(powerset([1, 2, 3])))
print(list(sliding_window(range(6), 3)), list(sliding_window("ab", 3)))
print(all_equal("aaaa"), all_equal("aaba"), all_equal(""))
print(list(islice(cycle(batched(range(5), 2)), 5)))
