# Roman numerals both ways, with validation.

VALUES = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
SYMBOLS = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def to_roman(n):
    if not isinstance(n, int) or not 0 < n < 4000:
        raise ValueError(f"cannot write {n!r} in roman numerals")
    out = []
    for value, symbol in VALUES:
        count, n = divmod(n, value)
        out.append(symbol * count)
    return "".join(out)


def from_roman(s):
    total = 0
    for i, ch in enumerate(s):
        if ch not in SYMBOLS:
            raise ValueError(f"bad symbol {ch!r} in {s!r}")
        value = SYMBOLS[ch]
        if i + 1 < len(s) and SYMBOLS.get(s[i + 1], 0) > value:
            total -= value
        else:
            total += value
    if to_roman(total) != s:
        raise ValueError(f"{s!r} is not canonical (did you mean {to_roman(total)!r}?)")
    return total


for n in [1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999]:
    r = to_roman(n)
    print(f"{n:>5} = {r:<12} -> {from_roman(r)}")
romans = {n: to_roman(n) for n in range(1, 4000)}
print(all(from_roman(r) == n for n, r in romans.items() if n % 3 == 0))
for bad in ["IIII", "VX", "ABC", "MCMXCIV", "IC"]:
    try:
        print(bad, "->", from_roman(bad))
    except ValueError as e:
        print(bad, "->", e)
for bad in [0, 4000, -5, 2.5]:
    try:
        to_roman(bad)
    except ValueError as e:
        print(e)
longest = max(romans, key=lambda n: len(romans[n]))
print(longest, romans[longest], len(romans[longest]))
