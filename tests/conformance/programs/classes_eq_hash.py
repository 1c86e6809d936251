# __eq__ and __hash__: value objects as dict keys and set members.

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __eq__(self, other):
        if not isinstance(other, Point):
            return NotImplemented
        return (self.x, self.y) == (other.x, other.y)

    def __hash__(self):
        return hash((self.x, self.y))

    def __repr__(self):
        return f"P({self.x},{self.y})"


class Unhashable:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return isinstance(other, Unhashable) and self.v == other.v


a, b, c = Point(1, 2), Point(1, 2), Point(2, 1)
print(a == b, a is b, a == c, a != c, a == (1, 2))
print(hash(a) == hash(b), hash(a) == hash((1, 2)))
visits = {}
for p in [a, b, c, Point(1, 2)]:
    visits[p] = visits.get(p, 0) + 1
print(visits)
unique = set([a, b, c])
print(len(unique), sorted(unique, key=lambda p: (p.x, p.y)))
print(Point(2, 1) in unique, Point(9, 9) in unique)
print([a, c].index(Point(2, 1)), [a, b, c].count(Point(1, 2)))

u = Unhashable(1)
print(u == Unhashable(1), u == 1)
print(Unhashable.__hash__)
try:
    {u: 1}
except TypeError as e:
    print("TypeError:", e)
try:
    hash([1, 2])
except TypeError as e:
    print("TypeError:", e)
print(hash(7), hash(-1), hash(2 ** 70), hash(True), hash((1, 2)) == hash((1, 2)))
print(hash(1.0) == hash(1), hash(0.5), hash(None) == hash(None))
