# The first matching except clause wins; order handlers from specific to general.

def classify(exc):
    try:
        raise exc
    except KeyError:
        return "KeyError clause"
    except LookupError:
        return "LookupError clause"
    except (TypeError, ValueError) as e:
        return f"tuple clause ({type(e).__name__})"
    except ArithmeticError:
        return "ArithmeticError clause"
    except Exception:
        return "Exception clause"


for exc in [KeyError(), IndexError(), TypeError(), UnicodeError(), ZeroDivisionError(),
            RuntimeError(), NotImplementedError(), RecursionError()]:
    print(f"{type(exc).__name__:<20} -> {classify(exc)}")


def too_general(exc):
    try:
        raise exc
    except Exception:
        return "general first"
    except ValueError:
        return "never reached"


print(too_general(ValueError()))

handlers = (ZeroDivisionError, OverflowError)
try:
    1 / 0
except handlers as e:
    print("caught via a tuple variable:", e)

allowed = []
allowed.append(KeyError)
try:
    {}["x"]
except tuple(allowed) as e:
    print("dynamic tuple:", repr(e))
try:
    try:
        [].pop()
    except "IndexError":
        pass
except TypeError as e:
    print("TypeError:", e)
