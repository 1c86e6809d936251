# Formatting numbers for people: thousands, percentages, currency, bases.

amounts = [0, 7, -7, 1234, -1234567.891, 0.5, 1e6, 123456789012]
for a in amounts:
    print(f"{a!r:>16} | {a:>16,.2f} | {a:>14,.0f} | {a:>12.3g} | {a:>14.2e}")

for p in [0, 0.5, 0.123456, 1, 1.5, -0.025]:
    print(f"{p:>10} {p:8.1%} {p:8.0%} {p:8.3%}")

prices = [("coffee", 3.5), ("bagel", 2.25), ("juice", 4.0), ("tip", 0.755)]
subtotal = sum(p for _, p in prices)
for item, price in prices:
    print(f"{item:<8}{price:>8.2f}")
print(f"{'subtotal':<8}{subtotal:>8.2f}")
print(f"{'tax 8%':<8}{subtotal * 0.08:>8.2f}")

for n in [0, 1, 10, 255, 256, 4095, -42]:
    print(f"{n:>5} bin={n:b} oct={n:o} hex={n:x} padded={n:#06x} grouped={n:_b}")

print(format(1234567, ","), format(-0.0, ".1f"), format(0.0001, "%"))
print(f"{3.14159:.0f} {2.5:.0f} {3.5:.0f} {-2.5:.0f} {0.125:.2f} {0.375:.2f}")
print(f"{1/3:.17f} {2/3:.3f} {1e-10:.3f} {123.456:010.3f} {-1.5:+.1f}")
print(f"{float('inf'):>8} {float('-inf'):<8}| {float('nan'):^8}| {float('inf'):.2f}")
print(f"{10 ** 30:,}", f"{2 ** 64:_x}", f"{-(2 ** 40):,}")
print(f"{1e300 * 1e10:f} {1.0:g} {100000.0:g} {1000000.0:g} {0.0001:g} {0.00001:g}")
