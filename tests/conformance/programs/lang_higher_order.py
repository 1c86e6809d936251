# map, filter, functools.reduce and function composition.
from functools import reduce

numbers = list(range(1, 11))
print(list(map(lambda n: n * n, numbers)))
print(list(filter(lambda n: n % 2, numbers)))
print(reduce(lambda acc, n: acc + n, numbers))
print(reduce(lambda acc, n: acc * n, numbers, 1))
print(reduce(max, [3, 9, 2, 7]))
print(reduce(lambda acc, w: acc + [len(w)], ["a", "bb", "ccc"], []))

words = ["Apple", "banana", "Cherry", "date", "Elderberry"]
print(list(map(str.upper, words)))
print(list(filter(str.istitle, words)))
print(list(map(len, words)))
print(list(map(lambda a, b: f"{a}{b}", "abc", [1, 2, 3, 4])))


def compose(*funcs):
    return reduce(lambda f, g: lambda x: g(f(x)), funcs)


shout = compose(str.strip, str.upper, lambda s: s + "!")
print(shout("   hey there "))


def curry(func, arity):
    def curried(*args):
        if len(args) >= arity:
            return func(*args)
        return lambda *more: curried(*args, *more)

    return curried


add3 = curry(lambda a, b, c: a + b + c, 3)
print(add3(1)(2)(3), add3(1, 2)(3), add3(1)(2, 3))
try:
    reduce(lambda a, b: a + b, [])
except TypeError as e:
    print("TypeError:", e)
pairs = list(zip(words, map(len, words)))
print(max(pairs, key=lambda p: p[1]), min(pairs, key=lambda p: p[1]))
print(sum(map(int, "12345")), list(map(int, ["7", "-3", " 8 "])))
