# Descriptive statistics by hand: mean, median, mode, variance, stdev, percentiles.
import math

data = [2, 4, 4, 4, 5, 5, 7, 9, 12, 3, 8, 4]


def mean(xs):
    return sum(xs) / len(xs)


def median(xs):
    s = sorted(xs)
    mid = len(s) // 2
    return s[mid] if len(s) % 2 else (s[mid - 1] + s[mid]) / 2


def modes(xs):
    counts = {}
    for x in xs:
        counts[x] = counts.get(x, 0) + 1
    top = max(counts.values())
    return sorted(k for k, v in counts.items() if v == top)


def variance(xs, sample=False):
    m = mean(xs)
    return sum((x - m) ** 2 for x in xs) / (len(xs) - (1 if sample else 0))


def percentile(xs, p):
    s = sorted(xs)
    k = (len(s) - 1) * p / 100
    lo, hi = math.floor(k), math.ceil(k)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)


print("n:", len(data), "sorted:", sorted(data))
print("mean:", mean(data), "median:", median(data), "modes:", modes(data))
print("population variance:", variance(data), "stdev:", math.sqrt(variance(data)))
print("sample variance:", variance(data, True), "stdev:", math.sqrt(variance(data, True)))
print("percentiles:", [percentile(data, p) for p in (0, 25, 50, 75, 90, 100)])
print("range:", max(data) - min(data))
m, sd = mean(data), math.sqrt(variance(data))
print("z-scores:", [round((x - m) / sd, 3) for x in data])
print("outliers (|z| > 2):", [x for x in data if abs(x - m) / sd > 2])
xs = [1, 2, 3, 4, 5]
ys = [2.1, 3.9, 6.2, 7.8, 10.1]
mx, my = mean(xs), mean(ys)
slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
intercept = my - slope * mx
print(f"fit: y = {slope:.4f} x + {intercept:.4f}")
print("predictions:", [round(slope * x + intercept, 2) for x in range(6, 9)])
print(median([1]), median([1, 2]), median([3, 1, 2]), modes([1, 1, 2, 2, 3]))
