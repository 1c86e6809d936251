# functools.wraps keeps a wrapped function's name, docstring and __wrapped__.
import functools


def plain_decorator(func):
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)
    return wrapper


def good_decorator(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)
    return wrapper


def timed_free_logger(prefix):
    def decorate(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            shown = ", ".join([repr(a) for a in args] + [f"{k}={v!r}" for k, v in kwargs.items()])
            print(f"{prefix} {func.__name__}({shown})")
            return func(*args, **kwargs)
        return wrapper
    return decorate


@plain_decorator
def area(w, h):
    """Area of a rectangle."""
    return w * h


@good_decorator
def volume(w, h, d):
    """Volume of a box."""
    return w * h * d


@timed_free_logger("[call]")
@good_decorator
def greet(name, punctuation="!"):
    """Say hello."""
    return "hello " + name + punctuation


print(area.__name__, area.__doc__, area(2, 3))
print(volume.__name__, volume.__doc__, volume(2, 3, 4), volume.__qualname__)
print(greet("ann"), greet("bob", punctuation="?"))
print(greet.__name__, greet.__doc__, greet.__wrapped__.__name__)
print(greet.__wrapped__.__wrapped__("raw"))
print(hasattr(area, "__wrapped__"), hasattr(volume, "__wrapped__"))


def attach_info(func):
    func.info = {"name": func.__name__, "args": func.__code__.co_argcount}
    return func


@good_decorator
@attach_info
def add(a, b):
    return a + b


print(add.info, add(1, 2))
print(functools.WRAPPER_ASSIGNMENTS)
