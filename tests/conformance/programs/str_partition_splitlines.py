# partition, rpartition and splitlines.

for s in ["key=value", "key=value=more", "novalue", "=start", "end="]:
    print(f"{s!r:18} partition={s.partition('=')} rpartition={s.rpartition('=')}")

email = "first.last@mail.example.org"
user, _, domain = email.partition("@")
host, _, tld = domain.rpartition(".")
print(user, domain, host, tld)

header = "Content-Type: text/html; charset=utf-8"
name, _, value = header.partition(":")
mime, _, params = value.strip().partition(";")
print(repr(name), repr(mime), repr(params.strip().partition("=")[2]))

text = "first line\nsecond line\r\nthird\rfourth\n\nsixth"
print(text.splitlines())
print(text.splitlines(keepends=True))
print("".splitlines(), "\n".splitlines(), "x\n".splitlines(), "x\n\n".splitlines())
print("a\x0bb\x0cc\x1cd\u2028e".splitlines())
print(text.split("\n"))

poem = """Roses are red,
  Violets are blue,

Python is neat,
  and so are you."""
for number, line in enumerate(poem.splitlines(), 1):
    kind = "blank" if not line.strip() else "indented" if line.startswith(" ") else "plain"
    print(f"{number:2} {kind:<8} {line.strip()!r}")
print(max(poem.splitlines(), key=len))
config = "host = localhost\nport=8080\n# comment\ndebug = true\n"
settings = {}
for line in config.splitlines():
    if line.startswith("#") or "=" not in line:
        continue
    key, _, val = line.partition("=")
    settings[key.strip()] = val.strip()
print(settings)
