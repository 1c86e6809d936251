# A task that raises SystemExit or KeyboardInterrupt inside a TaskGroup:
# the group cancels its other tasks and re-raises that error itself, not
# wrapped in an ExceptionGroup; it goes through the event loop and out of
# asyncio.run, even past other tasks' ordinary errors.
import asyncio

async def worker(name, delay):
    try:
        await asyncio.sleep(delay)
        print(name, "finished")
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise

async def stopper(kind, delay):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print("stopper cancelled, raises", kind.__name__)
        raise kind(3)
    print("stopper raises", kind.__name__)
    raise kind(2)

async def failing(delay):
    await asyncio.sleep(delay)
    print("failing raises ValueError")
    raise ValueError("bad value")

async def main(kind, fail_first):
    try:
        async with asyncio.TaskGroup() as tg:
            if not fail_first:
                # (Which of two tasks is cancelled first depends on
                # addresses in CPython: one at a time here.)
                tg.create_task(worker("slow", 1))
            tg.create_task(stopper(kind, 0.2))
            tg.create_task(failing(0.1 if fail_first else 0.5))
            tg.create_task(worker("quick", 0.05))
        print("group done")
    except BaseException as e:
        print("main sees", type(e).__name__, repr(e))
        raise
    finally:
        print("main finally")

for kind in (SystemExit, KeyboardInterrupt):
    for fail_first in (False, True):
        print("==", kind.__name__, "after a ValueError" if fail_first else "first")
        try:
            asyncio.run(main(kind, fail_first))
        except BaseException as e:
            print("asyncio.run raised", type(e).__name__, repr(e))
            if isinstance(e, BaseExceptionGroup):
                print("   group of", e.exceptions)
print("end")
