# __call__: objects that act like functions (and keep state).

class Multiplier:
    def __init__(self, factor):
        self.factor = factor

    def __call__(self, value):
        return value * self.factor


class RunningAverage:
    def __init__(self):
        self.count = 0
        self.total = 0.0

    def __call__(self, value):
        self.count += 1
        self.total += value
        return self.total / self.count


class Validator:
    def __init__(self, *rules):
        self.rules = rules

    def __call__(self, value):
        errors = [message for check, message in self.rules if not check(value)]
        return errors or "valid"


double = Multiplier(2)
triple = Multiplier(3)
print(double(21), triple("ab"), callable(double), callable(Multiplier))
print(list(map(double, [1, 2, 3])))
print(sorted([5, -7, 3], key=Multiplier(-1)))

avg = RunningAverage()
for v in [10, 20, 60, 10]:
    print(f"after {v}: {avg(v):.2f}")

check_age = Validator(
    (lambda v: isinstance(v, int), "must be an int"),
    (lambda v: not isinstance(v, int) or v >= 0, "must be non-negative"),
    (lambda v: not isinstance(v, int) or v < 150, "must be below 150"),
)
for value in [30, -1, 200, "x"]:
    print(repr(value), check_age(value))
try:
    Multiplier(2)(1, 2)
except TypeError as e:
    print("TypeError:", e)


class NotCallable:
    pass


try:
    NotCallable()()
except TypeError as e:
    print("TypeError:", e)
