# iter() and next(): defaults, the two-argument iter(callable, sentinel), exhaustion.

it = iter([10, 20, 30])
print(next(it), next(it), next(it), next(it, "done"), next(it, None))
s = iter("hey")
print(list(s), list(s))
d = {"a": 1, "b": 2}
keys = iter(d)
print(next(keys), list(keys))
print(iter(it) is it, iter([]) is iter([]))

numbers = [3, 1, 4, 1, 5, 9, 2, 6]
pos = 0


def read_next():
    global pos
    value = numbers[pos]
    pos += 1
    return value


print(list(iter(read_next, 9)))
chunks = iter(["ab", "cd", "", "ef"])
print(list(iter(lambda: next(chunks), "")))
count = 0


def ticker():
    global count
    count += 1
    return count


print(list(iter(ticker, 5)), count)

rows = iter([["h1", "h2"], [1, 2], [3, 4]])
header = next(rows)
print(header, [dict(zip(header, r)) for r in rows])
words = iter("alpha beta gamma delta".split())
first, second = next(words), next(words)
print(first, second, "rest:", list(words))
try:
    next([1, 2])
except TypeError as e:
    print("TypeError:", e)
try:
    iter(5)
except TypeError as e:
    print("TypeError:", e)
try:
    iter(5, 0)
except TypeError as e:
    print("TypeError:", e)
pairs = iter(range(6))
print(list(zip(pairs, pairs)))
