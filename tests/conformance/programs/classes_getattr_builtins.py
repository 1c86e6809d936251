# getattr, setattr, hasattr, delattr: attributes by name.

class Settings:
    theme = "light"

    def __init__(self):
        self.font_size = 12


s = Settings()
print(getattr(s, "font_size"), getattr(s, "theme"), getattr(s, "missing", "default"))
print(hasattr(s, "font_size"), hasattr(s, "missing"), hasattr(Settings, "font_size"))
setattr(s, "font_size", 14)
setattr(s, "language", "nb")
print(vars(s))
delattr(s, "language")
print(vars(s), hasattr(s, "language"))
try:
    getattr(s, "missing")
except AttributeError as e:
    print("AttributeError:", e)
try:
    delattr(s, "theme")
except AttributeError as e:
    print("AttributeError:", e)

updates = {"font_size": 16, "theme": "dark", "line_height": 1.5}
for name, value in updates.items():
    setattr(s, name, value)
print(sorted(vars(s).items()), Settings.theme)


class Calculator:
    def add(self, a, b):
        return a + b

    def sub(self, a, b):
        return a - b

    def mul(self, a, b):
        return a * b


calc = Calculator()
for command in ["add 2 3", "mul 4 5", "sub 9 1", "div 1 0"]:
    name, *args = command.split()
    method = getattr(calc, name, None)
    if method is None:
        print(command, "-> unknown command")
    else:
        print(command, "->", method(*map(int, args)))
print(getattr(getattr(calc, "add"), "__name__"))
try:
    setattr(5, "real", 3)
except AttributeError as e:
    print("AttributeError:", e)
try:
    getattr(s, 42)
except TypeError as e:
    print("TypeError:", e)
