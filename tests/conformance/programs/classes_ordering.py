# Ordering: __lt__ and friends, functools.total_ordering, sorting objects.
from functools import total_ordering


@total_ordering
class Version:
    def __init__(self, text):
        self.parts = tuple(int(p) for p in text.split("."))

    def __eq__(self, other):
        return self.parts == other.parts

    def __lt__(self, other):
        return self.parts < other.parts

    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))


versions = [Version(v) for v in ["1.10.0", "1.2.3", "1.2", "0.9.9", "1.2.10", "2.0"]]
print(sorted(versions))
print(max(versions), min(versions))
print(Version("1.2") < Version("1.2.0"), Version("1.10") > Version("1.9"))
print(Version("3.0") >= Version("3.0"), Version("3.0") <= Version("2.9"))


class Card:
    ranks = "23456789TJQKA"

    def __init__(self, rank, suit):
        self.rank, self.suit = rank, suit

    def __lt__(self, other):
        return Card.ranks.index(self.rank) < Card.ranks.index(other.rank)

    def __repr__(self):
        return self.rank + self.suit


hand = [Card(r, s) for r, s in zip("K2AT9", "shdcs")]
print(sorted(hand), sorted(hand, reverse=True))
print(max(hand), Card("2", "h") > Card("3", "h"))
try:
    Card("2", "h") <= Card("3", "h")
except TypeError as e:
    print("TypeError:", e)
people = [("ann", 30), ("bob", 25), ("cy", 30), ("di", 25)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
