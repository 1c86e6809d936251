# functools: total_ordering, cmp_to_key, cached_property, singledispatch.
import functools


@functools.total_ordering
class Money:
    def __init__(self, cents):
        self.cents = cents

    def __eq__(self, other):
        return self.cents == other.cents

    def __lt__(self, other):
        return self.cents < other.cents

    def __repr__(self):
        return f"${self.cents / 100:.2f}"


amounts = [Money(500), Money(125), Money(999), Money(125)]
print(sorted(amounts), max(amounts), Money(1) >= Money(1), Money(2) > Money(3))


def compare_versions(a, b):
    pa, pb = [int(x) for x in a.split(".")], [int(x) for x in b.split(".")]
    return (pa > pb) - (pa < pb)


versions = ["1.10", "1.2", "1.9.1", "0.99", "1.2.0"]
print(sorted(versions, key=functools.cmp_to_key(compare_versions)))
print(sorted(versions), compare_versions("2.0", "2.0"))


class Report:
    def __init__(self, rows):
        self.rows = rows

    @functools.cached_property
    def total(self):
        print("  computing total...")
        return sum(self.rows)


r = Report([3, 4, 5])
print(r.total, r.total)
r.rows.append(100)
print("stale cached value:", r.total)
del r.total
print("recomputed:", r.total)


@functools.singledispatch
def describe(value):
    return f"something: {value!r}"


@describe.register
def _(value: int):
    return f"an int with {len(str(abs(value)))} digits"


@describe.register(list)
def _(value):
    return f"a list of {len(value)}: " + ", ".join(describe(v) for v in value)


@describe.register(str)
def _(value):
    return f"the text {value!r}"


for v in [42, "hi", [1, "a", 2.5], 2.5, True]:
    print(describe(v))
