# Future results, exceptions, timeouts and cancellation with a
# ThreadPoolExecutor; map with a timeout; shutdown(cancel_futures=True).
import time
import concurrent.futures as cf

def slow(x):
    time.sleep(x)
    return x

def fail(msg):
    raise KeyError(msg)

pool = cf.ThreadPoolExecutor(max_workers=1)
f1 = pool.submit(slow, 0.3)
f2 = pool.submit(slow, 0.1)
print("f2 cancel:", f2.cancel(), f2.cancelled(), f2.done())
print("f1 cancel:", f1.cancel())
try:
    f1.result(timeout=0.1)
except cf.TimeoutError:
    print("TimeoutError; running:", f1.running())
print(f1.result(), f1.exception())
try:
    f2.result()
except cf.CancelledError:
    print("CancelledError for f2")
f3 = pool.submit(fail, "missing")
print(type(f3.exception()).__name__, f3.exception())
try:
    f3.result()
except KeyError as e:
    print("KeyError re-raised:", e)
try:
    for r in pool.map(slow, [0.1, 0.2, 0.6], timeout=0.5):
        print("map got", r)
except TimeoutError:
    print("map timed out")
pool.shutdown(wait=True)

pool = cf.ThreadPoolExecutor(max_workers=1)
fs = [pool.submit(slow, 0.2) for _ in range(4)]
time.sleep(0.05)
pool.shutdown(wait=True, cancel_futures=True)
print([f.cancelled() for f in fs])

pool = cf.ThreadPoolExecutor(max_workers=2)
fs = [pool.submit(slow, 0.3), pool.submit(fail, "x"), pool.submit(slow, 0.6)]
done, not_done = cf.wait(fs, return_when=cf.FIRST_EXCEPTION)
print("first exception:", len(done), len(not_done))
done, not_done = cf.wait(fs, timeout=0.1)
print("after timeout:", len(done), len(not_done))
done, not_done = cf.wait(fs)
print("all:", len(done), len(not_done), type(done).__name__)
try:
    for f in cf.as_completed([pool.submit(slow, 0.4)], timeout=0.2):
        pass
except cf.TimeoutError as e:
    print("as_completed:", e)
pool.shutdown()
fut = cf.Future()
fut.add_done_callback(lambda f: print("callback sees", f.result()))
fut.set_result(7)
fut.add_done_callback(lambda f: print("late callback sees", f.result()))
try:
    fut.set_result(8)
except cf.InvalidStateError:
    print("InvalidStateError")
