# Lambdas as small anonymous functions: sorting keys, callbacks, tables.

square = lambda x: x * x
add = lambda a, b=10: a + b
print(square(7), add(1), add(1, 2))

people = [("Zoe", 31), ("adam", 25), ("Bob", 31), ("carl", 19)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: (-p[1], p[0].lower())))
print(sorted(people, key=lambda p: p[0].lower()))

operations = {
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": lambda a, b: a * b,
    "/": lambda a, b: a / b if b else None,
}
for symbol in "+-*/":
    print(8, symbol, 2, "=", operations[symbol](8, 2))
print("8 / 0 =", operations["/"](8, 0))

# The classic late-binding surprise, and its fix.
late = [lambda: i for i in range(4)]
early = [lambda i=i: i for i in range(4)]
print([f() for f in late])
print([f() for f in early])

make_adder = lambda n: lambda x: x + n
plus5 = make_adder(5)
print(plus5(1), make_adder(-1)(1))
print(list(map(lambda s: s[::-1], ["abc", "xy", ""])))
print(list(filter(lambda n: n % 3 == 0, range(20))))
print((lambda *a, **k: (a, sorted(k.items())))(1, 2, z=3, y=4))
print(square.__name__, (lambda: 0).__name__)
compose = lambda f, g: lambda x: f(g(x))
print(compose(square, plus5)(2), compose(plus5, square)(2))
