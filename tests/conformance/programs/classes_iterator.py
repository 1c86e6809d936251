# Iterator protocol: __iter__ and __next__, and re-iterable containers.

class Countdown:
    def __init__(self, start):
        self.current = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1


class Range2D:
    """Re-iterable: __iter__ returns a fresh generator each time."""

    def __init__(self, rows, cols):
        self.rows, self.cols = rows, cols

    def __iter__(self):
        for r in range(self.rows):
            for c in range(self.cols):
                yield r, c


class Fibonacci:
    def __init__(self, limit):
        self.limit = limit

    def __iter__(self):
        return FibIterator(self.limit)


class FibIterator:
    def __init__(self, limit):
        self.a, self.b, self.limit = 0, 1, limit

    def __iter__(self):
        return self

    def __next__(self):
        if self.a > self.limit:
            raise StopIteration
        value = self.a
        self.a, self.b = self.b, self.a + self.b
        return value


c = Countdown(3)
print(list(c))
print(list(c), "(exhausted)")
it = iter(Countdown(2))
print(next(it), next(it), next(it, "done"))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", repr(e))

grid = Range2D(2, 3)
print(list(grid))
print(len(list(grid)), sum(r + c for r, c in grid))

fib = Fibonacci(100)
print(list(fib))
print(list(fib) == list(fib), max(fib), 55 in fib)
print(list(zip(Countdown(3), Fibonacci(10))))
print(dict(enumerate(Countdown(3))))
