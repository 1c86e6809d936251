# __repr__ versus __str__, and where each one is used.

class Money:
    def __init__(self, amount, currency="EUR"):
        self.amount = amount
        self.currency = currency

    def __repr__(self):
        return f"Money({self.amount!r}, {self.currency!r})"

    def __str__(self):
        return f"{self.amount:.2f} {self.currency}"


class OnlyRepr:
    def __repr__(self):
        return "<OnlyRepr>"


class OnlyStr:
    def __str__(self):
        return "only str"

    __repr__ = lambda self: "OnlyStr()"


m = Money(12.5)
print(m)
print(str(m), "|", repr(m))
print([m, Money(3, "NOK")])
print({"price": m})
print((m,))
print(f"{m} / {m!r} / {m!s}")
print("%s and %r" % (m, m))
print("{} and {!r}".format(m, m))
o = OnlyRepr()
print(o, str(o), [o])
s = OnlyStr()
print(s, [s])
print(repr("it's"), repr('say "hi"'), repr("both ' and \""))
print(repr("tab\tnew\nline\\"), str("tab\tx"))
print(repr(1.0), repr(10 ** 20), repr(None), repr(True), repr([1, "a", (2,)]))
print(repr("中文"), ascii("中文"), repr("\x00\x7f"))
print(repr(b"bytes\n\x00"), repr(bytearray(b"ab")))
print(str(3.0), str(-0.0), str([1.5, "x"]), str(("a",)))
