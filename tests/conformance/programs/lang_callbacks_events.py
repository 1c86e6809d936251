# A tiny event emitter: callbacks stored in dicts of lists.

class Emitter:
    def __init__(self):
        self.handlers = {}

    def on(self, event, handler=None):
        if handler is None:
            def decorate(func):
                self.on(event, func)
                return func
            return decorate
        self.handlers.setdefault(event, []).append(handler)
        return handler

    def off(self, event, handler):
        self.handlers.get(event, []).remove(handler)

    def emit(self, event, *args):
        called = 0
        for handler in list(self.handlers.get(event, [])):
            handler(*args)
            called += 1
        return called


bus = Emitter()
log = []


@bus.on("login")
def welcome(user):
    print("welcome,", user)


@bus.on("login")
def audit(user):
    log.append(("login", user))


def farewell(user):
    print("goodbye,", user)


bus.on("logout", farewell)
bus.on("logout", lambda user: log.append(("logout", user)))

print(bus.emit("login", "ann"))
print(bus.emit("login", "bob"))
print(bus.emit("logout", "ann"))
bus.off("login", welcome)
print(bus.emit("login", "cy"))
print(bus.emit("nothing"))
print(log)
print({k: len(v) for k, v in bus.handlers.items()})
try:
    bus.off("login", welcome)
except ValueError as e:
    print("ValueError:", e)
