"""Conformance cases for vm::random, computed by CPython 3.11's random module.

Run: python3 gen.py > cases.txt   (the Rust tests fail when cases.txt is stale)

Each block starts with ('seed', kind, value) and lists calls on that one
generator, in order: (method, args, result). Sequences are given as lengths
(population range(n)) and results as indices; an error result is
('!', exception type name, message).
"""

import random


def out(*case):
    print(repr(case))


def call(r, name, *args, **kw):
    method = getattr(r, name, None)
    try:
        if name == "shuffle":
            x = list(range(args[0]))
            method(x)
            result = x
        elif name == "choice":
            result = method(range(args[0]))
        elif name == "sample":
            result = method(range(args[0]), args[1])
        elif name == "sample_counts":
            n, counts, k = args
            result = r.sample(list(range(n)), k, counts=counts)
        elif name == "choices":
            n, kind, weights, k = args
            if kind == "none":
                result = r.choices(range(n), k=k)
            elif kind == "relative":
                result = r.choices(range(n), weights, k=k)
            else:
                result = r.choices(range(n), cum_weights=weights, k=k)
        elif name == "randbytes":
            result = method(*args).hex()
        elif name == "randrange_start":
            result = r.randrange(args[0])
        elif name == "randrange_step_no_stop":
            result = r.randrange(args[0], step=args[1])
        elif name == "triangular_nomode":
            result = r.triangular(*args)
        else:
            result = method(*args)
    except Exception as e:  # noqa: BLE001 - every error is a case
        result = ("!", type(e).__name__, str(e))
    out(name, args, result)


SEEDS = [
    ("int", 0), ("int", 1), ("int", 42), ("int", -42), ("int", 2**32 - 1),
    ("int", 2**32), ("int", 2**64 + 5), ("int", -(2**100 + 12345)),
    ("int", 12345678901234567890123), ("int", True),
    ("str", "hello"), ("str", ""), ("str", "héllo wörld ✓"),
    ("bytes", b"\x00\x01bytes"), ("bytes", b""),
    ("float", 1.5), ("float", -2.75), ("float", 0.1),
    ("v1str", "abc"), ("v1bytes", b"xyz"), ("v1str", ""),
]

