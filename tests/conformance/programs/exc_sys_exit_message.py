# sys.exit("message"): the message goes to stderr and the status is 1.
import sys

USAGE = "usage: tool.py COMMAND [ARGS]"
commands = {}


def command(func):
    commands[func.__name__] = func
    return func


@command
def add(*args):
    return sum(int(a) for a in args)


@command
def upper(*args):
    return " ".join(a.upper() for a in args)


def run(argv):
    if not argv:
        sys.exit(USAGE)
    name, *args = argv
    if name not in commands:
        sys.exit(f"unknown command {name!r}; try one of {sorted(commands)}")
    return commands[name](*args)


print(run(["add", "1", "2", "3"]))
print(run(["upper", "hello", "world"]))
try:
    run([])
except SystemExit as e:
    print("caught SystemExit with code:", repr(e.code))
print(run(["frobnicate", "x"]))
print("never printed")
