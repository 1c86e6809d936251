# slice objects: named slices for fixed-width records, indices(), and __getitem__.

RECORD = slice(0, 6), slice(6, 26), slice(26, 30), slice(30, None)
ID, NAME, AGE, CITY = RECORD
lines = [
    "000001Ada Lovelace        0036London",
    "000002Alan Turing         0041Wilmslow",
    "000003Grace Hopper        0085Arlington",
]
for line in lines:
    print(int(line[ID]), line[NAME].rstrip(), int(line[AGE]), line[CITY])

s = slice(2, 20, 3)
print(s, s.start, s.stop, s.step, s.indices(10), list(range(*s.indices(10))))
print(slice(5), slice(None, None, -1).indices(4), slice(-3, None).indices(10))
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3))
data = list(range(20))
print(data[s], data[slice(None, None, 5)], data[slice(-4, None)], "abcdefgh"[slice(1, None, 2)])


class Recorder:
    def __getitem__(self, key):
        return key


r = Recorder()
print(r[1], r[1:2], r[::2], r[1:2, 3], r[..., 0], r[:, ::-1])
print(type(r[1:2]).__name__, r[1:2].start, r["key"])


class Window:
    def __init__(self, items):
        self.items = list(items)

    def __getitem__(self, index):
        if isinstance(index, slice):
            start, stop, step = index.indices(len(self.items))
            print(f"  slice resolved to start={start} stop={stop} step={step}")
            return Window(self.items[index])
        return self.items[index]

    def __repr__(self):
        return f"Window({self.items})"


w = Window("abcdefg")
print(w[2], w[-1])
print(w[1:5])
print(w[::-2])
print(w[10:])
