# encode and decode: str <-> bytes with UTF-8, ASCII and Latin-1.

texts = ["hello", "café", "中文", "naïve ☕", "😀"]
for t in texts:
    data = t.encode("utf-8")
    print(f"{t!r:<12} chars={len(t):<2} utf8 bytes={len(data):<2} {data}")
print("café".encode("latin-1"), "café".encode("utf-16-le"), "abc".encode("ascii"))
print(b"caf\xc3\xa9".decode("utf-8"), b"caf\xe9".decode("latin-1"), bytes([72, 105]).decode())
for action in [
    lambda: "café".encode("ascii"),
    lambda: b"caf\xe9".decode("utf-8"),
    lambda: b"\xff".decode("ascii"),
]:
    try:
        action()
    except UnicodeError as e:
        print(type(e).__name__, "|", e)
print("café".encode("ascii", errors="ignore"), "café".encode("ascii", errors="replace"))
print("café".encode("ascii", errors="xmlcharrefreplace"), "café".encode("ascii", errors="backslashreplace"))
print(b"caf\xe9!".decode("utf-8", errors="replace"), b"caf\xe9!".decode("utf-8", errors="ignore"))
data = "你好, world".encode()
print(data, data.decode(), len(data), data[:3].decode())
try:
    data[:2].decode()
except UnicodeDecodeError as e:
    print("partial character:", e.reason, e.start, e.end)
print(list("é".encode()), [hex(b) for b in "中".encode()])
print("A".encode()[0], ord("A"), "é".encode("utf-8").hex(), bytes.fromhex("e4b8ad").decode())
print(str(b"abc", "ascii"), str(b"abc"), repr("abc".encode()))
