# sorted: stability, key functions, reverse, multi-key sorts, and list.sort.

records = [("ann", "eng", 31), ("bob", "ops", 25), ("cy", "eng", 25), ("di", "ops", 31),
           ("ed", "eng", 40), ("flo", "hr", 25)]
by_age = sorted(records, key=lambda r: r[2])
print(by_age)
by_dept_then_age = sorted(by_age, key=lambda r: r[1])
print(by_dept_then_age)
print(sorted(records, key=lambda r: (r[1], -r[2])))
print(sorted(records, key=lambda r: r[2], reverse=True))
print([r[0] for r in sorted(records, key=lambda r: (r[2], r[0]), reverse=True)])

nums = [5, -3, 2, -8, 0, 7, -3]
print(sorted(nums), sorted(nums, reverse=True), sorted(nums, key=abs), sorted(nums, key=lambda n: (n % 2, n)))
words = ["banana", "Apple", "cherry", "apple", "Banana", "date"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
print(sorted("interleave"), sorted((3, 1, 2)), sorted({3: "c", 1: "a"}), sorted({5, 1, 3}))

data = [3, 1, 2]
result = data.sort()
print(result, data)
data.sort(key=lambda n: -n)
print(data)
pairs = [(1, "b"), (1, "a"), (0, "z")]
pairs.sort()
print(pairs)
try:
    sorted([1, "2", 3])
except TypeError as e:
    print("TypeError:", e)
try:
    sorted([{"a": 1}, {"a": 2}])
except TypeError as e:
    print("TypeError:", e)
print(sorted([{"a": 2}, {"a": 1}], key=lambda d: d["a"]))
print(sorted([[2, "b"], [1, "z"], [2, "a"]]), sorted([(1, 2), (1,), ()]))
print(sorted([0.5, -1, 3, 2.25, True, False]))
