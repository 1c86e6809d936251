# find, rfind, index, rindex, count, startswith, endswith, in.

s = "the cat sat on the mat with the hat"
print(s.find("the"), s.find("the", 1), s.rfind("the"), s.find("dog"))
print(s.find("at", 10, 20), s.rfind("at", 0, 10), s.find(""), s.rfind(""))
print(s.index("sat"), s.rindex("at"))
try:
    s.index("dog")
except ValueError as e:
    print("ValueError:", e)
try:
    s.rindex("dog")
except ValueError as e:
    print("ValueError:", e)
print(s.count("the"), s.count("at"), s.count("t"), s.count(""), s.count("at", 10))
print(s.startswith("the"), s.startswith("cat", 4), s.endswith("hat"), s.endswith(("dog", "hat")))
print(s.startswith(("a", "t")), "".startswith(""), "abc".endswith(""))
print("cat" in s, "dog" not in s, "" in s)


def find_all(text, sub):
    positions = []
    start = text.find(sub)
    while start != -1:
        positions.append(start)
        start = text.find(sub, start + 1)
    return positions


print(find_all(s, "at"), find_all("aaaa", "aa"), find_all(s, "z"))
files = ["report.pdf", "photo.JPG", "notes.txt", "archive.tar.gz", "README"]
print([f for f in files if f.lower().endswith((".jpg", ".png"))])
print([f.rsplit(".", 1)[-1] if "." in f else "" for f in files])
print([f[:f.find(".")] if "." in f else f for f in files])
url = "https://example.org/path/page.html?x=1"
scheme_end = url.find("://")
print(url[:scheme_end], url[scheme_end + 3:url.find("/", scheme_end + 3)])
print(url[url.rfind("/") + 1:url.find("?")], url[url.find("?") + 1:])
