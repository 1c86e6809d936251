# Guard clauses and early returns versus nested ifs.

def shipping_nested(order):
    if order is not None:
        if order.get("items"):
            if order.get("country") == "NO":
                return 0 if order["total"] > 500 else 49
            else:
                return 99
        else:
            return "no items"
    else:
        return "no order"


def shipping_guards(order):
    if order is None:
        return "no order"
    if not order.get("items"):
        return "no items"
    if order.get("country") != "NO":
        return 99
    if order["total"] > 500:
        return 0
    return 49


orders = [
    None,
    {"items": []},
    {"items": ["book"], "country": "SE", "total": 100},
    {"items": ["book"], "country": "NO", "total": 100},
    {"items": ["tv"], "country": "NO", "total": 5000},
]
for o in orders:
    a, b = shipping_nested(o), shipping_guards(o)
    print(a, b, a == b)


def first_negative(rows):
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value < 0:
                return r, c, value
    return None


print(first_negative([[1, 2], [3, -4], [-5]]))
print(first_negative([[1], []]))


def validate_password(pw):
    if len(pw) < 8:
        return "too short"
    if not any(ch.isdigit() for ch in pw):
        return "needs a digit"
    if pw.lower() == pw:
        return "needs an uppercase letter"
    return "ok"


for pw in ["abc", "abcdefgh", "abcdefg1", "Abcdefg1"]:
    print(pw, "->", validate_password(pw))
