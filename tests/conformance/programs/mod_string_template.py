# string.Template: $-substitution, safe_substitute, and errors.
from string import Template

letter = Template("Dear $name,\nyour order #$order ships on ${day}day.\n-- $$shop")
print(letter.substitute(name="Ann", order=1042, day="Mon"))
print(letter.substitute({"name": "Bob", "order": 7, "day": "Fri"}))
print(letter.safe_substitute(name="Cy"))
try:
    letter.substitute(name="Di")
except KeyError as e:
    print("KeyError:", e)
bad = Template("cost: $ 5")
try:
    bad.substitute()
except ValueError as e:
    print("ValueError:", e)
print(Template("$a$b ${a}x $a_b").safe_substitute(a=1, b=2))
rows = [("apples", 3, 0.5), ("pears", 2, 0.75)]
line = Template("$qty x $item = $$$total")
for item, qty, price in rows:
    print(line.substitute(item=item, qty=qty, total=f"{qty * price:.2f}"))
print(letter.template.splitlines()[0])
print(sorted(Template("$x and ${y} and $x and $$z").get_identifiers()))
print(Template("$who likes $what").is_valid(), Template("$").is_valid())
