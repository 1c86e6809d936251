# Building strings: +=, join, repetition, lists of parts, and immutability.

parts = []
for i in range(5):
    parts.append(f"item{i}")
print(",".join(parts))

s = ""
for ch in "abc":
    s += ch.upper() + "-"
print(s, s[:-1], s.rstrip("-"))

original = "immutable"
alias = original
original += "!"
print(original, alias, original is alias)

line = "=" * 20
print(line, len(line), "ab" * 3, "x" * 0, "x" * -2 == "")
print(("-" * 3).join(["a", "b"]), "".join(["<", "p", ">"]))


def make_row(cells, sep=" | "):
    return sep.join(str(c) for c in cells)


rows = [make_row(r) for r in [("a", 1), ("bb", 22), ("ccc", 333)]]
print("\n".join(rows))


def spiral_text(n):
    out = []
    for i in range(n):
        out.append(" " * i + "\\")
    for i in reversed(range(n)):
        out.append(" " * i + "/")
    return "\n".join(out)


print(spiral_text(3))
digits = "".join(str(d) for d in range(10))
print(digits, digits[::3], "".join(reversed(digits)))
sentence = " ".join(["word"] * 3)
print(sentence, sentence.count("word"))
acc = []
for word in "build a sentence from words".split():
    acc.append(word.capitalize())
print(" ".join(acc), "".join(w[0] for w in acc))
