# int() and float() conversions: truncation, strings, and errors.

print(int(3.9), int(-3.9), int(3.0), int("42"), int("-17"), int(" 8 "), int(True))
print(float(3), float("3.5"), float("-0"), float(" 1e3 "), float("inf"), float(2 ** 60))
print(int(float("1e10")), int(1e20), int(-0.0), int(0.9999999999999999), int(0.99999999999999999))
print(str(42), str(-3.25), str(10 ** 20), str(1e20), str(1.0), str(100.0 / 3))
print(int("0042"), int("-0"), float("0042.50"), float("1_000.25"), int("٣"))

for text in ["12", "12.0", "1e3", "abc", "", " ", "0x1A", "1,000", "١٢", "5 6"]:
    try:
        value = int(text)
        kind = "int"
    except ValueError:
        try:
            value = float(text)
            kind = "float"
        except ValueError as e:
            value, kind = str(e), "error"
    print(f"{text!r:>8} -> {kind:<5} {value!r}")

for value in [3.7, -3.7, 2.5, -2.5]:
    print(value, int(value), round(value), value // 1, -(-value // 1))
for bad in [lambda: int(None), lambda: int([1]), lambda: float("1/2"), lambda: int("3.0"), lambda: float([])]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(int(10 ** 30 / 3), 10 ** 30 // 3)
print(float.is_integer(3.0), (3.5).is_integer(), (10 ** 20 * 1.0).is_integer())
