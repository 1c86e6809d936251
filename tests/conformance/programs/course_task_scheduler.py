# Course notes: a priority task scheduler with heapq, deadlines and a virtual clock.
import heapq
import itertools


class Scheduler:
    def __init__(self):
        self.queue = []
        self.counter = itertools.count()
        self.clock = 0
        self.done = []

    def add(self, name, priority, duration, deadline=None):
        heapq.heappush(self.queue, (priority, next(self.counter), name, duration, deadline))
        print(f"t={self.clock:>3} queued {name} (priority {priority}, {duration} units)")

    def run(self, on_finish=None):
        while self.queue:
            priority, _, name, duration, deadline = heapq.heappop(self.queue)
            start = self.clock
            self.clock += duration
            late = deadline is not None and self.clock > deadline
            status = f"LATE by {self.clock - deadline}" if late else "on time"
            print(f"t={start:>3}..{self.clock:<3} ran {name:<10} p{priority} {status}")
            self.done.append((name, self.clock, late))
            if on_finish:
                on_finish(self, name)


def follow_ups(scheduler, finished):
    if finished == "build":
        scheduler.add("test", 1, 4, deadline=20)
    elif finished == "test":
        scheduler.add("deploy", 0, 2, deadline=22)


s = Scheduler()
s.add("email", 5, 3)
s.add("build", 1, 10, deadline=12)
s.add("report", 3, 6, deadline=15)
s.add("coffee", 5, 1)
s.add("review", 2, 5, deadline=18)
s.run(on_finish=follow_ups)
print("finished:", [name for name, _, _ in s.done])
print("late:", [name for name, _, late in s.done if late])
print("makespan:", s.clock, "average completion:", round(sum(t for _, t, _ in s.done) / len(s.done), 2))
