# An uncaught exception raised `from` another: both tracebacks on stderr.

class SettingsError(Exception):
    pass


def read_setting(settings, key):
    try:
        raw = settings[key]
    except KeyError as e:
        raise SettingsError(f"missing setting {key!r}") from e
    try:
        return int(raw)
    except ValueError as e:
        raise SettingsError(f"setting {key!r} is not a number: {raw!r}") from e


settings = {"workers": "4", "timeout": "30", "retries": "three"}
for key in ("workers", "timeout"):
    print(key, "=", read_setting(settings, key))

try:
    read_setting(settings, "port")
except SettingsError as e:
    print("recovered:", e, "/ cause:", repr(e.__cause__))

total = 0
for key in ("workers", "timeout", "retries"):
    total += read_setting(settings, key)
    print("running total", total)
print("never printed")
