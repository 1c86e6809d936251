# repr of floats: the shortest string that round-trips.

values = [0.1, 0.2, 0.1 + 0.2, 0.3, 1 / 3, 2 / 3, 1.0, -1.5, 100.0, 1e16, 1e15, 123456789.0,
          1e22, 1e-5, 0.0001, 1.5e-7, 2.5e300, 5e-324, 1.7976931348623157e308, 0.1 * 3,
          1.1 * 1.1, 3.0 * 1.1, 9007199254740993.0, 2 ** 53 + 0.0, 1 / 7, 22 / 7, -0.0, 1e100]
for v in values:
    print(repr(v), str(v), float(repr(v)) == v)



def show_steps(start, step, count):
    value = start
    for _ in range(count):
        value += step
        print(f"{value!r:<22} rounded={round(value, 2)!r}")


show_steps(0.0, 0.7, 5)
print(0.1 + 0.2 == 0.3, round(0.1 + 0.2, 10) == round(0.3, 10))
print(sum([0.1] * 10), sum([0.1] * 10) == 1.0)
print(1e16 + 1, 1e16 + 2, float(2 ** 53) + 1 == float(2 ** 53))
print(float("1e500"), float("-1e500"), float("1e-500"), float("  3.25  "), float("1_000.5"))
print(float("inf"), float("-Infinity"), float("nan"), float("NaN"), float(".5"), float("5."))
print(3.0, 3.10, 1.0e2, 1e2, 1E-2, 0.5e1, 0x10 * 1.0, 7 / 7)
print(2.675 * 100, 4.35 * 100, 1.15 * 100, 0.57 * 100)
print(100.0 / 3, 10 / 4, 9 / 3, -9 / 4, 2 ** -10, 10 ** -3, 1 / 1024)
print([i / 10 for i in range(11)])
print([round(i * 0.1, 1) for i in range(11)])
print(float(10 ** 15), float(10 ** 16), float(10 ** 17), float(12345678901234567890))
