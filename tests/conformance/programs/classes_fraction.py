# A Fraction class: normalisation, NotImplemented, reflected ops, comparisons.
from math import gcd


class Frac:
    def __init__(self, num, den=1):
        if den == 0:
            raise ZeroDivisionError("denominator is zero")
        if den < 0:
            num, den = -num, -den
        g = gcd(num, den)
        self.num, self.den = num // g, den // g

    @staticmethod
    def _coerce(other):
        if isinstance(other, Frac):
            return other
        if isinstance(other, int):
            return Frac(other)
        return None

    def __add__(self, other):
        o = self._coerce(other)
        if o is None:
            return NotImplemented
        return Frac(self.num * o.den + o.num * self.den, self.den * o.den)

    __radd__ = __add__

    def __sub__(self, other):
        o = self._coerce(other)
        if o is None:
            return NotImplemented
        return self + Frac(-o.num, o.den)

    def __rsub__(self, other):
        return Frac._coerce(other) - self

    def __mul__(self, other):
        o = self._coerce(other)
        if o is None:
            return NotImplemented
        return Frac(self.num * o.num, self.den * o.den)

    __rmul__ = __mul__

    def __truediv__(self, other):
        o = self._coerce(other)
        return self * Frac(o.den, o.num)

    def __eq__(self, other):
        o = self._coerce(other)
        return o is not None and (self.num, self.den) == (o.num, o.den)

    def __lt__(self, other):
        o = self._coerce(other)
        return self.num * o.den < o.num * self.den

    def __float__(self):
        return self.num / self.den

    def __repr__(self):
        return f"{self.num}/{self.den}" if self.den != 1 else str(self.num)


half, third = Frac(1, 2), Frac(1, 3)
print(half + third, half - third, half * third, half / third)
print(1 + half, half + 1, 1 - third, 2 * third, Frac(6, -8), Frac(4, 2))
print(half == Frac(2, 4), half == 0.5, Frac(3) == 3, third < half, sorted([half, third, Frac(-1, 5)]))
print(float(Frac(1, 8)), sum([Frac(1, n) for n in range(1, 7)]))
for bad in [lambda: half + 0.5, lambda: Frac(1, 0), lambda: half / Frac(0)]:
    try:
        bad()
    except (TypeError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
