# if / elif / else, and for / while with break, continue and else.

def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n % 2 == 0:
        return "even"
    else:
        return "odd"


print([classify(n) for n in (-2, 0, 3, 8)])

for n in range(2, 30):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, end=" ")
print()

for word in ["apple", "", "banana", "skip", "cherry"]:
    if not word:
        print("empty, continue")
        continue
    if word == "skip":
        print("skipping")
        continue
    print("word:", word)
else:
    print("loop finished without break")

i = 0
while i < 10:
    i += 1
    if i % 3:
        continue
    print("multiple of 3:", i)
else:
    print("while ended normally, i =", i)

n = 27
steps = 0
while True:
    if n == 1:
        break
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print("collatz steps for 27:", steps)

found = None
for row in range(5):
    for col in range(5):
        if row * col == 6:
            found = (row, col)
            break
    if found:
        break
print("found", found)
while False:
    print("never")
else:
    print("while-else runs when the condition is false at once")
