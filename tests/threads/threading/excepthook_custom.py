# A custom threading.excepthook receives (exc_type, exc_value,
# exc_traceback, thread); __excepthook__ is the default one; a hook that
# raises makes the runtime print "Exception in threading.excepthook:".
import threading

seen = []

def hook(args):
    seen.append((args.exc_type.__name__, str(args.exc_value), args.thread.name,
                 args.exc_traceback is not None))

def broken():
    raise KeyError("lost")

threading.excepthook = hook
t = threading.Thread(target=broken, name="custom-hooked")
t.start()
t.join()
print(seen)
print(threading.__excepthook__ is not hook)

args = threading.ExceptHookArgs([ValueError, ValueError("v"), None, None])
print(args.exc_type, args.exc_value, args.exc_traceback, args.thread, len(args), tuple(args)[0])
try:
    threading.ExceptHookArgs([1, 2])
except TypeError as e:
    print("TypeError", type(e).__name__)

def raising_hook(args):
    raise OSError("hook failed")

threading.excepthook = raising_hook
t = threading.Thread(target=broken, name="bad-hook")
t.start()
t.join()
print("after bad hook")

threading.excepthook = threading.__excepthook__
t = threading.Thread(target=broken, name="default-again")
t.start()
t.join()
threading.__excepthook__(threading.ExceptHookArgs([SystemExit, SystemExit(1), None, None]))
print("done")
