# Python versions of builtins that consume iterators, which the VM calls
# instead of the builtins when an argument is a Python generator or class
# instance (Vm::collect_on_stack): their loops step the generator on the
# thread's own frame stack, so it may block (waiting for a worker thread)
# or be preempted. Same results as the builtins; frames hidden from
# tracebacks (file <interleave>).


def enumerate(it, start=0):
    n = start
    for x in it:
        yield n, x
        n += 1


def zip(*its, _iter=iter, _tuple=tuple):
    iters = [_iter(i) for i in its]
    if not iters:
        return
    while True:
        row = []
        for i in iters:
            for x in i:
                row.append(x)
                break
            else:
                return
        yield _tuple(row)


def map(f, *its):
    if len(its) == 1:
        for x in its[0]:
            yield f(x)
    else:
        for args in zip(*its):
            yield f(*args)


def filter(f, it):
    for x in it:
        if (x if f is None else f(x)):
            yield x


def list(g):
    r = []
    for x in g:
        r.append(x)
    return r


def tuple(g, _list=list, _tuple=tuple):
    return _tuple(_list(g))


def set(g, _list=list, _set=set):
    return _set(_list(g))


def sorted(g, /, *, key=None, reverse=False, _list=list, _sorted=sorted):
    return _sorted(_list(g), key=key, reverse=reverse)


def sum(g, /, start=0, _list=list, _sum=sum):
    return _sum(_list(g), start)


def any(g):
    for x in g:
        if x:
            return True
    return False


def all(g):
    for x in g:
        if not x:
            return False
    return True
