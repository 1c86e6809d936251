# dict basics: insertion order, get, setdefault, pop, popitem, update, del.

stock = {"apple": 3, "pear": 0}
stock["banana"] = 12
stock["apple"] += 2
print(stock, len(stock), "pear" in stock, 3 in stock)
print(stock.get("kiwi"), stock.get("kiwi", 0), stock.get("banana", 0))
print(stock.setdefault("kiwi", 7), stock.setdefault("apple", 100), stock)
print(stock.pop("pear"), stock.pop("missing", "no such key"), stock)
try:
    stock.pop("missing")
except KeyError as e:
    print("KeyError:", e)
stock.update({"apple": 1, "mango": 4})
stock.update(grape=9)
stock.update([("fig", 2)])
print(stock)
print(stock.popitem(), stock.popitem(), stock)
del stock["banana"]
print(stock)
stock["apple"] = 50          # updating a key keeps its position
print(list(stock))
del stock["apple"]
stock["apple"] = 1           # re-inserting moves it to the end
print(list(stock))
try:
    stock["durian"]
except KeyError as e:
    print("KeyError:", e)
print({1: "int", 1.0: "float", True: "bool"})
print({(1, 2): "tuple key", None: "none key", "s": "str key"})
try:
    {[1]: "list key"}
except TypeError as e:
    print("TypeError:", e)
d = dict.fromkeys("abc", 0)
d2 = d.copy()
d2["a"] = 99
print(d, d2, d == {"c": 0, "b": 0, "a": 0}, list(d) == list("abc"))
empty = {}
print(empty.get("x"), bool(empty), len(empty))
try:
    empty.popitem()
except KeyError as e:
    print("KeyError:", e)
d.clear()
print(d)
