# The event loop object itself: new_event_loop, run_until_complete,
# run_forever/stop, call_soon/call_later/call_at, Future by hand,
# ensure_future, shield, current_task/all_tasks, and loop errors.
import asyncio

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
print(type(loop).__name__, loop.is_running(), loop.is_closed())

def tick(n):
    print("tick", n)
    if n == 3:
        loop.stop()

loop.call_soon(tick, 1)
loop.call_later(0.2, tick, 3)
loop.call_at(loop.time() + 0.1, tick, 2)
loop.run_forever()
print("stopped")

async def compute(x):
    await asyncio.sleep(0.05)
    return x * x

print(loop.run_until_complete(compute(7)))
fut = loop.create_future()
loop.call_later(0.05, fut.set_result, "by hand")
print(loop.run_until_complete(fut), fut.done())

async def inspect_tasks():
    me = asyncio.current_task()
    other = asyncio.ensure_future(compute(3))
    names = sorted(t.get_name() == me.get_name() for t in asyncio.all_tasks())
    print("tasks:", len(asyncio.all_tasks()), names)
    print("ensure_future of a task is itself:", asyncio.ensure_future(other) is other)
    print(await other)
    inner = asyncio.create_task(compute(5))
    outer = asyncio.shield(inner)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print("outer cancelled; inner cancelled?", inner.cancelled())
    print("inner still finishes:", await inner)
    f = asyncio.get_running_loop().create_future()
    try:
        f.result()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    f.set_exception(ValueError("bad"))
    print(type(f.exception()).__name__, f.done(), f.cancelled())

loop.run_until_complete(inspect_tasks())
loop.close()
print(loop.is_closed())
try:
    loop.call_soon(print, "x")
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    asyncio.run(42)
except ValueError as e:
    print("ValueError:", e)
