# Descriptors: reusable validated attributes with __get__/__set__/__set_name__.

class Positive:
    def __set_name__(self, owner, name):
        self.name = name
        self.storage = "_" + name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.storage)

    def __set__(self, obj, value):
        if not isinstance(value, (int, float)):
            raise TypeError(f"{self.name} must be a number, got {type(value).__name__}")
        if value <= 0:
            raise ValueError(f"{self.name} must be positive, got {value}")
        setattr(obj, self.storage, value)


class Choice:
    def __init__(self, *options):
        self.options = options

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return obj.__dict__.get(self.name, self.options[0])

    def __set__(self, obj, value):
        if value not in self.options:
            raise ValueError(f"{self.name} must be one of {self.options}")
        obj.__dict__[self.name] = value


class Order:
    quantity = Positive()
    price = Positive()
    size = Choice("M", "S", "L")

    def __init__(self, quantity, price):
        self.quantity = quantity
        self.price = price

    @property
    def total(self):
        return self.quantity * self.price


o = Order(3, 2.5)
print(o.quantity, o.price, o.total, o.size)
o.size = "L"
print(o.size, vars(o))
for field, bad in [("quantity", 0), ("price", "free"), ("size", "XXL")]:
    try:
        setattr(o, field, bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(type(Order.quantity).__name__, Order.price.name, Order.size.options)
