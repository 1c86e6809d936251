# An exception escaping the main coroutine ends asyncio.run with a
# traceback; a task whose exception nobody retrieved is reported.
import asyncio

async def forgotten():
    await asyncio.sleep(0.01)
    raise KeyError("nobody looks at me")

async def step(n):
    await asyncio.sleep(0.01)
    if n == 3:
        raise RuntimeError(f"step {n} failed")
    return n

async def main():
    asyncio.create_task(forgotten())
    total = 0
    for n in range(5):
        total += await step(n)
        print("total", total)

asyncio.run(main())
