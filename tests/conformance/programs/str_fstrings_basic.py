# f-strings: expressions, conversions (!r !s !a), the = specifier, format specs.

name = "Ada"
age = 36
pi = 3.14159265
items = ["x", "y"]

print(f"{name} is {age} years old")
print(f"next year {name} will be {age + 1}")
print(f"{name!r} {name!s} {name!a} {'café'!a} {'中'!a}")
print(f"{items} {items!r} {len(items)} {items[0].upper()}")
print(f"{name=}")
print(f"{age = }")
print(f"{age * 2=}")
print(f"{pi=:.2f}")
print(f"{name=!s}")
print(f"{pi:.3f} {pi:10.4f}| {pi:<10.2f}| {pi:e} {pi:.0f}")
print(f"{age:5d}|{age:<5d}|{age:^5d}|{age:05d}|{age:+d}|{-age:d}")
print(f"{1234567.891:,.2f} {1234567:_d} {0.256:.1%} {255:x} {255:X} {255:#o} {5:b}")
print(f"{'left':<10}|{'right':>10}|{'centre':^10}|")
print(f"{'pad':*^11}|{'dash':->8}|{'dot':.<8}|")
print(f"{{literal braces}} and {{{age}}}")
print(f"{'quotes' + ' inside'}", f'{"double in single"}')
print(f"{3 if age > 30 else 4}", f"{[n * n for n in range(4)]}")
print(f"{dict(a=1)['a']}", f"{(lambda x: x * 3)(3)}")
print(f"{True!r:>6}|{None!s:^6}|{3.0!r}")
nested = {"user": {"name": "Bo", "tags": ["admin", "dev"]}}
print(f"{nested['user']['name']} has tags {', '.join(nested['user']['tags'])}")
x = 10
print(f"{x:>{x}}|", f"{'multi'}" f"{'part'}", "plain" f"{x}")
print(f"{-0.0} {1e21} {1e-7} {float('inf')} {2 ** 64}")
print(f"{name:10}|{age:10}|{pi:10}|")
