# active_count, enumerate, current_thread, main_thread, get_ident and
# get_native_id against the Thread objects.
import threading

print(threading.active_count(), [t.name for t in threading.enumerate()])
main = threading.main_thread()
print(main is threading.current_thread(), main.ident == threading.get_ident())
print(main.native_id == threading.get_native_id())
print(repr(main).replace(str(main.ident), "IDENT"))

ready = threading.Barrier(4)
go = threading.Event()
facts = {}

def worker(k):
    me = threading.current_thread()
    facts[k] = (me.ident == threading.get_ident(),
                me.native_id == threading.get_native_id(),
                me is not main,
                threading.main_thread() is main)
    ready.wait()
    go.wait()

ts = [threading.Thread(target=worker, args=(k,), name=f"w{k}") for k in range(3)]
for t in ts:
    t.start()
ready.wait()
print(threading.active_count(), sorted(t.name for t in threading.enumerate()))
print(all(t in threading.enumerate() for t in ts))
print(len({t.ident for t in ts}), len({t.native_id for t in ts}))
go.set()
for t in ts:
    t.join()
print(facts)
print(threading.active_count(), [t.name for t in threading.enumerate()])
print(ts[0] in threading.enumerate())
