# frozenset: immutable, hashable sets of ints as dict keys and set members.

a = frozenset([1, 2, 3, 3])
b = frozenset(range(2, 6))
print(a, b, len(a), 2 in a, 7 in a)
print(a | b, a & b, a - b, a ^ b, a <= b, a.issubset(range(10)), a.isdisjoint({9}))
print(type(a | {9}).__name__, type({9} | a).__name__, a == {1, 2, 3}, hash(a) == hash(frozenset({3, 2, 1})))
try:
    a.add(4)
except AttributeError as e:
    print("AttributeError:", e)

edges = {frozenset({1, 2}): 5, frozenset({2, 3}): 2, frozenset({1, 3}): 9}
print(edges[frozenset({2, 1})], edges.get(frozenset({3, 1})), frozenset({4, 1}) in edges)
groups = {frozenset({1, 2}), frozenset({2, 1}), frozenset({3})}
print(len(groups), sorted(sorted(g) for g in groups))


def power_set(items):
    result = [frozenset()]
    for x in items:
        result += [s | {x} for s in result]
    return result


ps = power_set([1, 2, 3])
print(len(ps), sorted(sorted(s) for s in ps))
print(sorted(len(s) for s in ps), frozenset() in ps)
nested = frozenset([frozenset([1]), frozenset([1, 2])])
print(len(nested), sorted(len(s) for s in nested))
print(frozenset("") == frozenset(), frozenset([0, False, 0.0]), frozenset([1, True, 1.0]))
counts = {}
for combo in [(1, 2), (2, 1), (1, 3), (3, 1), (2, 1)]:
    key = frozenset(combo)
    counts[key] = counts.get(key, 0) + 1
print(sorted((sorted(k), v) for k, v in counts.items()))
