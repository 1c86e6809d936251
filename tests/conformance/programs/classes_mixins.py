# Mixins: small classes that add one behaviour each.
import json


class ReprMixin:
    def __repr__(self):
        fields = ", ".join(f"{k}={v!r}" for k, v in vars(self).items())
        return f"{type(self).__name__}({fields})"


class JsonMixin:
    def to_json(self):
        return json.dumps(vars(self), sort_keys=True)

    @classmethod
    def from_json(cls, text):
        obj = cls.__new__(cls)
        obj.__dict__.update(json.loads(text))
        return obj


class CompareMixin:
    def _key(self):
        return tuple(sorted(vars(self).items()))

    def __eq__(self, other):
        return type(self) is type(other) and self._key() == other._key()

    def __lt__(self, other):
        return self._key() < other._key()


class User(ReprMixin, JsonMixin, CompareMixin):
    def __init__(self, name, age):
        self.name = name
        self.age = age


class Product(ReprMixin, JsonMixin):
    def __init__(self, sku, price):
        self.sku = sku
        self.price = price


u = User("ann", 31)
print(u)
text = u.to_json()
print(text)
clone = User.from_json(text)
print(clone, clone == u, clone is u)
users = [User("cy", 20), User("ann", 40), User("ann", 31)]
print(sorted(users))
p = Product("X-1", 9.99)
print(p, p.to_json())
print([k.__name__ for k in User.__mro__])
print(hasattr(p, "_key"), isinstance(u, JsonMixin))
