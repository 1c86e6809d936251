# The messages of common builtin errors, exactly as CPython words them.

def show(label, action):
    try:
        action()
    except Exception as e:
        print(f"{label:<22} {type(e).__name__}: {e}")


def f(a, b):
    return a + b


show('int("x")', lambda: int("x"))
show('int("3.5")', lambda: int("3.5"))
show('float("abc")', lambda: float("abc"))
show("[][1]", lambda: [][1])
show("(1, 2)[5]", lambda: (1, 2)[5])
show('"abc"[10]', lambda: "abc"[10])
show('{}["k"]', lambda: {}["k"])
show("{}[(1, 2)]", lambda: {}[(1, 2)])
show("None.foo", lambda: None.foo)
show("(5).foo", lambda: (5).foo)
show('"s".nope()', lambda: "s".nope())
show("1/0", lambda: 1 / 0)
show("1//0", lambda: 1 // 0)
show("1%0", lambda: 1 % 0)
show("1.0/0", lambda: 1.0 / 0)
show('"a" + 1', lambda: "a" + 1)
show('1 + "a"', lambda: 1 + "a")
show('"a" * 2.0', lambda: "a" * 2.0)
show("[1] + (2,)", lambda: [1] + (2,))
show("f(1)", lambda: f(1))
show("f(1, 2, 3)", lambda: f(1, 2, 3))
show("f(1, c=2)", lambda: f(1, c=2))
show("f(1, a=2)", lambda: f(1, a=2))
show("len(5)", lambda: len(5))
show("abs('x')", lambda: abs("x"))
show("[].pop()", lambda: [].pop())
show("{}.popitem()", lambda: {}.popitem())
show("set().pop()", lambda: set().pop())
show("[1].index(2)", lambda: [1].index(2))
show("'abc'.index('z')", lambda: "abc".index("z"))
show("iter(5)", lambda: iter(5))
show("next(iter([]))", lambda: next(iter([])))
show("chr(-1)", lambda: chr(-1))
show("int('12', 1)", lambda: int("12", 1))
show("range(1.5)", lambda: range(1.5))
show("undefined_name", lambda: undefined_name)
show("float(10 ** 400)", lambda: float(10 ** 400))
show("'x'.join([1])", lambda: "x".join([1]))
show("sorted([1, 'a'])", lambda: sorted([1, "a"]))
show("dict([1, 2])", lambda: dict([1, 2]))
