# A custom exception deriving from BaseException slips past `except Exception`.

class Abort(BaseException):
    """Deliberately not an Exception: generic handlers should not catch it."""


def work(item):
    if item == "stop":
        raise Abort(f"aborted at {item!r}")
    if item == "bad":
        raise ValueError("bad item")
    return item.upper()


def process(items):
    done = []
    for item in items:
        try:
            done.append(work(item))
        except Exception as e:
            print("skipping:", type(e).__name__, e)
        finally:
            print("finished", item)
    return done


print(process(["a", "bad", "b"]))
try:
    process(["x", "stop"])
except BaseException as e:
    print("caught at top:", type(e).__name__, e)
print(process(["c", "stop", "d"]))
print("never printed")
