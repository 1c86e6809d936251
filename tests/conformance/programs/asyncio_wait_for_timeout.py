# Timeouts: wait_for, asyncio.timeout (3.11), wait with return_when and
# a timeout, as_completed order.
import asyncio

async def job(name, delay):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print(name, "was cancelled")
        raise
    return name

async def main():
    print(await asyncio.wait_for(job("fast", 0.1), timeout=1))
    try:
        await asyncio.wait_for(job("slow", 1), timeout=0.2)
    except asyncio.TimeoutError as e:
        print("wait_for timed out:", type(e).__name__, e.args)
    print(asyncio.TimeoutError is TimeoutError)
    try:
        async with asyncio.timeout(0.1) as cm:
            await job("in-timeout", 0.5)
    except TimeoutError:
        print("timeout block expired:", cm.expired())
    async with asyncio.timeout(1) as cm:
        await job("quick", 0.05)
    print("not expired:", cm.expired())
    tasks = [asyncio.create_task(job(n, d)) for n, d in
             [("a", 0.3), ("b", 0.1), ("c", 0.2), ("d", 5)]]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print("first:", sorted(t.result() for t in done), len(pending))
    done, pending = await asyncio.wait(tasks, timeout=0.45)
    print("by 0.45:", sorted(t.result() for t in done),
          sorted(t.get_name() for t in pending) == [tasks[3].get_name()])
    tasks[3].cancel()
    await asyncio.sleep(0)
    order = []
    for fut in asyncio.as_completed([job("x", 0.3), job("y", 0.1), job("z", 0.2)]):
        order.append(await fut)
    print("as_completed:", order)
    try:
        for fut in asyncio.as_completed([job("late", 0.3)], timeout=0.05):
            await fut
    except asyncio.TimeoutError:
        print("as_completed timed out")
    await asyncio.sleep(0.3)

asyncio.run(main())
