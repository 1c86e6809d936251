# collections.defaultdict: grouping, counting, nested defaults, and the missing hook.
from collections import defaultdict

words = ["apple", "avocado", "banana", "blueberry", "cherry", "cranberry", "apricot"]
by_letter = defaultdict(list)
for w in words:
    by_letter[w[0]].append(w)
print(by_letter)
print(dict(by_letter), by_letter["z"], "z" in by_letter, len(by_letter))

counts = defaultdict(int)
for ch in "mississippi":
    counts[ch] += 1
print(dict(counts), counts["q"], dict(counts))

lengths = defaultdict(set)
for w in words:
    lengths[len(w)].add(w[0])
print({k: sorted(v) for k, v in sorted(lengths.items())})

tree = lambda: defaultdict(tree)
root = tree()
root["a"]["b"]["c"] = 1
root["a"]["x"] = 2
root["d"] = 3


def to_dict(node):
    return {k: to_dict(v) if isinstance(v, defaultdict) else v for k, v in node.items()}


print(to_dict(root))
graph = defaultdict(list)
for a, b in [("a", "b"), ("a", "c"), ("b", "c"), ("c", "a"), ("d", "a")]:
    graph[a].append(b)
    graph[b]
print(dict(graph))
plain = defaultdict()
try:
    plain["missing"]
except KeyError as e:
    print("KeyError:", e)
print(plain.default_factory, counts.default_factory.__name__)
dd = defaultdict(lambda: "n/a", {"known": "yes"})
print(dd["known"], dd["unknown"], dd.get("other"), sorted(dd))
