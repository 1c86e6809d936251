# // and % with negative numbers: floor division, and the sign of the remainder.

pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (6, 3), (-6, 3), (1, 10), (-1, 10)]
print(f"{'a':>4} {'b':>4} {'a//b':>5} {'a%b':>4} {'divmod':>9} {'int(a/b)':>8}")
for a, b in pairs:
    q, r = divmod(a, b)
    assert q * b + r == a
    print(f"{a:>4} {b:>4} {a // b:>5} {a % b:>4} {str((q, r)):>9} {int(a / b):>8}")

for a, b in [(7.5, 2), (-7.5, 2), (7.5, -2), (5.0, 0.5), (-0.1, 1), (1e20, 3)]:
    print(a, b, a // b, a % b, divmod(a, b))

print(-7 // 2 * 2 + -7 % 2)
print([n % 7 for n in range(-10, 11)])
print([(-n) % 5 for n in range(6)])
print(-3 % 1, -3.5 % 1, 3.5 % -1, -0.0 % 5)


def clock(hour, delta):
    return (hour + delta) % 24


print([clock(22, d) for d in (0, 1, 2, 5, -23, -48, 100)])
days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
print([days[(0 + d) % 7] for d in (-1, -8, 6, 13, 365)])
total_seconds = 98765
hours, rest = divmod(total_seconds, 3600)
minutes, seconds = divmod(rest, 60)
print(f"{hours}:{minutes:02d}:{seconds:02d}")
print(10 ** 20 // -3, 10 ** 20 % -3, -(10 ** 20) // 7)
print(round(-7 / 2), int(-7 / 2), -7 // 2, -(7 // 2))
