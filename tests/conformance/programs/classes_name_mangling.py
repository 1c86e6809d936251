# "Private" names: single underscore by convention, double underscore mangled.

class Account:
    def __init__(self, owner, pin):
        self.owner = owner
        self._balance = 0
        self.__pin = pin

    def check(self, pin):
        return pin == self.__pin

    def deposit(self, amount):
        self._balance += amount
        return self._balance


class SavingsAccount(Account):
    def __init__(self, owner, pin):
        super().__init__(owner, pin)
        self.__pin = "child"

    def both(self):
        return self.__pin, self._Account__pin


a = Account("ann", "1234")
print(a.check("1234"), a.check("0000"))
print(a._balance, a.deposit(50))
try:
    print(a.__pin)
except AttributeError as e:
    print("AttributeError:", e)
print(a._Account__pin)
print(sorted(vars(a)))
s = SavingsAccount("bo", "9999")
print(sorted(vars(s)))
print(s.both(), s.check("9999"))


class Secretive:
    __count = 0

    @classmethod
    def bump(cls):
        cls.__count += 1
        return cls.__count

    def __dunder_like__(self):
        return "not mangled: ends with two underscores"


print(Secretive.bump(), Secretive.bump())
print(hasattr(Secretive, "__count"), hasattr(Secretive, "_Secretive__count"))
print(Secretive().__dunder_like__())
