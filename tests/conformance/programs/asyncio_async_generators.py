# Async generators under asyncio: async for over a generator that awaits
# sleeps, an async comprehension whose generator awaits a thread, and
# cancelling a task in the middle of an async for (cleanup runs).
import asyncio, time
async def ticker(n):
    for i in range(n):
        await asyncio.sleep(0.1)
        yield i
async def slow_gen():
    yield 1
    await asyncio.to_thread(time.sleep, 0.1)
    yield 2
async def main():
    async for x in ticker(3):
        print("tick", x)
    print([x async for x in slow_gen()])
    t = asyncio.create_task(consume())
    await asyncio.sleep(0.15)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("consumer cancelled")
async def consume():
    try:
        async for x in ticker(10):
            print("got", x)
    finally:
        print("consume cleanup")
asyncio.run(main())
