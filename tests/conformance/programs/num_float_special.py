# Float division, inf and nan, huge and tiny values, float comparisons.
import math

print(7 / 2, 8 / 2, -7 / 2, 1 / 3, 2 / 3, 10 / 3 * 3)
inf, nan = float("inf"), float("nan")
print(inf, -inf, nan, inf + 1, inf * 2, -inf * -1, 1 / inf, -1 / inf)
print(inf - inf, inf * 0, nan + 1, nan * 0, inf / inf)
print(nan == nan, nan != nan, nan < 1, nan > 1, inf > 10 ** 308, -inf < -1e308)
print(math.isnan(nan), math.isinf(-inf), math.isfinite(1e308), math.isfinite(nan))
print(max(1, inf), min(-inf, 0), sorted([3, -inf, inf, 0.5]))
print(inf == math.inf, inf == float("Infinity"), -inf == float("-inf"))
print(1e308 * 10, -1e308 * 10, 1e-323 / 10, 5e-324 / 2, 2.2250738585072014e-308 / 2)
print(1e16, 1e16 + 1, 1e16 + 2, 1e16 == 1e16 + 1, 2 ** 53 == 2 ** 53 + 1.0)
print(0.1 + 0.2, 0.1 + 0.2 == 0.3, math.isclose(0.1 + 0.2, 0.3), abs(0.1 + 0.2 - 0.3))
print(0.0 == -0.0, str(-0.0), math.copysign(1, -0.0), 0.0 * -1, -0.0 + 0.0)
print(1 / 3 + 1 / 3 + 1 / 3, 0.1 * 10, sum([0.1] * 3), math.fsum([0.1] * 10))
print(float(1 << 62), float(2 ** 63 - 1), int(1e18), int(1.9999999999999999), int(-1.9))
print(3 * 0.1, 0.3 / 0.1, 0.7 + 0.1, 0.8 - 0.1, 1.1 + 2.2)
print(1e308 + 1e308, 2 * 1e308 == inf, (1e308 * 10) - (1e308 * 10))
values = [3.5, nan, 1.0, 2.0]
print(sorted(values) == values, max(values), min(values))
print([x for x in [1.0, nan, 2.0] if x == x], nan in [nan], float("nan") in [float("nan")])
print(hash(inf), hash(-inf), hash(0.5), hash(2.0) == hash(2), 1.0 == 1)
print(float.fromhex("0x1.8p1"), (0.5).hex(), (1.0).hex(), (0.1).as_integer_ratio())
