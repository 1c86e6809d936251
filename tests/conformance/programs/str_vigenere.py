# Vigenère cipher and a frequency-based Caesar cracker.
from string import ascii_lowercase as ALPHA


def vigenere(text, key, decrypt=False):
    out, k = [], 0
    for ch in text:
        if ch.lower() in ALPHA:
            shift = ALPHA.index(key[k % len(key)])
            if decrypt:
                shift = -shift
            new = ALPHA[(ALPHA.index(ch.lower()) + shift) % 26]
            out.append(new.upper() if ch.isupper() else new)
            k += 1
        else:
            out.append(ch)
    return "".join(out)


def caesar(text, shift):
    return vigenere(text, ALPHA[shift % 26])


def crack_caesar(cipher):
    english = "etaoinshrdlu"
    best_score, best_shift = -1, 0
    for shift in range(26):
        guess = caesar(cipher, -shift).lower()
        score = sum(guess.count(ch) * (len(english) - i) for i, ch in enumerate(english))
        if score > best_score:
            best_score, best_shift = score, shift
    return best_shift, caesar(cipher, -best_shift)


plain = "Attack at dawn! Meet me near the old oak tree."
secret = vigenere(plain, "lemon")
print(secret)
print(vigenere(secret, "lemon", decrypt=True))
c = caesar("the treasure is buried under the third stone from the east wall", 11)
print(c)
print(crack_caesar(c))
print(caesar("xyz ABC", 3), caesar(caesar("round trip", 7), -7))
