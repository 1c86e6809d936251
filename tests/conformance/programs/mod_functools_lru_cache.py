# functools.lru_cache and cache: memoised recursion and cache_info().
from functools import lru_cache, cache


@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(30), fib(100))
print(fib.cache_info())
fib.cache_clear()
print(fib.cache_info())
print(fib(10), fib.cache_info())

calls = []


@lru_cache(maxsize=3)
def slow_square(n):
    calls.append(n)
    return n * n


for n in [1, 2, 3, 1, 4, 2, 1, 5, 3]:
    slow_square(n)
print("computed:", calls)
print(slow_square.cache_info())


@cache
def grid_paths(rows, cols):
    if rows == 1 or cols == 1:
        return 1
    return grid_paths(rows - 1, cols) + grid_paths(rows, cols - 1)


print(grid_paths(18, 18), grid_paths.cache_info().currsize)


@lru_cache(maxsize=128)
def edit_distance(a, b):
    if not a:
        return len(b)
    if not b:
        return len(a)
    if a[0] == b[0]:
        return edit_distance(a[1:], b[1:])
    return 1 + min(edit_distance(a[1:], b), edit_distance(a, b[1:]), edit_distance(a[1:], b[1:]))


for a, b in [("kitten", "sitting"), ("flaw", "lawn"), ("", "abc"), ("same", "same")]:
    print(a, b, edit_distance(a, b))
info = edit_distance.cache_info()
print(info.hits > 0, info.maxsize, info.currsize <= 128)


@lru_cache
def shout(word):
    calls.append(word)
    return word.upper()


calls.clear()
print([shout(w) for w in "a b a c b a".split()], calls, shout.cache_info().hits)
try:
    slow_square([1])
except TypeError as e:
    print("TypeError:", e)
print(fib.__name__, fib.__wrapped__(5))
