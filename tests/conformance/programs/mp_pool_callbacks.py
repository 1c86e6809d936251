# Pool.apply_async: the AsyncResult (ready, successful, wait, get with a
# timeout), callbacks and error callbacks run in the parent's result
# handler thread, multiprocessing.TimeoutError, the result of a finished
# call kept after the pool is gone.
import multiprocessing as mp
import threading
import time


def slow_square(x, delay):
    time.sleep(delay)
    return x * x


def boom(msg):
    raise KeyError(msg)


events = []


def on_result(value):
    events.append(("result", value, threading.current_thread() is threading.main_thread()))


def on_error(exc):
    events.append(("error", type(exc).__name__, str(exc)))


if __name__ == "__main__":
    pool = mp.Pool(2)
    r = pool.apply_async(slow_square, (6, 0.3), callback=on_result, error_callback=on_error)
    print("ready at once:", r.ready())
    try:
        r.successful()
    except ValueError:
        print("successful() before ready: ValueError")
    try:
        r.get(timeout=0.05)
    except mp.TimeoutError as e:
        print("timeout:", type(e).__name__, isinstance(e, mp.ProcessError))
    r.wait(0.01)
    print("after a short wait:", r.ready())
    r.wait()
    print("after wait:", r.ready(), r.successful(), r.get(), events)
    e = pool.apply_async(boom, ("missing",), callback=on_result, error_callback=on_error)
    e.wait()
    print("error result:", e.ready(), e.successful(), events[-1])
    try:
        e.get()
    except KeyError as exc:
        print("get() re-raises:", repr(exc))
    results = [pool.apply_async(slow_square, (i, 0.05 * (4 - i)), callback=on_result)
               for i in range(4)]
    print([res.get() for res in results])
    print(sorted(v for kind, v, *_ in events if kind == "result"))
    m = pool.map_async(boom, ["a", "b"], error_callback=on_error)
    m.wait()
    print("map_async failure:", m.successful(), events[-1][:2])
    pool.close()
    pool.join()
    print("kept after join:", r.get(), results[3].get())
