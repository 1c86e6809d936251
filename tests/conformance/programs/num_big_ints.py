# Arbitrary-precision integers: powers, factorials, digits, huge arithmetic.

print(2 ** 64, 2 ** 100, -(2 ** 127))
print(10 ** 30 + 1, (10 ** 30 + 1) * (10 ** 30 - 1))
f = 1
for n in range(1, 51):
    f *= n
print("50! =", f)
print("digits:", len(str(f)), "digit sum:", sum(map(int, str(f))))
print("trailing zeros:", len(str(f)) - len(str(f).rstrip("0")))
big = 3 ** 200
print(big)
print(big % 1000, big // 10 ** 90, big.bit_length(), (big >> 300), big & 0xFFFF)
print(-big // 7, -big % 7, divmod(big, 10 ** 50)[1])
print(2 ** 1000 // 2 ** 998, 2 ** -2, (-2) ** 63, (-2) ** 64)
a = 123456789012345678901234567890
b = 987654321098765432109876543210
print(a + b, b - a, a * b)
print(b // a, b % a, a - b, -a * -b)
print(a == a + 0, a < b, abs(a - b), max(a, b), min(-a, -b))
print(int("9" * 40) + 1, str(10 ** 25)[::5], hex(2 ** 70), bin(2 ** 10 + 1))
fib = [0, 1]
while len(str(fib[-1])) < 100:
    fib.append(fib[-1] + fib[-2])
print("first fibonacci with 100 digits is F", len(fib) - 1, sep="")
print(str(fib[-1])[:20], "...", str(fib[-1])[-20:])
print(sum(range(10 ** 6)), sum(i * i for i in range(1000)))
print(pow(2, 10 ** 5).bit_length(), len(str(7 ** 777)))
print(hash(2 ** 61 - 1) == 0, hash(-1), int("-" + "1" * 30), (10 ** 20) / 10 ** 19)
