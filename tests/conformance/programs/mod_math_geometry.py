# Geometry helpers using math: areas, distances, a polygon's area and centroid.
import math


def circle_area(r):
    return math.pi * r * r


def triangle_area(a, b, c):
    s = (a + b + c) / 2
    if s <= max(a, b, c):
        raise ValueError(f"sides {a}, {b}, {c} do not form a triangle")
    return math.sqrt(s * (s - a) * (s - b) * (s - c))


def polygon_area(points):
    total = 0
    for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1]):
        total += x1 * y2 - x2 * y1
    return abs(total) / 2


def centroid(points):
    n = len(points)
    return sum(p[0] for p in points) / n, sum(p[1] for p in points) / n


for r in (1, 2.5, 10):
    print(f"circle r={r}: area {circle_area(r):.4f} circumference {2 * math.pi * r:.4f}")
for sides in [(3, 4, 5), (5, 5, 5), (7, 8, 9), (1, 2, 3)]:
    try:
        print(sides, f"{triangle_area(*sides):.6f}")
    except ValueError as e:
        print("ValueError:", e)
square = [(0, 0), (4, 0), (4, 4), (0, 4)]
house = [(0, 0), (6, 0), (6, 4), (3, 7), (0, 4)]
print(polygon_area(square), polygon_area(house), centroid(square), centroid(house))
print(math.dist((1, 2, 3), (4, 6, 3)), math.hypot(1, 1, 1, 1))
cities = {"A": (0, 0), "B": (3, 4), "C": (6, 0), "D": (3, -4)}
names = sorted(cities)
for i, a in enumerate(names):
    print(a, [f"{math.dist(cities[a], cities[b]):.2f}" for b in names[i + 1:]])
route = ["A", "B", "C", "D", "A"]
print("route length:", sum(math.dist(cities[p], cities[q]) for p, q in zip(route, route[1:])))
print(math.isclose(polygon_area([cities[c] for c in "ABCD"]), 24.0), math.ceil(circle_area(3)))
