# The string module: constants, capwords, and a password checker built on them.
import string

print(string.ascii_letters)
print(string.ascii_lowercase, string.ascii_uppercase)
print(string.digits, string.hexdigits, string.octdigits)
print(string.punctuation)
print(repr(string.whitespace), len(string.printable))
print(string.capwords("hello   world of  python"), string.capwords("a-b c-d", "-"))


def strength(password):
    classes = [string.ascii_lowercase, string.ascii_uppercase, string.digits, string.punctuation]
    present = [any(ch in cls for ch in password) for cls in classes]
    score = sum(present) + (len(password) >= 12)
    return score, present


for pw in ["password", "Password1", "P@ssw0rd!", "correct horse battery staple", "Tr0ub4dor&3xyz"]:
    score, present = strength(pw)
    print(f"{pw!r:<32} score={score} lower/upper/digit/punct={present}")


def is_identifier(text):
    return bool(text) and text[0] in string.ascii_letters + "_" and all(
        ch in string.ascii_letters + string.digits + "_" for ch in text)


print([w for w in ["name", "_x", "2fast", "snake_case", "with space", ""] if is_identifier(w)])
table = str.maketrans("", "", string.punctuation)
print("Hello, World! (yes) -- ok?".translate(table))
counts = {cls: 0 for cls in ("letters", "digits", "space", "other")}
for ch in "Room 101, floor 3!":
    key = "letters" if ch in string.ascii_letters else "digits" if ch in string.digits else "space" if ch in string.whitespace else "other"
    counts[key] += 1
print(counts)
print(string.ascii_lowercase.index("k"), string.ascii_uppercase[::-1][:5], string.digits[::2])
