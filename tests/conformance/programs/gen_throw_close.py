# throw() raises inside a generator; close() raises GeneratorExit.

def worker():
    print("  worker started")
    processed = 0
    try:
        while True:
            try:
                item = yield processed
                processed += 1
                print(f"  processed {item!r}")
            except ValueError as e:
                print(f"  worker recovered from ValueError: {e}")
    except GeneratorExit:
        print("  worker got GeneratorExit, cleaning up")
        raise
    finally:
        print("  worker finally")


w = worker()
print(next(w))
print(w.send("a"))
print(w.throw(ValueError("bad item")))
print(w.send("b"))
w.close()
print("closed; close again is harmless:", w.close())
try:
    next(w)
except StopIteration:
    print("closed generator raises StopIteration")

w2 = worker()
next(w2)
try:
    w2.throw(KeyError("unhandled"))
except KeyError as e:
    print("throw propagated:", repr(e))


def stubborn():
    while True:
        try:
            yield "still here"
        except GeneratorExit:
            print("  ignoring GeneratorExit (wrong!)")
            yield "refuse"


s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)


def unstarted():
    print("  never printed")
    yield 1


u = unstarted()
u.close()
print("closing an unstarted generator runs nothing")
try:
    unstarted().throw(TypeError("early"))
except TypeError as e:
    print("throw into unstarted generator:", e)
