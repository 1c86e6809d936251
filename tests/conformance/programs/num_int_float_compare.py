# Comparing ints with floats exactly, and mixed-type arithmetic results.

print(1 == 1.0, 2 ** 53 == 2.0 ** 53, 2 ** 53 + 1 == 2.0 ** 53, 2 ** 53 + 1 > 2.0 ** 53)
print(10 ** 20 == 1e20, 10 ** 22 == 1e22, 10 ** 23 == 1e23, int(1e23))
print(0.1 == 1 / 10, 3 * 0.1 == 0.3, 0.5 == 1 / 2, 1 / 3 == 0.3333333333333333)
print(9007199254740993 < 9007199254740994.0, 9007199254740993 > 9007199254740992.0)
print(10 ** 400 > 1e308, -(10 ** 400) < -1e308, 10 ** 400 < float("inf"))
print(type(1 + 1.0).__name__, type(2 * True).__name__, type(3 // 1.0).__name__, type(4 / 2).__name__)
print(type(2 ** -1).__name__, type(2 ** 2).__name__, type(2.0 ** 2).__name__, type(abs(-2)).__name__)
print(7 // 2, 7.0 // 2, 7 % 2.5, -7 // 2.0, (1 / 3) * 3, 0.1 * 3)
print(sorted([3, 2.5, 1, 2.0, True, 0.0, -1]))
print({1: "a", 1.0: "b"}, {2.0, 2, 3}, [1, 1.0, True].count(1))
print(max(1, 1.0), max(1.0, 1), min(0.0, 0, False), 1.0 in {1}, 5 in [5.0])
print(round(2.5) == 2, round(3.5) == 4, int("10") == 10.0, float(10) == int(10.0))


def approx_equal(a, b, tol=1e-9):
    return abs(a - b) <= tol * max(abs(a), abs(b), 1)


pairs = [(0.1 + 0.2, 0.3), (1e-12, 0), (1e10 + 1e-3, 1e10), (100.0, 100.001)]
for a, b in pairs:
    print(a, b, a == b, approx_equal(a, b))
print(1e16 == 10000000000000001, float(10000000000000001), 10000000000000001 - int(1e16))
big = 12345678901234567890
print(big == float(big), int(float(big)), float(big) == float(big + 1))
