# Functions are objects: attributes, passing, storing, returning.

def greet(name: str, excited: bool = False) -> str:
    """Return a greeting."""
    return f"Hello, {name}{'!' if excited else '.'}"


print(greet.__name__)
print(greet.__doc__)
print(greet.__annotations__)
print(greet.__defaults__)
print(greet.__code__.co_argcount, greet.__code__.co_varnames)
print(callable(greet), callable("text"), callable(len))


def apply_all(funcs, value):
    return [f(value) for f in funcs]


print(apply_all([str.upper, str.lower, len, repr], "MixEd"))
print(apply_all([abs, float, str, bool], -3))

handlers = {"hi": greet, "count": len}
print(handlers["hi"]("Ann", excited=True), handlers["count"]("four"))


def make_op(symbol):
    def add(a, b):
        return a + b

    def mul(a, b):
        return a * b

    return {"+": add, "*": mul}[symbol]


op = make_op("*")
print(op.__name__, op(6, 7))
print(op.__qualname__)
greet.custom = "attached attribute"
print(greet.custom)


def pipeline(*stages):
    def run(value):
        for stage in stages:
            value = stage(value)
        return value

    return run


clean = pipeline(str.strip, str.lower, lambda s: s.replace(" ", "_"))
print(clean("  Hello World Again  "))
print(sorted(["b", "A", "c"], key=str.lower), max(["aa", "b"], key=len))
print(list(map(pow, [2, 3, 4], [5, 2, 1])))
print(type(greet).__name__, type(len).__name__, type(str.upper).__name__)
print(greet("x") == greet("x"), greet is greet)
