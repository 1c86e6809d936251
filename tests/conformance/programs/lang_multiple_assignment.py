# Chained assignment, aliasing, and assignment order.

a = b = c = 0
a += 1
print(a, b, c)

x = y = []
x.append("shared")
print(x, y, x is y)

m, n = n_list = [1, 2]
print(m, n, n_list)

i = 0
items = [10, 20, 30]
i, items[i] = 1, 99
print(i, items)

data = {}
key = value = "same"
data[key] = value
print(data)

row = [0] * 3
grid_bad = [row] * 3
grid_bad[0][0] = 1
print(grid_bad)
grid_good = [[0] * 3 for _ in range(3)]
grid_good[0][0] = 1
print(grid_good)

first, second = second, first = "ab"
print(first, second)

def swap_pairs(seq):
    seq = list(seq)
    for k in range(0, len(seq) - 1, 2):
        seq[k], seq[k + 1] = seq[k + 1], seq[k]
    return seq


print(swap_pairs("abcdefg"))
fib = [0, 1]
p, q = 0, 1
for _ in range(10):
    p, q = q, p + q
    fib.append(q)
print(fib)
t = (1, [2, 3])
t[1].append(4)
print(t)
u = v = 5
u += 1
print(u, v)
