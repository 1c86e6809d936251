# Bare `raise` re-raises the exception being handled; logging and re-raising.

log = []


def risky(n):
    if n < 0:
        raise ValueError(f"negative: {n}")
    if n == 0:
        raise ZeroDivisionError("zero")
    return 100 // n


def logged_call(n):
    try:
        return risky(n)
    except ValueError as e:
        log.append(f"logged {e}")
        raise
    except ZeroDivisionError:
        log.append("zero seen, returning default")
        return 0


for n in (5, 0, -3):
    try:
        print(n, "->", logged_call(n))
    except ValueError as e:
        print(n, "-> re-raised:", type(e).__name__, e)
print(log)


def reraise_other():
    try:
        raise KeyError("a")
    except KeyError:
        try:
            raise IndexError("b")
        except IndexError:
            pass
        raise  # re-raises the KeyError, the one being handled here


try:
    reraise_other()
except Exception as e:
    print("got", type(e).__name__, e)

try:
    raise
except RuntimeError as e:
    print("RuntimeError:", e)


def wrap():
    try:
        risky(-1)
    except ValueError as err:
        err.args = err.args + ("extra detail",)
        raise


try:
    wrap()
except ValueError as e:
    print(e.args, str(e))
