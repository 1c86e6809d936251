# Character and word frequency with a text histogram.

text = """It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief, it was the
epoch of incredulity, it was the season of Light, it was the season of Darkness"""

letters = {}
for ch in text.lower():
    if ch.isalpha():
        letters[ch] = letters.get(ch, 0) + 1
total = sum(letters.values())
print("letters:", total, "distinct:", len(letters))
top = sorted(letters.items(), key=lambda kv: (-kv[1], kv[0]))[:8]
for ch, n in top:
    print(f"{ch} {n:3d} {n / total:6.2%} {'#' * (n // 3)}")
print("missing:", "".join(c for c in "abcdefghijklmnopqrstuvwxyz" if c not in letters))

words = [w.strip(",.").lower() for w in text.split()]
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
common = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:6]
print(common)
print("hapax:", sorted(w for w, n in counts.items() if n == 1))
lengths = {}
for w in words:
    lengths[len(w)] = lengths.get(len(w), 0) + 1
for length in sorted(lengths):
    print(f"{length:2d} letters: {lengths[length]:2d} {'*' * lengths[length]}")
vowels = sum(letters.get(v, 0) for v in "aeiou")
print(f"vowels {vowels}, consonants {total - vowels}, ratio {vowels / (total - vowels):.3f}")
