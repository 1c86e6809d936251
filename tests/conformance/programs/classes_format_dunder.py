# __format__: objects that understand format specs in f-strings.

class Money:
    def __init__(self, cents, currency="EUR"):
        self.cents = cents
        self.currency = currency

    def __format__(self, spec):
        amount = self.cents / 100
        if spec == "short":
            return f"{amount:.0f}{self.currency[0]}"
        if spec == "":
            return f"{amount:.2f} {self.currency}"
        return f"{format(amount, spec)} {self.currency}"

    def __str__(self):
        return format(self)


class Temperature:
    def __init__(self, celsius):
        self.celsius = celsius

    def __format__(self, spec):
        unit = spec[-1:] if spec[-1:] in ("C", "F", "K") else "C"
        number_spec = spec[:-1] if spec[-1:] in ("C", "F", "K") else spec
        value = {"C": self.celsius, "F": self.celsius * 9 / 5 + 32, "K": self.celsius + 273.15}[unit]
        return format(value, number_spec or ".1f") + "°" + unit


price = Money(123456)
print(f"{price}")
print(f"{price:short}")
print(f"{price:,.2f}")
print(f"[{price:>15.1f}]")
print(str(price), format(price, ".3f"))
t = Temperature(21.5)
print(f"{t} {t:F} {t:.0K} {t:8.2C}")
print("{:F} / {:C}".format(t, Temperature(-40)))


class Plain:
    pass


print(format(42, "08b"), format(3.14159, ".2e"), format("x", "^5"))
try:
    f"{Plain():>10}"
except TypeError as e:
    print("TypeError:", e)
print(f"{Plain.__name__:>10}|")
