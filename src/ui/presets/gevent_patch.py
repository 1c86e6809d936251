# gevent monkey patching: four greenlets that each call time.sleep(1).
# Before patching, time.sleep blocks the only thread and with it every
# greenlet; after monkey.patch_all() it is gevent.sleep, which lets the
# hub run the other greenlets meanwhile.
import time

import gevent
from gevent import monkey

def nap(n):
    time.sleep(1)
    return n

start = time.perf_counter()
gevent.joinall([gevent.spawn(nap, n) for n in range(4)])
unpatched = time.perf_counter() - start
print("before patching: 4 greenlets done")

monkey.patch_all()

start = time.perf_counter()
greenlets = [gevent.spawn(nap, n) for n in range(4)]
gevent.joinall(greenlets)
patched = time.perf_counter() - start
print("after patch_all():", [g.value for g in greenlets])
print("time.sleep is gevent.sleep:", time.sleep is gevent.sleep)
print(f"took {unpatched:.2f} s unpatched, {patched:.2f} s patched")
