# collections.deque: both ends, maxlen, rotate, and a sliding window.
from collections import deque

d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, len(d), d[0], d[-1])
d.extend([5, 6])
d.extendleft([-1, -2])
print(d)
print(d.pop(), d.popleft(), d)
d.rotate(2)
print("rotate(2):", d)
d.rotate(-3)
print("rotate(-3):", d)
print(d.count(3), d.index(3), 3 in d, list(reversed(d)))
d.remove(3)
d.insert(1, "x")
print(d)
d.reverse()
print(d)
d.clear()
print(d, bool(d))
try:
    d.pop()
except IndexError as e:
    print("IndexError:", e)

recent = deque(maxlen=3)
for page in ["home", "about", "blog", "post-1", "post-2"]:
    recent.append(page)
    print(f"visited {page:<7} recent={list(recent)}")
print(recent, recent.maxlen)
recent.appendleft("start")
print(recent)


def moving_average(values, size):
    window = deque(maxlen=size)
    out = []
    for v in values:
        window.append(v)
        out.append(round(sum(window) / len(window), 2))
    return out


print(moving_average([10, 20, 30, 40, 50, 60], 3))
ring = deque("ABCDE")
order = []
while ring:
    ring.rotate(-2)
    order.append(ring.pop())
print("elimination order:", order)
print(deque(range(5), maxlen=2), deque("ab") + deque("cd"), deque([1]) * 3)
