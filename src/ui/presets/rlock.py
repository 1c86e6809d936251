# RLock: a lock the same thread may take again. transfer() holds the
# account's lock and calls withdraw(), which takes it once more; with a
# plain Lock the thread would wait for itself forever.
import threading

class Account:
    def __init__(self, name, balance):
        self.name = name
        self.balance = balance
        self.lock = threading.RLock()

    def withdraw(self, amount):
        with self.lock:
            if self.balance < amount:
                return False
            self.balance -= amount
            return True

    def transfer(self, other, amount):
        with self.lock:
            if self.withdraw(amount):
                with other.lock:
                    other.balance += amount
                return True
            return False

alice = Account("alice", 1000)
bob = Account("bob", 1000)

def pay(times):
    for _ in range(times):
        alice.transfer(bob, 3)

threads = [threading.Thread(target=pay, args=(100,)) for _ in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("alice:", alice.balance)
print("bob:  ", bob.balance)
print("total:", alice.balance + bob.balance)
