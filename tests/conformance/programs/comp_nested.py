# Nested comprehensions: matrices, flattening, cartesian products.

matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9], [10, 11, 12]]
print([v for row in matrix for v in row])
print([[row[i] for row in matrix] for i in range(3)])
print([[v * 10 for v in row] for row in matrix])
print([sum(row) for row in matrix], [max(col) for col in zip(*matrix)])
print([[v for v in row if v % 2 == 0] for row in matrix])

identity = [[1 if i == j else 0 for j in range(4)] for i in range(4)]
for row in identity:
    print(row)

table = [[i * j for j in range(1, 6)] for i in range(1, 6)]
for row in table:
    print(" ".join(f"{v:3d}" for v in row))

pairs = [(x, y) for x in range(4) for y in range(4) if x < y]
print(pairs)
triples = [(a, b, c) for c in range(1, 30) for b in range(1, c) for a in range(1, b)
           if a * a + b * b == c * c]
print(triples)
suits, ranks = "SH", "AKQ"
print([r + s for s in suits for r in ranks])
nested = [[1, [2, 3]], [4], [[5, 6], 7]]
print([x for sub in nested for x in sub])
words = ["hello", "world", "python"]
print([ch for w in words for ch in w if ch in "aeiou"])
print({w: [i for i, ch in enumerate(w) if ch == "o"] for w in words})
grid = [["." for _ in range(5)] for _ in range(3)]
grid[1][2] = "#"
print(["".join(r) for r in grid])
print([[(r, c) for c in range(2)] for r in range(2)])
