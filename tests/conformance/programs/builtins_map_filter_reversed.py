# map, filter and reversed return lazy iterators.

m = map(str.upper, ["a", "b", "c"])
print(type(m).__name__, next(m), list(m), list(m))
print(list(map(len, ["", "ab", "abcd"])))
print(list(map(pow, [2, 3, 4], [3, 2])))
print(list(map(lambda x, y, z: x + y + z, "ab", "cd", "ef")))
print(list(map(int, "1 2 3".split())), sum(map(int, "4 5 6".split())))

f = filter(lambda n: n % 3 == 0, range(20))
print(type(f).__name__, list(f))
print(list(filter(None, [0, 1, "", "a", None, [], [0], False, True])))
print(list(filter(str.isdigit, ["1", "a", "22", "3b", ""])))
print("".join(filter(str.isalpha, "a1b2c3!")))

r = reversed([1, 2, 3])
print(type(r).__name__, list(r), list(r))
print(list(reversed("abc")), list(reversed(range(5))), list(reversed((1, 2))))
print(list(reversed({"a": 1, "b": 2})), list(reversed({"a": 1, "b": 2}.items())))
try:
    reversed({1, 2})
except TypeError as e:
    print("TypeError:", e)
try:
    reversed(x for x in [1])
except TypeError as e:
    print("TypeError:", e)


class Countdown:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError
        return self.n - i


print(list(Countdown(3)), list(reversed(Countdown(3))))
pipeline = map(lambda s: s.strip().title(), filter(lambda s: s.strip(), ["  ann ", "", " bob", "   "]))
print(list(pipeline))
print(list(map(lambda p: p[0] * p[1], zip(range(4), reversed(range(4))))))
