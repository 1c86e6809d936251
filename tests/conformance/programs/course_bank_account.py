# Course notes: a bank account class with its own exceptions and a transaction log.

class BankError(Exception):
    pass


class InsufficientFunds(BankError):
    def __init__(self, needed, available):
        super().__init__(f"need {needed:.2f}, only {available:.2f} available")
        self.needed, self.available = needed, available


class AccountFrozen(BankError):
    """Raised for any operation on a frozen account."""


class Account:
    interest_rate = 0.02
    _next_number = 1000

    def __init__(self, owner, balance=0.0):
        if balance < 0:
            raise ValueError("opening balance cannot be negative")
        self.owner = owner
        self.balance = balance
        self.frozen = False
        self.number = Account._next_number
        Account._next_number += 1
        self.log = [("open", balance)]

    def _check(self, amount):
        if self.frozen:
            raise AccountFrozen(f"account {self.number} is frozen")
        if amount <= 0:
            raise ValueError(f"amount must be positive, got {amount}")

    def deposit(self, amount):
        self._check(amount)
        self.balance += amount
        self.log.append(("deposit", amount))
        return self.balance

    def withdraw(self, amount):
        self._check(amount)
        if amount > self.balance:
            raise InsufficientFunds(amount, self.balance)
        self.balance -= amount
        self.log.append(("withdraw", amount))
        return self.balance

    def transfer(self, other, amount):
        self.withdraw(amount)
        try:
            other.deposit(amount)
        except BankError:
            self.deposit(amount)
            raise
        self.log[-1] = ("transfer out", amount)

    def add_interest(self):
        return self.deposit(round(self.balance * self.interest_rate, 2))
    __repr__ = lambda self: f"Account({self.number}, {self.owner!r}, {self.balance:.2f})"


ann, bob = Account("Ann", 100), Account("Bob")
operations = [
    lambda: ann.deposit(50), lambda: ann.withdraw(500), lambda: bob.withdraw(-5),
    lambda: ann.transfer(bob, 70), lambda: ann.add_interest(), lambda: setattr(bob, "frozen", True),
    lambda: ann.transfer(bob, 10), lambda: bob.deposit(1), lambda: Account("Cy", -1),
]
for op in operations:
    try:
        result = op()
        print("ok:", result, ann, bob)
    except BankError as e:
        print(f"{type(e).__name__}: {e}")
    except ValueError as e:
        print("ValueError:", e)
print(ann.log)
print(bob.log)
