# Backtracking search with generators: N-queens, subsets summing to a target.

def queens(n, placed=()):
    row = len(placed)
    if row == n:
        yield placed
        return
    for col in range(n):
        if all(col != c and abs(col - c) != row - r for r, c in enumerate(placed)):
            yield from queens(n, placed + (col,))


def show(solution):
    n = len(solution)
    return "\n".join("".join("Q" if c == col else "." for c in range(n)) for col in solution)


for n in range(1, 8):
    print(n, "queens:", sum(1 for _ in queens(n)), "solutions")
first = next(queens(6))
print(first)
print(show(first))


def subsets_with_sum(items, target, start=0, chosen=()):
    if target == 0:
        yield chosen
        return
    for i in range(start, len(items)):
        if items[i] <= target:
            yield from subsets_with_sum(items, target - items[i], i + 1, chosen + (items[i],))


coins = [1, 2, 3, 5, 8, 13]
for combo in subsets_with_sum(coins, 13):
    print(combo)


def words(alphabet, length):
    if length == 0:
        yield ""
        return
    for ch in alphabet:
        for rest in words(alphabet, length - 1):
            yield ch + rest


print(list(words("ab", 3)))
