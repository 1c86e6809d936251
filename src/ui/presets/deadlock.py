# Deadlock with crossed locks: one thread takes A then B, the other B then
# A. Each gets its first lock and waits forever for the other's. Real
# Python hangs here; the simulator sees that nobody can move and says so.
import threading
import time

lock_a = threading.Lock()
lock_b = threading.Lock()

def first():
    with lock_a:
        print("first: has A, wants B")
        time.sleep(0.01)
        with lock_b:
            print("first: has both")

def second():
    with lock_b:
        print("second: has B, wants A")
        time.sleep(0.01)
        with lock_a:
            print("second: has both")

t1 = threading.Thread(target=first, name="first")
t2 = threading.Thread(target=second, name="second")
t1.start()
time.sleep(0.001)
t2.start()
t1.join()
t2.join()
print("never printed")
