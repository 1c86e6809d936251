# A while-loop simulation: a savings plan and a bouncing ball, step by step.

balance = 1000.0
rate = 0.05
year = 0
target = 1500.0
while balance < target:
    year += 1
    interest = round(balance * rate, 2)
    balance = round(balance + interest, 2)
    print(f"year {year:2d}: +{interest:7.2f} -> {balance:9.2f}")
print(f"reached {target} after {year} years")

height = 10.0
bounces = 0
travelled = height
while height > 0.5:
    height *= 0.6
    travelled += 2 * height
    bounces += 1
print(f"{bounces} bounces, last height {height:.3f}, travelled {travelled:.3f}")

# Game of life blinker, three generations.
alive = {(1, 0), (1, 1), (1, 2)}


def step(cells):
    counts = {}
    for (r, c) in cells:
        for dr in (-1, 0, 1):
            for dc in (-1, 0, 1):
                if dr or dc:
                    key = (r + dr, c + dc)
                    counts[key] = counts.get(key, 0) + 1
    return {cell for cell, n in counts.items() if n == 3 or (n == 2 and cell in cells)}


generation = 0
while generation < 3:
    rows = []
    for r in range(3):
        rows.append("".join("#" if (r, c) in alive else "." for c in range(3)))
    print(f"gen {generation}: " + " / ".join(rows))
    alive = step(alive)
    generation += 1
print(sorted(alive))
