# __slots__: fixed attribute sets, no per-instance __dict__.

class Point:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


p = Point(1, 2)
p.x = 10
print(p, Point.__slots__)
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError:", e)
print(hasattr(p, "__dict__"))
del p.y
try:
    print(p.y)
except AttributeError as e:
    print("AttributeError:", e)
p.y = 5
print(p)


class Point3D(Point):
    __slots__ = ("z",)

    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z

    def __repr__(self):
        return f"Point3D({self.x}, {self.y}, {self.z})"


q = Point3D(1, 2, 3)
print(q, hasattr(q, "__dict__"))


class Loose(Point):
    pass


loose = Loose(0, 0)
loose.anything = "allowed, subclass without __slots__ has a dict"
print(loose.anything, vars(loose))
print(type(Point.__dict__["x"]).__name__)
points = [Point(i, i * i) for i in range(5)]
print(points, sum(pt.y for pt in points))


class Constant:
    __slots__ = ()
    value = 42


c = Constant()
try:
    c.value = 1
except AttributeError as e:
    print("AttributeError:", e)
print(c.value)
