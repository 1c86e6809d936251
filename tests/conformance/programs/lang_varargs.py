# *args and **kwargs: collecting and forwarding arguments.

def total(*numbers):
    print("args is a", type(numbers).__name__, numbers)
    return sum(numbers)


def report(title, **fields):
    print(title)
    for key, value in fields.items():
        print(f"  {key} = {value!r}")
    return len(fields)


def everything(a, b=2, *rest, flag=False, **extra):
    return f"a={a} b={b} rest={rest} flag={flag} extra={extra}"


print(total())
print(total(1, 2, 3))
print(total(*range(5)))
print(report("user", name="Ann", age=31, admin=False))
print(report("empty"))
print(everything(1))
print(everything(1, 3, 5, 7, flag=True, color="red"))
print(everything(*[9, 8, 7], **{"flag": 1, "z": 0}))


def forward(*args, **kwargs):
    return everything(*args, **kwargs)


print(forward(10, 20, 30, size=4))

options = {"sep": "-", "end": "|\n"}
print("a", "b", "c", **options)
parts = ["x", "y"]
print(*parts, *"zw", sep=", ")


def merge(**kw):
    return kw


print(merge(**{"a": 1}, b=2, **{"c": 3}))
try:
    merge(**{"a": 1}, a=2)
except TypeError as e:
    print(type(e).__name__, e)
