# async def / await without asyncio: driving coroutines by hand with send(None).

async def add(a, b):
    return a + b


async def compute():
    x = await add(1, 2)
    y = await add(x, 10)
    return x * y


def run(coro):
    """Drive a coroutine that never really suspends."""
    try:
        coro.send(None)
    except StopIteration as stop:
        return stop.value
    raise RuntimeError("coroutine suspended; this tiny driver cannot wait")


print(run(add(2, 3)))
print(run(compute()))

c = compute()
print(type(c).__name__)
try:
    c.send(None)
except StopIteration as e:
    print("StopIteration value:", e.value)
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)


async def failing():
    await add(1, 1)
    raise ValueError("async failure")


try:
    run(failing())
except ValueError as e:
    print("ValueError from coroutine:", e)


async def fact(n):
    return 1 if n <= 1 else n * await fact(n - 1)


print([run(fact(n)) for n in range(8)])


async def gather(*coros):
    results = []
    for co in coros:
        results.append(await co)
    return results


print(run(gather(add(1, 1), fact(5), compute())))
unused = add(0, 0)
unused.close()
print("closed an unused coroutine without a warning")
