# gcd and lcm: Euclid's algorithm by hand and with math, fractions reduced.
import math


def gcd(a, b):
    steps = []
    while b:
        steps.append(f"{a} = {a // b}*{b} + {a % b}")
        a, b = b, a % b
    return a, steps


def lcm(a, b):
    return a // math.gcd(a, b) * b


def extended_gcd(a, b):
    if b == 0:
        return a, 1, 0
    g, x, y = extended_gcd(b, a % b)
    return g, y, x - (a // b) * y


g, steps = gcd(1071, 462)
print("gcd(1071, 462) =", g)
for s in steps:
    print("  ", s)
print(math.gcd(1071, 462), math.gcd(0, 5), math.gcd(-12, 18), math.gcd(), math.gcd(12, 18, 27))
print(lcm(4, 6), math.lcm(4, 6), math.lcm(2, 3, 4, 5, 6), math.lcm(0, 5), math.lcm())
g, x, y = extended_gcd(240, 46)
print(g, x, y, 240 * x + 46 * y)


def reduce_fraction(num, den):
    g = math.gcd(num, den)
    return num // g, den // g


for frac in [(6, 8), (100, 75), (17, 51), (0, 9), (-4, 10)]:
    print(frac, "->", reduce_fraction(*frac))
print("lcm of 1..20:", math.lcm(*range(1, 21)))
print("coprime pairs below 10:", [(a, b) for a in range(1, 10) for b in range(a + 1, 10) if math.gcd(a, b) == 1][:12])
phi = [sum(1 for k in range(1, n + 1) if math.gcd(n, k) == 1) for n in range(1, 21)]
print("totients:", phi)
print(math.gcd(2 ** 100, 6 ** 50), math.gcd(10 ** 30, 10 ** 20 + 5))
