# Old-style loop code: run_forever with tasks that stop the loop,
# callbacks scheduled with call_soon_threadsafe from a thread, and
# run_until_complete on a gathered future.
import asyncio
import threading
import time

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
events = []

async def countdown(name, n):
    while n:
        events.append(f"{name}:{n}")
        await asyncio.sleep(0.1)
        n -= 1
    return name

async def stopper():
    await asyncio.sleep(0.45)
    events.append("stopping")
    loop.stop()

def from_thread():
    time.sleep(0.25)
    loop.call_soon_threadsafe(events.append, "from thread")

loop.create_task(countdown("a", 3))
loop.create_task(countdown("b", 2))
loop.create_task(stopper())
th = threading.Thread(target=from_thread)
th.start()
loop.run_forever()
th.join()
print(events)
g = asyncio.gather(countdown("c", 2), countdown("d", 1))
print(loop.run_until_complete(g))
print(sorted(t.get_name() for t in asyncio.all_tasks(loop)))
loop.close()
print(loop.is_closed(), loop.is_running())
