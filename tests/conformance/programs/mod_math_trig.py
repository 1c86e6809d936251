# Trigonometry and logarithms with math, printed to a sensible precision.
import math

print(f"{'deg':>5} {'sin':>9} {'cos':>9} {'tan':>12}")
for deg in range(0, 361, 45):
    rad = math.radians(deg)
    tan = "undefined" if deg % 180 == 90 else f"{math.tan(rad):.6f}"
    print(f"{deg:>5} {math.sin(rad):9.6f} {math.cos(rad):9.6f} {tan:>12}")
print(round(math.sin(math.pi / 6), 12), round(math.cos(math.pi / 3), 12), round(math.tan(math.pi / 4), 12))
print(round(math.degrees(math.asin(0.5)), 9), round(math.degrees(math.acos(0)), 9), round(math.degrees(math.atan(1)), 9))
for x, y in [(1, 1), (-1, 1), (-1, -1), (0, -2)]:
    print(f"atan2({y}, {x}) = {math.degrees(math.atan2(y, x)):.1f} degrees")
print(f"{math.log(10):.10f} {math.log2(3):.10f} {math.log10(2):.10f} {math.log1p(1e-10):.6e}")
print(f"{math.exp(1):.12f} {math.exp(-1):.12f} {math.expm1(1e-10):.6e}")
print(f"{math.sinh(1):.8f} {math.cosh(1):.8f} {math.tanh(0.5):.8f}")
half_life = 5730
for years in (1000, 5730, 10000, 50000):
    remaining = math.exp(-math.log(2) * years / half_life)
    print(f"after {years:>5} years {remaining:7.2%} of carbon-14 remains")


def polar_to_cartesian(r, theta_deg):
    t = math.radians(theta_deg)
    return round(r * math.cos(t), 9), round(r * math.sin(t), 9)


print([polar_to_cartesian(2, a) for a in (0, 90, 180, 270)])
points = [polar_to_cartesian(1, 360 * k / 6) for k in range(6)]
perimeter = sum(math.dist(points[i], points[(i + 1) % 6]) for i in range(6))
print(f"hexagon perimeter: {perimeter:.9f}")
print("digits in 1000!:", math.floor(sum(math.log10(k) for k in range(1, 1001))) + 1, len(str(math.factorial(1000))))
