# A formatted text report from records: column widths computed from the data.

sales = [
    {"region": "North", "rep": "Ann", "q1": 12500.5, "q2": 13900.0},
    {"region": "South", "rep": "Bob", "q1": 9800.0, "q2": 8700.25},
    {"region": "East", "rep": "Cecilia", "q1": 15020.75, "q2": 16100.0},
    {"region": "West", "rep": "Dan", "q1": 4000.0, "q2": 12000.0},
]
for row in sales:
    row["total"] = row["q1"] + row["q2"]
    row["growth"] = (row["q2"] - row["q1"]) / row["q1"]

columns = [("region", "Region", "<", ""), ("rep", "Rep", "<", ""),
           ("q1", "Q1", ">", ",.2f"), ("q2", "Q2", ">", ",.2f"),
           ("total", "Total", ">", ",.2f"), ("growth", "Growth", ">", "+.1%")]
widths = {}
for key, title, _, spec in columns:
    cells = [format(row[key], spec) for row in sales]
    widths[key] = max(len(title), *(len(c) for c in cells))

header = " | ".join(f"{title:{align}{widths[key]}}" for key, title, align, _ in columns)
print(header)
print("-+-".join("-" * widths[key] for key, *_ in columns))
for row in sorted(sales, key=lambda r: r["total"], reverse=True):
    print(" | ".join(f"{format(row[key], spec):{align}{widths[key]}}" for key, _, align, spec in columns))
print("=" * len(header))
grand = sum(r["total"] for r in sales)
print(f"{'Grand total':<{len(header) - 14}}{grand:>14,.2f}")
best = max(sales, key=lambda r: r["growth"])
print(f"Best growth: {best['rep']} in {best['region']} ({best['growth']:.1%})")
for r in sales:
    bar = "#" * round(r["total"] / 1000)
    print(f"{r['region']:<6}{bar}")
