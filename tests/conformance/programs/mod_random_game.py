# A seeded guessing game and a loot table, played by the computer.
import random


def play(secret_seed, strategy):
    random.seed(secret_seed)
    secret = random.randint(1, 100)
    low, high = 1, 100
    guesses = []
    while True:
        guess = strategy(low, high)
        guesses.append(guess)
        if guess == secret:
            return secret, guesses
        if guess < secret:
            low = guess + 1
        else:
            high = guess - 1


binary = lambda lo, hi: (lo + hi) // 2
random_guess = lambda lo, hi: random.randint(lo, hi)
for seed in (1, 2, 3):
    secret, tries = play(seed, binary)
    print(f"seed {seed}: secret {secret}, binary search took {len(tries)}: {tries}")
    secret, tries = play(seed, random_guess)
    print(f"seed {seed}: secret {secret}, random guessing took {len(tries)}")

LOOT = [("common sword", 60), ("rare shield", 25), ("epic bow", 10), ("legendary ring", 5)]
random.seed(777)
names = [name for name, _ in LOOT]
weights = [w for _, w in LOOT]
drops = random.choices(names, weights=weights, k=200)
for name in names:
    print(f"{name:<15} {drops.count(name):3d}")
random.seed(777)
print("same drops again:", random.choices(names, weights=weights, k=200) == drops)
random.seed(0)
print("initiative order:", sorted(["orc", "elf", "dwarf", "troll"], key=lambda _: random.random()))
