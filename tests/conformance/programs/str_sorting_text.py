# Sorting and comparing strings: code-point order, case-insensitive, natural order.

names = ["bob", "Alice", "alice", "Bob", "émile", "Zoë", "zack", "_x", "10", "9"]
print(sorted(names))
print(sorted(names, key=str.lower))
print(sorted(names, key=lambda s: (s.lower(), s)))
print(sorted(names, key=len), sorted(names, key=lambda s: (-len(s), s)))
print("apple" < "banana", "apple" < "Apple", "a" < "aa", "" < "a", "Z" < "a", "10" < "9")

files = ["file10.txt", "file2.txt", "file1.txt", "File3.txt", "file20.txt", "file3b.txt"]


def natural_key(s):
    key, number = [], ""
    for ch in s.lower():
        if ch.isdigit():
            number += ch
        else:
            if number:
                key.append((0, int(number), ""))
                number = ""
            key.append((1, 0, ch))
    if number:
        key.append((0, int(number), ""))
    return key


print(sorted(files))
print(sorted(files, key=natural_key))
words = "the Quick brown fox Jumps over the lazy Dog".split()
print(sorted(words), sorted(words, key=str.casefold), sorted(set(w.lower() for w in words)))
print(max(words), min(words), max(words, key=str.lower), max(words, key=len))
records = [("smith", "john"), ("Smith", "anna"), ("doe", "jane"), ("Doe", "Bob")]
print(sorted(records, key=lambda r: (r[0].lower(), r[1].lower())))
print(sorted("Hello World"), "".join(sorted("hello", reverse=True)))
