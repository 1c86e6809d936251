# The convoy effect: one thread computes, another does many short I/O
# waits. Each time the I/O finishes, the I/O thread needs the GIL back and
# waits for the computing thread to give it up (a whole switch interval).
import threading
import time

def compute():
    total = 0
    for i in range(400_000):
        total += i % 7
    return total

def io_bound(rounds, out):
    start = time.perf_counter()
    for _ in range(rounds):
        time.sleep(0.0005)  # a fast disk or network round trip
    out.append(time.perf_counter() - start)

alone = []
io_bound(20, alone)

together = []
cpu = threading.Thread(target=compute)
io = threading.Thread(target=io_bound, args=(20, together))
cpu.start()
io.start()
io.join()
cpu.join()
print("20 I/O rounds done alone and next to a busy thread")
print(f"took {alone[0] * 1000:.1f} ms alone")
print(f"took {together[0] * 1000:.1f} ms next to the busy thread")
