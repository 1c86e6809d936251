# The 10-page crawler with asyncio and aiohttp: one thread, one event
# loop, ten coroutines. Each `await` hands the loop to another task, so
# the ten requests wait for the network together.
import asyncio
import time

import aiohttp

urls = [f"https://blog.example.com/page/{i}" for i in range(1, 11)]

async def fetch(session, url):
    async with session.get(url) as response:
        return len(await response.text())

async def main():
    async with aiohttp.ClientSession() as session:
        return await asyncio.gather(*(fetch(session, url) for url in urls))

start = time.perf_counter()
sizes = asyncio.run(main())
elapsed = time.perf_counter() - start

print("pages:", len(sizes), "all over 20 KB:", all(s > 20_000 for s in sizes))
print(f"took {elapsed:.2f} s with asyncio")
