# multiprocessing.Process with the fork start method: target/args/kwargs,
# names, a subclass with run(), join with a timeout, terminate, kill,
# exit codes, close, current_process/parent_process/active_children.
import multiprocessing as mp
import time

counter = 0


def work(n, tag="x"):
    global counter
    counter += n
    print("in child:", mp.current_process().name, n, tag, counter,
          mp.parent_process().name, flush=True)


class Worker(mp.Process):
    def __init__(self, k):
        super().__init__()
        self.k = k

    def run(self):
        print("worker run:", self.name, self.k, mp.current_process() is self, flush=True)


def sleeper():
    time.sleep(10)


if __name__ == "__main__":
    p = mp.Process(target=work, args=(5,), kwargs={"tag": "kw"})
    print(p.name, p.is_alive(), p.exitcode, p.daemon, p.pid)
    p.start()
    p.join()
    print(p.name, p.is_alive(), p.exitcode, "parent's counter:", counter)
    w = Worker(3)
    w.start()
    w.join()
    print(w.name, w.exitcode)
    named = mp.Process(target=work, args=(1,), name="custom")
    named.start()
    named.join()
    s = mp.Process(target=sleeper)
    s.start()
    s.join(0.2)
    print("after join(0.2):", s.is_alive(), s.exitcode, len(mp.active_children()))
    s.terminate()
    s.join()
    print("terminated:", s.exitcode, s.is_alive(), len(mp.active_children()))
    k = mp.Process(target=sleeper, daemon=True)
    k.start()
    k.kill()
    k.join()
    print("killed:", k.exitcode)
    print(repr(k).startswith("<Process name='Process-5' pid="),
          repr(k).endswith("stopped exitcode=-SIGKILL daemon>"))
    print(repr(mp.Process(target=work)).endswith("initial>"))
    print(mp.current_process().name, mp.parent_process(), mp.active_children(),
          mp.cpu_count() >= 1, mp.get_start_method())
    k.close()
    for bad in (k.is_alive, w.start, lambda: mp.set_start_method("fork"),
                lambda: mp.set_start_method("nope", force=True)):
        try:
            bad()
        except (ValueError, AssertionError, RuntimeError) as e:
            print(type(e).__name__, e)
