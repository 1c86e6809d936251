# asyncio's Lock, Event, Condition, Semaphore and BoundedSemaphore.
import asyncio

async def locked_worker(lock, name, log):
    async with lock:
        log.append(f"{name} in")
        await asyncio.sleep(0.1)
        log.append(f"{name} out")

async def limited(sem, name, active, peak):
    async with sem:
        active.append(name)
        peak[0] = max(peak[0], len(active))
        await asyncio.sleep(0.1)
        active.remove(name)

async def waiter(event, name):
    print(name, "waiting")
    await event.wait()
    print(name, "released")

async def cond_consumer(cond, items, name):
    async with cond:
        await cond.wait_for(lambda: items)
        print(name, "took", items.pop(0))

async def main():
    lock = asyncio.Lock()
    log = []
    await asyncio.gather(*(locked_worker(lock, n, log) for n in "abc"))
    print(log)
    print(lock.locked())
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)
    sem = asyncio.Semaphore(2)
    active, peak = [], [0]
    await asyncio.gather(*(limited(sem, i, active, peak) for i in range(5)))
    print("peak", peak[0])
    ev = asyncio.Event()
    ws = [asyncio.create_task(waiter(ev, f"w{i}")) for i in range(3)]
    await asyncio.sleep(0.1)
    print("setting", ev.is_set())
    ev.set()
    await asyncio.gather(*ws)
    cond = asyncio.Condition()
    items = []
    cs = [asyncio.create_task(cond_consumer(cond, items, f"k{i}")) for i in range(2)]
    await asyncio.sleep(0)
    async with cond:
        items.extend(["x", "y"])
        cond.notify_all()
    await asyncio.gather(*cs)
    try:
        cond.notify()
    except RuntimeError as e:
        print("RuntimeError:", e)
    bs = asyncio.BoundedSemaphore(1)
    await bs.acquire()
    bs.release()
    try:
        bs.release()
    except ValueError as e:
        print("ValueError:", e)
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print("ValueError:", e)

asyncio.run(main())
