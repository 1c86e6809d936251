# Chained comparisons, conditional expressions, truthiness, identity.

def between(x, lo, hi):
    return lo <= x < hi


print([between(n, 3, 6) for n in range(8)])
print(1 < 2 < 3 < 4, 1 < 3 < 2, 5 > 4 >= 4 > 3)
print(1 == 1.0 == True, "a" < "b" < "c", [1, 2] < [1, 3] < [2])

calls = []


def v(n):
    calls.append(n)
    return n


result = v(1) < v(0) < v(5)
print(result, calls)
calls.clear()
result = v(1) < v(2) < v(3)
print(result, calls)

for n in (-5, 0, 7, 12):
    size = "big" if n > 10 else "small" if n > 0 else "non-positive"
    print(n, size)

values = [0, 1, "", "x", [], [0], {}, None, 0.0, -0.5]
print([bool(x) for x in values])
print([x or "default" for x in values[:4]])
print(0 and 1, 2 and 3, None or 0, [] or {} or "last")
print(not 0, not "a", not not [])

a = [1, 2, 3]
b = a
c = list(a)
print(a == b, a is b, a == c, a is c)
print(None is None, type(None).__name__)
print(3 in a, 4 not in a, "ell" in "hello", "z" not in "hello")
print((1, 2) < (1, 2, 0), (2,) > (1, 9, 9), "Z" < "a")
print(max(3, 7) if a else min(3, 7))
try:
    print(1 < "a")
except TypeError as e:
    print("TypeError:", e)
try:
    print([1] < (1,))
except TypeError as e:
    print("TypeError:", e)
print(1 != 1.0, 0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-9)
