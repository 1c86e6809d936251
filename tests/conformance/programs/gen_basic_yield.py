# Generators: yield pauses a function; each next() resumes it.

def countdown(n):
    print(f"  countdown({n}) starts")
    while n > 0:
        yield n
        n -= 1
    print("  countdown finished")


g = countdown(3)
print(type(g).__name__)
print(next(g))
print(next(g))
print(next(g))
try:
    next(g)
except StopIteration:
    print("StopIteration after the last value")
print(list(countdown(4)))
print(sum(countdown(10)))


def evens(limit):
    n = 0
    while n <= limit:
        if n % 2 == 0:
            yield n
        n += 1


print(list(evens(10)), 6 in evens(10), 7 in evens(10))


def squares_and_cubes(n):
    for i in range(n):
        yield i * i
        yield i * i * i


print(list(squares_and_cubes(4)))


def lines_of(text):
    start = 0
    for i, ch in enumerate(text):
        if ch == "\n":
            yield text[start:i]
            start = i + 1
    if start < len(text):
        yield text[start:]


print(list(lines_of("one\ntwo\n\nfour")))
gen = countdown(2)
for value in gen:
    print("got", value)
print(list(gen), "(a generator runs only once)")
a, b, c = countdown(3)
print(a, b, c)
