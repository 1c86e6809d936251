# random after random.seed(n): the sequences are reproducible.
import random

random.seed(42)
print([random.random() for _ in range(5)])
print([random.randint(1, 6) for _ in range(10)])
print([random.randrange(0, 100, 5) for _ in range(5)], random.randrange(10))
print(random.choice("abcdef"), random.choice([10, 20, 30]), random.choice(range(1000)))
print([round(random.uniform(1.5, 2.5), 6) for _ in range(3)], random.uniform(-1, 1))
print(random.getrandbits(8), random.getrandbits(64), random.getrandbits(100))

random.seed(42)
first = random.random()
random.seed(42)
print("same seed, same first value:", first == random.random())

random.seed(2024)
a = [random.random() for _ in range(3)]
random.seed(2024)
b = [random.random() for _ in range(3)]
print(a == b, a)

for seed in (0, 1, 123, 2 ** 40, -5):
    random.seed(seed)
    print(seed, random.randint(0, 10 ** 6), round(random.random(), 10))
random.seed(10 ** 30)
print("big int seed:", random.randint(1, 1000), random.random())
state = random.getstate()
x1 = [random.random() for _ in range(2)]
random.setstate(state)
x2 = [random.random() for _ in range(2)]
print("state restored:", x1 == x2)
try:
    random.randint(5, 1)
except ValueError as e:
    print("ValueError:", e)
try:
    random.choice([])
except IndexError as e:
    print("IndexError:", e)
