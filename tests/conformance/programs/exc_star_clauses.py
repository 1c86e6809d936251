# except* (PEP 654): each clause takes the part of the group it matches,
# nested groups keep their shape, a naked exception is wrapped for the
# clause, and what no clause matches goes on.
import sys

def validate(record):
    errors = []
    if not record.get("name"):
        errors.append(ValueError("name is empty"))
    if not isinstance(record.get("age"), int):
        errors.append(TypeError(f"age must be int, not {type(record.get('age')).__name__}"))
    if "email" not in record:
        errors.append(KeyError("email"))
    if errors:
        raise ExceptionGroup(f"record {record.get('id')}", errors)
    return record

records = [
    {"id": 1, "name": "Ann", "age": 31, "email": "ann@x.org"},
    {"id": 2, "name": "", "age": "31"},
    {"id": 3, "name": "Bo", "age": 40.5, "email": "bo@x.org"},
]
for r in records:
    try:
        validate(r)
    except* ValueError as eg:
        print("value errors:", [str(e) for e in eg.exceptions])
        print("  handled now:", sys.exc_info()[1] is eg)
    except* TypeError as eg:
        print("type errors:", eg.exceptions)
    except* LookupError as eg:
        print("lookup errors:", repr(eg))
    else:
        print("record", r["id"], "ok")
    finally:
        print("checked", r["id"])

nested = ExceptionGroup("batch", [
    ValueError("v1"),
    ExceptionGroup("part 2", [TypeError("t1"), ValueError("v2")]),
    ExceptionGroup("part 3", [OSError("disk")]),
])
try:
    raise nested
except* ValueError as eg:
    print("values:", repr(eg))
except* (TypeError, OSError) as eg:
    print("others:", repr(eg))
    print("same message:", eg.message, "| traceback kept:", eg.__traceback__ is not None)

try:
    1 / 0
except* ZeroDivisionError as eg:
    print("naked:", repr(eg), type(eg).__name__)
    print("inner traceback:", eg.exceptions[0].__traceback__ is not None)

try:
    try:
        {}["missing"]
    except* ValueError:
        print("not reached")
except KeyError as e:
    print("unwrapped:", repr(e))

try:
    try:
        raise ExceptionGroup("mix", [ValueError(1), KeyError(2), TypeError(3)])
    except* ValueError:
        print("handled the ValueError")
except ExceptionGroup as rest:
    print("rest:", repr(rest))

try:
    raise ExceptionGroup("g", [ValueError(1)])
except* ValueError as e:
    pass
print("name cleared:", "e" not in dir())
print("after:", sys.exc_info())
