# Comprehensions that compute once and filter on the result (walrus).

def expensive(n):
    calls.append(n)
    return n * n - 10


calls = []
values = [y for n in range(8) if (y := expensive(n)) > 0]
print(values, "calls:", len(calls))

calls = []
values = [expensive(n) for n in range(8) if expensive(n) > 0]
print(values, "calls:", len(calls))

raw = ["12", "x", "7", "", "30", "-4", "3.5"]
parsed = [v for s in raw if s.lstrip("-").isdigit() and (v := int(s)) > 0]
print(parsed)

def split_pair(line):
    key, sep, value = line.partition("=")
    return (key, int(value)) if sep and value.isdigit() else None


lines = ["a=1", "bad", "b=22", "c=x", "d=4"]
pairs = dict(p for line in lines if (p := split_pair(line)))
print(pairs)

data = [[1, 2, 3], [], [4], [5, 6], []]
summary = [(len(row), total) for row in data if (total := sum(row)) > 2]
print(summary)
lengths = [n for w in "a bb ccc dddd".split() if (n := len(w)) % 2 == 0]
print(lengths, n)
stack = []
print([stack.append(i) or len(stack) for i in "xyz"], stack)
