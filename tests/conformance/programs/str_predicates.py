# The is*() predicates on many kinds of strings.

samples = ["abc", "ABC", "Abc", "abc123", "123", "12.5", "-3", " ", "\t\n", "", "Hello World",
           "héllo", "中文", "٣", "½", "²", "snake_case", "_private", "2fast", "class", "a b"]
checks = ["isalpha", "isdigit", "isdecimal", "isnumeric", "isalnum", "isspace",
          "isupper", "islower", "istitle", "isidentifier", "isprintable", "isascii"]
print(" " * 14 + " ".join(c[2:6] for c in checks))
for s in samples:
    marks = " ".join(("yes" if getattr(s, c)() else "-").ljust(4) for c in checks)
    print(f"{s!r:<14}{marks}")


def parse_int(text):
    text = text.strip()
    sign = -1 if text.startswith("-") else 1
    digits = text.lstrip("+-")
    if not digits.isdigit():
        raise ValueError(f"not an integer: {text!r}")
    return sign * int(digits)


for t in ["42", " -17 ", "+8", "4.2", "", "abc", "--3"]:
    try:
        print(repr(t), "->", parse_int(t))
    except ValueError as e:
        print(repr(t), "->", e)
print("printable:", "tab\t".isprintable(), "newline\n".isprintable(), "ok".isprintable())
