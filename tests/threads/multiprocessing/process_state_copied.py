# With fork the child starts with a copy of the parent's state: it sees
# what the parent had when it started, and nothing it changes comes back.
import multiprocessing as mp

settings = {"mode": "parent", "items": [1, 2, 3]}
total = 0


class Account:
    def __init__(self):
        self.balance = 100


account = Account()


def child(k):
    global total
    total += k
    settings["mode"] = "child"
    settings["items"].append(k)
    account.balance -= 30
    print("child", k, "sees:", total, settings, account.balance, flush=True)


if __name__ == "__main__":
    settings["items"].append(4)
    procs = [mp.Process(target=child, args=(k,)) for k in (10, 20)]
    for p in procs:
        p.start()
        p.join()
    print("parent sees:", total, settings, account.balance)
    print("exit codes:", [p.exitcode for p in procs])
