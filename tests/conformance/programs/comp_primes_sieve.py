# Prime numbers with comprehensions and a sieve; factorisation.

def primes_naive(limit):
    return [n for n in range(2, limit) if all(n % d for d in range(2, int(n ** 0.5) + 1))]


def primes_sieve(limit):
    is_prime = [True] * limit
    is_prime[0:2] = [False, False]
    for n in range(2, int(limit ** 0.5) + 1):
        if is_prime[n]:
            is_prime[n * n::n] = [False] * len(range(n * n, limit, n))
    return [n for n, p in enumerate(is_prime) if p]


def factorise(n):
    factors = []
    d = 2
    while d * d <= n:
        while n % d == 0:
            factors.append(d)
            n //= d
        d += 1
    if n > 1:
        factors.append(n)
    return factors


print(primes_naive(60))
print(primes_sieve(60) == primes_naive(60))
big = primes_sieve(20000)
print(len(big), big[-5:])
twins = [(p, p + 2) for p in primes_sieve(200) if p + 2 in set(primes_sieve(200))]
print(twins)
for n in [12, 97, 360, 1001, 2 ** 16, 600851475143]:
    print(n, factorise(n))
goldbach = {n: next((p, n - p) for p in big if n - p in set(primes_sieve(n))) for n in range(4, 30, 2)}
print(goldbach)
gaps = [b - a for a, b in zip(big, big[1:])]
print(max(gaps), gaps.index(max(gaps)), big[gaps.index(max(gaps))])
