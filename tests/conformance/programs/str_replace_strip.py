# replace, strip/lstrip/rstrip, removeprefix/removesuffix, translate.

s = "  ..Hello, World!..  "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print(repr(s.strip(" .")), repr(s.strip(" .!")), repr("xxhixx".strip("x")), repr("abcba".strip("ab")))
print(repr("\t\n text \r\n".strip()), repr("www.example.com".lstrip("w.")))

t = "one fish two fish red fish blue fish"
print(t.replace("fish", "cat"))
print(t.replace("fish", "cat", 2))
print(t.replace(" ", ""), t.replace("", "|")[:20])
print("aaa".replace("a", "aa"), "abcabc".replace("bc", ""), "x".replace("y", "z"))

print("report_2024.pdf".removeprefix("report_"), "report_2024.pdf".removesuffix(".pdf"))
print("unchanged".removeprefix("xyz"), "test_case".removeprefix("test_").removesuffix("_case"))
print("www.site.com".lstrip("w."), "www.site.com".removeprefix("www."))

table = str.maketrans("aeiou", "AEIOU")
print("the quick brown fox".translate(table))
no_punct = str.maketrans("", "", ",.!?;:")
print("Hello, world! How are you?".translate(no_punct))
leet = str.maketrans({"a": "4", "e": "3", "o": "0", "s": None})
print("leet speak is awesome".translate(leet))


def normalise(text):
    text = text.strip().lower()
    for ch in ",.!?":
        text = text.replace(ch, "")
    while "  " in text:
        text = text.replace("  ", " ")
    return text


for raw in ["  Hello,   World!! ", "WHAT?  no...", "already clean"]:
    print(repr(raw), "->", repr(normalise(raw)))
dirty = "  John.SMITH@Example.COM \n"
print(dirty.strip().lower(), dirty.strip().split("@")[0].replace(".", " ").title())
