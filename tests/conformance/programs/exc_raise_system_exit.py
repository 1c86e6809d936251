# raise SystemExit(2) directly, after catching and inspecting other exits.
import sys


def attempt(code):
    try:
        sys.exit(code)
    except SystemExit as e:
        return e.code


print([attempt(c) for c in (0, 1, None, "text", 42)])
try:
    raise SystemExit
except SystemExit as e:
    print("bare SystemExit code:", e.code, e.args)
print(issubclass(SystemExit, Exception), issubclass(SystemExit, BaseException))


def guarded():
    try:
        sys.exit(5)
    except Exception:
        return "caught by except Exception (wrong!)"
    except BaseException as e:
        return f"caught by except BaseException, code {e.code}"


print(guarded())


class Job:
    def __init__(self, name):
        self.name = name

    def run(self):
        print("running", self.name)
        if self.name == "fatal":
            raise SystemExit(2)


for name in ["one", "two", "fatal", "three"]:
    Job(name).run()
print("never printed")
