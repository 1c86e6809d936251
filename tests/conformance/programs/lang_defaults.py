# Default argument values: evaluated once, at definition time.

def power(base, exponent=2):
    return base ** exponent


def append_bad(item, bucket=[]):
    bucket.append(item)
    return bucket


def append_good(item, bucket=None):
    if bucket is None:
        bucket = []
    bucket.append(item)
    return bucket


counter = 10


def snapshot(value=counter):
    return value


print(power(3))
print(power(3, 3))
print(power(exponent=4, base=2))

print(append_bad(1))
print(append_bad(2))
print(append_bad(3, []))
print(append_bad(4))

print(append_good(1))
print(append_good(2))
print(append_good(3, [0]))

counter = 99
print("snapshot:", snapshot(), "counter:", counter)
print("defaults tuple:", power.__defaults__)
print("bad defaults now:", append_bad.__defaults__)


def greet(name, greeting="Hello", *, end="."):
    return greeting + ", " + name + end


print(greet("Sam"))
print(greet("Sam", "Hi"))
print(greet("Sam", end="!"))
print(greet.__kwdefaults__)
