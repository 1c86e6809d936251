# sys.exit(3): finally blocks run, stdout is flushed, the status is 3.
import sys


def validate(values):
    problems = []
    for i, v in enumerate(values):
        if not isinstance(v, int):
            problems.append(f"item {i}: {v!r} is not an int")
        elif v < 0:
            problems.append(f"item {i}: {v} is negative")
    return problems


def main(values):
    print("checking", len(values), "values")
    problems = validate(values)
    for p in problems:
        print("  problem:", p)
    if problems:
        print(f"{len(problems)} problem(s), exiting with status 3")
        sys.exit(3)
    print("all good")
    return 0


try:
    main([1, 2, 3])
    main([4, -5, "6", 7.0])
finally:
    print("finally still runs on sys.exit")
print("never printed")
