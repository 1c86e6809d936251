# bool is a subclass of int: True == 1, False == 0, in arithmetic and counting.

print(True + True, True * 10, False - 1, True / 2, True // 2, -True, ~True, ~False)
print(True == 1, False == 0, True == 1 == 1.0, isinstance(True, int), type(True + 0).__name__)
print(sum([True, False, True, True]), max(False, True), sorted([True, False, 2, -1]))
print(int(True), float(False), str(True), repr(False), bool("False"), bool(0.0), bool(-1))
print(True & False, True | False, True ^ True, type(True & True).__name__, type(True + True).__name__)
print(1 + (3 > 2), (3 > 2) + (2 > 1) + (1 > 0), ["no", "yes"][5 > 3])

scores = [55, 90, 72, 40, 100, 63]
passed = sum(s >= 60 for s in scores)
print(f"{passed} of {len(scores)} passed ({passed / len(scores):.0%})")
print("all passed:", all(s >= 60 for s in scores), "any perfect:", any(s == 100 for s in scores))
votes = ["yes", "no", "yes", "yes", "abstain", "no"]
print({option: sum(v == option for v in votes) for option in ("yes", "no", "abstain")})
d = {True: "one", 1: "uno", 1.0: "un"}
print(d, len(d))
s = {0, False, 0.0, 1, True}
print(s, len(s))
print(hash(True) == hash(1), hash(False) == hash(0))
flags = [x > 2 for x in range(5)]
print(flags, flags.count(True), flags.index(True), True in flags)
print(f"{True:d} {True:>5} {False!r} {True:.2f}", "%d %s" % (True, False))
print(True.real, True.numerator, (True).bit_length(), divmod(True, 2), pow(True, 10))
print(bool(None), bool([]), bool([0]), bool(""), bool(" "), bool({}), bool(range(0)), bool(range(1)))
