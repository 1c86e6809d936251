# Merging dicts: |, |=, update, ** unpacking, and nested merges.

defaults = {"host": "localhost", "port": 8080, "debug": False, "tags": ["a"]}
user = {"port": 9000, "debug": True}
env = {"host": "example.org"}

print(defaults | user)
print(user | defaults)
print(defaults | user | env)
print({**defaults, **user, **env, "extra": 1})
merged = dict(defaults)
merged |= user
merged.update(env, verbose=True)
print(merged)
print(defaults)
merged["tags"].append("b")
print("shared list changed in defaults too:", defaults["tags"])


def deep_merge(base, override):
    result = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(result.get(key), dict):
            result[key] = deep_merge(result[key], value)
        else:
            result[key] = value
    return result


base = {"db": {"host": "h1", "port": 5432, "opts": {"ssl": True}}, "name": "app"}
patch = {"db": {"port": 6543, "opts": {"timeout": 5}}, "name": "app2"}
print(deep_merge(base, patch))
print(base["db"]["port"])

counts_a = {"x": 1, "y": 2}
counts_b = {"y": 5, "z": 1}
summed = {k: counts_a.get(k, 0) + counts_b.get(k, 0) for k in counts_a | counts_b}
print(summed)
try:
    defaults | [("k", 1)]
except TypeError as e:
    print("TypeError:", e)
d = {"k": 0}
d |= [("k", 1), ("j", 2)]
print(d)
