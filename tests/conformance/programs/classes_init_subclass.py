# __init_subclass__ for plugin registries, and class-level counters.

class Plugin:
    registry = {}

    def __init_subclass__(cls, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        key = name or cls.__name__.lower()
        if key in Plugin.registry:
            raise ValueError(f"duplicate plugin {key!r}")
        Plugin.registry[key] = cls

    def run(self, text):
        raise NotImplementedError


class Upper(Plugin):
    def run(self, text):
        return text.upper()


class Reverse(Plugin, name="rev"):
    def run(self, text):
        return text[::-1]


class Shout(Upper, name="shout"):
    def run(self, text):
        return super().run(text) + "!"


print(sorted(Plugin.registry))
for key in sorted(Plugin.registry):
    print(key, "->", Plugin.registry[key]().run("hello"))
try:
    class Again(Plugin, name="rev"):
        pass
except ValueError as e:
    print("ValueError:", e)
print(sorted(Plugin.registry))


class Tracked:
    created = 0
    alive_names = []

    def __init__(self, name):
        type(self).created += 1
        Tracked.alive_names.append(name)
        self.name = name


class Special(Tracked):
    created = 0


for n in "abc":
    Tracked(n)
Special("s1")
Special("s2")
print(Tracked.created, Special.created, Tracked.alive_names)
