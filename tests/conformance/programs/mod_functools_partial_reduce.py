# functools.partial and functools.reduce.
from functools import partial, reduce
import operator


def power(base, exponent):
    return base ** exponent


square = partial(power, exponent=2)
cube = partial(power, exponent=3)
two_to = partial(power, 2)
print(square(7), cube(3), two_to(10), [two_to(n) for n in range(6)])
print(square.func.__name__, square.args, square.keywords, two_to.args)
print(square(5, exponent=4))

int_from_binary = partial(int, base=2)
print(int_from_binary("1011"), list(map(int_from_binary, ["1", "10", "111"])))
print_csv = partial(print, sep=",", end=";\n")
print_csv("a", "b", "c")
by_length = partial(sorted, key=len)
print(by_length(["ccc", "a", "bb"]))
nested = partial(partial(power, 3), 4)
print(nested(), type(nested).__name__)

print(reduce(operator.add, [1, 2, 3, 4]), reduce(operator.mul, range(1, 8)))
print(reduce(lambda a, b: a if a > b else b, [3, 9, 2, 7]))
print(reduce(lambda acc, x: acc * 10 + x, [1, 2, 3, 4]), reduce(operator.add, ["a", "b", "c"], ">"))
print(reduce(lambda acc, w: {**acc, w: len(w)}, ["hi", "hello"], {}))
print(reduce(operator.or_, [{1}, {2, 3}, {3, 4}]), reduce(operator.and_, [{1, 2, 3}, {2, 3}, {3, 9}]))
steps = []


def trace_add(a, b):
    steps.append(f"{a}+{b}")
    return a + b


print(reduce(trace_add, [1, 2, 3, 4], 100), steps)
print(reduce(operator.add, [], 0), reduce(operator.add, [42]))
try:
    reduce(operator.add, [])
except TypeError as e:
    print("TypeError:", e)
compose = lambda *fs: reduce(lambda f, g: lambda x: g(f(x)), fs)
print(compose(str.strip, str.title, str.swapcase)("  hello world "))
