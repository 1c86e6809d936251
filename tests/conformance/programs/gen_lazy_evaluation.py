# Laziness made visible: each stage prints when it actually does work.

def source(n):
    for i in range(n):
        print(f"  source yields {i}")
        yield i


def doubled(items):
    for x in items:
        print(f"  doubling {x}")
        yield x * 2


def keep_multiples_of_4(items):
    for x in items:
        if x % 4 == 0:
            print(f"  keeping {x}")
            yield x


pipeline = keep_multiples_of_4(doubled(source(6)))
print("pipeline built, nothing ran yet")
print("first:", next(pipeline))
print("second:", next(pipeline))
print("rest:", list(pipeline))

print("eager list comprehension:")
eager = [x * 2 for x in source(3)]
print("lazy generator expression:")
lazy = (x * 2 for x in source(3))
print("created; now consuming one item")
print(next(lazy))

print("zip stops at the shortest, pulling one extra item from the first:")
print(list(zip(source(5), "ab")))
print("any() stops early:")
print(any(x > 0 for x in source(5)))
