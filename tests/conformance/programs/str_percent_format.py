# printf-style % formatting.

name, age, height = "Ann", 31, 1.6789
print("%s is %d years old" % (name, age))
print("%r and %s" % (name, name))
print("height: %.2f m, %8.3f|, %-8.1f|, %08.2f" % (height, height, height, height))
print("%5d|%-5d|%05d|%+d|% d" % (42, 42, 42, 42, 42))
print("%x %X %o %#x %#o %e %E %g %G" % (255, 255, 8, 255, 8, 12345.678, 0.00012, 1e-5, 1e20))
print("%c%c%c" % (72, 105, 33))
print("100%% sure, %d%%" % 99)
print("%(name)s is %(age)d" % {"name": "Bo", "age": 25})
print("%(x)s %(x)r %(y).1f" % {"x": "val", "y": 2.25})
print("%s" % [1, 2], "%s" % (1,), "%s %s" % ("a", (1, 2)))
print("%*d|%-*d|%.*f" % (6, 7, 6, 7, 2, 3.14159))
print("%s" % None, "%d" % True, "%.3s" % "abcdef", "%10.3s|" % "abcdef")
print("%i %u" % (3, 4), "%.0f %.0f %.0f %.0f" % (0.5, 1.5, 2.5, -0.5))

errors = [
    lambda: "%d" % "x",
    lambda: "%s %s" % ("one",),
    lambda: "%s" % ("a", "b"),
    lambda: "%z" % 1,
    lambda: "%(k)s" % {"j": 1},
]
for e in errors:
    try:
        print(e())
    except (TypeError, ValueError, KeyError) as err:
        print(type(err).__name__, err)

rows = [("Widget", 4, 3.5), ("Gadget", 10, 12.25), ("Doohickey", 1, 99.0)]
print("%-10s %5s %8s" % ("item", "qty", "total"))
for item, qty, price in rows:
    print("%-10s %5d %8.2f" % (item, qty, qty * price))
print("%-10s %5d %8.2f" % ("sum", sum(r[1] for r in rows), sum(r[1] * r[2] for r in rows)))
