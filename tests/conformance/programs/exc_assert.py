# assert with and without messages; AssertionError details.

def average(values):
    assert values, "cannot average an empty list"
    assert all(isinstance(v, (int, float)) for v in values), f"non-numbers in {values!r}"
    return sum(values) / len(values)


for data in ([1, 2, 3, 4], [], [1, "2"], [2.5]):
    try:
        print(data, "->", average(data))
    except AssertionError as e:
        print(data, "-> AssertionError:", e)

try:
    assert 1 + 1 == 3
except AssertionError as e:
    print("no message:", repr(e), e.args)

try:
    assert False, ("tuple", 1)
except AssertionError as e:
    print("tuple message:", e.args)

x = 10
try:
    assert x < 5, f"x is {x}, expected < 5"
except AssertionError as e:
    print(e)


def check_sorted(items):
    for a, b in zip(items, items[1:]):
        assert a <= b, f"{a} > {b}"
    return True


print(check_sorted([1, 2, 2, 9]))
try:
    check_sorted([1, 5, 3])
except AssertionError as e:
    print("unsorted:", e)
print(issubclass(AssertionError, Exception), __debug__)
