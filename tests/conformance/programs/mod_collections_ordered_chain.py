# OrderedDict (move_to_end, popitem(last=False)) as an LRU cache; ChainMap for scopes.
from collections import OrderedDict, ChainMap


class LRUCache:
    def __init__(self, capacity):
        self.capacity = capacity
        self.data = OrderedDict()

    def get(self, key):
        if key not in self.data:
            return None
        self.data.move_to_end(key)
        return self.data[key]

    def put(self, key, value):
        self.data[key] = value
        self.data.move_to_end(key)
        if len(self.data) > self.capacity:
            evicted = self.data.popitem(last=False)
            print("  evicted", evicted)


cache = LRUCache(2)
cache.put("a", 1)
cache.put("b", 2)
print(cache.get("a"))
cache.put("c", 3)
print(cache.get("b"), cache.get("c"), list(cache.data))
od = OrderedDict.fromkeys("abcde")
od.move_to_end("b")
od.move_to_end("e", last=False)
print(list(od), od.popitem(), od.popitem(last=False), list(od))
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), dict(a=1, b=2) == dict(b=2, a=1))
print(OrderedDict(a=1, b=2) == dict(b=2, a=1), OrderedDict(x=1))

defaults = {"color": "red", "size": "M", "debug": False}
env = {"debug": True}
cli = {"size": "XL"}
config = ChainMap(cli, env, defaults)
print(config["color"], config["size"], config["debug"], len(config), sorted(config))
config["new"] = 1
print(cli, "new" in defaults)
local = config.new_child({"color": "blue"})
print(local["color"], config["color"], local.parents["color"], dict(local))
del cli["size"]
print(config["size"], config.maps[0])
