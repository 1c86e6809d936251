# A first class: __init__, methods, instance state, __repr__.

class Dog:
    species = "Canis familiaris"

    def __init__(self, name, age):
        self.name = name
        self.age = age
        self.tricks = []

    def add_trick(self, trick):
        self.tricks.append(trick)
        return self

    def human_years(self):
        return self.age * 7

    def __repr__(self):
        return f"Dog({self.name!r}, {self.age})"

    def describe(self):
        tricks = ", ".join(self.tricks) or "no tricks"
        return f"{self.name} is {self.age} ({self.human_years()} in human years) and knows {tricks}"


rex = Dog("Rex", 3)
fido = Dog("Fido", 5)
rex.add_trick("sit").add_trick("roll over")
print(rex)
print(fido)
print(rex.describe())
print(fido.describe())
print([rex, fido])
print(rex.species, Dog.species, rex.species is Dog.species)
print(type(rex).__name__, isinstance(rex, Dog))
print(Dog.human_years(fido))

dogs = [Dog("Ace", 9), Dog("Bea", 1), Dog("Cid", 4)]
print(sorted(dogs, key=lambda d: d.age))
print(max(dogs, key=lambda d: d.age).name)
oldest_first = sorted(dogs, key=lambda d: -d.age)
print([d.name for d in oldest_first])
try:
    rex.fly()
except AttributeError as e:
    print("AttributeError:", e)
try:
    Dog("NoAge")
except TypeError as e:
    print("TypeError:", e)
try:
    rex.add_trick()
except TypeError as e:
    print("TypeError:", e)
