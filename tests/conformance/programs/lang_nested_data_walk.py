# Recursively walking nested dicts and lists.

config = {
    "name": "app",
    "version": 3,
    "servers": [
        {"host": "a.example", "ports": [80, 443]},
        {"host": "b.example", "ports": [8080]},
    ],
    "features": {"login": True, "beta": {"enabled": False, "users": ["ann", "bob"]}},
}


def walk(node, path=""):
    if isinstance(node, dict):
        for key, value in node.items():
            yield from walk(value, f"{path}.{key}" if path else key)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from walk(value, f"{path}[{index}]")
    else:
        yield path, node


for path, value in walk(config):
    print(f"{path} = {value!r}")


def depth(node):
    if isinstance(node, dict):
        return 1 + max((depth(v) for v in node.values()), default=0)
    if isinstance(node, list):
        return 1 + max((depth(v) for v in node), default=0)
    return 0


def lookup(node, dotted):
    for part in dotted.split("."):
        node = node[int(part)] if isinstance(node, list) else node[part]
    return node


print("depth:", depth(config), depth({}), depth([[[]]]))
print(lookup(config, "servers.1.host"))
print(lookup(config, "features.beta.users.0"))
for bad in ["servers.5", "features.gamma", "name.x"]:
    try:
        lookup(config, bad)
    except (KeyError, IndexError, TypeError) as e:
        print(bad, "->", type(e).__name__, e)
print(sum(1 for _ in walk(config)))
