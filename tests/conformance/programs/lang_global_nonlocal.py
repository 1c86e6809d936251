# Scope rules: local, enclosing, global, builtin.

total = 0
name = "global name"


def add_to_total(n):
    global total
    total += n
    return total


def shadow():
    name = "local name"
    return name


def read_global():
    return name


def broken():
    try:
        print(total)
        total = 5  # makes `total` local to the whole function
    except UnboundLocalError as e:
        print(type(e).__name__, e)


print(add_to_total(5), add_to_total(7), total)
print(shadow(), "|", read_global())
broken()


def outer():
    level = 1

    def inner():
        nonlocal level
        level += 1
        depth = level * 10
        return depth

    before = level
    result = inner()
    return before, level, result


print(outer())


def make_global():
    global created_later
    created_later = "made inside a function"


make_global()
print(created_later)


def uses_len():
    len = lambda x: "shadowed"
    return len([1, 2, 3])


print(uses_len(), len([1, 2, 3]))
try:
    print(undefined_name)
except NameError as e:
    print(type(e).__name__, e)
