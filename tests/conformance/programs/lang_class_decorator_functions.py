# Decorators implemented as classes, and decorators that keep state.
import functools


class CountCalls:
    def __init__(self, func):
        functools.update_wrapper(self, func)
        self.func = func
        self.calls = 0

    def __call__(self, *args, **kwargs):
        self.calls += 1
        return self.func(*args, **kwargs)


class Memoize:
    def __init__(self, func):
        self.func = func
        self.cache = {}
        self.hits = 0

    def __call__(self, n):
        if n in self.cache:
            self.hits += 1
        else:
            self.cache[n] = self.func(n)
        return self.cache[n]


@CountCalls
def say(word):
    return word * 2


@Memoize
def slow_square(n):
    return n * n


for w in "abc":
    print(say(w))
print(say.__name__, "called", say.calls, "times")

for n in [2, 3, 2, 2, 4, 3]:
    print(n, slow_square(n))
print("cache:", slow_square.cache, "hits:", slow_square.hits)


def once(func):
    done = []

    @functools.wraps(func)
    def wrapper(*args):
        if not done:
            done.append(func(*args))
        return done[0]

    return wrapper


@once
def init(value):
    print("initialising with", value)
    return value * 10


print(init(1), init(2), init(3))
