# Errors of a TaskGroup's tasks come out as one ExceptionGroup; except*
# sorts them by kind: retry the timeouts, report the bad responses, and
# let a clause's own error join what is left.
import asyncio

class BadResponse(Exception):
    pass

async def fetch(url, delay, outcome="ok"):
    await asyncio.sleep(delay)
    if outcome == "timeout":
        raise TimeoutError(f"{url} timed out")
    if outcome == "bad":
        raise BadResponse(f"{url} returned 500")
    print("fetched", url)
    return len(url)

async def crawl(plan):
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(fetch(url, d, o), name=url) for url, d, o in plan]
    return [t.result() for t in tasks]

async def main():
    print("sizes:", await crawl([("a.org", 0.2, "ok"), ("bb.org", 0.1, "ok")]))
    plan = [("a.org", 0.3, "ok"), ("slow.org", 0.1, "timeout"),
            ("err.org", 0.1, "bad"), ("late.org", 0.5, "ok")]
    retry = []
    try:
        await crawl(plan)
    except* TimeoutError as eg:
        for e in eg.exceptions:
            print("will retry:", e)
            retry.append(str(e).split()[0])
    except* BadResponse as eg:
        print("bad responses:", [str(e) for e in eg.exceptions])
    print("retrying", retry)
    print("sizes:", await crawl([(url, 0.1, "ok") for url in retry]))

    try:
        try:
            await crawl([("x.org", 0.1, "bad"), ("y.org", 0.1, "timeout")])
        except* BadResponse:
            raise RuntimeError("giving up")
    except ExceptionGroup as eg:
        print("left over:", repr(eg))
        print("context of new error:", repr(eg.exceptions[0].__context__))

    async def cancel_me():
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fetch("forever.org", 10))
            tg.create_task(fetch("boom.org", 0.1, "bad"))
    try:
        await cancel_me()
    except* BadResponse as eg:
        print("first failure cancels the rest:", eg.exceptions)

asyncio.run(main())
