# __new__: controlling creation (singletons, interning, immutable subclasses).

class Singleton:
    _instance = None

    def __new__(cls, *args, **kwargs):
        if cls._instance is None:
            print("creating the one instance")
            cls._instance = super().__new__(cls)
        return cls._instance

    def __init__(self, value):
        print("__init__ with", value)
        self.value = value


a = Singleton(1)
b = Singleton(2)
print(a is b, a.value, b.value)


class Celsius(float):
    def __new__(cls, degrees):
        if degrees < -273.15:
            raise ValueError(f"below absolute zero: {degrees}")
        return super().__new__(cls, round(degrees, 1))

    def to_fahrenheit(self):
        return round(self * 9 / 5 + 32, 1)

    def __repr__(self):
        return f"Celsius({float(self)})"


t = Celsius(21.456)
print(t, repr(t), t.to_fahrenheit(), t + 1, isinstance(t, float))
try:
    Celsius(-300)
except ValueError as e:
    print("ValueError:", e)


class UpperStr(str):
    def __new__(cls, text):
        return super().__new__(cls, text.upper())


u = UpperStr("hello")
print(u, len(u), u.lower(), type(u).__name__, type(u.lower()).__name__)


class Point:
    cache = {}

    def __new__(cls, x, y):
        key = (x, y)
        if key not in cls.cache:
            obj = super().__new__(cls)
            obj.x, obj.y = x, y
            cls.cache[key] = obj
        return cls.cache[key]

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


p1, p2, p3 = Point(1, 2), Point(1, 2), Point(2, 1)
print(p1, p1 is p2, p1 is p3, len(Point.cache))
