# sys.exit(0) and sys.exit() end the program successfully (status 0).
import sys


class Menu:
    def __init__(self, choices):
        self.choices = list(choices)
        self.history = []

    def step(self):
        choice = self.choices.pop(0)
        self.history.append(choice)
        if choice == "quit":
            print("bye after", len(self.history), "choices:", self.history)
            sys.exit(0)
        print("you chose", choice)


try:
    sys.exit()
except SystemExit as e:
    print("sys.exit() raises SystemExit with code", e.code)
try:
    sys.exit(None)
except SystemExit as e:
    print("sys.exit(None) code", e.code)

menu = Menu(["tea", "coffee", "quit", "cake"])
try:
    while True:
        menu.step()
finally:
    print("cleaning up the menu")
print("never printed")
