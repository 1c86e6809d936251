# A container class: __len__, __getitem__, __setitem__, __delitem__,
# __contains__, __iter__ and slicing support.

class Playlist:
    def __init__(self, name, songs=()):
        self.name = name
        self._songs = list(songs)

    def __len__(self):
        return len(self._songs)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return Playlist(f"{self.name}[slice]", self._songs[index])
        return self._songs[index]

    def __setitem__(self, index, song):
        self._songs[index] = song

    def __delitem__(self, index):
        del self._songs[index]

    def __contains__(self, song):
        return song.lower() in (s.lower() for s in self._songs)

    def __iter__(self):
        return iter(self._songs)

    def __repr__(self):
        return f"Playlist({self.name!r}, {self._songs})"


p = Playlist("road trip", ["Africa", "Hey Jude", "Wonderwall", "Yesterday", "Imagine"])
print(len(p), p[0], p[-1])
print(p[1:3])
print(p[::-2])
p[2] = "Let It Be"
del p[0]
print(p)
print("imagine" in p, "Africa" in p, "x" not in p)
for i, song in enumerate(p, 1):
    print(i, song)
print(sorted(p), list(reversed(p._songs)))
print(", ".join(p))
try:
    p[10]
except IndexError as e:
    print("IndexError:", e)


class Squares:
    """Only __getitem__: Python still lets you iterate and use `in`."""

    def __getitem__(self, i):
        if i >= 6:
            raise IndexError(i)
        return i * i


sq = Squares()
print(list(sq), 16 in sq, 17 in sq)
a, b, *rest = sq
print(a, b, rest)
try:
    len(sq)
except TypeError as e:
    print("TypeError:", e)
