# multiprocessing.Manager: a server process owning a dict, a list, a
# Namespace and a Value that children fill through proxies (every call a
# round trip to it); values come back as copies; `d[k] += 1` is two
# calls, so a lock keeps concurrent increments whole.
import multiprocessing as mp


def fill(d, lst, ns, i):
    d[i] = i * i
    lst.append(i)
    ns.last = i


def bump(d, lock, times):
    for _ in range(times):
        with lock:
            d["n"] += 1


if __name__ == "__main__":
    with mp.Manager() as m:
        print(m._process.name, m._process.is_alive())
        d = m.dict()
        lst = m.list([10])
        ns = m.Namespace(title="demo")
        ps = [mp.Process(target=fill, args=(d, lst, ns, i)) for i in range(4)]
        for p in ps:
            p.start()
        for p in ps:
            p.join()
        print(sorted(d.items()), len(d), 3 in d, d.get(9, "none"))
        print(sorted(lst), len(lst), lst[0], ns.title, ns.last in range(4))
        copy = d.copy()
        copy["local"] = 1
        print("local" in d, type(copy).__name__, type(d._getvalue()).__name__)
        lst.extend([7, 8])
        lst[0] = -1
        print(list(lst)[:1], lst.count(7), lst.index(8) == len(lst) - 1)
        d["n"] = 0
        lock = m.Lock()
        ps = [mp.Process(target=bump, args=(d, lock, 50)) for _ in range(3)]
        for p in ps:
            p.start()
        for p in ps:
            p.join()
        print("with a lock:", d["n"])
        v = m.Value("i", 5)
        v.value += 1
        print(v.value, str(d.pop("n")), sorted(d.keys()))
        try:
            ns.missing
        except AttributeError as e:
            print("AttributeError:", e)
        server = m._process
    print("after with:", server.is_alive(), server.exitcode)
