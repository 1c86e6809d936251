# What leaves a try/except*: a bare `raise` puts the matched part back
# where it was in the original group; a new exception raised in a clause
# comes first in a new group, with the matched part as its __context__.
def show(eg, indent=""):
    if isinstance(eg, BaseExceptionGroup):
        print(f"{indent}{type(eg).__name__}: {eg.message!r}")
    else:
        ctx = eg.__context__
        print(f"{indent}{eg!r}" + (f" (context: {ctx!r})" if ctx is not None else ""))
    if isinstance(eg, BaseExceptionGroup):
        for e in eg.exceptions:
            show(e, indent + "  ")
def original():
    return ExceptionGroup("jobs", [
        ValueError("bad input"),
        ExceptionGroup("network", [ConnectionError("reset"), TimeoutError("slow")]),
        KeyError("config"),
    ])

def attempt(label, body):
    print("--", label)
    try:
        body()
    except BaseException as e:
        show(e)
    else:
        print("nothing left")

def reraise_one():
    try:
        raise original()
    except* OSError:
        raise
    except* ValueError:
        pass

def raise_new():
    try:
        raise original()
    except* ValueError as eg:
        raise RuntimeError("cannot continue") from eg
    except* OSError as eg:
        print("network part:", repr(eg))

def raise_new_and_rest():
    try:
        raise original()
    except* ConnectionError:
        raise LookupError("retry later")
    except* TimeoutError:
        raise

def raise_e():
    try:
        raise original()
    except* KeyError as eg:
        eg.add_note("seen by handler")
        raise eg
def handled_all():
    try:
        raise original()
    except* Exception as eg:
        print("everything:", len(eg.exceptions), "parts")
def wrapped_naked():
    try:
        raise ValueError("alone")
    except* ValueError:
        raise

for f in [reraise_one, raise_new, raise_new_and_rest, raise_e, handled_all, wrapped_naked]:
    attempt(f.__name__, f)

try:
    raise_new()
except* RuntimeError as eg:
    err = eg.exceptions[0]
    print("cause:", repr(err.__cause__), "| context is cause:", err.__context__ is err.__cause__)
except* KeyError as eg:
    print("and the rest:", repr(eg))
