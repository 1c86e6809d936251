# Non-blocking calls: get_nowait / get(block=False) on an empty queue
# raise Empty, put_nowait / put(block=False) on a full one raise Full;
# the exception classes.
import queue

q = queue.Queue(maxsize=1)
for call in (q.get_nowait, lambda: q.get(block=False), lambda: q.get(False, 5)):
    try:
        call()
    except queue.Empty as e:
        print("Empty", repr(e), type(e).__name__, type(e).__module__)
q.put_nowait("first")
for call in (lambda: q.put_nowait("second"), lambda: q.put("third", block=False), lambda: q.put(0, False, 9)):
    try:
        call()
    except queue.Full as e:
        print("Full", repr(e), type(e).__name__, type(e).__module__)
print(q.get_nowait(), q.qsize())
print(issubclass(queue.Empty, Exception), issubclass(queue.Full, Exception))
print(queue.Empty.__mro__[1].__name__, queue.Full.__mro__[1].__name__)
print(sorted(queue.__all__))
try:
    raise queue.Empty("with a message")
except queue.Empty as e:
    print(e, e.args)
