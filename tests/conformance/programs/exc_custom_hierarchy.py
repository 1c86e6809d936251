# A custom exception hierarchy for an application, caught at several levels.

class AppError(Exception):
    """Base for all errors of this app."""


class ValidationError(AppError):
    def __init__(self, field, message):
        super().__init__(f"{field}: {message}")
        self.field = field


class NotFoundError(AppError):
    def __init__(self, kind, key):
        super().__init__(kind, key)
        self.kind, self.key = kind, key

    def __str__(self):
        return f"{self.kind} {self.key!r} not found"


class PermissionDenied(AppError):
    pass


users = {"ann": {"age": 31, "admin": True}, "bob": {"age": 17, "admin": False}}


def get_user(name):
    if name not in users:
        raise NotFoundError("user", name)
    return users[name]


def set_age(actor, name, age):
    if not get_user(actor)["admin"]:
        raise PermissionDenied(f"{actor} may not edit users")
    if not isinstance(age, int) or not 0 <= age < 150:
        raise ValidationError("age", f"invalid value {age!r}")
    get_user(name)["age"] = age
    return f"{name} is now {age}"


requests = [("ann", "bob", 18), ("bob", "ann", 1), ("ann", "zed", 5), ("ann", "bob", -4), ("ann", "bob", "x")]
for actor, name, age in requests:
    try:
        print("ok:", set_age(actor, name, age))
    except ValidationError as e:
        print("invalid:", e, "| field:", e.field)
    except NotFoundError as e:
        print("missing:", e, "| args:", e.args)
    except AppError as e:
        print("app error:", type(e).__name__, e)

print([c.__name__ for c in ValidationError.__mro__])
print(issubclass(NotFoundError, Exception), isinstance(PermissionDenied(), AppError))
print(repr(ValidationError("f", "m")), repr(NotFoundError("k", 1)))
print(AppError.__doc__)
