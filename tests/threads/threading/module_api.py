# Module-level names: TIMEOUT_MAX, ThreadError, stack_size, get_ident,
# the deprecated aliases, __all__, types of the primitives.
import threading
import _thread

print(threading.TIMEOUT_MAX == _thread.TIMEOUT_MAX, threading.TIMEOUT_MAX > 1e9)
print(threading.ThreadError is RuntimeError)
print(threading.stack_size())
print(isinstance(threading.get_ident(), int), isinstance(threading.get_native_id(), int))
print(threading.current_thread() is threading.currentThread())
print(threading.active_count() == threading.activeCount() == 1)
print(sorted(threading.__all__))
print(type(threading.RLock()).__name__, type(threading.Lock()).__name__)
print(threading.Condition.__name__, threading.Event.__name__, threading.Barrier.__name__)
print(issubclass(threading.Timer, threading.Thread), issubclass(threading.BoundedSemaphore, threading.Semaphore))
print(callable(threading.excepthook), threading.excepthook is threading.__excepthook__)
from threading import *
print(Thread.__name__, Lock is threading.Lock, local is threading.local)
c = threading.Condition()
with c:
    c.notifyAll()
print("notifyAll ok")
