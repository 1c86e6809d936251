"""Conformance cases for vm::table (hash, set, dict), computed by CPython 3.11.

Run: python3 gen.py > cases.txt   (the Rust tests fail when cases.txt is stale)

Every line is the repr of a tuple whose first item names the case. Element
universes are ints, non-integral floats and tuples of them: their hashes are
deterministic, so CPython's set order is reproducible. str/bytes hashes need
PYTHONHASHSEED=0, which this script arranges by re-executing itself.
"""

import os
import random
import sys

if os.environ.get("PYTHONHASHSEED") != "0":
    os.environ["PYTHONHASHSEED"] = "0"
    os.execv(sys.executable, [sys.executable] + sys.argv)

R = random.Random(20240611)


def element(r):
    kind = r.random()
    if kind < 0.45:
        return r.randrange(-40, 160)
    if kind < 0.55:
        return r.choice([-1, -2, 2**61 - 1, 2**61, -(2**61), 2**63 - 1, -(2**63)])
    if kind < 0.65:
        return r.randrange(-(2**63), 2**63)
    if kind < 0.72:
        return r.randrange(0, 64) * 8 + 0.5
    if kind < 0.92:
        return tuple(r.randrange(-5, 40) for _ in range(r.randrange(0, 4)))
    return (r.randrange(0, 9), (r.randrange(0, 9), r.randrange(-3, 3)))


def out(*case):
    print(repr(case))


# ---- hashes ---------------------------------------------------------------

print("# hashes")
ints = [0, 1, -1, -2, 2, 12345, -12345, 2**31, 2**32 - 1, 2**60, 2**61 - 2,
        2**61 - 1, 2**61, 2**62, 2**63 - 1, -(2**63), -(2**61 - 1), -(2**61),
        2**64, 2**100 + 7, -(2**100 + 7), 10**40, -(10**40), 2**122 - 1,
        (2**61 - 1) * 12345, -(2**61 - 1) * 3 - 1]
ints += [R.randrange(-(2**200), 2**200) for _ in range(20)]
for n in ints:
    out("hash_int", n, hash(n))
floats = [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 1.5, 3.141592653589793, 1e-300,
          5e-324, -5e-324, 1e300, 1.7976931348623157e308, 2.0**61, 2.0**62,
          2.0**-61, 1e100, -2.5e-8, float("inf"), float("-inf"), 123456789.125]
floats += [R.uniform(-1e6, 1e6) for _ in range(10)]
floats += [R.random() * 10.0 ** R.randrange(-300, 300) for _ in range(10)]
for x in floats:
    out("hash_float", x, hash(x))
for re, im in [(0.0, 1.0), (1.5, -2.0), (3.0, 0.0), (-1.0, 0.0), (1e10, 7.25)]:
    out("hash_complex", re, im, hash(complex(re, im)))
tuples = [(), (0,), (1,), (-1,), (1, 2), (2, 1), (1, 2, 3), ((),), ((1, 2), 3),
          (0.5, -7), (2**61, -1, -2), ((1,), (2, (3, 4))), (None,) * 0]
tuples += [tuple(element(R) for _ in range(R.randrange(0, 6))) for _ in range(15)]
for t in tuples:
    out("hash_tuple", t, hash(t))
strings = ["", "a", "abc", "hello world", "x" * 7, "x" * 8, "x" * 9, "x" * 100,
           "é", "café", "€", "naïve €", "日本語", "😀", "a😀b", "\x00", "\xff",
           "Ā", "\uffff", "\U00010000"]
for s in strings:
    out("hash_str", s.encode("utf-8").hex(), hash(s))
for b in [b"", b"a", b"abc", b"\x00\xff" * 5, bytes(range(256))]:
    out("hash_bytes", b.hex(), hash(b))
for t in [(), (1,), (1, 2, 3), tuple(range(20)), (0.5, (1, 2)), (-1, -2)]:
    out("hash_frozenset", t, hash(frozenset(t)))

# ---- sets: random add/discard/pop sequences ---------------------------------

