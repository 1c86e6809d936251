# A thread started with _thread.start_new_thread is a _DummyThread to
# threading (named Dummy-N, daemon, alive, cannot be joined);
# threading._register_atexit callbacks run at shutdown before the
# non-daemon threads are joined, in reverse order.
import _thread
import threading
import time

facts = []
done = threading.Event()

def raw():
    me = threading.current_thread()
    facts.append((me.name, me.daemon, me.is_alive(), type(me).__name__,
                  me is threading.current_thread(), me.ident == _thread.get_ident()))
    try:
        me.join()
    except AssertionError as e:
        facts.append(str(e))
    facts.append(me in threading.enumerate())
    done.set()

_thread.start_new_thread(raw, ())
done.wait()
print(facts)
print(threading.Thread(target=raw).name)

def slow():
    time.sleep(0.1)
    print("non-daemon thread finished", flush=True)

threading.Thread(target=slow).start()
threading._register_atexit(print, "atexit 1", flush=True)
threading._register_atexit(lambda: print("atexit 2, main alive:", threading.main_thread().is_alive(), flush=True))
print("main module ends", flush=True)
