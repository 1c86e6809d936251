# round(): banker's rounding, ndigits, negative ndigits, and float surprises.

print([round(x) for x in (0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 4.5, 5.5)])
print([round(x) for x in (0.49999999999999994, 1.4999, 2.5001, -2.6)])
print(round(2.675, 2), round(2.665, 2), round(1.005, 2), round(0.125, 2), round(0.375, 2))
print(round(3.14159, 3), round(3.14159, 0), round(3.14159), type(round(3.5)), type(round(3.5, 0)))
print(round(1234.5678, -1), round(1234.5678, -2), round(1250, -2), round(1350, -2), round(-1250, -2))
print(round(15, -1), round(25, -1), round(5, -1), round(123456789, -4), round(7, 2))
print(round(-0.4), round(-0.5), round(0.0), round(1e20 + 0.5), round(2 ** 60 + 0.5))
print(round(0.1 + 0.2, 15), round(0.1 + 0.2, 16), round(0.1 + 0.2, 17))
print(round(1e-10, 5), round(123.456, 10), round(float("inf"), 2), round(float("nan"), 1))


def round_half_up(x, ndigits=0):
    factor = 10 ** ndigits
    shifted = x * factor
    whole = int(shifted)
    if abs(shifted - whole) >= 0.5:
        whole += 1 if shifted > 0 else -1
    return whole / factor if ndigits else whole


print([round_half_up(x) for x in (0.5, 1.5, 2.5, -2.5)], round_half_up(2.345, 2))
prices = [19.995, 4.125, 0.005, 10.0]
print([round(p, 2) for p in prices], [f"{p:.2f}" for p in prices])
total = sum(prices)
print(total, round(total, 2), f"{total:.2f}")
percentages = [33.333, 33.333, 33.334]
print([round(p) for p in percentages], sum(round(p) for p in percentages))
print(round(True), round(7, -1), round(-15, -1), round(10 ** 20 + 5, -1))