print("# set sequences")
for seq in range(16):
    out("set_new", seq)
    s = set()
    for _ in range(90):
        op = R.random()
        if op < 0.62:
            e = element(R)
            had = e in s
            s.add(e)
            out("add", e, not had, list(s))
        elif op < 0.9:
            e = R.choice(list(s)) if s and R.random() < 0.7 else element(R)
            had = e in s
            s.discard(e)
            out("discard", e, had, list(s))
        elif op < 0.99:
            if s:
                e = s.pop()
                out("pop", e, list(s))
        else:
            s.clear()
            out("clear", list(s))

print("# set growth")
for seq in range(4):
    # Every step is listed; the order only every 50 steps (None otherwise).
    out("set_new", 100 + seq)
    s = set()
    for i in range(400):
        e = element(R) if seq % 2 else R.randrange(0, 5000) * R.choice([1, 8, 1024])
        had = e in s
        s.add(e)
        out("add", e, not had, list(s) if i % 50 == 49 else None)
    for i in range(len(s) * 3 // 4):
        e = R.choice(list(s))
        s.discard(e)
        out("discard", e, True, list(s) if i % 50 == 49 else None)
    for i in range(20):
        e = s.pop()
        out("pop", e, list(s))
    for i in range(20):
        e = element(R)
        had = e in s
        s.add(e)
        out("add", e, not had, list(s))

# ---- set operations -----------------------------------------------------------


print("# set operations")
for case in range(45):
    na = R.choice([0, 1, 3, 5, 8, 12, 20, 40, 90])
    nb = R.choice([0, 1, 2, 4, 6, 10, 30, 70, 160])
    # Build a and b from explicit add/discard scripts so Rust can replay them.
    script_a, script_b = [], []
    for script, n in ((script_a, na), (script_b, nb)):
        s = set()
        while len(s) < n:
            e = element(R) if R.random() < 0.6 else R.randrange(0, 60)
            script.append(("add", e))
            s.add(e)
        if R.random() < 0.5:
            for _ in range(R.randrange(0, n + 3)):
                e = element(R)
                if e not in s:
                    script.append(("add", e))
                    script.append(("discard", e))
                    s.add(e)
                    s.discard(e)
    a, b = set(), set()
    for script, s in ((script_a, a), (script_b, b)):
        for op, e in script:
            getattr(s, op)(e)
    items = [element(R) if R.random() < 0.5 else R.randrange(0, 60)
             for _ in range(R.randrange(0, 25))]
    out("ops", script_a, script_b, items)
    out("list_a", list(a))
    out("copy", list(a.copy()))
    out("or", list(a | b))
    out("and", list(a & b))
    out("rand", list(b & a))
    out("sub", list(a - b))
    out("rsub", list(b - a))
    out("xor", list(a ^ b))
    out("le", a <= b, a.isdisjoint(b), a == b)
    c = a.copy(); c |= b; out("ior", list(c))
    c = a.copy(); c &= b; out("iand", list(c))
    c = a.copy(); c -= b; out("isub", list(c))
    c = a.copy(); c ^= b; out("ixor", list(c))
    c = a.copy(); c.update(items); out("update_list", list(c))
    out("intersection_list", list(a.intersection(items)))
    c = a.copy(); c.difference_update(items); out("difference_update_list", list(c))
    c = a.copy(); c.symmetric_difference_update(items); out("sdu_list", list(c))
    out("frozenset_hash", hash(frozenset(a)), hash(frozenset(b)))

print("# set literals")
for case in range(40):
    n = R.randrange(3, 30)
    elems = [element(R) if R.random() < 0.5 else R.randrange(-10, 100) for _ in range(n)]
    src = "{" + ", ".join(repr(e) for e in elems) + "}"
    out("literal", elems, list(eval(src)))

# ---- dicts ----------------------------------------------------------------------

print("# dict sequences")
for seq in range(8):
    out("dict_new", seq)
    d = {}
    for step in range(90):
        op = R.random()
        if op < 0.55:
            k = element(R) if R.random() < 0.7 else float(R.randrange(0, 50))
            d[k] = step
            out("setitem", k, step, list(d.items()))
        elif op < 0.85:
            k = R.choice(list(d)) if d and R.random() < 0.8 else element(R)
            had = k in d
            d.pop(k, None)
            out("delitem", k, had, list(d.items()))
        elif op < 0.99:
            if d:
                k, v = d.popitem()
                out("popitem", k, v, list(d.items()))
        else:
            d.clear()
            out("clear", list(d.items()))
