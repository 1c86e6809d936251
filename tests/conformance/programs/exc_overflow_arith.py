# ArithmeticError family: OverflowError, ZeroDivisionError, and what does not overflow.
import math

print(2 ** 200)
print(len(str(3 ** 1000)))
print(10.0 ** 308)
print(1e308 * 10)
print(-1e308 * 10)

cases = [
    ("math.exp(1000)", lambda: math.exp(1000)),
    ("float(10 ** 400)", lambda: float(10 ** 400)),
    ("int(float('inf'))", lambda: int(float("inf"))),
    ("int(float('nan'))", lambda: int(float("nan"))),
    ("math.factorial(-1)", lambda: math.factorial(-1)),
    ("math.sqrt(-1)", lambda: math.sqrt(-1)),
    ("math.log(0)", lambda: math.log(0)),
    ("5 % 0", lambda: 5 % 0),
    ("5.0 // 0", lambda: 5.0 // 0),
    ("divmod(1, 0)", lambda: divmod(1, 0)),
    ("0 ** -1", lambda: 0 ** -1),
    ("0.0 ** -1", lambda: 0.0 ** -1),
    ("(10 ** 400) / 3", lambda: (10 ** 400) / 3),
    ("round(float('inf'))", lambda: round(float("inf"))),
    ("range(10 ** 30)[0]", lambda: range(10 ** 30)[0]),
    ("range(10 ** 30)[-1]", lambda: range(10 ** 30)[-1]),
]
for label, action in cases:
    try:
        print(f"{label:<22} = {action()!r}")
    except ArithmeticError as e:
        print(f"{label:<22} ! {type(e).__name__}: {e}")
    except (ValueError, OverflowError) as e:
        print(f"{label:<22} ! {type(e).__name__}: {e}")
print(issubclass(OverflowError, ArithmeticError), issubclass(ZeroDivisionError, ArithmeticError))
print((10 ** 400) // 3 % 1000, 7 ** 77 % 1000)
