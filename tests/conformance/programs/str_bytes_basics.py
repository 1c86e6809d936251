# bytes and bytearray basics.

b = b"Hello, bytes!"
print(b, type(b).__name__, len(b), b[0], b[-1], b[:5], b[7:])
print(list(b[:5]), bytes([104, 105]), bytes(3), bytes(range(65, 70)))
print(b.upper(), b.lower(), b.split(b", "), b.replace(b"bytes", b"world"))
print(b.startswith(b"Hell"), b.find(b"by"), b.count(b"l"), b"by" in b, 101 in b)
print(b + b"!!", b * 2, b"-".join([b"a", b"b"]), b.strip(b"H!"))
print(b"abc" == "abc", b"abc" == b"abc", b"abc" < b"abd", b"\x00\xff")
print(b.hex(), b.hex(" ", 4), bytes.fromhex("48 69"))
print(b"%d items at %s" % (3, b"home"), b"tab\tnew\n", b"quote'", b'dq"', b"both'\"")
print(repr(b"\x01\x7f\x80"), b"a".isalpha(), b"12".isdigit())

ba = bytearray(b"mutable")
ba[0] = ord("M")
ba.append(33)
ba.extend(b"??")
del ba[-1]
print(ba, len(ba), bytes(ba), ba.decode())
ba[1:3] = b"UU"
print(ba, ba.pop(), ba)
print(bytearray(4), bytearray([1, 2, 3]), bytearray("é", "utf-8"))
for bad in [lambda: b"a" + "b", lambda: bytes([256]), lambda: b"abc"[0:1] + 1, lambda: ba.__setitem__(0, 300)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)


def checksum(data):
    total = 0
    for byte in data:
        total = (total * 31 + byte) % 65521
    return total


print(checksum(b"interleave"), checksum("interleave".encode()), checksum(b""))
print(int.from_bytes(b"\x01\x00", "big"), int.from_bytes(b"\x01\x00", "little"), (258).to_bytes(2, "big"))
