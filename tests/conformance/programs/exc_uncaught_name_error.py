# A typo in a variable name is only found when the line runs.

def total_price(cart, tax_rate=0.25):
    subtotal = 0
    for item, price, quantity in cart:
        subtotal += price * quantity
    tax = subtotal * tax_rate
    return round(subtotal + tax, 2)


def describe(cart):
    lines = []
    for item, price, quantity in cart:
        lines.append(f"{quantity} x {item} @ {price:.2f}")
    return lines


cart = [("pen", 1.5, 4), ("book", 12.0, 1), ("bag", 30.0, 1)]
for line in describe(cart):
    print(line)
print("total:", total_price(cart))
print("total without tax:", total_price(cart, tax_rate=0))

if len(cart) > 5:
    print(discount)
print("the branch above did not run, so no error yet")


def apply_discount(total):
    return total - discuont


print(apply_discount(total_price(cart)))
