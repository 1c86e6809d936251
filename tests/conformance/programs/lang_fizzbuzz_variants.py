# FizzBuzz, several ways.

def fizzbuzz_if(n):
    if n % 15 == 0:
        return "FizzBuzz"
    elif n % 3 == 0:
        return "Fizz"
    elif n % 5 == 0:
        return "Buzz"
    return str(n)


def fizzbuzz_concat(n):
    return ("Fizz" * (n % 3 == 0) + "Buzz" * (n % 5 == 0)) or str(n)


def fizzbuzz_rules(n, rules=((3, "Fizz"), (5, "Buzz"), (7, "Bazz"))):
    out = "".join(word for d, word in rules if n % d == 0)
    return out or str(n)


def fizzbuzz_table(n):
    table = {(0, 0): "FizzBuzz", (0, 1): "Fizz", (1, 0): "Buzz"}
    key = (min(n % 3, 1), min(n % 5, 1))
    return table.get(key, str(n))


a = [fizzbuzz_if(n) for n in range(1, 31)]
b = [fizzbuzz_concat(n) for n in range(1, 31)]
c = [fizzbuzz_table(n) for n in range(1, 31)]
print(" ".join(a))
print(a == b == c)
print(" ".join(fizzbuzz_rules(n) for n in range(1, 36)))
counts = {}
for word in a:
    key = word if not word.isdigit() else "number"
    counts[key] = counts.get(key, 0) + 1
print(counts)
print(fizzbuzz_rules(105), fizzbuzz_rules(105, rules=()))
