# Sorting dicts and lists of dicts by values, keys and several fields.

scores = {"ann": 88, "bob": 95, "cy": 70, "di": 95, "ed": 60}
print(sorted(scores))
print(sorted(scores, key=scores.get))
print(sorted(scores.items(), key=lambda kv: kv[1], reverse=True))
print(sorted(scores.items(), key=lambda kv: (-kv[1], kv[0])))
print(dict(sorted(scores.items(), key=lambda kv: kv[1])))
top3 = sorted(scores, key=lambda k: scores[k], reverse=True)[:3]
print(top3, {k: scores[k] for k in top3})
ranked = {}
for position, (name, score) in enumerate(sorted(scores.items(), key=lambda kv: -kv[1]), 1):
    ranked[name] = position
print(ranked)

books = [
    {"title": "Dune", "year": 1965, "rating": 4.3},
    {"title": "Neuromancer", "year": 1984, "rating": 3.9},
    {"title": "Foundation", "year": 1951, "rating": 4.2},
    {"title": "Hyperion", "year": 1989, "rating": 4.3},
    {"title": "Solaris", "year": 1961, "rating": 4.0},
]
for b in sorted(books, key=lambda b: (-b["rating"], b["year"])):
    print(f"{b['title']:<12}{b['year']}  {b['rating']}")
print([b["title"] for b in sorted(books, key=lambda b: b["title"], reverse=True)])
by_decade = {}
for b in sorted(books, key=lambda b: b["year"]):
    by_decade.setdefault(b["year"] // 10 * 10, []).append(b["title"])
print(by_decade)
print(max(books, key=lambda b: b["rating"])["title"], min(books, key=lambda b: b["year"])["title"])
inverse = {}
for name, score in scores.items():
    inverse.setdefault(score, []).append(name)
print(dict(sorted(inverse.items(), reverse=True)))
