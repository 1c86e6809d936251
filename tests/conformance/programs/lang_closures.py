# Closures capture variables, not values.

def make_counter(start=0, step=1):
    count = start

    def counter():
        nonlocal count
        count += step
        return count

    return counter


a = make_counter()
b = make_counter(100, 10)
print(a(), a(), a())
print(b(), b())
print(a())


def make_multipliers():
    return [lambda x, k=k: x * k for k in range(1, 5)]


print([m(10) for m in make_multipliers()])


def outer():
    x = "outer x"

    def middle():
        def inner():
            return x

        return inner

    result = middle()()
    return result


print(outer())


def accumulator():
    items = []

    def add(item):
        items.append(item)
        return list(items)

    def size():
        return len(items)

    return add, size


add, size = accumulator()
add("a")
add("b")
print(add("c"), size())
print("free vars:", a.__code__.co_freevars)
print("cell contents:", [c.cell_contents for c in a.__closure__])


def memo_fib():
    cache = {0: 0, 1: 1}

    def fib(n):
        if n not in cache:
            cache[n] = fib(n - 1) + fib(n - 2)
        return cache[n]

    return fib


fib = memo_fib()
print([fib(n) for n in range(15)])
print(fib(90))
