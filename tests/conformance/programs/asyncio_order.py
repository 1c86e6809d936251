# The event loop's order: call_soon callbacks, task first steps, sleep(0)
# hand-offs and timers, as CPython's loop runs them.
import asyncio

log = []

async def worker(name, n):
    for i in range(n):
        log.append(f"{name}{i}")
        await asyncio.sleep(0)
    return name

def cb(tag):
    log.append(f"cb-{tag}")

async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(cb, 1)
    a = asyncio.create_task(worker("a", 3))
    loop.call_soon(cb, 2)
    b = asyncio.create_task(worker("b", 2), name="bee")
    loop.call_later(0.15, cb, "late")
    loop.call_later(0.1, cb, "early")
    loop.call_at(loop.time() + 0.05, cb, "at")
    log.append("main-before")
    await asyncio.sleep(0)
    log.append("main-after-0")
    print(a.get_name(), b.get_name(), a.done(), b.done())
    res = await asyncio.gather(a, b)
    log.append("gathered")
    await asyncio.sleep(0.3)
    print(res)
    print(" ".join(log))
    h = loop.call_soon(cb, "cancelled")
    h.cancel()
    print(h.cancelled())
    await asyncio.sleep(0)
    print(log[-1])

asyncio.run(main())
