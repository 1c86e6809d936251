# hex, bin, oct, int(s, base), and converting bases by hand.

for n in [0, 5, 255, -255, 4096, 2 ** 40]:
    print(n, hex(n), bin(n), oct(n))
print(int("ff", 16), int("FF", 16), int("0xff", 16), int("0xff", 0), int("0b101", 0), int("0o17", 0))
print(int("101", 2), int("777", 8), int("z", 36), int("Python", 36), int(" 42 "), int("-0x10", 16))
print(int("1_000_000"), int("0b_1010", 0), int("+7"), int("00012"))
for bad in ["12", "0x", "1.5", "", "1_", "_1", "0b102"]:
    for base in (0, 2, 10):
        try:
            int(bad, base)
        except ValueError as e:
            print(f"int({bad!r}, {base}): {e}")
            break
    else:
        print(f"int({bad!r}, ...) all fine")

DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def to_base(n, base):
    if n == 0:
        return "0"
    sign = "-" if n < 0 else ""
    n = abs(n)
    out = []
    while n:
        n, r = divmod(n, base)
        out.append(DIGITS[r])
    return sign + "".join(reversed(out))


for n in [0, 7, 255, -1000, 123456789]:
    reprs = [to_base(n, b) for b in (2, 3, 8, 16, 36)]
    back = [int(r, b) for r, b in zip(reprs, (2, 3, 8, 16, 36))]
    print(n, reprs, all(x == n for x in back))
print(format(255, "b"), format(255, "#b"), format(255, "o"), format(255, "X"), f"{255:#010x}")
print(int.from_bytes(bytes.fromhex("ff00"), "big"), hex(int("1" * 64, 2)))
