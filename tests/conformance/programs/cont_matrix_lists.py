# A grid as a list of lists: neighbours, flood fill, rotation, transposition.

grid = [
    "#########",
    "#..#....#",
    "#..#.##.#",
    "#....#..#",
    "######..#",
    "#....#..#",
    "#########",
]
cells = [list(row) for row in grid]
rows, cols = len(cells), len(cells[0])


def neighbours(r, c):
    for dr, dc in ((-1, 0), (1, 0), (0, -1), (0, 1)):
        nr, nc = r + dr, c + dc
        if 0 <= nr < rows and 0 <= nc < cols:
            yield nr, nc


def flood(r, c, mark):
    todo = [(r, c)]
    filled = 0
    while todo:
        r, c = todo.pop()
        if cells[r][c] != ".":
            continue
        cells[r][c] = mark
        filled += 1
        todo.extend(neighbours(r, c))
    return filled


regions = []
for r in range(rows):
    for c in range(cols):
        if cells[r][c] == ".":
            mark = "abcdefgh"[len(regions)]
            regions.append((mark, flood(r, c, mark)))
print(regions)
print("\n".join("".join(row) for row in cells))
small = [[1, 2, 3], [4, 5, 6]]
print([list(r) for r in zip(*small)])
print([list(r) for r in zip(*small[::-1])])
print([list(r)[::-1] for r in zip(*small)][::-1])
print([[small[r][c] for r in range(2)] for c in range(3)])
walls = sum(row.count("#") for row in grid)
print("walls:", walls, "open:", rows * cols - walls)
print("row sums:", [sum(v) for v in small], "col sums:", [sum(c) for c in zip(*small)])
