# globals(), locals(), vars() and dir() on functions, modules and objects.

counter = 1
label = "module level"


def show_locals(a, b=2):
    c = a + b
    return sorted(locals().items())


print(show_locals(1))
print("counter" in globals(), globals()["label"], globals()["__name__"])
globals()["created"] = "by globals()"
print(created)


class Box:
    kind = "box"

    def __init__(self, width):
        self.width = width


b = Box(3)
print(vars(b), sorted(k for k in vars(Box) if not k.startswith("__")))
print([name for name in dir(b) if not name.startswith("__")])
print([name for name in dir(Box) if not name.startswith("_")])
print("append" in dir([]), "upper" in dir(""), "keys" in dir({}))
print([n for n in dir() if not n.startswith("_")])


def outer():
    x = 1

    def inner():
        y = 2
        return sorted(locals())

    return inner(), sorted(locals())


print(outer())
try:
    vars(5)
except TypeError as e:
    print("TypeError:", e)
import math

print(len([n for n in dir(math) if not n.startswith("_")]) > 40, "sqrt" in vars(math))
