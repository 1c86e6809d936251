# dataclasses with order=True and frozen=True; sorting, hashing, and immutability.
from dataclasses import dataclass, field, FrozenInstanceError


@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
    patch: int = 0
    label: str = field(default="", compare=False)

    def __str__(self):
        return f"{self.major}.{self.minor}.{self.patch}{'-' + self.label if self.label else ''}"


versions = [Version(1, 10), Version(1, 2, 3), Version(0, 9), Version(1, 2, 3, "rc1"), Version(2)]
print(sorted(versions))
print([str(v) for v in sorted(versions, reverse=True)])
print(max(versions), Version(1, 2) < Version(1, 10), Version(1, 2, 3) == Version(1, 2, 3, "beta"))
try:
    Version(1) < (1, 0, 0)
except TypeError as e:
    print("TypeError:", e)


@dataclass(frozen=True)
class Point:
    x: float
    y: float

    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)


p = Point(1, 2)
try:
    p.x = 10
except FrozenInstanceError as e:
    print("FrozenInstanceError:", e)
print(p, p.moved(3, 4), p)
visits = {Point(0, 0): 1}
visits[Point(0, 0)] += 1
visits[p] = 5
print(visits, hash(Point(1, 2)) == hash(Point(1, 2)), len({Point(1, 2), Point(1.0, 2.0)}))


@dataclass(order=True, frozen=True)
class Task:
    priority: int
    name: str = field(compare=False)


queue = sorted([Task(3, "write"), Task(1, "plan"), Task(2, "code"), Task(1, "coffee")])
print([t.name for t in queue])
print(Task(1, "a") == Task(1, "b"), Task(1, "a") < Task(2, "a"), hash(Task(1, "a")) == hash(Task(1, "z")))
