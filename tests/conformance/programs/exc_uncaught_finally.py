# finally blocks and context managers still run while an exception escapes.

class Step:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, "with", exc_type.__name__ if exc_type else None)
        return False


def innermost(values):
    try:
        print("innermost: summing", values)
        return sum(values)
    finally:
        print("innermost finally")


def middle(values):
    with Step("middle"):
        return innermost(values)


def outer(values):
    try:
        with Step("outer"):
            return middle(values)
    finally:
        print("outer finally")


print("result", outer([1, 2, 3]))
print("result", outer([1, "two", 3]))
print("never printed")
