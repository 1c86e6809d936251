# Bitwise operators on ints: &, |, ^, ~, <<, >>, masks, flags and counting.

a, b = 0b1100_1010, 0b1010_0110
print(bin(a), bin(b))
print(bin(a & b), bin(a | b), bin(a ^ b), bin(~a), ~a, -a - 1)
print(a << 3, a >> 3, -a >> 2, -1 >> 10, 1 << 100)
print(bin(a & 0xF), bin((a >> 4) & 0xF), hex(a), oct(a))

READ, WRITE, EXEC = 1, 2, 4
perms = READ | WRITE
print(perms, bool(perms & WRITE), bool(perms & EXEC))
perms |= EXEC
perms &= ~WRITE
print(perms, f"{perms:03b}", [name for name, bit in [("r", READ), ("w", WRITE), ("x", EXEC)] if perms & bit])
perms ^= READ
print(perms)


def popcount(n):
    count = 0
    while n:
        n &= n - 1
        count += 1
    return count


def is_power_of_two(n):
    return n > 0 and n & (n - 1) == 0


print([popcount(n) for n in range(17)])
print([bin(n).count("1") for n in (255, 256, 2 ** 64 - 1)], (255).bit_count(), (-5).bit_count())
print([n for n in range(70) if is_power_of_two(n)])
print((1000).bit_length(), (0).bit_length(), (-1000).bit_length())
x, y = 17, 42
x ^= y
y ^= x
x ^= y
print("swapped with xor:", x, y)
print(-12 & 0xFF, -12 | 3, -12 ^ 5, 6 & -6, True & 3, True | False)
gray = [n ^ (n >> 1) for n in range(8)]
print([f"{g:03b}" for g in gray])
mask = (1 << 8) - 1
print(mask, (0x1234 >> 8) & mask, 0x1234 & mask, (0xAB << 8) | 0xCD)
