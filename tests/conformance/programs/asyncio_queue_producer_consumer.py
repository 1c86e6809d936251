# Producer/consumer with asyncio.Queue: a bounded queue makes the
# producer wait; task_done/join tell when all work is processed.
import asyncio

async def producer(q, n):
    for i in range(n):
        await q.put(i)
        print(f"put {i} (size {q.qsize()}, full {q.full()})")
    print("producer done")

async def consumer(q, name, results):
    while True:
        item = await q.get()
        await asyncio.sleep(0.1)
        results.append((name, item))
        print(f"{name} got {item}")
        q.task_done()

async def main():
    q = asyncio.Queue(maxsize=2)
    results = []
    consumers = [asyncio.create_task(consumer(q, f"c{i}", results)) for i in range(2)]
    await producer(q, 6)
    await q.join()
    print("all processed:", sorted(item for _, item in results))
    for c in consumers:
        c.cancel()
    await asyncio.gather(*consumers, return_exceptions=True)
    print("empty:", q.empty(), "maxsize:", q.maxsize)
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")
    small = asyncio.Queue(1)
    small.put_nowait("x")
    try:
        small.put_nowait("y")
    except asyncio.QueueFull:
        print("QueueFull")
    try:
        q.task_done()
    except ValueError as e:
        print("ValueError:", e)
    pq = asyncio.PriorityQueue()
    for p in [5, 1, 3]:
        await pq.put((p, f"job{p}"))
    print([pq.get_nowait() for _ in range(3)])
    lq = asyncio.LifoQueue()
    for x in "abc":
        lq.put_nowait(x)
    print([lq.get_nowait() for _ in range(3)])

asyncio.run(main())
