# Counting and grouping with plain dicts: get, setdefault, and sorting the result.

transactions = [
    ("2024-01-03", "food", 23.5), ("2024-01-03", "transport", 3.2), ("2024-01-04", "food", 12.0),
    ("2024-01-05", "rent", 800.0), ("2024-01-05", "food", 41.3), ("2024-01-06", "fun", 15.0),
    ("2024-01-06", "transport", 3.2), ("2024-01-07", "food", 8.75), ("2024-01-07", "fun", 60.0),
]
count = {}
total = {}
by_day = {}
for day, category, amount in transactions:
    count[category] = count.get(category, 0) + 1
    total[category] = round(total.get(category, 0) + amount, 2)
    by_day.setdefault(day, []).append((category, amount))

print(count)
print(total)
for category, amount in sorted(total.items(), key=lambda kv: kv[1], reverse=True):
    share = amount / sum(total.values())
    print(f"{category:<10}{amount:>9.2f}{share:>8.1%}  x{count[category]}")
for day, entries in by_day.items():
    print(day, round(sum(a for _, a in entries), 2), [c for c, _ in entries])
busiest = max(by_day, key=lambda d: len(by_day[d]))
print("busiest day:", busiest)
largest = {}
for day, category, amount in transactions:
    if amount > largest.get(category, (None, 0))[1]:
        largest[category] = (day, amount)
print(largest)
words = "one two three two three three four four four four".split()
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
ranking = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))
print(ranking, ranking[0][0])
by_len = {}
for w in set(words):
    by_len.setdefault(len(w), set()).add(w)
print({k: sorted(v) for k, v in sorted(by_len.items())})
