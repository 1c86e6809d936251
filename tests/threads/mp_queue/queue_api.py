# A multiprocessing Queue's API: maxsize, full/empty, the non-blocking and
# timed forms and their exceptions, qsize, close; and a SimpleQueue.
import multiprocessing as mp
import queue
import time

if __name__ == "__main__":
    q = mp.Queue(maxsize=2)
    q.put("a")
    q.put("b")
    print("full", q.full(), "qsize", q.qsize())
    try:
        q.put_nowait("c")
    except queue.Full:
        print("put_nowait: Full")
    t0 = time.monotonic()
    try:
        q.put("c", timeout=0.1)
    except queue.Full:
        print("put timeout: Full after >= 0.1 s:", time.monotonic() - t0 >= 0.1)
    time.sleep(0.1)  # the feeder thread writes to the pipe
    print(q.get(), q.get())
    print("empty", q.empty(), "qsize", q.qsize())
    try:
        q.get_nowait()
    except queue.Empty:
        print("get_nowait: Empty")
    try:
        q.get(timeout=0.05)
    except queue.Empty:
        print("get timeout: Empty")
    q.close()
    q.join_thread()
    try:
        q.put("late")
    except ValueError as e:
        print("after close: ValueError, closed:", str(e).endswith("is closed"))

    s = mp.SimpleQueue()
    print("simple empty", s.empty())
    s.put([1, 2, 3])
    print("simple got", s.get(), "empty", s.empty())
    s.close()
