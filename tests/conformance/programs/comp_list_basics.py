# List comprehensions: mapping, filtering, conditional expressions.

nums = list(range(-5, 6))
print([n * n for n in nums])
print([n for n in nums if n > 0])
print([abs(n) for n in nums if n % 2])
print(["neg" if n < 0 else "zero" if n == 0 else "pos" for n in nums])
print([n if n > 0 else 0 for n in nums])

words = ["Apple", "banana", "Cherry", "date", "Elder", "fig"]
print([w.lower() for w in words if w[0].isupper()])
print([len(w) for w in words])
print([w[::-1] for w in words if len(w) <= 4])
print([(i, w) for i, w in enumerate(words) if i % 2 == 0])
print([c for c in "Hello, World!" if c.isalpha()])
print([int(d) for d in str(2 ** 20)])
print(sum([int(d) for d in str(2 ** 100)]))

prices = {"apple": 1.2, "banana": 0.5, "cherry": 3.0}
print([f"{k}: {v:.2f}" for k, v in prices.items() if v >= 1])
print([k for k, v in sorted(prices.items(), key=lambda kv: kv[1])])

temps_c = [-10, 0, 21.5, 37, 100]
print([round(c * 9 / 5 + 32, 1) for c in temps_c])
print([x for x in [0, None, "", "a", [], [0], False, 3] if x])
print([[i] * i for i in range(4)])
print([i for i in range(50) if i % 3 == 0 if i % 5 == 0])
print([(a, b) for a, b in zip("abc", range(10))])
print([y for y in (x * 2 for x in range(5)) if y > 2])
print([str(x) for x in [1, 2.5, None, True, "s", (1,)]])
