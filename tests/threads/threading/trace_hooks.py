# settrace/setprofile record the hook and gettrace/getprofile return it
# (no thread is started while a hook is set: Interleave never calls them).
import threading

def tracer(frame, event, arg):
    return tracer

def profiler(frame, event, arg):
    pass

print(threading.gettrace(), threading.getprofile())
threading.settrace(tracer)
threading.setprofile(profiler)
print(threading.gettrace() is tracer, threading.getprofile() is profiler)
threading.settrace(None)
threading.setprofile(None)
print(threading.gettrace(), threading.getprofile())
t = threading.Thread(target=print, args=("thread runs without hooks",))
t.start()
t.join()
