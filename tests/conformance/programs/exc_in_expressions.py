# Exceptions inside comprehensions, lambdas, generators and default arguments.

def safe(func, *args, default=None):
    try:
        return func(*args)
    except Exception as e:
        return f"{type(e).__name__}({e})" if default is None else default


values = ["1", "2", "x", "4", None, "6.5"]
print([safe(int, v) for v in values])
print([safe(int, v, default=0) for v in values])
print(sum(safe(int, v, default=0) for v in values))

try:
    squares = [int(v) ** 2 for v in values]
except ValueError as e:
    print("comprehension stopped:", e)

gen = (10 // n for n in [5, 2, 0, 1])
results = []
try:
    for r in gen:
        results.append(r)
except ZeroDivisionError as e:
    print("generator raised after", results, ":", e)
print("generator is finished:", list(gen))

divide = lambda a, b: a / b
print(safe(divide, 1, 4), safe(divide, 1, 0))

d = {"a": 1}
print({k: safe(lambda key: d[key], k) for k in "ab"})
print(safe(max, []), safe(min, [], default="?"))
print(safe(sorted, [3, "a", 1]))
print(safe(lambda: [1, 2, 3][1:10]), safe(lambda: [1, 2, 3][10]))
print(safe("{} {}".format, "only one"), safe("{0} {name}".format, 1, default="kw missing"))
