# async generators, async for, async with and async comprehensions, driven by hand.

class Pause:
    def __await__(self):
        yield


async def ticker(n):
    for i in range(n):
        await Pause()
        yield i * 10


class Session:
    def __init__(self, name, log):
        self.name, self.log = name, log

    async def __aenter__(self):
        self.log.append(f"open {self.name}")
        await Pause()
        return self

    async def __aexit__(self, exc_type, exc, tb):
        self.log.append(f"close {self.name} ({exc_type.__name__ if exc_type else 'ok'})")
        return exc_type is KeyError


async def main(log):
    collected = []
    async for value in ticker(4):
        collected.append(value)
    squares = [v * v async for v in ticker(3) if v]
    async with Session("db", log) as s:
        log.append(f"using {s.name}")
    async with Session("cache", log):
        raise KeyError("suppressed by __aexit__")
    return collected, squares


def run(coro):
    steps = 0
    while True:
        try:
            coro.send(None)
            steps += 1
        except StopIteration as stop:
            return stop.value, steps


log = []
value, steps = run(main(log))
print(value)
print("suspensions:", steps)
print(log)
