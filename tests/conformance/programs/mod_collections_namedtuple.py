# collections.namedtuple: records with names, _replace, _asdict, _fields, _make.
import math
from collections import namedtuple

Point = namedtuple("Point", ["x", "y"])
Person = namedtuple("Person", "name age city", defaults=["unknown"])

p = Point(3, 4)
print(p, p.x, p[1], p == (3, 4), len(p), list(p))
x, y = p
print(x + y, p._fields, Point._fields)
q = p._replace(y=10)
print(q, p)
print(p._asdict(), dict(p._asdict()))
print(Point._make([7, 8]), Point(*(1, 2)), Point(y=1, x=2))
ann = Person("Ann", 31)
bob = Person("Bob", 25, "Rome")
print(ann, bob, Person._field_defaults)
people = [ann, bob, Person("Cy", 40, "Lima")]
print(sorted(people, key=lambda person: person.age))
print(max(people, key=lambda person: person.age).name)
print([person.name for person in people if person.city != "unknown"])
try:
    p.x = 5
except AttributeError as e:
    print("AttributeError:", e)
try:
    Point(1)
except TypeError as e:
    print("TypeError:", e)
try:
    p._replace(z=1)
except ValueError as e:
    print("ValueError:", e)


class Vector(namedtuple("Vector", "x y")):
    __slots__ = ()

    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y)

    @property
    def length(self):
        return math.sqrt(self.x ** 2 + self.y ** 2)


v = Vector(3, 4) + Vector(1, 1)
print(v, v.length, Vector(3, 4).length, isinstance(v, tuple))
print({Point(1, 2): "hashable"}[Point(1, 2)], Point(1, 2) < Point(1, 3))
