# finally with return, break and continue: who wins?

def return_in_finally():
    try:
        return "from try"
    finally:
        print("  finally runs before the return completes")


def finally_overrides():
    try:
        return "from try"
    finally:
        return "from finally"


def finally_swallows():
    try:
        raise ValueError("lost")
    finally:
        return "finally returned, exception discarded"


def value_is_fixed():
    x = "original"
    try:
        return x
    finally:
        x = "changed in finally"


def counter_with_break():
    log = []
    for i in range(5):
        try:
            if i == 2:
                continue
            if i == 4:
                break
            log.append(i)
        finally:
            log.append(f"f{i}")
    return log


def break_in_finally():
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            break
    return f"broke out at {i}, KeyError discarded"


print(return_in_finally())
print(finally_overrides())
print(finally_swallows())
print(value_is_fixed())
print(counter_with_break())
print(break_in_finally())


def cleanup_order():
    steps = []
    try:
        try:
            steps.append("open")
            raise RuntimeError("boom")
        finally:
            steps.append("close inner")
    except RuntimeError as e:
        steps.append(f"handled {e}")
    finally:
        steps.append("close outer")
    return steps


print(cleanup_order())
