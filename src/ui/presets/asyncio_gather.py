# asyncio tasks and gather: three coroutines that wait, first awaited one
# after another, then wrapped in tasks and gathered. An await on a sleep
# gives the event loop to the other tasks, so they wait at the same time.
import asyncio
import time

async def boil(what, seconds):
    print(f"{what}: start")
    await asyncio.sleep(seconds)
    print(f"{what}: ready after {seconds} s")
    return what

orders = [("rice", 0.3), ("soup", 0.2), ("tea", 0.1)]

async def one_by_one():
    return [await boil(what, s) for what, s in orders]

async def together():
    tasks = [asyncio.create_task(boil(what, s)) for what, s in orders]
    return await asyncio.gather(*tasks)

start = time.perf_counter()
print("awaited in turn:", asyncio.run(one_by_one()))
in_turn = time.perf_counter() - start

start = time.perf_counter()
print("gathered:", asyncio.run(together()))
gathered = time.perf_counter() - start
print(f"took {in_turn * 1000:.0f} ms in turn, {gathered * 1000:.0f} ms gathered")
