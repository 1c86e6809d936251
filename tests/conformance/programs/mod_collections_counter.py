# collections.Counter: counting, most_common, arithmetic, and updates.
from collections import Counter

text = "the quick brown fox jumps over the lazy dog the end"
words = Counter(text.split())
print(words)
print(words.most_common(3), words["the"], words["missing"])
letters = Counter(c for c in text if c.isalpha())
print(letters.most_common(5))
print(sorted(letters.items())[:6], sum(letters.values()), letters.total())

inventory = Counter(apples=5, pears=2)
inventory.update(apples=1, kiwis=4)
inventory.update(["pears", "pears", "figs"])
print(inventory)
inventory.subtract({"apples": 10, "kiwis": 1})
print(inventory, +inventory)
a = Counter("aabbbc")
b = Counter("abccd")
print(a + b, a - b, a & b, a | b)
print(sorted(a.elements()), list(Counter("banana").elements()))
print(Counter([1, 2, 2, 3, 3, 3]).most_common(), Counter().most_common(1))
votes = ["red", "blue", "red", "green", "blue", "red", "blue", "blue"]
tally = Counter(votes)
winner, count = tally.most_common(1)[0]
print(f"winner {winner} with {count} of {len(votes)} votes")
print(tally == Counter({"blue": 4, "red": 3, "green": 1}), dict(tally))
del tally["green"]
print(tally, len(tally))
rolls = Counter((a, b) for a in range(1, 4) for b in range(1, 4))
print(Counter(a + b for a, b in rolls))
print(Counter("hello world").most_common()[-3:])
