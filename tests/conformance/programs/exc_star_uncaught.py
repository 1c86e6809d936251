# An except* that handles only part of a group: the rest leaves the try
# and, uncaught, prints CPython 3.11's boxed traceback, with a clause's
# new error (chained to what it handled) first and the rest in place.
class InventoryError(Exception):
    pass

def reserve(stock, item, n):
    if item not in stock:
        raise KeyError(item)
    if stock[item] < n:
        raise InventoryError(f"only {stock[item]} {item} left, {n} wanted")
    stock[item] -= n

def place_order(stock, lines):
    errors = []
    for item, n in lines:
        try:
            reserve(stock, item, n)
        except Exception as e:
            errors.append(e)
    if errors:
        raise ExceptionGroup("order failed", errors)
    return "ok"

stock = {"apple": 3, "pear": 0}
print(place_order(stock, [("apple", 1)]), stock)

def checkout(lines):
    try:
        return place_order(stock, lines)
    except* KeyError as eg:
        print("unknown items:", [e.args[0] for e in eg.exceptions])
        raise ValueError("order has unknown items")

try:
    checkout([("kiwi", 1)])
except* ValueError as eg:
    print("caught:", repr(eg.exceptions[0]), "context:", repr(eg.exceptions[0].__context__))

print("stock now:", stock)
checkout([("apple", 5), ("kiwi", 1), ("pear", 1)])
print("not reached")
