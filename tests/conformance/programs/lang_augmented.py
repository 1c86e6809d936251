# Augmented assignment on numbers, strings, lists and tuples; del.

n = 10
n += 5
n -= 3
n *= 4
n //= 5
n **= 2
n %= 50
print("n =", n)
f = 7
f /= 2
print("f =", f)
bits = 0b1010
bits |= 0b0101
bits &= 0b1100
bits ^= 0b0110
bits <<= 2
bits >>= 1
print("bits =", bits, bin(bits))

s = "ab"
s += "cd"
s *= 2
print(s)

a = [1, 2]
alias = a
a += [3]        # in place: the alias sees it
print(a, alias, a is alias)
a = a + [4]     # rebinding: the alias does not
print(a, alias, a is alias)

t = (1, 2)
t_alias = t
t += (3,)
print(t, t_alias)

counts = {"x": 0}
counts["x"] += 1
counts["x"] += 1
print(counts)
grid = [[0] * 3 for _ in range(2)]
grid[1][2] += 5
print(grid)

box = ([1],)
try:
    box[0] += [2]
except TypeError as e:
    print("TypeError:", e)
print("but the list changed anyway:", box)

x = 1
y = [1, 2, 3]
d = {"k": 1, "j": 2}
del x
del y[0]
del d["k"]
print(y, d)
try:
    print(x)
except NameError as e:
    print("NameError:", e)
try:
    del d["missing"]
except KeyError as e:
    print("KeyError:", e)
p, q = 1, 2
del p, q
print("p" in dir(), "q" in dir())
