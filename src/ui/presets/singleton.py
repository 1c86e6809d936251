# A thread-safe singleton. The unsafe version checks "is there an
# instance?" and then builds one: threads that all check before any has
# built make several. The safe one checks again under a lock.
import threading
import time

class Unsafe:
    _instance = None

    @classmethod
    def get(cls):
        if cls._instance is None:
            time.sleep(0.01)  # building takes a while (reading a config...)
            cls._instance = cls()
        return cls._instance

class Safe:
    _instance = None
    _lock = threading.Lock()

    @classmethod
    def get(cls):
        if cls._instance is None:
            with cls._lock:
                if cls._instance is None:
                    time.sleep(0.01)
                    cls._instance = cls()
        return cls._instance

def collect(kind, seen):
    seen.append(id(kind.get()))

for kind in (Unsafe, Safe):
    seen = []
    threads = [threading.Thread(target=collect, args=(kind, seen)) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(f"{kind.__name__}: {len(set(seen))} instance(s) for {len(seen)} threads")
