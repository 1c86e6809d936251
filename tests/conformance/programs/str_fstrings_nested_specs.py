# Nested format specs: width, precision, alignment and fill chosen at run time.

rows = [("apples", 3, 0.5), ("kiwis", 12, 0.25), ("watermelon", 1, 3.999)]
name_width = max(len(r[0]) for r in rows)
for precision in (0, 1, 3):
    print(f"precision {precision}:")
    for fruit, count, price in rows:
        print(f"  {fruit:<{name_width}} x{count:>{3}} @ {price:>{8}.{precision}f}")

for align in "<^>":
    for fill in "*- ":
        print(f"[{'mid':{fill}{align}9}]", end=" ")
    print()

value = 1234.5678
for spec in [".2f", ",.1f", "e", ".3e", "g", ".3g", "%", ".1%", "015.3f", "+.2f", " .2f"]:
    print(f"{spec:>7} -> [{value:{spec}}]")

for spec in ["d", "5d", "<5d", "^5d", "05d", "+d", ",d", "_d", "x", "#x", "#010b", "o", "c"]:
    print(f"{spec:>6} -> [{97:{spec}}]")

width = 20
title = "Report"
print(f"{title:=^{width}}")
print(f"{'':-<{width}}")
for label, amount in [("rent", 950), ("food", 312.5), ("travel", 44.25)]:
    print(f"{label:<{width // 2}}{amount:>{width // 2},.2f}")
print(f"{'total':<{width // 2}}{sum([950, 312.5, 44.25]):>{width // 2},.2f}")
print(format(3.14159, f".{2}f"), "{:{w}.{p}f}".format(3.14159, w=8, p=3))
