# Iterating over strings; ord() and chr(); building strings character by character.

word = "Python"
for i, ch in enumerate(word):
    print(i, ch, ord(ch), hex(ord(ch)), bin(ord(ch)))
print([ord(c) for c in "AZaz09 "])
print("".join(chr(n) for n in range(65, 91)))
print("".join(chr(n) for n in range(ord("a"), ord("z") + 1, 2)))
print(chr(0x4e2d), chr(0x6587), ord("中"), ord("€"), chr(8364), chr(128512))
print(ord("\n"), ord("\t"), repr(chr(10)), repr(chr(0)), repr(chr(127)))


def rot13(text):
    out = []
    for ch in text:
        if "a" <= ch <= "z":
            out.append(chr((ord(ch) - 97 + 13) % 26 + 97))
        elif "A" <= ch <= "Z":
            out.append(chr((ord(ch) - 65 + 13) % 26 + 65))
        else:
            out.append(ch)
    return "".join(out)


msg = "Hello, World! 123"
print(rot13(msg), rot13(rot13(msg)) == msg)


def letter_positions(text):
    return [ord(c.lower()) - ord("a") + 1 for c in text if c.isalpha()]


print(letter_positions("Abc xyz"), sum(letter_positions("attitude")))
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
print(sorted("mississippi"), "".join(sorted(set("mississippi"))))
print(list(reversed("stressed")), "".join(reversed("stressed")))
print(max("hello"), min("hello"), "b" in "abc", "abc" < "abd", "Z" < "a")
for bad in (lambda: ord("ab"), lambda: ord(""), lambda: chr(1114112), lambda: chr("a")):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
