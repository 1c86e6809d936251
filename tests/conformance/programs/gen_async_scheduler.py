# A tiny round-robin scheduler for coroutines, with a hand-written awaitable.
from collections import deque


class Yield:
    """Awaiting this suspends the coroutine and hands control back."""

    def __await__(self):
        yield "switch"


async def worker(name, steps, log):
    for i in range(steps):
        log.append(f"{name}:{i}")
        await Yield()
    return f"{name} done after {steps} steps"


async def nested(name, log):
    first = await worker(name + ".a", 2, log)
    second = await worker(name + ".b", 1, log)
    return [first, second]


def run_all(coros):
    ready = deque(coros)
    results = {}
    turns = 0
    while ready:
        name, coro = ready.popleft()
        turns += 1
        try:
            signal = coro.send(None)
        except StopIteration as stop:
            results[name] = stop.value
            continue
        assert signal == "switch", signal
        ready.append((name, coro))
    return results, turns


log = []
results, turns = run_all([
    ("x", worker("x", 3, log)),
    ("y", worker("y", 1, log)),
    ("z", nested("z", log)),
])
print(log)
for name, value in results.items():
    print(name, "->", value)
print("turns:", turns)
