# Text processing with comprehensions: word stats, acronyms, ciphers.

text = """Python is a programming language that lets you work quickly
and integrate systems more effectively. Python is powerful, and fast;
plays well with others; runs everywhere; is friendly and easy to learn."""

words = [w.strip(".,;").lower() for w in text.split()]
print(len(words), words[:6])
print([w for w in words if len(w) > 8])
freq = {w: words.count(w) for w in sorted(set(words)) if words.count(w) > 1}
print(freq)
print(sorted({len(w) for w in words}))
print({n: sorted({w for w in words if len(w) == n}) for n in (2, 3)})
lines = text.splitlines()
print([len(line.split()) for line in lines])
print([line.split()[0] for line in lines])

acronym = "".join(w[0].upper() for w in "portable network graphics".split())
print(acronym)
title = " ".join(w.capitalize() if len(w) > 3 else w for w in "the lord of the rings".split())
print(title)


def caesar(message, shift):
    return "".join(
        chr((ord(c) - base + shift) % 26 + base) if c.isalpha() else c
        for c in message
        for base in [ord("a") if c.islower() else ord("A")]
    )


secret = caesar("Hello, World!", 3)
print(secret, "->", caesar(secret, -3))
vowels = [sum(ch in "aeiou" for ch in w) for w in words[:8]]
print(vowels)
print(["".join(sorted(w)) for w in ["listen", "silent", "enlist", "google"]])
print(max(words, key=lambda w: (len(w), w)), min(words, key=len))
