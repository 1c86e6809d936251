# Sets of ints: operations, methods, comprehension, and membership speed-ups.

a = {1, 2, 3, 4, 5}
b = {4, 5, 6, 7}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b, [10]), a.intersection(range(3, 10)), a.difference([1]), a.symmetric_difference(b))
print({1, 2} <= a, {1, 2} < a, a <= a, a < a, a >= {5}, a.isdisjoint({8, 9}), a.issuperset([1, 2]))
s = set()
s.add(3)
s.add(1)
s.add(3)
s.update([5, 7], {9})
print(s, len(s))
s.discard(100)
s.remove(7)
print(s)
try:
    s.remove(100)
except KeyError as e:
    print("KeyError:", e)
popped = s.pop()
print("popped", popped, "left", s)
s |= {20, 21}
s &= {1, 5, 9, 20, 30}
s -= {9}
s ^= {5, 6}
print(s)
print(set([3, 1, 2, 3, 1]), set("aab") == {"a", "b"}, {0} == {False}, set() == set(), {} == set())
print(sorted({n % 10 for n in range(100)}), {x for x in range(40) if x % 7 == 0})
print({-1, -2, 5, 100, 3}, {10, 20, 30, 40}, set(range(10, 0, -1)))
data = [5, 3, 5, 1, 3, 9, 1]
print(sorted(set(data)), list(dict.fromkeys(data)), len(set(data)) == len(data))
seen, dups = set(), set()
for n in data:
    (dups if n in seen else seen).add(n)
print("seen", seen, "dups", dups)
primes = {2, 3, 5, 7, 11, 13}
odds = set(range(1, 15, 2))
print(primes & odds, primes - odds, sorted(primes | odds), len(primes ^ odds))
c = a.copy()
c.clear()
print(a, c, bool(c))
