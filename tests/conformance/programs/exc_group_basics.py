# ExceptionGroup and BaseExceptionGroup: str/repr, message and
# exceptions, split/subgroup by class, tuple and predicate, derive, the
# constructor's checks, and BaseExceptionGroup of Exceptions being an
# ExceptionGroup.
eg = ExceptionGroup("x", [ValueError(1), TypeError("t"), ExceptionGroup("inner", [ValueError(2), KeyError("k")])])
print(str(eg), repr(eg))
print(eg.message, eg.exceptions)
print(type(eg).__mro__)
print(isinstance(eg, Exception), isinstance(eg, BaseExceptionGroup))
m, r = eg.split(ValueError)
print(repr(m), repr(r))
print(repr(eg.subgroup((TypeError, KeyError))))
print(repr(eg.subgroup(lambda e: isinstance(e, ValueError) and e.args[0] == 2)))
print(eg.subgroup(OSError))
print(eg.split(Exception)[0] is eg)
b = BaseExceptionGroup("b", [ValueError(3)])
print(type(b).__name__)
b = BaseExceptionGroup("b", [KeyboardInterrupt()])
print(type(b).__name__, str(b))
print(repr(eg.derive([OSError(1)])))
for args in [(), ("m",), (1, [ValueError()]), ("m", ValueError()), ("m", []), ("m", [1]), ("m", [KeyboardInterrupt()])]:
    try:
        ExceptionGroup(*args)
    except Exception as e:
        print(type(e).__name__, e)
try:
    raise ExceptionGroup("boom", [ValueError(1)])
except ExceptionGroup as e:
    print("caught", e, e.exceptions)