SCRIPT = [
    ("random",), ("random",), ("random",),
    ("getrandbits", 0), ("getrandbits", 1), ("getrandbits", 5), ("getrandbits", 31),
    ("getrandbits", 32), ("getrandbits", 33), ("getrandbits", 53), ("getrandbits", 63),
    ("getrandbits", 64), ("getrandbits", 65), ("getrandbits", 100), ("getrandbits", 128),
    ("getrandbits", 129), ("getrandbits", 300), ("getrandbits", -1),
    ("randbytes", 0), ("randbytes", 1), ("randbytes", 3), ("randbytes", 4),
    ("randbytes", 5), ("randbytes", 17),
    ("randrange_start", 10), ("randrange_start", 1), ("randrange_start", 2**64),
    ("randrange_start", 2**70 + 3), ("randrange_start", 0), ("randrange_start", -5),
    ("randrange", 1, 7), ("randrange", -10, 10, 3), ("randrange", 100, 0, -7),
    ("randrange", 0, 2**70), ("randrange", -(2**80), 2**80, 3), ("randrange", 5, 6),
    ("randrange", -(2**63), 2**63 - 1), ("randrange", 0, 10, -1), ("randrange", 10, 0, 1),
    ("randrange", 5, 5), ("randrange", 0, 10, 0), ("randrange", 10, 0, -1),
    ("randrange", 2**64, 2**65, 2**60), ("randrange", 7, -(2**70), -(2**66)),
    ("randrange_step_no_stop", 10, 2),
    ("randint", 1, 6), ("randint", -5, 5), ("randint", 0, 2**64),
    ("randint", -(2**63), 2**63 - 1), ("randint", 5, 3), ("randint", 4, 4),
    ("choice", 1), ("choice", 2), ("choice", 10), ("choice", 1000), ("choice", 0),
    ("shuffle", 0), ("shuffle", 1), ("shuffle", 2), ("shuffle", 5), ("shuffle", 10),
    ("shuffle", 52),
    ("sample", 10, 3), ("sample", 10, 10), ("sample", 20, 6), ("sample", 100, 5),
    ("sample", 1000, 10), ("sample", 50, 20), ("sample", 10**6, 7), ("sample", 0, 0),
    ("sample", 85, 6), ("sample", 86, 6), ("sample", 26, 5), ("sample", 27, 5),
    ("sample", 3, 5), ("sample", 3, -1), ("sample", 400, 100),
    ("sample_counts", 3, [2, 0, 3], 4), ("sample_counts", 2, [4, 2], 6),
    ("sample_counts", 2, [1, 2, 3], 1), ("sample_counts", 2, [0, 0], 1),
    ("sample_counts", 0, [], 1), ("sample_counts", 3, [5, -2, 4], 3),
    ("choices", 10, "none", None, 5), ("choices", 3, "none", None, -2),
    ("choices", 0, "none", None, 3), ("random",),
    ("choices", 3, "relative", [1, 2, 3], 6),
    ("choices", 3, "cumulative", [1, 3, 6], 6),
    ("choices", 4, "relative", [0.1, 0.2, 0.0, 0.7], 8),
    ("choices", 3, "relative", [1, 2], 1), ("choices", 2, "relative", [0, 0], 1),
    ("choices", 2, "relative", [1.0, float("inf")], 1),
    ("choices", 0, "relative", [], 1), ("choices", 2, "cumulative", [0.5, 0.25], 4),
    ("uniform", 1, 5), ("uniform", -2.5, 10.0), ("uniform", 3.0, 3.0),
    ("triangular_nomode",), ("triangular", 0.0, 10.0, 3.0),
    ("triangular", 5.0, 5.0, 5.0), ("triangular", 2.0, 1.0, 1.5),
    ("triangular_nomode", 1.0, 4.0),
    ("gauss",), ("gauss",), ("gauss",), ("gauss", 10.0, 2.0),
    ("normalvariate", 0.0, 1.0), ("normalvariate", 0.0, 1.0), ("normalvariate", 5.0, 0.1),
    ("lognormvariate", 0.0, 0.5), ("expovariate", 1.5), ("expovariate", -2.0),
    ("expovariate", 0.0),
    ("vonmisesvariate", 1.0, 4.0), ("vonmisesvariate", 0.0, 0.0),
    ("vonmisesvariate", -3.0, 0.5),
    ("gammavariate", 0.5, 1.0), ("gammavariate", 1.0, 2.0), ("gammavariate", 3.5, 1.5),
    ("gammavariate", 0.0, 1.0), ("gammavariate", 1.0, -1.0),
    ("betavariate", 2.0, 5.0), ("betavariate", 0.5, 0.5), ("betavariate", 1.0, 0.0),
    ("paretovariate", 2.5), ("paretovariate", 0.0), ("weibullvariate", 1.5, 2.0),
    ("weibullvariate", 1.0, 0.0),
    ("gauss",), ("random",), ("getrandbits", 7),
]


def seed(r, kind, value):
    if kind in ("int", "str", "bytes", "float"):
        r.seed(value)
    elif kind in ("v1str", "v1bytes"):
        r.seed(value, version=1)


for kind, value in SEEDS:
    r = random.Random()
    seed(r, kind, value)
    out("seed", kind, value)
    state = r.getstate()
    out("state", state[1][:4], state[1][-2], state[1][-1])
    for name, *args in SCRIPT:
        call(r, name, *args)

# gauss's cached value survives other calls but not reseeding.
r = random.Random()
r.seed(7)
out("seed", "int", 7)
for name, *args in [("gauss",), ("random",), ("gauss",), ("gauss",)]:
    call(r, name, *args)
r.seed(7)
out("seed", "int", 7)
for name, *args in [("gauss",), ("gauss",)]:
    call(r, name, *args)
