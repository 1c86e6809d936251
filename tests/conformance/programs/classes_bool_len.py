# Truthiness of objects: __bool__, then __len__, then always true.

class Empty:
    pass


class Sized:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n


class Flag:
    def __init__(self, on):
        self.on = on

    def __bool__(self):
        return self.on

    def __len__(self):
        return 99


class Inbox:
    def __init__(self):
        self.messages = []

    def __len__(self):
        return len(self.messages)

    def add(self, text):
        self.messages.append(text)


print(bool(Empty()), bool(Sized(0)), bool(Sized(3)), bool(Flag(False)), bool(Flag(True)))
print(len(Flag(False)))

box = Inbox()
print("unread" if box else "nothing new")
box.add("hi")
print("unread" if box else "nothing new", len(box))

items = [Sized(0), Sized(2), Flag(False), Empty()]
print([type(x).__name__ for x in items if x])
print(any(items), all(items), all([Sized(1), Flag(True)]))
print(not Sized(0), Sized(1) and "yes", Flag(False) or "fallback")


class BadBool:
    def __bool__(self):
        return 1


class BadLen:
    def __len__(self):
        return -1


for bad in (BadBool(), BadLen()):
    try:
        bool(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
n = 0
while Sized(3 - n):
    n += 1
print("loop ran", n, "times")
