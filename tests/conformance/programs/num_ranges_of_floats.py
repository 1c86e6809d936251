# Stepping with floats: accumulation error versus computing from an index.

step = 0.1
x = 0.0
accumulated = []
while x < 1.0:
    accumulated.append(x)
    x += step
print(len(accumulated), accumulated[-3:])
computed = [i * step for i in range(10)]
print(computed)
print([round(i * step, 10) for i in range(10)])
print([i / 10 for i in range(10)])


def frange(start, stop, step):
    n = int(round((stop - start) / step))
    return [start + i * step for i in range(n)]


print(frange(0, 1, 0.25), frange(1, 2, 0.2))
print("celsius  fahrenheit  kelvin")
for c in frange(-40, 41, 20):
    print(f"{c:7.1f}  {c * 9 / 5 + 32:10.1f}  {c + 273.15:6.2f}")
total = 0.0
for _ in range(1000):
    total += 0.001
print(total, total == 1.0, round(total, 12) == 1.0)
print(sum(0.001 for _ in range(1000)), 1000 * 0.001)
print(0.1 * 3, 0.1 + 0.1 + 0.1, 3 / 10)
heights = [1.72, 1.65, 1.80, 1.78, 1.69]
avg = sum(heights) / len(heights)
print(avg, round(avg, 3), f"{avg:.2f}", sorted(heights)[len(heights) // 2])
