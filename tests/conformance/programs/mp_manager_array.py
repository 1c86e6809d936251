# A Manager's Array and Value shared by worker processes: each worker
# writes its own slots, so no lock is needed; the parent prints the
# array as CPython's array.array prints, slices it and reads it back.
from multiprocessing import Manager, Process


def square_slots(arr, start, step):
    for i in range(start, len(arr), step):
        arr[i] = arr[i] * arr[i]


def count_done(done, lock):
    with lock:
        done.value += 1


if __name__ == "__main__":
    with Manager() as manager:
        arr = manager.Array("i", range(8))
        done = manager.Value("i", 0)
        lock = manager.Lock()
        print("before:", arr, len(arr))
        workers = [Process(target=square_slots, args=(arr, k, 2)) for k in range(2)]
        workers += [Process(target=count_done, args=(done, lock)) for _ in range(3)]
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        print("after:", arr)
        print("first half:", arr[:4], "last:", arr[-1])
        print("as a list:", list(arr[:]), sum(arr[:]))
        print("done:", done.value, done)
        try:
            arr.append(64)
        except AttributeError as e:
            print("AttributeError:", e)
        print(repr(arr).split(" at 0x")[0] + ">")
