# Infinite generators tamed with itertools.islice, takewhile and zip.
from itertools import islice, takewhile, count


def naturals(start=1):
    n = start
    while True:
        yield n
        n += 1


def fibonacci():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


def primes():
    found = []
    for n in naturals(2):
        if all(n % p for p in found if p * p <= n):
            found.append(n)
            yield n


def collatz(n):
    while True:
        yield n
        if n == 1:
            return
        n = n // 2 if n % 2 == 0 else 3 * n + 1


print(list(islice(naturals(), 5)))
print(list(islice(fibonacci(), 15)))
print(list(islice(fibonacci(), 10, 20, 3)))
print(list(islice(primes(), 20)))
print(list(takewhile(lambda f: f < 1000, fibonacci()))[-3:])
print(list(zip("abc", naturals(10))))
print(list(collatz(27))[:10], len(list(collatz(27))))
big_fib = next(f for f in fibonacci() if f > 10 ** 20)
print(big_fib)
print(next(n for n in count(1) if n * n > 2024))
print(list(islice(primes(), 200))[-1])
squares = (n * n for n in naturals())
print([next(squares) for _ in range(6)])
print(list(islice(squares, 3)))
