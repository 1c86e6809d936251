# Inheritance, overriding and super().

class Animal:
    sound = "..."

    def __init__(self, name):
        self.name = name

    def speak(self):
        return f"{self.name} says {self.sound}"

    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"


class Dog(Animal):
    sound = "woof"


class Cat(Animal):
    sound = "meow"

    def speak(self):
        base = super().speak()
        return base + " (and ignores you)"


class Puppy(Dog):
    def __init__(self, name, owner):
        super().__init__(name)
        self.owner = owner

    def speak(self):
        return super().speak().upper() + f" for {self.owner}"


animals = [Animal("thing"), Dog("Rex"), Cat("Tom"), Puppy("Bit", "Ann")]
for a in animals:
    print(repr(a), "->", a.speak())

p = animals[-1]
print(isinstance(p, Puppy), isinstance(p, Dog), isinstance(p, Animal), isinstance(p, Cat))
print(issubclass(Puppy, Animal), issubclass(Cat, Dog), issubclass(Dog, object))
print(Puppy.__bases__, Dog.__base__)
print([c.__name__ for c in Puppy.__mro__])
print(Puppy.sound, Cat.sound, Animal.sound)
Dog.sound = "WOOF"
print(p.speak())
print(vars(p))


class Base:
    def template(self):
        return f"[{self.step_one()} then {self.step_two()}]"

    def step_one(self):
        return "base one"

    def step_two(self):
        return "base two"


class Custom(Base):
    def step_two(self):
        return "custom two"


print(Base().template(), Custom().template())
