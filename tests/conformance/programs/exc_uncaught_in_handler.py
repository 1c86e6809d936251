# An error inside an except block: "During handling of the above exception..."

def load_cache(cache, key):
    try:
        return cache[key]
    except KeyError:
        print(f"cache miss for {key!r}, computing")
        value = compute(key)
        cache[key] = value
        return value


def compute(key):
    return len(key) * 10 // (len(key) - 3)


cache = {}
for key in ["hello", "python", "hello", "abcd"]:
    print(key, "->", load_cache(cache, key))
print("cache:", cache)
print(load_cache(cache, "abc"))
print("never printed")


def helper_not_called():
    return None


numbers = [1, 2, 3]
lookup = {n: n * n for n in numbers}
