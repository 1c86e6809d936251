# zfill, center, ljust, rjust and expandtabs: laying out text.

for n in [7, -7, 42, 12345, 0]:
    print(repr(str(n).zfill(5)), repr(f"{n:05d}"))
print("+3".zfill(4), "abc".zfill(5), "1.5".zfill(6), "".zfill(3))

word = "py"
print(f"[{word.center(8)}] [{word.center(8, '*')}] [{word.center(7, '-')}] [{'odd'.center(6, '.')}]")
print(f"[{word.ljust(6)}] [{word.ljust(6, '.')}] [{word.rjust(6)}] [{word.rjust(6, '0')}]")
print(f"[{'toolong'.center(3)}] [{'x'.ljust(0)}] [{'ab'.rjust(-1)}]")
try:
    "x".center(5, "ab")
except TypeError as e:
    print("TypeError:", e)

menu = [("Espresso", 2.5), ("Cappuccino", 3.75), ("Tea", 1.8), ("Hot chocolate", 4.0)]
width = 30
print("MENU".center(width, "="))
for item, price in menu:
    dots = width - len(item) - 6
    print(item + " " + "." * dots + f" {price:4.2f}")
print("=" * width)

print("a\tb\tc".expandtabs(4), "|", "ab\tc".expandtabs(8), "|", "\t".expandtabs(2) + "x")

def box(lines):
    inner = max(len(line) for line in lines)
    print("+" + "-" * (inner + 2) + "+")
    for line in lines:
        print("| " + line.ljust(inner) + " |")
    print("+" + "-" * (inner + 2) + "+")


box(["Interleave", "threads on a timeline", "ok"])
for i in range(1, 6):
    print(("*" * (2 * i - 1)).center(9).rstrip())
print("binary:", [bin(n)[2:].zfill(4) for n in range(6)])
