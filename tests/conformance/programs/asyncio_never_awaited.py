# Forgetting `await`: the coroutine object is created and thrown away,
# its body never runs, and CPython warns (once per line) on stderr.
import asyncio

async def greet(name):
    print("hello", name)
    await asyncio.sleep(0.01)
    return name.upper()

async def main():
    greet("ghost")                 # never awaited: nothing printed
    for i in range(3):
        asyncio.sleep(0.01)        # warned once for this line
    r = await greet("world")
    c = greet("later")
    print("created, not started")
    print(await c, r)
    t = asyncio.create_task(greet("task"))
    print("task created")
    await t
    print(t.result())

greet("module level")
asyncio.run(main())
print("done")
