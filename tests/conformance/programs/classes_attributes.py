# Class attributes versus instance attributes, and the shared-list trap.

class Counter:
    instances = 0
    shared_log = []

    def __init__(self, name):
        Counter.instances += 1
        self.name = name
        self.own_log = []

    def log(self, message):
        self.shared_log.append(f"{self.name}: {message}")
        self.own_log.append(message)


a = Counter("a")
b = Counter("b")
a.log("hello")
b.log("world")
print(Counter.instances, a.instances, b.instances)
print(a.shared_log is b.shared_log, a.shared_log)
print(a.own_log, b.own_log)

a.instances = 100          # creates an instance attribute that shadows
print(a.instances, b.instances, Counter.instances)
del a.instances
print(a.instances)
print(sorted(vars(a)), sorted(k for k in vars(Counter) if not k.startswith("__")))


class Config:
    defaults = {"debug": False, "level": 1}

    def __init__(self, **overrides):
        self.settings = dict(self.defaults)
        self.settings.update(overrides)

    def __getitem__(self, key):
        return self.settings[key]


c1 = Config(debug=True)
c2 = Config(level=5)
print(c1.settings, c2.settings, Config.defaults)
print(c1["debug"], c2["level"])

Counter.instances = 0
Counter.greeting = "added later"
print(b.greeting, hasattr(a, "greeting"))


class Temperature:
    unit = "C"


t = Temperature()
print(t.unit)
Temperature.unit = "F"
print(t.unit)
t.unit = "K"
Temperature.unit = "C"
print(t.unit, Temperature.unit, Temperature().unit)
