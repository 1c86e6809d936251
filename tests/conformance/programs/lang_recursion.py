# Recursion: factorial, fibonacci, permutations, flattening, hanoi.

def factorial(n):
    return 1 if n <= 1 else n * factorial(n - 1)


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def flatten(items):
    out = []
    for item in items:
        if isinstance(item, list):
            out.extend(flatten(item))
        else:
            out.append(item)
    return out


def permutations(seq):
    if len(seq) <= 1:
        return [seq]
    result = []
    for i, head in enumerate(seq):
        for tail in permutations(seq[:i] + seq[i + 1:]):
            result.append(head + tail)
    return result


def hanoi(n, source, target, spare, moves):
    if n == 0:
        return moves
    hanoi(n - 1, source, spare, target, moves)
    moves.append((source, target))
    hanoi(n - 1, spare, target, source, moves)
    return moves


def binary_search(items, wanted, lo=0, hi=None):
    if hi is None:
        hi = len(items)
    if lo >= hi:
        return -1
    mid = (lo + hi) // 2
    if items[mid] == wanted:
        return mid
    if items[mid] < wanted:
        return binary_search(items, wanted, mid + 1, hi)
    return binary_search(items, wanted, lo, mid)


print([factorial(n) for n in range(10)])
print(factorial(30))
print([fib(n) for n in range(20)])
print(flatten([1, [2, [3, [4, []]], 5], [[6]], 7]))
print(permutations("abc"))
print(len(permutations("abcde")))
moves = hanoi(4, "A", "C", "B", [])
print(len(moves), moves[:5])
data = list(range(0, 100, 3))
print([binary_search(data, w) for w in (0, 3, 48, 99, 50, -1)])
