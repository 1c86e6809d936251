# Cancelling tasks: CancelledError inside the coroutine, cleanup in
# finally, cancel messages, and what cancelled()/result() report.
import asyncio

async def sleeper(name):
    try:
        print(name, "sleeping")
        await asyncio.sleep(10)
        print(name, "woke")
    except asyncio.CancelledError as e:
        print(name, "cancelled with", e.args)
        raise
    finally:
        print(name, "cleanup")

async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("stubborn ignores the cancel")
    return "survived"

async def main():
    t = asyncio.create_task(sleeper("t1"))
    await asyncio.sleep(0.1)
    print("cancel ->", t.cancel())
    print("done right after cancel?", t.done())
    try:
        await t
    except asyncio.CancelledError:
        print("awaiting t raised CancelledError")
    print(t.cancelled(), t.done(), t.cancel())
    try:
        t.result()
    except asyncio.CancelledError:
        print("result() raises CancelledError")
    t2 = asyncio.create_task(sleeper("t2"))
    await asyncio.sleep(0)
    t2.cancel("stop now")
    await asyncio.gather(t2, return_exceptions=True)
    t3 = asyncio.create_task(stubborn())
    await asyncio.sleep(0.1)
    t3.cancel()
    print(await t3, t3.cancelled())
    t4 = asyncio.create_task(sleeper("t4"))
    t4.cancel()   # before its first step: the body never runs
    try:
        await t4
    except asyncio.CancelledError:
        print("t4 cancelled before it started")
    print(issubclass(asyncio.CancelledError, Exception),
          issubclass(asyncio.CancelledError, BaseException))

asyncio.run(main())
