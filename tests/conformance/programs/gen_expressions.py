# Generator expressions: lazy, single-use, and good with sum/any/all/max.

nums = range(1, 11)
squares = (n * n for n in nums)
print(type(squares).__name__)
print(next(squares), next(squares))
print(list(squares))
print(list(squares))

print(sum(n * n for n in nums))
print(max(len(w) for w in ["ab", "abcd", "a"]))
print(any(n > 9 for n in nums), all(n > 0 for n in nums))
print(sorted((n % 4, n) for n in nums))
print(", ".join(str(n) for n in nums if n % 3 == 0))
print(dict((n, n ** 3) for n in range(4)))
print(tuple(ch.upper() for ch in "gen"), set(n % 3 for n in nums))

evaluated = []


def trace(n):
    evaluated.append(n)
    return n


lazy = (trace(n) for n in range(100))
first_big = next(x for x in lazy if x > 4)
print("first > 4:", first_big, "evaluated:", evaluated)
print(any(trace(n) == 2 for n in range(10)), evaluated[-3:])

pairs = ((x, y) for x in range(3) for y in range(3) if x < y)
print(list(pairs))
matrix = [[1, 2], [3, 4], [5, 6]]
print(sum(v for row in matrix for v in row))
words = "the quick brown fox jumps over the lazy dog".split()
print(next((w for w in words if len(w) > 4), None), next((w for w in words if len(w) > 9), "none"))
total_chars = sum(len(w) for w in words)
print(total_chars, round(total_chars / len(words), 3))
x = 10
g = (x + i for i in range(3))
x = 100
print(list(g))
