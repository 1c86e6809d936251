# Decorators with arguments and stacked decorators.
import functools


def repeat(times):
    def decorate(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            return [func(*args, **kwargs) for _ in range(times)]

        return wrapper

    return decorate


def tag(name):
    def decorate(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            return f"<{name}>{func(*args, **kwargs)}</{name}>"

        return wrapper

    return decorate


def validate(*types):
    def decorate(func):
        @functools.wraps(func)
        def wrapper(*args):
            for arg, kind in zip(args, types):
                if not isinstance(arg, kind):
                    raise TypeError(f"{func.__name__}: expected {kind.__name__}, got {type(arg).__name__}")
            return func(*args)

        return wrapper

    return decorate


@repeat(3)
def roll():
    return "x"


@tag("b")
@tag("i")
def emphasis(text):
    return text


@tag("p")
@repeat(2)
def para():
    return "hi"


@validate(int, int)
def add(a, b):
    return a + b


print(roll())
print(emphasis("bold italic"))
print(para())
print(add(1, 2))
try:
    add(1, "2")
except TypeError as e:
    print("TypeError:", e)
print(emphasis.__name__, para.__name__, add.__name__)
