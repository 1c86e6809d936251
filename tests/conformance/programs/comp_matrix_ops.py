# Matrix operations written with comprehensions.

def mat_mul(a, b):
    return [[sum(x * y for x, y in zip(row, col)) for col in zip(*b)] for row in a]


def transpose(m):
    return [list(col) for col in zip(*m)]


def mat_pow(m, n):
    result = [[int(i == j) for j in range(len(m))] for i in range(len(m))]
    while n:
        if n & 1:
            result = mat_mul(result, m)
        m = mat_mul(m, m)
        n >>= 1
    return result


def determinant(m):
    if len(m) == 1:
        return m[0][0]
    return sum((-1) ** c * m[0][c] * determinant([row[:c] + row[c + 1:] for row in m[1:]])
               for c in range(len(m)))


def show(m):
    width = max(len(str(v)) for row in m for v in row)
    for row in m:
        print("  [" + " ".join(str(v).rjust(width) for v in row) + "]")


a = [[1, 2], [3, 4]]
b = [[5, 6], [7, 8]]
print("a*b:")
show(mat_mul(a, b))
print("b*a:")
show(mat_mul(b, a))
print("transpose of 2x3:", transpose([[1, 2, 3], [4, 5, 6]]))
fib = [[1, 1], [1, 0]]
print("fib(90) via matrix power:", mat_pow(fib, 90)[0][1])
print("determinants:", determinant(a), determinant([[2, 0, 1], [1, 3, 2], [1, 1, 1]]))
m4 = [[(i * 4 + j) % 7 for j in range(4)] for i in range(4)]
show(m4)
print("det:", determinant(m4), "trace:", sum(m4[i][i] for i in range(4)))
rot = [list(reversed(col)) for col in zip(*m4)]
print("rotated:")
show(rot)
