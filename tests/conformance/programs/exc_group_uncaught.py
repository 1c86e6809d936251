# An uncaught exception group: CPython 3.11's boxed traceback, with a
# nested group, a chained sub-exception and a plain one.
def fail(n):
    raise ValueError(n)

def chained():
    try:
        {}["k"]
    except KeyError as e:
        raise RuntimeError("while looking up") from e

errors = []
for f, arg in [(fail, 1), (chained, None)]:
    try:
        f(arg) if arg is not None else f()
    except Exception as e:
        errors.append(e)
inner = ExceptionGroup("inner", [TypeError("t"), ValueError(2)])
errors.append(inner)
print("raising")
raise ExceptionGroup("outer", errors)
