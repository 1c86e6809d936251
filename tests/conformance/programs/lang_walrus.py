# The walrus operator := in conditions, loops and comprehensions.

data = [5, 12, 7, 3, 20, 8]

if (n := len(data)) > 5:
    print(f"list is long ({n} items)")

queue = list(range(1, 6))
while (item := queue.pop() if queue else None) is not None:
    print("processing", item)

values = [1, 4, 9, 16, 25]
roots = [r for v in values if (r := v ** 0.5) == int(r)]
print(roots)

numbers = [3, -1, 4, -1, 5, -9, 2, 6]
positives = [y for x in numbers if (y := x * 2) > 0]
print(positives)
print("last y leaks into the enclosing scope:", y)

lines = ["name=Ann", "# comment", "age=31", "", "city=Rome"]
config = {}
for line in lines:
    if (eq := line.find("=")) > 0:
        config[line[:eq]] = line[eq + 1:]
print(config)

total = 0
partials = [total := total + x for x in range(1, 6)]
print(partials, total)


def first_long(words, limit):
    for w in words:
        if (size := len(w)) > limit:
            return w, size
    return None, 0


print(first_long(["ab", "abcd", "abcdefg"], 3))
print(first_long(["ab"], 3))
print((x := 10), x + 1)
chunks = iter(["ab", "cd", "ef", ""])
joined = []
while chunk := next(chunks):
    joined.append(chunk.upper())
print("-".join(joined))
