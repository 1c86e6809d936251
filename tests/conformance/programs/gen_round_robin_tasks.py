# Cooperative multitasking with plain generators: each yield is a switch point.
from collections import deque


def counter(name, limit, shared):
    for i in range(limit):
        value = shared["n"]
        yield f"{name} read {value}"
        shared["n"] = value + 1
        yield f"{name} wrote {value + 1}"


def safe_counter(name, limit, shared):
    for i in range(limit):
        shared["n"] += 1
        yield f"{name} incremented to {shared['n']}"


def run(tasks, show=True):
    queue = deque(tasks)
    steps = 0
    while queue:
        task = queue.popleft()
        try:
            message = next(task)
        except StopIteration:
            continue
        steps += 1
        if show:
            print(f"  step {steps:2d}: {message}")
        queue.append(task)
    return steps


shared = {"n": 0}
print("read and write split by a switch (a lost update):")
steps = run([counter("A", 2, shared), counter("B", 2, shared)])
print("final n =", shared["n"], "after", steps, "steps (expected 4)")

shared = {"n": 0}
print("increment without a switch inside:")
steps = run([safe_counter("A", 2, shared), safe_counter("B", 2, shared)])
print("final n =", shared["n"])

shared = {"n": 0}
run([counter(f"T{i}", 50, shared) for i in range(4)], show=False)
print("four tasks x 50 increments, interleaved:", shared["n"])
