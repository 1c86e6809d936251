# try / except / else / finally in every combination.

def attempt(label, action):
    print(f"[{label}]")
    try:
        result = action()
        print("  try finished:", result)
    except ZeroDivisionError as e:
        print("  except ZeroDivisionError:", e)
    except (KeyError, IndexError) as e:
        print("  except lookup:", type(e).__name__, e)
    else:
        print("  else: no exception")
    finally:
        print("  finally always runs")


attempt("ok", lambda: 10 / 2)
attempt("zero", lambda: 10 / 0)
attempt("key", lambda: {}["nope"])
attempt("index", lambda: [][3])
try:
    attempt("other", lambda: int("seven"))
except ValueError as e:
    print("escaped attempt():", e)

try:
    print("try without except")
finally:
    print("finally without except")

try:
    x = 1
except Exception:
    print("not printed")
else:
    print("else without finally, x =", x)


def nested():
    try:
        try:
            raise ValueError("inner")
        finally:
            print("inner finally")
    except ValueError as e:
        print("outer caught", e)
        return "handled"
    finally:
        print("outer finally")


print(nested())

try:
    raise TypeError("first")
except TypeError:
    try:
        raise KeyError("second")
    except KeyError as e:
        print("handled second inside handler:", repr(e))
    print("back in first handler")
try:
    pass
except:
    print("never")
else:
    print("bare except clause not triggered")
