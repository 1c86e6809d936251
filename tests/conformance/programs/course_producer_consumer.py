# Course notes: producer/consumer written with generators and a bounded buffer,
# scheduled round-robin by hand — the shape threading.Queue will give us later.
from collections import deque

BUFFER_SIZE = 3
buffer = deque()
log = []


def producer(name, items):
    for item in items:
        while len(buffer) >= BUFFER_SIZE:
            log.append(f"{name} waits (buffer full)")
            yield
        buffer.append(f"{name}:{item}")
        log.append(f"{name} put {item} -> {list(buffer)}")
        yield
    log.append(f"{name} done")


def consumer(name, results, expected):
    while len(results) < expected:
        if not buffer:
            log.append(f"{name} waits (buffer empty)")
            yield
            continue
        item = buffer.popleft()
        results.append((name, item))
        log.append(f"{name} got {item}")
        yield
    log.append(f"{name} done")


results = []
tasks = deque([
    producer("P1", range(4)),
    producer("P2", "ab"),
    consumer("C1", results, 6),
])
steps = 0
while tasks:
    task = tasks.popleft()
    try:
        next(task)
        tasks.append(task)
    except StopIteration:
        pass
    steps += 1
for line in log:
    print(line)
print("steps:", steps)
print("consumed:", [item for _, item in results])
print("max buffer used:", BUFFER_SIZE, "left over:", list(buffer))
