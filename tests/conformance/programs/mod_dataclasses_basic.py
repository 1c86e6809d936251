# dataclasses: generated __init__, __repr__ and __eq__; defaults and default_factory.
from dataclasses import dataclass, field, asdict, astuple, replace, fields


@dataclass
class Item:
    name: str
    price: float
    quantity: int = 1
    tags: list = field(default_factory=list)

    def total(self):
        return self.price * self.quantity


a = Item("pen", 1.5)
b = Item("book", 12.0, 2, ["paper"])
c = Item("pen", 1.5)
print(a)
print(b, b.total())
print(a == c, a is c, a == b, a != b)
a.tags.append("office")
print(a, c.tags, "(default_factory gives each item its own list)")
print(asdict(b), astuple(b))
d = replace(b, quantity=5)
print(d, b.quantity)
print([f.name for f in fields(Item)], fields(Item)[2].default, fields(Item)[0].type.__name__)
try:
    Item("no price")
except TypeError as e:
    print("TypeError:", e)
try:
    @dataclass
    class Broken:
        items: list = []
except ValueError as e:
    print("ValueError:", e)


@dataclass
class Order:
    id: int
    items: list = field(default_factory=list)
    note: str = field(default="", repr=False)
    discount: float = field(default=0.0, compare=False)

    def __post_init__(self):
        if self.id <= 0:
            raise ValueError(f"bad order id {self.id}")

    def total(self):
        return round(sum(i.total() for i in self.items) * (1 - self.discount), 2)


o = Order(1, [a, b], note="gift", discount=0.1)
print(o)
print(o.total(), o == Order(1, [a, b]), o.note)
try:
    Order(0)
except ValueError as e:
    print("ValueError:", e)
