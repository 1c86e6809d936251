# Conditions in comprehensions: filters, chained ifs, if-else values, any/all.

students = [
    ("ann", [90, 85, 100]),
    ("bob", [55, 65, 40]),
    ("cy", [70, 75, 80]),
    ("di", []),
    ("ed", [100, 100, 99]),
]

print([name for name, scores in students if scores])
print([name for name, scores in students if scores if min(scores) >= 70])
print([name for name, scores in students if scores and max(scores) == 100])
print([(name, "pass" if scores and sum(scores) / len(scores) >= 60 else "fail")
       for name, scores in students])
print([name for name, scores in students if any(s < 50 for s in scores)])
print([name for name, scores in students if all(s >= 70 for s in scores)])
averages = {name: (round(sum(s) / len(s), 2) if s else None) for name, s in students}
print(averages)
ranked = sorted((avg, name) for name, avg in averages.items() if avg is not None)
print(ranked[::-1])
honours = [name for name, avg in averages.items() if avg is not None and avg > 85]
print(honours)

numbers = range(1, 31)
print([n for n in numbers if n % 2 == 0 and n % 3 == 0])
print([n for n in numbers if n % 2 == 0 or n % 7 == 0])
print([n for n in numbers if not (n % 5)])
print(["big" if n > 20 else "mid" if n > 10 else "small" for n in numbers if n % 6 == 0])
print([c if c.isalpha() else "_" for c in "a1b2-c3 d"])
print([w for w in "one two three four five six".split() if "e" in w if len(w) > 3])
