# Cooperative multiple inheritance: every __init__ takes **kwargs and passes on.

class Named:
    def __init__(self, *, name, **kwargs):
        print("Named gets", sorted(kwargs))
        super().__init__(**kwargs)
        self.name = name


class Aged:
    def __init__(self, *, age=0, **kwargs):
        print("Aged gets", sorted(kwargs))
        super().__init__(**kwargs)
        self.age = age


class Located:
    def __init__(self, *, city="nowhere", **kwargs):
        print("Located gets", sorted(kwargs))
        super().__init__(**kwargs)
        self.city = city


class Person(Named, Aged, Located):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)

    def __repr__(self):
        return f"Person(name={self.name!r}, age={self.age}, city={self.city!r})"


print([c.__name__ for c in Person.__mro__])
p = Person(name="Ann", age=40, city="Bergen")
print(p)
q = Person(name="Bo")
print(q)
try:
    Person(age=3)
except TypeError as e:
    print("TypeError:", e)
try:
    Person(name="x", colour="red")
except TypeError as e:
    print("TypeError:", e)
