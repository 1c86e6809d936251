# The errors of Thread: start twice, join before start, join itself,
# daemon of an active thread, a subclass that forgot Thread.__init__.
import threading

t = threading.Thread(target=lambda: None)
try:
    t.join()
except RuntimeError as e:
    print("join before start:", e)
t.start()
try:
    t.start()
except RuntimeError as e:
    print("start twice:", e)
try:
    t.daemon = True
except RuntimeError as e:
    print("daemon:", e)
t.join()
try:
    t.start()
except RuntimeError as e:
    print("start after end:", e)

def join_self():
    try:
        threading.current_thread().join()
    except RuntimeError as e:
        print("join self:", e)

j = threading.Thread(target=join_self)
j.start()
j.join()
try:
    threading.main_thread().join(0.01)
except RuntimeError as e:
    print("join main:", e)

class Forgot(threading.Thread):
    def __init__(self):
        pass

f = Forgot()
for action in (f.start, f.join):
    try:
        action()
    except RuntimeError as e:
        print(action.__name__, e)
try:
    f.daemon = True
except RuntimeError as e:
    print("daemon:", e)
try:
    f.name
except AssertionError as e:
    print("name:", e)
try:
    repr(f)
except AssertionError as e:
    print("repr:", e)
try:
    threading.Thread(group=1)
except AssertionError as e:
    print("group:", e)
print(threading.active_count())
