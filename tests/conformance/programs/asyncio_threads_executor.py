# Blocking work off the event loop: asyncio.to_thread and
# loop.run_in_executor (default executor and a ThreadPoolExecutor), while
# coroutines keep running on the loop.
import asyncio
import threading
import time
from concurrent.futures import ThreadPoolExecutor

def blocking_io(name, seconds):
    time.sleep(seconds)
    return f"{name} done in {threading.current_thread().name.split('_')[0]}"

async def ticker(n):
    for i in range(n):
        print("tick", i)
        await asyncio.sleep(0.1)

async def main():
    loop = asyncio.get_running_loop()
    results = await asyncio.gather(
        asyncio.to_thread(blocking_io, "a", 0.35),
        loop.run_in_executor(None, blocking_io, "b", 0.25),
        ticker(3),
    )
    print(results)
    with ThreadPoolExecutor(max_workers=3, thread_name_prefix="pool") as pool:
        futs = [loop.run_in_executor(pool, blocking_io, f"p{i}", 0.1 * (3 - i))
                for i in range(3)]
        for coro in asyncio.as_completed(futs):
            print(await coro)
    def fails():
        raise OSError("disk on fire")
    try:
        await asyncio.to_thread(fails)
    except OSError as e:
        print("OSError from thread:", e)
    print(threading.current_thread().name)

asyncio.run(main())
print("after run:", threading.active_count())
