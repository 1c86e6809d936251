# Dict and set comprehensions.

words = ["apple", "avocado", "banana", "blueberry", "cherry", "apple", "banana"]
lengths = {w: len(w) for w in words}
print(lengths)
print({w: n for w, n in lengths.items() if n > 6})
by_letter = {}
for w in words:
    by_letter.setdefault(w[0], []).append(w)
print(by_letter)
print({k: sorted(set(v)) for k, v in by_letter.items()})
counts = {w: words.count(w) for w in words}
print(counts)
print({v: k for k, v in {"a": 1, "b": 2, "c": 1}.items()})
squares = {n: n * n for n in range(1, 8)}
print(squares, sum(squares.values()))
print({n: ("even" if n % 2 == 0 else "odd") for n in range(5)})

print({n % 5 for n in range(20)})
print({n * n for n in range(-3, 4)})
print(sorted({w[0] for w in words}))
print({len(w) for w in words})
print(sorted({c for w in words for c in w if c in "aeiou"}))
a = {n for n in range(10) if n % 2 == 0}
b = {n for n in range(10) if n % 3 == 0}
print(a, b, a & b, a | b, a - b, a ^ b)

grades = {"ann": 91, "bob": 78, "cy": 85, "di": 62}
letter = {name: "A" if g >= 90 else "B" if g >= 80 else "C" if g >= 70 else "D"
          for name, g in grades.items()}
print(letter)
inverted = {}
for name, l in letter.items():
    inverted.setdefault(l, []).append(name)
print(dict(sorted(inverted.items())))
print({i: {j: i * j for j in range(3)} for i in range(3)})
print(dict(zip("abc", range(3))), {k: v for k, v in zip("xyz", [1, 2])})
