# Course notes: a shop inventory kept in dicts, with orders, restocking and reports.

inventory = {
    "apple": {"price": 0.5, "stock": 100, "category": "fruit"},
    "banana": {"price": 0.25, "stock": 150, "category": "fruit"},
    "bread": {"price": 2.5, "stock": 20, "category": "bakery"},
    "milk": {"price": 1.2, "stock": 0, "category": "dairy"},
    "cheese": {"price": 7.0, "stock": 12, "category": "dairy"},
}


def place_order(order):
    missing = {item: qty for item, qty in order.items()
               if item not in inventory or inventory[item]["stock"] < qty}
    if missing:
        return None, missing
    total = 0.0
    for item, qty in order.items():
        inventory[item]["stock"] -= qty
        total += qty * inventory[item]["price"]
    return round(total, 2), {}


def restock(threshold=15, amount=50):
    restocked = []
    for name, info in inventory.items():
        if info["stock"] < threshold:
            info["stock"] += amount
            restocked.append(name)
    return restocked


def report():
    by_category = {}
    for name, info in sorted(inventory.items()):
        by_category.setdefault(info["category"], []).append((name, info["stock"], info["stock"] * info["price"]))
    for category, rows in sorted(by_category.items()):
        value = sum(v for _, _, v in rows)
        print(f"{category} (value {value:.2f})")
        for name, stock, v in rows:
            print(f"  {name:<8}{stock:>5}{v:>9.2f}")


orders = [
    {"apple": 10, "bread": 2},
    {"milk": 1},
    {"cheese": 5, "banana": 12},
    {"durian": 1, "apple": 1},
    {"cheese": 10},
]
for i, order in enumerate(orders, 1):
    total, missing = place_order(order)
    if total is None:
        print(f"order {i}: rejected, cannot supply {missing}")
    else:
        print(f"order {i}: accepted, total {total:.2f}")
print("restocked:", restock())
report()
print("most valuable:", max(inventory, key=lambda n: inventory[n]["price"] * inventory[n]["stock"]))
