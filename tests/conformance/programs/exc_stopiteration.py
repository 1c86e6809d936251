# StopIteration: how iteration ends, next() defaults, and PEP 479.

it = iter([1, 2])
print(next(it), next(it), next(it, "default"), next(it, None))
try:
    next(it)
except StopIteration as e:
    print("StopIteration:", repr(e), e.value)


def gen():
    yield 1
    return "return value"


g = gen()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("generator returned:", e.value, e.args)


def leaky():
    yield 1
    raise StopIteration("inside generator")


try:
    print(list(leaky()))
except RuntimeError as e:
    print("RuntimeError:", e)
    print("cause:", repr(e.__cause__))


def manual_loop(iterable):
    iterator = iter(iterable)
    out = []
    while True:
        try:
            item = next(iterator)
        except StopIteration:
            break
        out.append(item * 2)
    return out


print(manual_loop("abc"), manual_loop(range(4)), manual_loop([]))


def first(iterable, default=None):
    return next(iter(iterable), default)


print(first([9, 8]), first([]), first("", "empty"), first(x for x in range(10) if x > 6))
