# Push-style pipelines: coroutines that receive items with send().

def coroutine(func):
    def start(*args, **kwargs):
        gen = func(*args, **kwargs)
        next(gen)
        return gen
    return start


@coroutine
def printer(prefix):
    while True:
        item = yield
        print(prefix, item)


@coroutine
def filter_by(predicate, target):
    while True:
        item = yield
        if predicate(item):
            target.send(item)


@coroutine
def mapper(func, target):
    while True:
        target.send(func((yield)))


@coroutine
def broadcast(*targets):
    while True:
        item = yield
        for t in targets:
            t.send(item)


@coroutine
def collector(bucket):
    while True:
        bucket.append((yield))


evens, big = [], []
sink = broadcast(
    filter_by(lambda n: n % 2 == 0, collector(evens)),
    mapper(lambda n: n * 100, filter_by(lambda n: n > 500, collector(big))),
    filter_by(lambda n: n in (3, 7), printer("special:")),
)
for n in range(10):
    sink.send(n)
print("evens:", evens)
print("big:", big)
sink.close()
try:
    sink.send(1)
except StopIteration:
    print("sending to a closed coroutine raises StopIteration")
