# pass, None, Ellipsis, and functions that fall off the end.

def nothing():
    pass


def implicit():
    x = 1


def explicit():
    return


def maybe(flag):
    if flag:
        return "yes"


class Empty:
    pass


class Todo:
    def method(self):
        ...


print(nothing(), implicit(), explicit(), maybe(True), maybe(False))
print(Empty.__name__, Todo().method())
print(..., Ellipsis, ... is Ellipsis, type(...).__name__)
print(None == None, None is None, repr(None), str(None), bool(None))
print(type(None).__name__, None.__class__.__name__)
values = [3, None, 0, None, 5]
print([v for v in values if v is not None])
print([v for v in values if v])
print(sum(v or 0 for v in values))


def find(items, wanted):
    for i, item in enumerate(items):
        if item == wanted:
            return i
    return None


for wanted in ("b", "z"):
    where = find(["a", "b", "c"], wanted)
    if where is None:
        print(wanted, "not found")
    else:
        print(wanted, "found at", where)

result = print("print returns None")
print(result)
print([].sort(), [3, 1].reverse(), {}.update())
nothing_here = None
try:
    nothing_here()
except TypeError as e:
    print("TypeError:", e)
try:
    len(None)
except TypeError as e:
    print("TypeError:", e)
try:
    None + 1
except TypeError as e:
    print("TypeError:", e)
