# yield from: delegating to sub-generators, and the value they return.

def letters():
    yield "a"
    yield "b"
    return "letters done"


def numbers():
    yield 1
    yield 2
    return "numbers done"


def combined():
    first = yield from letters()
    print("  sub-generator 1 returned:", first)
    second = yield from numbers()
    print("  sub-generator 2 returned:", second)
    yield from range(3)
    yield from "xy"
    return [first, second]


out = []
gen = combined()
while True:
    try:
        out.append(next(gen))
    except StopIteration as stop:
        print("combined returned:", stop.value)
        break
print(out)


def flatten(items):
    for item in items:
        if isinstance(item, (list, tuple)):
            yield from flatten(item)
        else:
            yield item


print(list(flatten([1, [2, (3, [4, 5]), []], [[[6]]], 7])))


def chain(*iterables):
    for it in iterables:
        yield from it


print(list(chain("ab", [1, 2], range(3, 5), {"k": 0})))


def averager():
    total, count = 0, 0
    while True:
        value = yield
        if value is None:
            return total / count if count else 0.0
        total += value
        count += 1


def delegate(results, key):
    while True:
        results[key] = yield from averager()


results = {}
d = delegate(results, "heights")
next(d)
for h in [150, 160, 170]:
    d.send(h)
d.send(None)
print(results)
