# gather with and without return_exceptions; the failing task's error
# reaches the awaiting coroutine, the others keep running.
import asyncio

async def ok(n, delay):
    await asyncio.sleep(delay)
    print("ok", n)
    return n * 10

async def boom(msg, delay):
    await asyncio.sleep(delay)
    print("boom", msg)
    raise ValueError(msg)

async def main():
    results = await asyncio.gather(ok(1, 0.2), boom("bad", 0.1), ok(2, 0.3),
                                   return_exceptions=True)
    for r in results:
        print(type(r).__name__, r)
    try:
        await asyncio.gather(ok(3, 0.3), boom("worse", 0.1))
    except ValueError as e:
        print("caught", e)
    await asyncio.sleep(0.5)  # ok(3) still finishes
    empty = await asyncio.gather()
    print("empty", empty)
    t1 = asyncio.create_task(ok(4, 0.1))
    t2 = asyncio.create_task(asyncio.sleep(10))
    g = asyncio.gather(t1, t2, return_exceptions=True)
    await asyncio.sleep(0.2)
    t2.cancel()
    r = await g
    print([type(x).__name__ for x in r], r[0])
    print(t2.cancelled(), t1.result())

asyncio.run(main())
