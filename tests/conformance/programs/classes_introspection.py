# __name__, __class__, __dict__, __module__, __qualname__, vars, dir.

class Engine:
    """A car engine."""

    kind = "petrol"

    def __init__(self, hp):
        self.hp = hp

    def start(self):
        return "vroom"

    class Part:
        pass


e = Engine(150)
print(Engine.__name__, Engine.__qualname__, Engine.Part.__qualname__)
print(Engine.__module__, Engine.__doc__)
print(e.__class__.__name__, e.__class__ is Engine, type(e) is Engine)
print(e.__dict__)
e.colour = "red"
print(e.__dict__, vars(e) is e.__dict__)
e.__dict__["hp"] = 200
print(e.hp)
print(sorted(k for k in Engine.__dict__ if not k.startswith("__")))
print("start" in dir(e), "hp" in dir(e), "kind" in dir(e), "hp" in dir(Engine))
print(Engine.start.__name__, Engine.start.__qualname__, e.start.__name__)
print(type(Engine.start).__name__, type(e.start).__name__)
print(e.start.__self__ is e, e.start.__func__ is Engine.start)
print(type(Engine).__name__, type(type).__name__, Engine.__class__.__name__)
print(int.__name__, str.__name__, type(len).__name__, len.__name__)
print((1).__class__.__name__, "x".__class__.__name__, [].__class__.__name__)
print(Engine.__bases__[0].__name__, object.__bases__)


def make_class(name, **attrs):
    return type(name, (object,), attrs)


Dynamic = make_class("Dynamic", greeting="hi", shout=lambda self: self.greeting.upper())
d = Dynamic()
print(Dynamic.__name__, d.greeting, d.shout(), type(d).__name__)
print(isinstance(d, Dynamic), Dynamic.__mro__[-1].__name__)
