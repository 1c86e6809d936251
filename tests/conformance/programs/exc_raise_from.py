# raise ... from ..., implicit chaining (__context__) and suppression (from None).

class ConfigError(Exception):
    pass


def parse_port(text):
    try:
        return int(text)
    except ValueError as e:
        raise ConfigError(f"bad port {text!r}") from e


def load(settings):
    try:
        return settings["port"]
    except KeyError:
        raise ConfigError("port missing")


def quiet_lookup(d, key):
    try:
        return d[key]
    except KeyError:
        raise LookupError(f"no {key}") from None


for text in ["8080", "http"]:
    try:
        print("port", parse_port(text))
    except ConfigError as e:
        print("ConfigError:", e)
        print("  cause:", type(e.__cause__).__name__, e.__cause__)
        print("  context is cause:", e.__context__ is e.__cause__)
        print("  suppress_context:", e.__suppress_context__)

try:
    load({})
except ConfigError as e:
    print("ConfigError:", e)
    print("  cause:", e.__cause__)
    print("  context:", type(e.__context__).__name__, e.__context__)
    print("  suppress_context:", e.__suppress_context__)

try:
    quiet_lookup({}, "user")
except LookupError as e:
    print("LookupError:", e, "| cause:", e.__cause__, "| context:", repr(e.__context__))
    print("  suppress_context:", e.__suppress_context__)

try:
    try:
        1 / 0
    except ZeroDivisionError as first:
        raise ValueError("while handling") from KeyError("explicit cause")
except ValueError as e:
    print(repr(e.__cause__), repr(e.__context__))

error = RuntimeError("plain")
print(error.__cause__, error.__context__, error.__suppress_context__)
