# An uncaught queue.Empty in the main thread: the traceback names it
# _queue.Empty and the exit status is 1; a worker's uncaught queue.Full
# goes through threading.excepthook.
import queue
import threading

full = queue.Queue(1)
full.put("x")

def worker():
    full.put_nowait("y")

t = threading.Thread(target=worker, name="putter")
t.start()
t.join()
print("worker ended", flush=True)
q = queue.Queue()
q.get(timeout=0.01)
