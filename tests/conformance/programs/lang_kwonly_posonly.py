# Keyword-only (after *) and positional-only (before /) parameters.

def area(width, height, /, *, unit="cm"):
    return f"{width * height} {unit}^2"


def clamp(value, /, low=0, high=10):
    return max(low, min(high, value))


def connect(host, *, port=80, secure=False):
    scheme = "https" if secure else "http"
    return f"{scheme}://{host}:{port}"


print(area(3, 4))
print(area(3, 4, unit="m"))
print(clamp(15))
print(clamp(-3))
print(clamp(5, high=4))
print(clamp(5, low=6, high=9))
print(connect("example.org"))
print(connect("example.org", port=8443, secure=True))

attempts = [
    lambda: area(width=3, height=4),
    lambda: area(3, 4, "m"),
    lambda: connect("h", 81),
    lambda: clamp(value=3),
    lambda: connect(),
    lambda: connect("h", colour="red"),
]
for attempt in attempts:
    try:
        print(attempt())
    except TypeError as e:
        print("TypeError:", e)


def mixed(a, b, /, c, d=4, *, e, f=6):
    return (a, b, c, d, e, f)


print(mixed(1, 2, 3, e=5))
print(mixed(1, 2, c=3, d=0, e=5, f=7))
try:
    mixed(1, 2, 3, 4, 5)
except TypeError as e:
    print("TypeError:", e)
