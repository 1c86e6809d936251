# keys(), values() and items() are live views; keys and items support set operations.

prices = {"tea": 2.5, "coffee": 3.0, "cake": 4.25}
keys, values, items = prices.keys(), prices.values(), prices.items()
print(keys, values, items, sep="\n")
prices["juice"] = 3.75
del prices["tea"]
print("after changes:", list(keys), list(values), len(items))
print("cake" in keys, 3.0 in values, ("cake", 4.25) in items, ("cake", 1) in items)

other = {"cake": 5.0, "soup": 6.0, "coffee": 3.0}
print(sorted(prices.keys() & other.keys()))
print(sorted(prices.keys() | other.keys()))
print(sorted(prices.keys() - other.keys()), sorted(other.keys() - prices.keys()))
print(sorted(prices.items() & other.items()), sorted(prices.keys() ^ other.keys()))
print(prices.keys() == {"coffee", "cake", "juice"}, prices.keys() <= {"coffee", "cake", "juice", "x"})

for name, price in prices.items():
    print(f"{name:<8}{price:>6.2f}")
print(sum(prices.values()), max(prices.values()), max(prices, key=prices.get))
print(sorted(prices.items(), key=lambda kv: kv[1]))
print(list(reversed(prices.keys())), list(zip(prices.keys(), prices.values())))
try:
    for k in prices:
        if k == "cake":
            del prices[k]
except RuntimeError as e:
    print("RuntimeError:", e)
for k in list(prices):
    if prices[k] > 3.5:
        del prices[k]
print(prices)
try:
    prices.keys()[0]
except TypeError as e:
    print("TypeError:", e)
print(list(prices.values())[0], next(iter(prices.items())))
