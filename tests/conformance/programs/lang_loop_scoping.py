# Loop variables survive the loop; comprehension variables do not.

for i in range(3):
    pass
print("after for, i =", i)

for j in []:
    pass
try:
    print(j)
except NameError as e:
    print("NameError:", e)

k = "outer k"
squares = [k * k for k in range(4)]
print(squares, "k is still", repr(k))

total = 0
for n in range(1, 11):
    total += n
print("sum 1..10 =", total, "n =", n)

items = ["a", "b", "c"]
for index, item in enumerate(items, start=1):
    print(index, item)
print("last:", index, item)

# Modifying a list while iterating over a copy.
nums = [1, 2, 3, 4, 5, 6]
for x in nums[:]:
    if x % 2 == 0:
        nums.remove(x)
print(nums)

# Iterating over a dict while changing it is an error.
d = {"a": 1, "b": 2}
try:
    for key in d:
        d[key + "x"] = 0
except RuntimeError as e:
    print("RuntimeError:", e)

funcs = []
for m in range(3):
    def show(m=m):
        return m
    funcs.append(show)
print([f() for f in funcs])

w = 0
while w < 3:
    inner = w * 2
    w += 1
print("inner after while:", inner)
words = ["x", "yy", "zzz"]
lengths = {word: len(word) for word in words}
print(lengths, "word" in dir())
