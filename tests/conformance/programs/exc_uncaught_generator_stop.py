# PEP 479: a StopIteration escaping a generator becomes RuntimeError, uncaught.

def take_pairs(items):
    iterator = iter(items)
    while True:
        first = next(iterator)
        second = next(iterator)
        yield first, second


def safe_pairs(items):
    iterator = iter(items)
    for first in iterator:
        second = next(iterator, None)
        yield first, second


print(list(safe_pairs([1, 2, 3, 4, 5])))
print(list(safe_pairs("abcd")))
print(list(take_pairs([])) if False else "skipping the empty case")

pairs = take_pairs([1, 2, 3, 4, 5])
print(next(pairs))
print(next(pairs))
print("third pair needs a sixth item:")
print(next(pairs))
print("never printed")
