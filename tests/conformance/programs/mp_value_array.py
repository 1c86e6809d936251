# multiprocessing.Value and Array: shared memory every process sees.
# `v.value += 1` is a read and a write under two separate acquisitions of
# the value's lock, so 4 processes lose updates; inside `with
# v.get_lock():` none is lost. Typecodes and conversions.
import multiprocessing as mp

N = 20000


def unlocked(v, n):
    for _ in range(n):
        v.value += 1


def locked(v, n):
    for _ in range(n):
        with v.get_lock():
            v.value += 1


def scale(arr, k):
    for i in range(len(arr)):
        arr[i] = arr[i] * k


if __name__ == "__main__":
    for f in (unlocked, locked):
        v = mp.Value("i", 0)
        ps = [mp.Process(target=f, args=(v, N)) for _ in range(4)]
        for p in ps:
            p.start()
        for p in ps:
            p.join()
        print(f.__name__, "all counted:", v.value == 4 * N, "lost some:", v.value < 4 * N)
    a = mp.Array("d", [1.5, 2.5, 4.0])
    p = mp.Process(target=scale, args=(a, 2))
    p.start()
    p.join()
    print(a[:], len(a), a[1:], a[-1])
    c = mp.Array("c", b"hi")
    print(c.value, c[:], mp.Array("i", 3)[:])
    print(mp.Value("d", 2).value, repr(mp.RawValue("i", 7)), mp.Value("i", 2**31).value)
    raw = mp.RawArray("b", [1, 2, 200])
    print(raw[:], mp.Value("c", b"x").value)
    for bad in (lambda: mp.Value("i", 1.5), lambda: mp.Value("i", "a"),
                lambda: mp.Value("d", "a"), lambda: mp.Value("z", 1)):
        try:
            bad()
        except TypeError as e:
            print("TypeError:", e)
