# Aliasing versus copying: shallow copies share inner objects; deep copies by hand.

original = [[1, 2], [3, 4]]
alias = original
shallow = original[:]
shallow2 = list(original)
shallow3 = original.copy()


def deep_copy(value):
    if isinstance(value, list):
        return [deep_copy(v) for v in value]
    if isinstance(value, dict):
        return {k: deep_copy(v) for k, v in value.items()}
    return value


deep = deep_copy(original)
original[0].append(99)
original.append([5])
print("original:", original)
print("alias:   ", alias, alias is original)
print("shallow: ", shallow, shallow[0] is original[0])
print("shallow2:", shallow2, "shallow3:", shallow3)
print("deep:    ", deep, deep[0] is original[0])


def add_item(basket, item):
    basket.append(item)
    return basket


def add_item_copy(basket, item):
    return basket + [item]


mine = ["apple"]
theirs = add_item(mine, "pear")
print(mine, theirs, mine is theirs)
fresh = add_item_copy(mine, "plum")
print(mine, fresh, mine is fresh)

config = {"name": "a", "servers": ["s1"]}
clone = dict(config)
clone["name"] = "b"
clone["servers"].append("s2")
print(config, clone)
safe = deep_copy(config)
safe["servers"].append("s3")
print(config["servers"], safe["servers"])

board = [[" "] * 3] * 3
board[0][0] = "X"
print(board)
board = [[" "] * 3 for _ in range(3)]
board[0][0] = "X"
print(board)
a = b = 5
b += 1
print(a, b)
s = t = "text"
t += "!"
print(s, t)
