# Comprehension scoping: the loop variable is local; class bodies are special.

x = "global x"
result = [x for x in range(3)]
print(result, x)

n = 10
print([n * i for i in range(3)])

funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
funcs = [lambda i=i: i for i in range(3)]
print([f() for f in funcs])


def outer():
    factor = 3
    return [factor * v for v in range(4)]


print(outer())


class Config:
    base = 10
    values = [1, 2, 3]
    scaled = [v * 2 for v in values]          # the first iterable is evaluated in class scope
    try:
        shifted = [v + base for v in values]  # but `base` is not visible inside
    except NameError as e:
        error = str(e)


print(Config.scaled)
print(Config.error)

total = 0
squares = [total := total + v for v in range(5)]
print(squares, total)

data = [[1, 2], [3, 4]]
print([[y for y in row] for row in data], "row" in globals())
i = "kept"
gen = (i for i in range(3))
print(list(gen), i)
print({k: k for k in "ab"}, "k" in globals())
print([(lambda y: y * 2)(v) for v in range(3)])
