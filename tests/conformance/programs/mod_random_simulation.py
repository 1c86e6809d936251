# Seeded simulations: dice statistics, a random walk and a Monte Carlo estimate.
import random

random.seed(12345)
rolls = [random.randint(1, 6) + random.randint(1, 6) for _ in range(3600)]
counts = {total: rolls.count(total) for total in range(2, 13)}
for total, n in counts.items():
    print(f"{total:2d} {n:4d} {'#' * (n // 20)}")
print("mean:", sum(rolls) / len(rolls))

random.seed(3)
position = 0
path = [position]
for _ in range(30):
    position += random.choice((-1, 1))
    path.append(position)
print("walk:", path)
print("max", max(path), "min", min(path), "end", path[-1])

random.seed(2718)
inside = 0
trials = 5000
for _ in range(trials):
    x, y = random.random(), random.random()
    if x * x + y * y <= 1:
        inside += 1
print("pi estimate:", 4 * inside / trials)

random.seed(11)
birthday_hits = 0
for _ in range(200):
    days = [random.randrange(365) for _ in range(23)]
    if len(set(days)) < 23:
        birthday_hits += 1
print("shared birthday in a group of 23:", birthday_hits / 200)
random.seed(8)
streak = best = 0
for flip in (random.random() < 0.5 for _ in range(200)):
    streak = streak + 1 if flip else 0
    best = max(best, streak)
print("longest run of heads in 200 flips:", best)
