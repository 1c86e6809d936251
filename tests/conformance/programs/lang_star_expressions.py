# Star expressions in returns, literals, assignments and function calls.

def stats(*values):
    ordered = sorted(values)
    return ordered[0], *ordered[1:-1], ordered[-1]


print(stats(5, 1, 4, 2, 3))
print(stats(2, 1))


def head_tail(seq):
    head, *tail = seq
    return head, tail


print(head_tail([1, 2, 3]))
print(head_tail("xyz"))

rows = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print(list(zip(*rows)))
print([sum(col) for col in zip(*rows)])
transposed = [list(t) for t in zip(*rows)]
print(transposed)

first_row, *others = rows
print(first_row, len(others))
*_, last_row = rows
print(last_row)

combined = (*rows[0], *rows[2])
print(combined)
chars = [*"hi", *range(2), *{"k": 1}]
print(chars)
print(*range(5), sep=" < ")
print(max(*[3, 8, 1]), min(4, *[9, 2]))


def keywords(**kw):
    return ", ".join(f"{k}={v}" for k, v in kw.items())


base = {"color": "red", "size": 2}
print(keywords(**base, shape="square"))
print(keywords(**{**base, "size": 5}))
a, (b, *c), *d = 1, (2, 3, 4), 5, 6
print(a, b, c, d)
for index, (key, *values) in enumerate([("x", 1, 2), ("y",)]):
    print(index, key, values)
