# A small command-line parser over a list, the way sys.argv is used.
import sys


def parse_args(argv):
    options = {"verbose": False, "count": 1, "name": "world"}
    positional = []
    it = iter(argv)
    for arg in it:
        if arg in ("-v", "--verbose"):
            options["verbose"] = True
        elif arg in ("-n", "--count"):
            value = next(it, None)
            if value is None or not value.isdigit():
                raise ValueError(f"{arg} needs a number")
            options["count"] = int(value)
        elif arg.startswith("--name="):
            options["name"] = arg.partition("=")[2]
        elif arg.startswith("-"):
            raise ValueError(f"unknown option {arg}")
        else:
            positional.append(arg)
    return options, positional


def main(argv):
    try:
        options, rest = parse_args(argv)
    except ValueError as e:
        print("error:", e)
        return 2
    for _ in range(options["count"]):
        print(f"hello, {options['name']}!")
    if options["verbose"]:
        print("options:", options, "positional:", rest)
    return 0


print("real argv beyond the script:", sys.argv[1:])
for argv in [[], ["-v"], ["--count", "2", "--name=ann", "file.txt"], ["-n"], ["-n", "x"], ["--bogus"]]:
    print("$ prog", " ".join(argv))
    status = main(argv)
    print("exit status would be", status)
