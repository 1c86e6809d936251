# Generators as methods: __iter__ with yield, reversed iteration, stateful readers.

class Sentence:
    def __init__(self, text):
        self.text = text

    def __iter__(self):
        word = ""
        for ch in self.text:
            if ch.isalpha() or ch == "'":
                word += ch
            elif word:
                yield word
                word = ""
        if word:
            yield word

    def __reversed__(self):
        return reversed(list(self))


class Reader:
    def __init__(self, lines):
        self.lines = lines
        self.position = 0

    def records(self):
        while self.position < len(self.lines):
            line = self.lines[self.position]
            self.position += 1
            if line.startswith("#"):
                continue
            yield line.split(":")

    def remaining(self):
        return len(self.lines) - self.position


s = Sentence("It's a truth, universally acknowledged... that a single man!")
print(list(s))
print(list(reversed(s)))
print(len(list(s)), max(s, key=len), sorted(set(w.lower() for w in s)))

r = Reader(["# header", "a:1", "b:2", "# note", "c:3", "d:4"])
records = r.records()
print(next(records), "remaining", r.remaining())
print(next(records), "remaining", r.remaining())
rest = list(records)
print(rest, "remaining", r.remaining())
print(list(r.records()), "(the reader is at the end)")
