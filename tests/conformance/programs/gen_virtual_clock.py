# A discrete-event simulation: generators yield how long they sleep on a virtual clock.
import heapq


def customer(name, arrive, service, log):
    yield arrive
    log.append((name, "arrives"))
    yield service
    log.append((name, "served"))
    return name


def ticker(period, count, log):
    for i in range(count):
        yield period
        log.append(("tick", i))


def simulate(processes):
    now = 0
    heap = []
    order = 0
    for proc in processes:
        heap.append((0, order, proc))
        order += 1
    heapq.heapify(heap)
    timeline = []
    while heap:
        now, _, proc = heapq.heappop(heap)
        try:
            delay = next(proc)
        except StopIteration as done:
            timeline.append((now, f"finished {done.value}"))
            continue
        heapq.heappush(heap, (now + delay, order, proc))
        order += 1
    return now, timeline


log = []
procs = [
    customer("ann", 3, 5, log),
    customer("bob", 1, 2, log),
    customer("cy", 4, 1, log),
    ticker(2, 4, log),
]
end, timeline = simulate(procs)
print("simulation ended at t =", end)
for t, what in timeline:
    print(f"t={t:2d} {what}")
print(log)
