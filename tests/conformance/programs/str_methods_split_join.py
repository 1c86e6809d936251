# split, rsplit, join and friends.

csv = "name,age,,city"
print(csv.split(","))
print(csv.split(",", 1), csv.rsplit(",", 1))
print("  many   spaces\there\n".split())
print("  many   spaces ".split(" "))
print("a-b-c-d".rsplit("-", 2), "a-b-c-d".split("-", maxsplit=2))
print("".split(), "".split(","), "abc".split("x"))
print("one\ntwo\r\nthree\n".split("\n"))
print("1 2  3".split(None, 1), "x".split(",", 0))
try:
    "abc".split("")
except ValueError as e:
    print("ValueError:", e)

words = ["join", "these", "words"]
print(" ".join(words), "-".join(words), "".join(words))
print(", ".join(str(n) for n in range(5)))
print("\n".join(["line 1", "line 2"]))
print("+".join("abc"), "|".join([]), "x".join(["only"]))
try:
    ", ".join([1, 2])
except TypeError as e:
    print("TypeError:", e)

sentence = "The quick brown fox jumps over the lazy dog"
words = sentence.split()
print(len(words), words[::2], " ".join(reversed(words)))
print(" ".join(w[::-1] for w in words))
print("_".join(sentence.lower().split()))
key_values = "a=1;b=2;c=3"
print(dict(kv.split("=") for kv in key_values.split(";")))
path = "/usr/local/lib/python3.11/site.py"
print(path.split("/"), path.rsplit("/", 1)[-1], path.rsplit(".", 1)[0])
print("::".join(path.strip("/").split("/")[:2]))
