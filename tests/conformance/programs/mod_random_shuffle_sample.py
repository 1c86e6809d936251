# shuffle, sample and choices after seeding.
import random

random.seed(7)
deck = [f"{rank}{suit}" for suit in "SHDC" for rank in "A23456789TJQK"]
random.shuffle(deck)
print(deck[:13])
hands = [deck[i::4][:5] for i in range(4)]
for i, hand in enumerate(hands, 1):
    print(f"player {i}: {' '.join(hand)}")

random.seed(1)
numbers = list(range(1, 50))
print("lottery:", sorted(random.sample(numbers, 6)))
print("sample of a string:", random.sample("interleave", 4))
print("sample of a range:", random.sample(range(10 ** 9), 3))
print("choices with replacement:", random.choices("HT", k=10))
print("weighted:", random.choices(["red", "green", "blue"], weights=[10, 1, 1], k=8))
print("cumulative weights:", random.choices(range(4), cum_weights=[1, 2, 3, 10], k=8))

random.seed(99)
items = list("abcdefgh")
random.shuffle(items)
print(items)
random.shuffle(items)
print(items)
print(sorted(items) == list("abcdefgh"))
try:
    random.sample([1, 2, 3], 5)
except ValueError as e:
    print("ValueError:", e)
random.seed(5)
teams = random.sample(["ann", "bob", "cy", "di", "ed", "flo"], 6)
print("teams:", teams[:3], teams[3:])
print("pick one:", random.choice(teams), "coin:", random.random() < 0.5)
