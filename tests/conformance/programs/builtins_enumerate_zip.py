# enumerate and zip in their many forms.

fruits = ["apple", "banana", "cherry"]
prices = [1.2, 0.5, 3.0, 9.9]
for i, f in enumerate(fruits):
    print(i, f)
for i, f in enumerate(fruits, start=1):
    print(f"{i}. {f}")
print(list(enumerate("abc", 10)), list(enumerate([])))
e = enumerate(fruits)
print(next(e), next(e), list(e))

print(list(zip(fruits, prices)))
print(dict(zip(fruits, prices)))
print(list(zip(fruits, prices, "xyz", range(100))))
print(list(zip()), list(zip("ab")), list(zip([], fruits)))
names, values = zip(*[("a", 1), ("b", 2), ("c", 3)])
print(names, values)
matrix = [[1, 2, 3], [4, 5, 6]]
print(list(zip(*matrix)), [list(row) for row in zip(*zip(*matrix))])
try:
    list(zip(fruits, prices, strict=True))
except ValueError as e:
    print("ValueError:", e)
print(list(zip(fruits, prices[:3], strict=True)))
for (i, fruit), price in zip(enumerate(fruits), prices):
    print(i, fruit, price)
totals = [p * q for p, q in zip(prices, [3, 2, 1])]
print(totals, round(sum(totals), 2))
print([(i, a, b) for i, (a, b) in enumerate(zip("xy", "pq"))])
pairs = list(zip(range(5), range(5)[1:]))
print(pairs, [b - a for a, b in pairs])
z = zip("ab", [1, 2])
print(list(z), list(z))
