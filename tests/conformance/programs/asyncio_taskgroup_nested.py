# Nested asyncio.TaskGroups: an inner group's failure reaches the outer
# group as a nested ExceptionGroup; asyncio.timeout inside a group whose
# earlier sibling group cancelled the parent; asyncio.Runner.
import asyncio

async def step(name, delay, exc=None):
    try:
        await asyncio.sleep(delay)
        if exc is not None:
            raise exc
        print(name, "ok")
        return name
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise

async def inner():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(step("inner-a", 0.2))
        tg.create_task(step("inner-b", 0.1, KeyError("k")))

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(inner(), name="inner")
            tg.create_task(step("outer-a", 0.5))
    except ExceptionGroup as eg:
        print(repr(eg))
        print(repr(eg.subgroup(KeyError)))
        rest = eg.split(lambda e: isinstance(e, KeyError))[1]
        print(rest)
    async with asyncio.TaskGroup() as tg:
        t = tg.create_task(step("quick", 0.1), name="quick-task")
        try:
            async with asyncio.timeout(0.05):
                await step("slow", 1)
        except TimeoutError:
            print("timed out inside the group")
    print(t.get_name(), t.result())
    return "done"

with asyncio.Runner() as runner:
    print(runner.run(main()))
