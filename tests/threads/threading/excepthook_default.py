# An uncaught exception in a thread prints "Exception in thread NAME:" and
# the traceback to stderr; the program goes on and exits 0. SystemExit in
# a thread ends it silently.
import threading
import sys

def fails(n):
    raise ValueError(f"bad value {n}")

def nested():
    try:
        {}["key"]
    except KeyError as e:
        raise RuntimeError("while handling") from e

def exits():
    print("thread calling sys.exit")
    sys.exit(3)

for target, args, name in ((fails, (1,), None), (nested, (), "nested-thread"),
                           (exits, (), "exiter")):
    t = threading.Thread(target=target, args=args, name=name)
    t.start()
    t.join()
    print("joined", t.name, t.is_alive())
    sys.stderr.flush()

class Boom(threading.Thread):
    def run(self):
        raise ZeroDivisionError("from run")

b = Boom()
b.start()
b.join()
print("main still running", threading.active_count())
