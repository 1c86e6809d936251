//! Whole programs of the kind Interleave runs: each must compile, and its
//! code must pass the stack/block checker. (Each was checked to compile
//! with python3 too.)

use super::*;

const PROGRAMS: &[&str] = &[
    r#"
import threading
import time

counter = 0
lock = threading.Lock()

def worker(n: int) -> None:
    global counter
    for _ in range(n):
        with lock:
            counter += 1

threads = [threading.Thread(target=worker, args=(100_000,)) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(f"{counter=}")
"#,
    r#"
import asyncio
import random

async def producer(q: asyncio.Queue, n: int):
    for i in range(n):
        await asyncio.sleep(random.random() / 10)
        await q.put(i)
    await q.put(None)

async def consumer(q, name="c"):
    total = 0
    while (item := await q.get()) is not None:
        total += item
        q.task_done()
    return name, total

async def main():
    q = asyncio.Queue(maxsize=10)
    prod = asyncio.create_task(producer(q, 20))
    name, total = await consumer(q)
    await prod
    results = await asyncio.gather(*(asyncio.sleep(0.1, result=i) for i in range(3)))
    print(name, total, results)

if __name__ == "__main__":
    asyncio.run(main())
"#,
    r#"
from concurrent.futures import ThreadPoolExecutor, as_completed
from multiprocessing import Pool, Process, Queue

def square(x):
    return x * x

def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

if __name__ == '__main__':
    with Pool(4) as pool:
        print(pool.map(square, range(10)))
    with ThreadPoolExecutor(max_workers=3) as ex:
        futs = {ex.submit(fib, n): n for n in (20, 25, 30)}
        for fut in as_completed(futs):
            print(futs[fut], fut.result())
    q = Queue()
    p = Process(target=lambda q: q.put(42), args=(q,))
    p.start(); p.join()
"#,
    r#"
class Node:
    __slots__ = ("value", "next")

    def __init__(self, value, next=None):
        self.value, self.next = value, next

    def __iter__(self):
        node = self
        while node is not None:
            yield node.value
            node = node.next

    def __repr__(self):
        return f"Node({self.value!r}, {self.next!r})"

class Stack(list):
    def push(self, x):
        super().append(x)

    @property
    def top(self):
        return self[-1] if self else None

    @classmethod
    def of(cls, *items):
        s = cls()
        for i in items:
            s.push(i)
        return s

s = Stack.of(1, 2, 3)
assert s.top == 3, "top"
print(list(Node(1, Node(2))), sorted({3, 1, 2}), {k: v for k, v in zip("ab", range(2))})
"#,
    r#"
import queue, threading

def pipeline(items):
    q = queue.Queue()
    done = threading.Event()
    results = []

    def stage():
        while True:
            try:
                item = q.get(timeout=0.1)
            except queue.Empty:
                if done.is_set():
                    break
                continue
            else:
                results.append(item ** 2)
            finally:
                pass

    t = threading.Thread(target=stage, daemon=True)
    t.start()
    for it in items:
        q.put(it)
    done.set()
    t.join()
    return results

try:
    print(pipeline(range(5)))
except Exception as exc:
    raise RuntimeError("pipeline failed") from exc
"#,
    r#"
import contextlib, functools, itertools

@functools.lru_cache(maxsize=None)
def ways(n, coins=(1, 2, 5)):
    if n == 0:
        return 1
    return sum(ways(n - c, coins) for c in coins if c <= n)

@contextlib.contextmanager
def timer(label):
    import time
    t0 = time.perf_counter()
    try:
        yield
    finally:
        print(label, time.perf_counter() - t0)

def chunks(it, n):
    it = iter(it)
    while chunk := list(itertools.islice(it, n)):
        yield chunk

with timer("ways"):
    print(ways(50), [*chunks(range(7), 3)], *map(str, (1, 2)), sep=", ")

a, *rest = [1, 2, 3]
x = y = 0
x += -1
matrix = [[i * j for j in range(3)] for i in range(3)]
flat = [v for row in matrix for v in row if v % 2 == 0]
print(a, rest, flat, 1 < x < 5, not x, x if x else y, ~x, 2 ** -1, 7 // 2, 7 % 3, "%s" % x)
del matrix[0][1:2]
"#,
];

#[test]
fn realistic_programs_compile() {
    for src in PROGRAMS {
        ok(src);
    }
}
