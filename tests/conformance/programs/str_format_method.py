# str.format: positional, keyword, index, attribute, alignment, fill, numbers.

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


p = Point(3, -4)
data = {"name": "Ann", "langs": ["py", "rs"]}
print("{} + {} = {}".format(1, 2, 3))
print("{1} {0} {1}".format("a", "b"))
print("{name} is {age}".format(name="Bo", age=7))
print("{0[name]} knows {0[langs][1]}".format(data))
print("{p.x},{p.y}".format(p=p), "{.x}".format(p))
print("{:>8}|{:<8}|{:^8}|".format("r", "l", "c"))
print("{:*>8}|{:_<8}|{:.^9}|".format("r", "l", "c"))
print("{:d} {:5d} {:05d} {:+d} {:,} {:_}".format(7, 7, 7, 7, 1234567, 1234567))
print("{:.2f} {:8.3f} {:e} {:.1%} {:g}".format(3.14159, 2.5, 1234.5, 0.4567, 0.00001234))
print("{:b} {:o} {:x} {:#X} {:c}".format(10, 10, 255, 255, 65))
print("{0!r} {0!s} {0!a}".format("ç"))
print("{:{}}|{:>{w}.{p}f}".format("dyn", 6, 2.71828, w=9, p=2))
print("{{}} {{{}}}".format("in braces"))
print("{0}{1}{0}".format("ab", "-"), "{}".format([1, (2, 3)]))
template = "{greeting}, {who}!"
print(template.format(greeting="Hi", who="there"), template.format_map({"greeting": "Yo", "who": "you"}))
print("{:=+8d}|{:=8.1f}|".format(42, -3.14))
print("{:^10.3}|{:.0f}|{:.1f}".format("truncate", 2.5, 0.05))

for bad in ["{} {}", "{0} {2}", "{missing}", "{0.nope}", "{:d}", "{"]:
    try:
        print(bad.format("only"))
    except (IndexError, KeyError, AttributeError, ValueError) as e:
        print(repr(bad), type(e).__name__, e)
