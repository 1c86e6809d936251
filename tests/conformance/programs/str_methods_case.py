# Case methods: upper, lower, title, capitalize, swapcase, casefold.

samples = ["hello world", "HELLO World", "o'neil's dog", "python3.11 rocks", "straße", "i18n-ready text", ""]
for s in samples:
    print(f"{s!r:22} upper={s.upper()!r} lower={s.lower()!r}")
    print(f"{'':22} title={s.title()!r} capitalize={s.capitalize()!r} swapcase={s.swapcase()!r}")
print("straße".casefold(), "STRASSE".casefold() == "straße".casefold(), "STRASSE".lower() == "straße".lower())
print("ΣΊΣΥΦΟΣ".lower(), "ﬁ".upper(), "Ünïcödé".upper())
names = ["alice", "BOB", "cHARLIE", "d'arcy", "mary-jane"]
print([n.capitalize() for n in names])
print([n.title() for n in names])
print(sorted(names), sorted(names, key=str.lower), sorted(names, key=str.casefold, reverse=True))


def snake_to_camel(name):
    first, *rest = name.split("_")
    return first + "".join(part.title() for part in rest)


def camel_to_snake(name):
    out = ""
    for ch in name:
        out += "_" + ch.lower() if ch.isupper() else ch
    return out.lstrip("_")


for n in ["user_id", "http_response_code", "x"]:
    camel = snake_to_camel(n)
    print(n, "->", camel, "->", camel_to_snake(camel))
print("MiXeD".swapcase().swapcase() == "MiXeD", "ABC".isupper(), "abc1".islower(), "Title Case".istitle())
