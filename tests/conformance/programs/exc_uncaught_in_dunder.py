# An exception raised in a dunder method (__getitem__) called by a for loop.

class Matrix:
    def __init__(self, rows):
        self.rows = rows

    def __getitem__(self, pos):
        r, c = pos
        if not (0 <= r < len(self.rows) and 0 <= c < len(self.rows[0])):
            raise IndexError(f"position {pos} outside {len(self.rows)}x{len(self.rows[0])} matrix")
        return self.rows[r][c]

    def __repr__(self):
        return "Matrix(" + repr(self.rows) + ")"


m = Matrix([[1, 2, 3], [4, 5, 6]])
print(m)
print(m[0, 0], m[1, 2], m[1, 0])
diagonal = [m[i, i] for i in range(2)]
print("diagonal", diagonal)
try:
    m[5, 5]
except IndexError as e:
    print("caught:", e)
trace = 0
for i in range(3):
    trace += m[i, i]
    print("trace so far", trace)
print("never printed")
