# Uncaught KeyError from a dict lookup in a loop.

inventory = {"apple": 5, "banana": 12, "cherry": 0}
orders = [("apple", 2), ("banana", 5), ("cherry", 1), ("durian", 1), ("apple", 1)]


def fulfil(item, quantity):
    stock = inventory[item]
    if stock < quantity:
        print(f"  cannot ship {quantity} x {item}: only {stock} left")
        return False
    inventory[item] = stock - quantity
    print(f"  shipped {quantity} x {item}, {inventory[item]} left")
    return True


shipped = 0
for item, quantity in orders:
    print("order:", item, quantity)
    if fulfil(item, quantity):
        shipped += 1
print("shipped", shipped)


def summary():
    return dict(inventory)


def restock(amount):
    for key in inventory:
        inventory[key] += amount


print(summary())
