# A failed assert with a message ends the program.

def mean(values):
    return sum(values) / len(values)


def variance(values):
    m = mean(values)
    return sum((v - m) ** 2 for v in values) / len(values)


def check_report(name, values, expected_mean):
    m = mean(values)
    print(f"{name}: mean={m:.3f} variance={variance(values):.3f}")
    assert abs(m - expected_mean) < 1e-9, f"{name}: mean {m} != expected {expected_mean}"


check_report("ones", [1, 1, 1, 1], 1)
check_report("range", list(range(10)), 4.5)
check_report("mixed", [2, 4, 4, 4, 5, 5, 7, 9], 5)
check_report("wrong", [1, 2, 3], 2.5)
print("never printed")


def unused(values):
    return sorted(values)


class Unused:
    pass


SENTINEL = object
