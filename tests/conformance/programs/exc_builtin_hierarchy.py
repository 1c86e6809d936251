# The builtin exception hierarchy: which handlers catch what.

classes = [
    BaseException, SystemExit, KeyboardInterrupt, GeneratorExit, Exception,
    ArithmeticError, ZeroDivisionError, OverflowError, FloatingPointError,
    LookupError, KeyError, IndexError, ValueError, UnicodeError,
    UnicodeDecodeError, TypeError, NameError, UnboundLocalError,
    AttributeError, RuntimeError, RecursionError, NotImplementedError,
    StopIteration, StopAsyncIteration, AssertionError, ImportError,
    ModuleNotFoundError, OSError, TimeoutError, ConnectionError,
    ConnectionRefusedError, FileNotFoundError, EOFError, MemoryError,
]

for cls in classes:
    chain = [k.__name__ for k in cls.__mro__[1:] if k is not object]
    print(f"{cls.__name__:<24} <- {' <- '.join(chain) if chain else '(root)'}")

print(issubclass(KeyboardInterrupt, Exception), issubclass(SystemExit, Exception))
print(IOError is OSError, EnvironmentError is OSError, IOError.__name__)


def catch(exc):
    try:
        raise exc
    except LookupError:
        return "LookupError handler"
    except ArithmeticError:
        return "ArithmeticError handler"
    except Exception:
        return "Exception handler"
    except BaseException:
        return "BaseException handler"


for exc in [KeyError("k"), IndexError(0), ZeroDivisionError(), OverflowError(),
            ValueError(), KeyboardInterrupt(), SystemExit(0), GeneratorExit(), TimeoutError()]:
    print(f"{type(exc).__name__:<18} {catch(exc)}")
