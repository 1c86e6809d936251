# A TaskGroup refuses new tasks once it is finished, before it is entered
# and while it shuts down. Python 3.11 then drops the coroutine without
# awaiting it: "coroutine ... was never awaited" appears on stderr where
# the RuntimeError (which holds it) is freed: at the end of the except
# clause that caught it, at the `del` of the last name holding it, or at
# exit if the program kept the error.
import asyncio

async def job(n, delay=0.1):
    await asyncio.sleep(delay)
    return n * 10

kept = []

async def main():
    async with asyncio.TaskGroup() as tg:
        first = tg.create_task(job(1))
    print("first:", first.result())
    try:
        tg.create_task(job(2))
    except RuntimeError as e:
        print("refused:", e)
    print("after the named clause")
    try:
        tg.create_task(job(3))
    except RuntimeError:
        if first.done():
            print("refused again")
        else:
            print("not reached")
    print("after the clause ending in an if")
    fresh = asyncio.TaskGroup()
    try:
        fresh.create_task(job(4))
    except RuntimeError as e:
        kept.append(e)
        print("kept:", e)
    try:
        tg.create_task(job(8))
    except RuntimeError as e:
        held = e
    print("held until del:", held)
    del held
    late = job(5)
    try:
        tg.create_task(late)
    except RuntimeError:
        late.close()
        print("closed it: no warning")

    async def spawner(group):
        try:
            await asyncio.sleep(0.2)
        except asyncio.CancelledError:
            try:
                group.create_task(job(6))
            except RuntimeError as e:
                print("while shutting down:", e)
            raise

    try:
        async with asyncio.TaskGroup() as tg2:
            tg2.create_task(spawner(tg2))
            await asyncio.sleep(0)
            raise KeyError("body fails")
    except* KeyError as eg:
        print("group body failed:", eg.exceptions)

asyncio.run(main())
print("end, still keeping", len(kept))
