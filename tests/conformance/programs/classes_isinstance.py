# isinstance and issubclass with builtins, tuples of types and user classes.

class Shape: pass
class Circle(Shape): pass
class Square(Shape): pass
class Unit(Square): pass


values = [1, 1.5, True, "s", b"b", [1], (1,), {1: 2}, {1}, None, Circle(), Unit()]
for v in values:
    kinds = []
    for t in (int, float, bool, str, bytes, list, tuple, dict, set, Shape, Square):
        if isinstance(v, t):
            kinds.append(t.__name__)
    print(type(v).__name__, kinds)

print(isinstance(True, int), issubclass(bool, int), issubclass(int, bool))
print(isinstance(3, (str, float)), isinstance(3, (str, (list, int))))
print(issubclass(Unit, (Circle, Square)), issubclass(Unit, Unit), issubclass(Shape, object))
print(isinstance(int, type), isinstance(Shape, type), isinstance(type, object))
print(type(Unit()) is Unit, type(Unit()) is Square, type(True) == int)


def area(shape):
    if isinstance(shape, Circle):
        return "circle area"
    elif isinstance(shape, Square):
        return "square area"
    raise TypeError(f"unsupported shape: {type(shape).__name__}")


print(area(Circle()), area(Unit()))
try:
    area(Shape())
except TypeError as e:
    print("TypeError:", e)
try:
    isinstance(3, "int")
except TypeError as e:
    print("TypeError:", e)
try:
    issubclass(3, int)
except TypeError as e:
    print("TypeError:", e)
print([cls.__name__ for cls in Shape.__subclasses__()])
print(isinstance(ValueError("x"), Exception), issubclass(KeyError, LookupError))
