# The math module: constants, rounding functions, integer functions, isclose.
import math

print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(math.sqrt(2), math.sqrt(16), math.isqrt(17), math.isqrt(10 ** 20), math.sqrt(0.25))
print(math.floor(3.7), math.floor(-3.2), math.ceil(3.2), math.ceil(-3.7), math.trunc(-3.7), math.trunc(3.7))
print(type(math.floor(2.5)).__name__, math.floor(10 ** 20 + 0.5), math.ceil(5))
print(math.factorial(0), math.factorial(10), math.factorial(25))
print(math.gcd(48, 180), math.lcm(4, 6, 10), math.comb(10, 3), math.perm(5, 2), math.comb(50, 25))
print(math.fabs(-4), math.fmod(-7, 3), -7 % 3, math.remainder(7, 2), math.copysign(3, -0.0))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1.0, 1.001), math.isclose(1.0, 1.001, rel_tol=1e-2))
print(math.isclose(0.0, 1e-12), math.isclose(0.0, 1e-12, abs_tol=1e-9))
print(math.isfinite(1.0), math.isinf(math.inf), math.isnan(math.nan), math.inf > 1e308)
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.prod([1, 2, 3, 4]), math.prod([]))
print(math.hypot(3, 4), math.hypot(5, 12), math.dist((0, 0), (3, 4)), math.pow(2, 10))
print(math.modf(3.75), math.modf(-2.5), math.frexp(8.0), math.ldexp(0.5, 4))
print(math.degrees(math.pi), math.radians(180) == math.pi, math.floor(math.log10(12345)))
print(math.log2(1024), math.log10(0.001), round(math.log(math.e), 12), round(math.log(8, 2), 12), math.exp(0))
for bad in [lambda: math.sqrt(-1), lambda: math.log(-1), lambda: math.factorial(2.5), lambda: math.isqrt(-4)]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
