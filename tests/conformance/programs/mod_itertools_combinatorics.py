# itertools.product, permutations, combinations and combinations_with_replacement.
from itertools import product, permutations, combinations, combinations_with_replacement

print(list(product("ab", [1, 2])))
print(list(product("01", repeat=3)))
print(["".join(p) for p in product("xy", "12", "!")])
print(len(list(product(range(4), repeat=4))))
print(list(permutations("abc")))
print(list(permutations([1, 2, 3], 2)), len(list(permutations(range(6), 3))))
print(list(combinations("abcd", 2)))
print(list(combinations(range(5), 3)), list(combinations("ab", 3)))
print(list(combinations_with_replacement("abc", 2)))
coins = [1, 2, 5, 10]
ways = [combo for n in range(1, 4) for combo in combinations_with_replacement(coins, n) if sum(combo) == 12]
print(ways)
dice = [a + b for a, b in product(range(1, 7), repeat=2)]
print({total: dice.count(total) for total in range(2, 13)})
words = ["".join(p) for p in permutations("tea")]
print(words, sorted(set("".join(p) for p in permutations("aab"))))
menu = {"main": ["fish", "pasta"], "side": ["salad", "fries", "rice"], "drink": ["water"]}
meals = list(product(*menu.values()))
print(len(meals), meals[:3])
items = [("a", 3), ("b", 4), ("c", 5), ("d", 8)]
best = max((c for n in range(1, 5) for c in combinations(items, n) if sum(w for _, w in c) <= 12),
           key=lambda c: (sum(w for _, w in c), [n for n, _ in c]))
print("best fit under 12:", [n for n, _ in best], sum(w for _, w in best))
grid = [(r, c) for r, c in product(range(3), range(3)) if r != c]
print(grid)
print(sum(1 for p in permutations(range(5)) if all(p[i] != i for i in range(5))), "derangements of 5")
