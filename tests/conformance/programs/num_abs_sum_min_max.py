# abs, sum (with start), min and max (with key and default), over many inputs.

print(abs(-5), abs(5), abs(-2.5), abs(0), abs(-0.0), abs(-10 ** 30), abs(True))
print(sum([1, 2, 3]), sum([1, 2, 3], 10), sum([]), sum([0.1, 0.2]), sum(range(101)))
print(sum([[1], [2, 3], []], []), sum(((1,), (2,)), ()), sum([1.5, 2, True]))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print("TypeError:", e)
print(min(3, 1, 2), max(3, 1, 2), min([4, 8, -1]), max("hello"), min("hello"))
print(max([], default=None), min([], default="empty"), max([5], default=0))
try:
    max([])
except ValueError as e:
    print("ValueError:", e)
try:
    min()
except TypeError as e:
    print("TypeError:", e)

people = [("ann", 31, 1.65), ("bob", 25, 1.80), ("cy", 31, 1.72), ("di", 19, 1.58)]
print(max(people, key=lambda p: p[1]))
print(min(people, key=lambda p: p[1]))
print(max(people, key=lambda p: (p[1], p[2])))
print(max(people, key=lambda p: p[2])[0], min(people, key=lambda p: len(p[0]))[0])
print(max("apple", "fig", "banana", key=len), min(["bb", "a", "cc"], key=len))
print(max([1, -5, 3], key=abs), min([1, -5, 3], key=abs), max({"a": 3, "b": 9, "c": 1}.items(), key=lambda kv: kv[1]))
nums = [4, -7, 2, 9, -1]
print(abs(max(nums, key=abs)), sum(abs(n) for n in nums), sum(n for n in nums if n > 0))
print(max(range(10), key=lambda n: n % 4), min(range(10), key=lambda n: -n))
print(max(3, 3.0), max(3.0, 3), min(0, -0.0), min(-0.0, 0), max([2, 2.0, True + 1]))
print(sum(x * x for x in range(1, 11)) / 10, max(map(len, ["a", "abc", "ab"])))
