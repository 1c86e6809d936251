# The rules of except*: no catching ExceptionGroup with it, only
# exception classes, the handled exception inside a clause, except*
# nested in a handler, and BaseExceptionGroup for KeyboardInterrupt.
import sys

def check(label, body):
    try:
        body()
    except Exception as e:
        print(f"{label}: {type(e).__name__}: {e}")
        if e.__context__ is not None:
            print("   context:", repr(e.__context__))
    else:
        print(f"{label}: ok")

def catch_group():
    try:
        raise ExceptionGroup("g", [ValueError(1)])
    except* ExceptionGroup:
        print("never")

def catch_in_tuple():
    try:
        raise ValueError(2)
    except* (ValueError, BaseExceptionGroup):
        print("never")

def catch_non_class():
    try:
        raise ValueError(3)
    except* "ValueError":
        print("never")

def consumed_then_bad():
    try:
        raise ExceptionGroup("g", [ValueError(4)])
    except* ValueError:
        print("took everything")
    except* 42:
        print("never")

for f in [catch_group, catch_in_tuple, catch_non_class, consumed_then_bad]:
    check(f.__name__, f)

def exc_info_inside():
    try:
        raise ExceptionGroup("outer", [ValueError("a"), TypeError("b")])
    except* ValueError as eg:
        print("inside ValueError clause:", repr(sys.exc_info()[1]), sys.exc_info()[1] is eg)
        try:
            raise ExceptionGroup("inner", [KeyError("k"), ValueError("again")])
        except* KeyError as inner:
            print("inner clause:", repr(inner))
        except* ValueError:
            print("inner ValueError, outer is still", repr(eg))
        print("back in outer clause:", sys.exc_info()[1] is eg)
    except* TypeError as eg:
        print("TypeError clause:", repr(sys.exc_info()[1]))
    print("after try:", sys.exc_info())

exc_info_inside()

try:
    try:
        raise KeyboardInterrupt("ctrl-c")
    except* KeyboardInterrupt as eg:
        print(type(eg).__name__, repr(eg))
        raise
except BaseExceptionGroup as eg:
    print("outside:", type(eg).__name__, eg.exceptions)

try:
    raise BaseExceptionGroup("mixed", [SystemExit(2), ValueError("v")])
except* SystemExit as eg:
    print("exit codes:", [e.code for e in eg.exceptions], type(eg).__name__)
except* Exception as eg:
    print("the rest:", type(eg).__name__, repr(eg))
