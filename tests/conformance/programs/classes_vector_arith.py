# A 2-D vector with arithmetic dunders, reflected operators and in-place ops.
import math


class Vector:
    def __init__(self, x=0, y=0):
        self.x, self.y = x, y

    def __repr__(self):
        return f"Vector({self.x}, {self.y})"

    def __add__(self, other):
        if not isinstance(other, Vector):
            return NotImplemented
        return Vector(self.x + other.x, self.y + other.y)

    def __sub__(self, other):
        return Vector(self.x - other.x, self.y - other.y)

    def __mul__(self, k):
        if isinstance(k, Vector):
            return self.x * k.x + self.y * k.y
        return Vector(self.x * k, self.y * k)

    __rmul__ = __mul__

    def __truediv__(self, k):
        return Vector(self.x / k, self.y / k)

    def __neg__(self):
        return Vector(-self.x, -self.y)

    def __abs__(self):
        return math.hypot(self.x, self.y)

    def __eq__(self, other):
        return isinstance(other, Vector) and (self.x, self.y) == (other.x, other.y)

    def __iadd__(self, other):
        self.x += other.x
        self.y += other.y
        return self


a, b = Vector(3, 4), Vector(1, -2)
print(a + b, a - b, a * 2, 3 * b, a * b, a / 2)
print(-a, abs(a), abs(Vector()), a == Vector(3, 4), a != b)
c = a
c += b
print(c, a, c is a)
print(sum([Vector(1, 1), Vector(2, 2)], Vector()))
try:
    a + 1
except TypeError as e:
    print("TypeError:", e)
try:
    sum([Vector(1, 1)])
except TypeError as e:
    print("TypeError:", e)
try:
    "x" - a
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
path = [Vector(0, 0), Vector(3, 4), Vector(3, 0), Vector(0, 0)]
length = sum(abs(q - p) for p, q in zip(path, path[1:]))
print("path length", length)
