# Decorators: functions that wrap functions.
import functools


def announce(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        print(f"-> {func.__name__}{args}")
        result = func(*args, **kwargs)
        print(f"<- {func.__name__} returned {result!r}")
        return result

    return wrapper


def no_wraps(func):
    def wrapper(*args):
        return func(*args)

    return wrapper


@announce
def add(a, b):
    """Add two numbers."""
    return a + b


@no_wraps
def sub(a, b):
    """Subtract."""
    return a - b


add(2, 3)
print(add.__name__, "|", add.__doc__)
print(sub.__name__, "|", sub.__doc__)
print(add.__wrapped__(10, 20))


def count_calls(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        wrapper.calls += 1
        return func(*args, **kwargs)

    wrapper.calls = 0
    return wrapper


@count_calls
def hello(name):
    return "hi " + name


for n in ["a", "b", "c"]:
    hello(n)
print("hello called", hello.calls, "times")

registry = {}


def register(func):
    registry[func.__name__] = func
    return func


@register
def double(x):
    return 2 * x


@register
def negate(x):
    return -x


print(sorted(registry))
print([registry[k](21) for k in sorted(registry)])
