# Perfect, abundant and amicable numbers; digit tricks; Armstrong numbers.

def divisor_sum(n):
    if n < 2:
        return 0
    total = 1
    d = 2
    while d * d <= n:
        if n % d == 0:
            total += d
            if d != n // d:
                total += n // d
        d += 1
    return total


print("perfect:", [n for n in range(2, 1000) if divisor_sum(n) == n])
print("abundant under 60:", [n for n in range(1, 60) if divisor_sum(n) > n])
amicable = sorted({tuple(sorted((a, divisor_sum(a)))) for a in range(2, 1500)
                   if divisor_sum(a) != a and divisor_sum(divisor_sum(a)) == a})
print("amicable:", amicable)


def digits(n):
    return [int(d) for d in str(n)]


armstrong = [n for n in range(1, 2000) if n == sum(d ** len(str(n)) for d in digits(n))]
print("armstrong:", armstrong)


def digital_root(n):
    while n >= 10:
        n = sum(digits(n))
    return n


print([digital_root(n) for n in (0, 9, 38, 12345, 999999999999)])
happy = []
for n in range(1, 50):
    seen = set()
    x = n
    while x != 1 and x not in seen:
        seen.add(x)
        x = sum(d * d for d in digits(x))
    if x == 1:
        happy.append(n)
print("happy:", happy)
print("kaprekar 3524:", end=" ")
n = 3524
while n != 6174:
    s = f"{n:04d}"
    n = int("".join(sorted(s, reverse=True))) - int("".join(sorted(s)))
    print(n, end=" ")
print()
print("triangular:", [k * (k + 1) // 2 for k in range(1, 15)])
