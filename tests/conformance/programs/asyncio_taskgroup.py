# asyncio.TaskGroup: three tasks that all succeed; one that fails
# cancels the others and the error comes out in an ExceptionGroup;
# create_task on a finished group is a RuntimeError.
import asyncio

async def work(name, delay, fail=False):
    try:
        print(name, "start")
        await asyncio.sleep(delay)
        if fail:
            raise ValueError(f"{name} failed")
        print(name, "done")
        return name
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise
    finally:
        print(name, "finally")

async def main():
    async with asyncio.TaskGroup() as tg:
        ts = [tg.create_task(work(f"t{i}", i * 0.1)) for i in range(3)]
    print([t.result() for t in ts])
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(work("a", 1))
            tg.create_task(work("b", 0.1, fail=True))
            tg.create_task(work("c", 2))
    except ExceptionGroup as eg:
        print("caught", repr(eg), eg.exceptions)
    late = work("late", 0)
    try:
        tg.create_task(late)
    except RuntimeError as e:
        print("RuntimeError", e)
        late.close()
    print(asyncio.TaskGroup().__class__.__name__)

asyncio.run(main())
