# A task's life as its repr shows it: pending at its first line, waiting
# at an await, cancelling, finished with a result or an exception,
# cancelled; and Future results, exceptions and their errors.
import asyncio

NAME = __file__.rsplit("/", 1)[-1]

def show(*things):
    print(*(str(x).replace(__file__, NAME) for x in things))

async def work(n):
    await asyncio.sleep(0.1)
    return n * 2

async def bad():
    raise ValueError("broken")

async def main():
    t = asyncio.create_task(work(1))
    show(t)
    await asyncio.sleep(0)
    show(t)
    await t
    show(t)
    t2 = asyncio.create_task(bad())
    await asyncio.sleep(0)
    show(t2)
    print(type(t2.exception()).__name__, t2.exception())
    t3 = asyncio.create_task(work(2), name="worker")
    await asyncio.sleep(0)
    t3.cancel()
    show(t3.cancelling(), t3)
    await asyncio.sleep(0)
    show(t3)
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    print(f)
    for method in (f.result, f.exception):
        try:
            method()
        except asyncio.InvalidStateError as e:
            print("InvalidStateError:", e)
    f.set_result([1, 2])
    print(f)
    try:
        f.set_result(3)
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    g = loop.create_future()
    g.cancel("changed my mind")
    print(g, g.cancelled())
    try:
        g.result()
    except asyncio.CancelledError as e:
        print("CancelledError:", e)
    try:
        t.set_result(5)
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        asyncio.Task(42)
    except TypeError as e:
        print("TypeError:", e)
    try:
        await asyncio.wait([])
    except ValueError as e:
        print("ValueError:", e)

asyncio.run(main())
