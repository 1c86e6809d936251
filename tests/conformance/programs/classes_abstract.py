# Abstract-style base classes with NotImplementedError, and polymorphism.
import math


class Shape:
    name = "shape"

    def area(self):
        raise NotImplementedError(f"{type(self).__name__} must implement area()")

    def perimeter(self):
        raise NotImplementedError

    def describe(self):
        return f"{self.name}: area={self.area():.2f} perimeter={self.perimeter():.2f}"


class Circle(Shape):
    name = "circle"

    def __init__(self, r):
        self.r = r

    def area(self):
        return math.pi * self.r ** 2

    def perimeter(self):
        return 2 * math.pi * self.r


class Rect(Shape):
    name = "rectangle"

    def __init__(self, w, h):
        self.w, self.h = w, h

    def area(self):
        return self.w * self.h

    def perimeter(self):
        return 2 * (self.w + self.h)


class Square(Rect):
    name = "square"

    def __init__(self, side):
        super().__init__(side, side)


class Blob(Shape):
    def area(self):
        return 1.0


shapes = [Circle(1), Rect(2, 3.5), Square(4), Circle(0.5)]
for s in shapes:
    print(s.describe())
print("total area: %.3f" % sum(s.area() for s in shapes))
print("largest:", max(shapes, key=lambda s: s.area()).name)
for broken in (Shape(), Blob()):
    try:
        print(broken.describe())
    except NotImplementedError as e:
        print("NotImplementedError:", repr(e), str(e) or "(no message)")
print(issubclass(NotImplementedError, RuntimeError))
