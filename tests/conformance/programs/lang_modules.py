# Importing modules in several ways.
import math
import math as m
from math import sqrt, pi as PI
from collections import OrderedDict, namedtuple
import itertools, functools
import sys

print(math.sqrt(16), m.sqrt(25), sqrt(36))
print(round(PI, 5), math is m)
print(math.__name__, type(math).__name__)
print("math" in sys.modules, "collections" in sys.modules)

od = OrderedDict(a=1, b=2)
od.move_to_end("a")
print(list(od))
Pair = namedtuple("Pair", "left right")
print(Pair(1, 2))
print(list(itertools.islice(itertools.count(5), 3)))
print(functools.reduce(lambda a, b: a * b, range(1, 6)))


def local_import():
    from string import ascii_lowercase as letters
    return letters[:5]


print(local_import())
try:
    import no_such_module_here
except ImportError as e:
    print(type(e).__name__, e)
try:
    from math import no_such_name
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0])
try:
    math.no_such_function
except AttributeError as e:
    print(type(e).__name__, e)

print(hasattr(math, "floor"), getattr(math, "tau") == 2 * math.pi)
print(__name__)
