# Diamond inheritance: the MRO (C3 linearisation) and cooperative super().

class Base:
    def __init__(self):
        print("Base.__init__")
        self.trail = ["Base"]

    def who(self):
        return "Base"


class Left(Base):
    def __init__(self):
        print("Left.__init__")
        super().__init__()
        self.trail.append("Left")

    def who(self):
        return "Left>" + super().who()


class Right(Base):
    def __init__(self):
        print("Right.__init__")
        super().__init__()
        self.trail.append("Right")

    def who(self):
        return "Right>" + super().who()


class Child(Left, Right):
    def __init__(self):
        print("Child.__init__")
        super().__init__()
        self.trail.append("Child")

    def who(self):
        return "Child>" + super().who()


c = Child()
print(c.trail)
print(c.who())
print([k.__name__ for k in Child.__mro__])
print([k.__name__ for k in Child.mro()])
print([k.__name__ for k in Left.__mro__])


class A: pass
class B(A): pass
class C(A): pass
class D(B, C): pass
class E(C, B): pass


print([k.__name__ for k in D.__mro__])
print([k.__name__ for k in E.__mro__])
try:
    class F(D, E):
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    class G(A, B):
        pass
except TypeError as e:
    print("TypeError:", e)
print(super(Left, c).who())
print(isinstance(c, Right), issubclass(Child, Base), Child.__bases__ == (Left, Right))
