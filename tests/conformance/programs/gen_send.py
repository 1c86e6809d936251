# Generators as coroutines: send() values in, get values out.

def running_average():
    total = 0.0
    count = 0
    average = None
    while True:
        value = yield average
        total += value
        count += 1
        average = total / count


avg = running_average()
print(next(avg))
for v in [10, 20, 30, 5]:
    print(f"sent {v}, average now {avg.send(v)}")


def accumulator():
    items = []
    while True:
        command = yield len(items)
        if command is None:
            continue
        action, *args = command
        if action == "add":
            items.extend(args)
        elif action == "pop" and items:
            items.pop()
        elif action == "show":
            print("  items:", items)


acc = accumulator()
print("start:", next(acc))
print(acc.send(("add", 1, 2, 3)))
print(acc.send(("pop",)))
print(acc.send(("show",)))
print(acc.send(None))

fresh = running_average()
try:
    fresh.send(5)
except TypeError as e:
    print("TypeError:", e)
print(fresh.send(None))
print(fresh.send(4))


def echo():
    received = []
    try:
        while True:
            received.append((yield f"echo #{len(received)}"))
    finally:
        print("  echo received:", received)


e = echo()
print(next(e), e.send("hi"), e.send("there"))
e.close()
