# A custom exception escapes: the last stderr line names the class and message.

class InsufficientFunds(Exception):
    def __init__(self, balance, amount):
        super().__init__(f"cannot withdraw {amount}: balance is {balance}")
        self.balance = balance
        self.amount = amount


class Account:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance

    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(self.balance, amount)
        self.balance -= amount
        return self.balance


acct = Account("ann", 100)
for amount in (30, 50):
    print("withdrew", amount, "left", acct.withdraw(amount))
try:
    acct.withdraw(500)
except InsufficientFunds as e:
    print("handled once:", e)


def pay_rent(account):
    print("paying rent from", account.owner)
    return account.withdraw(1200)


def end_of_month(accounts):
    for account in accounts:
        pay_rent(account)


end_of_month([acct])
print("unreachable")
