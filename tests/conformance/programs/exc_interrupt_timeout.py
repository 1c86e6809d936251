# KeyboardInterrupt and TimeoutError raised by hand in a simulated worker.

class Worker:
    def __init__(self, name, budget):
        self.name = name
        self.budget = budget
        self.done = 0

    def tick(self, events):
        for event in events:
            if event == "ctrl-c":
                raise KeyboardInterrupt
            if self.done >= self.budget:
                raise TimeoutError(f"{self.name} exceeded budget of {self.budget} steps")
            self.done += 1


def supervise(worker, events):
    try:
        worker.tick(events)
    except TimeoutError as e:
        return f"timeout: {e}"
    except KeyboardInterrupt as e:
        return f"interrupted after {worker.done} steps ({type(e).__name__}, args={e.args})"
    except Exception as e:
        return f"unexpected {type(e).__name__}"
    else:
        return f"{worker.name} finished {worker.done} steps"
    finally:
        print(f"  [supervisor saw {worker.name} at step {worker.done}]")


print(supervise(Worker("a", 10), ["step"] * 5))
print(supervise(Worker("b", 3), ["step"] * 5))
print(supervise(Worker("c", 10), ["step", "step", "ctrl-c", "step"]))

try:
    try:
        raise KeyboardInterrupt("user pressed ctrl-c")
    except Exception:
        print("not caught by except Exception")
except KeyboardInterrupt as e:
    print("caught by except KeyboardInterrupt:", e)

print(issubclass(TimeoutError, OSError), issubclass(KeyboardInterrupt, BaseException))
print(isinstance(TimeoutError(), Exception), isinstance(KeyboardInterrupt(), Exception))
try:
    raise TimeoutError
except OSError as e:
    print("TimeoutError caught as OSError:", repr(e))
