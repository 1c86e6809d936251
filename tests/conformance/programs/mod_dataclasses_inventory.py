# Dataclasses modelling a small inventory with inheritance and class-level helpers.
from dataclasses import dataclass, field


@dataclass
class Product:
    sku: str
    name: str
    price: float
    stock: int = 0

    @property
    def value(self):
        return round(self.price * self.stock, 2)


@dataclass
class Perishable(Product):
    days_left: int = 7

    def expired(self):
        return self.days_left <= 0


@dataclass
class Warehouse:
    name: str
    products: list = field(default_factory=list)

    def add(self, product):
        self.products.append(product)
        return self

    def restock(self, sku, amount):
        for p in self.products:
            if p.sku == sku:
                p.stock += amount
                return p
        raise KeyError(sku)

    def report(self):
        for p in sorted(self.products, key=lambda p: p.value, reverse=True):
            extra = f" ({p.days_left} days)" if isinstance(p, Perishable) else ""
            print(f"  {p.sku:<5}{p.name:<10}{p.stock:>4} x {p.price:>6.2f} = {p.value:>8.2f}{extra}")
        print(f"  total value: {sum(p.value for p in self.products):.2f}")


w = Warehouse("central")
w.add(Product("T1", "teapot", 24.5, 3)).add(Perishable("M1", "milk", 1.2, 40, 3))
w.add(Perishable("C1", "cheese", 7.75, 5, 0)).add(Product("K1", "kettle", 39.0))
print(w.products[1])
w.report()
print(w.restock("K1", 2))
try:
    w.restock("ZZ", 1)
except KeyError as e:
    print("KeyError:", e)
print("expired:", [p.name for p in w.products if isinstance(p, Perishable) and p.expired()])
print(Perishable("X", "x", 1.0) == Perishable("X", "x", 1.0, 0, 7), isinstance(w.products[1], Product))
