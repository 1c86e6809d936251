# A course-notes crawler on asyncio: "fetching" pages is sleeping; a
# Semaphore caps how many run at once; done callbacks record completion
# order; results come back from gather in submission order.
import asyncio

DELAYS = [0.1, 0.3, 0.45, 0.6, 0.75, 0.2]
PAGES = {f"/page/{i}": d for i, d in enumerate(DELAYS)}
in_flight = 0
peak = 0
finished = []

async def fetch(url, sem):
    global in_flight, peak
    async with sem:
        in_flight += 1
        peak = max(peak, in_flight)
        await asyncio.sleep(PAGES[url])
        in_flight -= 1
        return f"<html>{url}</html>", len(url)

def on_done(task):
    html, size = task.result()
    finished.append(task.get_name())

async def main():
    sem = asyncio.Semaphore(2)
    loop = asyncio.get_running_loop()
    start = loop.time()
    tasks = []
    for url in PAGES:
        t = asyncio.create_task(fetch(url, sem), name=url)
        t.add_done_callback(on_done)
        tasks.append(t)
    results = await asyncio.gather(*tasks)
    print("peak concurrency:", peak)
    print("sizes in submission order:", [size for _, size in results])
    print("completion order:", finished)
    print("first page:", results[0][0])
    print("virtual seconds ~", round(loop.time() - start, 1))
    value = await asyncio.sleep(0.01, result="slept with a result")
    print(value)
    t = asyncio.create_task(asyncio.sleep(0.01))
    t.add_done_callback(lambda task: print("callback got", task.result(), task.exception()))
    await t
    await asyncio.sleep(0)
    removed = t.remove_done_callback(on_done)
    print("removed", removed)

asyncio.run(main())
