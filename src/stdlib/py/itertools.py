"""itertools: iterator building blocks (Interleave's own version of
CPython 3.11's C module: the same types, reprs, messages and consumption
order, written as Python classes)."""

__all__ = ['accumulate', 'chain', 'combinations', 'combinations_with_replacement',
           'compress', 'count', 'cycle', 'dropwhile', 'filterfalse', 'groupby',
           'islice', 'pairwise', 'permutations', 'product', 'repeat', 'starmap',
           'takewhile', 'tee', 'zip_longest']

_MAXSIZE = 9223372036854775807


def _check_no_kwargs(name, kwargs):
    if kwargs:
        raise TypeError(f'{name}() takes no keyword arguments')


class count:
    """count(start=0, step=1): start, start+step, start+2*step, ..."""

    def __init__(self, start=0, step=1):
        for v in (start, step):
            if not _is_number(v):
                raise TypeError('a number is required')
        self._n = start
        self._step = step

    def __iter__(self):
        return self

    def __next__(self):
        n = self._n
        self._n = n + self._step
        return n

    def __repr__(self):
        step = self._step
        if type(step) is int and step == 1:
            return f'count({self._n!r})'
        return f'count({self._n!r}, {step!r})'

    def __reduce__(self):
        return type(self), (self._n, self._step)


def _is_number(v):
    if isinstance(v, (int, float)) or type(v).__name__ == 'complex':
        return True
    t = type(v)
    return hasattr(t, '__index__') or hasattr(t, '__float__') or hasattr(t, '__int__')


class cycle:
    """cycle(iterable): the items of iterable, then the saved copy, forever."""

    def __init__(self, *args, **kwargs):
        _check_no_kwargs('cycle', kwargs)
        if len(args) != 1:
            raise TypeError(f'cycle expected 1 argument, got {len(args)}')
        self._it = iter(args[0])
        self._saved = []
        self._index = 0
        self._first_pass = True

    def __iter__(self):
        return self

    def __next__(self):
        if self._it is not None:
            try:
                item = next(self._it)
            except StopIteration:
                self._it = None
            else:
                if self._first_pass:
                    self._saved.append(item)
                return item
        saved = self._saved
        if not saved:
            raise StopIteration
        item = saved[self._index]
        self._index += 1
        if self._index >= len(saved):
            self._index = 0
        return item


class repeat:
    """repeat(object [,times]): object forever, or times times."""

    def __init__(self, *args, **kwargs):
        if 'object' in kwargs:
            args = (kwargs.pop('object'),) + args
        if 'times' in kwargs:
            args = args + (kwargs.pop('times'),)
        if kwargs:
            name = next(iter(kwargs))
            raise TypeError(f"repeat() got an unexpected keyword argument '{name}'")
        if not args:
            raise TypeError("repeat() missing required argument 'object' (pos 1)")
        if len(args) > 2:
            raise TypeError(f'repeat() takes at most 2 arguments ({len(args)} given)')
        self._object = args[0]
        if len(args) == 2:
            times = args[1]
            if not isinstance(times, int):
                raise TypeError(f"'{type(times).__name__}' object cannot be interpreted as an integer")
            self._times = times if times > 0 else 0
        else:
            self._times = None

    def __iter__(self):
        return self

    def __next__(self):
        times = self._times
        if times is None:
            return self._object
        if times <= 0:
            raise StopIteration
        self._times = times - 1
        return self._object

    def __length_hint__(self):
        if self._times is None:
            raise TypeError("len() of unsized object")
        return self._times

    def __repr__(self):
        if self._times is None:
            return f'repeat({self._object!r})'
        return f'repeat({self._object!r}, {self._times})'


class accumulate:
    """accumulate(iterable, func=None, *, initial=None): running totals."""

    def __init__(self, iterable, func=None, *, initial=None):
        self._it = iter(iterable)
        self._func = func
        self._total = initial
        self._initial = initial is not None

    def __iter__(self):
        return self

    def __next__(self):
        if self._initial:
            self._initial = False
            return self._total
        item = next(self._it)
        total = self._total
        if total is None:
            self._total = item
            return item
        if self._func is None:
            total = total + item
        else:
            total = self._func(total, item)
        self._total = total
        return total


class chain:
    """chain(*iterables): the items of the first iterable, then of the next…"""

    def __init__(self, *iterables, **kwargs):
        _check_no_kwargs('chain', kwargs)
        self._source = iter(iterables)
        self._active = None

    @classmethod
    def from_iterable(cls, iterable):
        """chain.from_iterable(iterable): chain the iterables iterable yields."""
        self = cls.__new__(cls)
        self._source = iter(iterable)
        self._active = None
        return self

    def __iter__(self):
        return self

    def __next__(self):
        while True:
            if self._active is None:
                if self._source is None:
                    raise StopIteration
                try:
                    iterable = next(self._source)
                except StopIteration:
                    self._source = None
                    raise
                self._active = iter(iterable)
            try:
                return next(self._active)
            except StopIteration:
                self._active = None


class compress:
    """compress(data, selectors): the items of data whose selector is true."""

    def __init__(self, data, selectors):
        self._data = iter(data)
        self._selectors = iter(selectors)

    def __iter__(self):
        return self

    def __next__(self):
        while True:
            item = next(self._data)
            if next(self._selectors):
                return item


class dropwhile:
    """dropwhile(predicate, iterable): skip items while predicate holds."""

    def __init__(self, predicate, iterable):
        self._predicate = predicate
        self._it = iter(iterable)
        self._dropping = True

    def __iter__(self):
        return self

    def __next__(self):
        while True:
            item = next(self._it)
            if not self._dropping:
                return item
            if not self._predicate(item):
                self._dropping = False
                return item


class takewhile:
    """takewhile(predicate, iterable): items while predicate holds."""

    def __init__(self, predicate, iterable):
        self._predicate = predicate
        self._it = iter(iterable)
        self._stopped = False

    def __iter__(self):
        return self

    def __next__(self):
        if self._stopped:
            raise StopIteration
        item = next(self._it)
        if self._predicate(item):
            return item
        self._stopped = True
        raise StopIteration


class filterfalse:
    """filterfalse(function or None, iterable): items for which it is false."""

    def __init__(self, function, iterable):
        self._function = function
        self._it = iter(iterable)

    def __iter__(self):
        return self

    def __next__(self):
        function = self._function
        while True:
            item = next(self._it)
            ok = bool(item) if function is None else function(item)
            if not ok:
                return item


class starmap:
    """starmap(function, iterable): function(*args) for each args."""

    def __init__(self, function, iterable):
        self._function = function
        self._it = iter(iterable)

    def __iter__(self):
        return self

    def __next__(self):
        args = next(self._it)
        return self._function(*args)


_ISLICE_STOP = 'Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.'
_ISLICE_INDICES = 'Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.'


def _islice_int(v, message):
    if v is None:
        return None
    if isinstance(v, int) and not isinstance(v, bool) or type(v) is bool:
        n = int(v)
    elif hasattr(type(v), '__index__'):
        n = type(v).__index__(v)
    else:
        raise ValueError(message)
    if n < 0 or n > _MAXSIZE:
        raise ValueError(message)
    return n


class islice:
    """islice(iterable, stop) or islice(iterable, start, stop[, step])."""

    def __init__(self, *args, **kwargs):
        _check_no_kwargs('islice', kwargs)
        if len(args) < 2:
            raise TypeError(f'islice expected at least 2 arguments, got {len(args)}')
        if len(args) > 4:
            raise TypeError(f'islice expected at most 4 arguments, got {len(args)}')
        iterable = args[0]
        start, step = 0, 1
        if len(args) == 2:
            stop = _islice_int(args[1], _ISLICE_STOP)
        else:
            stop = _islice_int(args[2], _ISLICE_STOP)
            start = _islice_int(args[1], _ISLICE_INDICES)
            if start is None:
                start = 0
            if len(args) == 4 and args[3] is not None:
                step = args[3]
                if not isinstance(step, int) or step <= 0:
                    raise ValueError('Step for islice() must be a positive integer or None.')
        self._it = iter(iterable)
        self._next = start
        self._stop = stop
        self._step = step
        self._count = 0

    def __iter__(self):
        return self

    def __next__(self):
        it = self._it
        if it is None:
            raise StopIteration
        stop = self._stop
        try:
            while self._count < self._next:
                next(it)
                self._count += 1
            if stop is not None and self._count >= stop:
                raise StopIteration
            item = next(it)
        except StopIteration:
            self._it = None
            raise
        self._count += 1
        following = self._next + self._step
        if stop is not None and following > stop:
            following = stop
        self._next = following
        return item


class pairwise:
    """pairwise(iterable): overlapping pairs (a, b), (b, c), …"""

    def __init__(self, iterable):
        self._it = iter(iterable)
        self._old = _NOTHING

    def __iter__(self):
        return self

    def __next__(self):
        it = self._it
        if it is None:
            raise StopIteration
        old = self._old
        try:
            if old is _NOTHING:
                old = next(it)
            new = next(it)
        except StopIteration:
            self._it = None
            self._old = _NOTHING
            raise
        self._old = new
        return (old, new)


_NOTHING = object()


class zip_longest:
    """zip_longest(*iterables, fillvalue=None): zip, padding the shorter."""

    def __init__(self, *iterables, **kwargs):
        fillvalue = None
        if kwargs:
            if list(kwargs) != ['fillvalue']:
                raise TypeError('zip_longest() got an unexpected keyword argument')
            fillvalue = kwargs['fillvalue']
        self._its = [iter(i) for i in iterables]
        self._active = len(self._its)
        self._fillvalue = fillvalue

    def __iter__(self):
        return self

    def __next__(self):
        its = self._its
        if not its or not self._active:
            raise StopIteration
        result = []
        for i, it in enumerate(its):
            if it is None:
                result.append(self._fillvalue)
                continue
            try:
                item = next(it)
            except StopIteration:
                self._active -= 1
                if not self._active:
                    self._its = []
                    raise
                its[i] = None
                item = self._fillvalue
            result.append(item)
        return tuple(result)


class groupby:
    """groupby(iterable, key=None): (key, group) for each run of equal keys."""

    def __init__(self, iterable, key=None):
        self._it = iter(iterable)
        self._keyfunc = key
        self._tgtkey = _NOTHING
        self._currkey = _NOTHING
        self._currvalue = _NOTHING
        self._currgrouper = None

    def __iter__(self):
        return self

    def _step(self):
        value = next(self._it)
        key = value if self._keyfunc is None else self._keyfunc(value)
        self._currvalue = value
        self._currkey = key

    def __next__(self):
        self._currgrouper = None
        while True:
            if self._currkey is _NOTHING:
                pass
            elif self._tgtkey is _NOTHING:
                break
            elif not self._tgtkey == self._currkey:
                break
            self._step()
        self._tgtkey = self._currkey
        grouper = _grouper(self, self._tgtkey)
        return (self._currkey, grouper)


class _grouper:
    def __init__(self, parent, tgtkey):
        self._parent = parent
        self._tgtkey = tgtkey
        parent._currgrouper = self

    def __iter__(self):
        return self

    def __next__(self):
        parent = self._parent
        if parent._currgrouper is not self:
            raise StopIteration
        if parent._currvalue is _NOTHING:
            parent._step()
        if not self._tgtkey == parent._currkey:
            raise StopIteration
        value = parent._currvalue
        parent._currvalue = _NOTHING
        return value


class _tee_link:
    __slots__ = ('value', 'next')

    def __init__(self):
        self.next = None


class _tee:
    """One of the independent iterators made by tee(), sharing a buffer."""

    def __init__(self, source, link):
        self._source = source
        self._link = link

    def __iter__(self):
        return self

    def __next__(self):
        link = self._link
        if link.next is None:
            value = next(self._source[0])
            link.value = value
            link.next = _tee_link()
        self._link = link.next
        return link.value

    def __copy__(self):
        return _tee(self._source, self._link)


def tee(iterable, n=2):
    """tee(iterable, n=2): n independent iterators over one iterable."""
    if not isinstance(n, int):
        raise TypeError(f"'{type(n).__name__}' object cannot be interpreted as an integer")
    if n < 0:
        raise ValueError('n must be >= 0')
    if n == 0:
        return ()
    it = iter(iterable)
    if isinstance(it, _tee):
        first = it
    else:
        first = _tee([it], _tee_link())
    result = [first]
    for _ in range(n - 1):
        result.append(first.__copy__())
    return tuple(result)


class product:
    """product(*iterables, repeat=1): the cartesian product, as tuples."""

    def __init__(self, *iterables, repeat=1):
        if not isinstance(repeat, int):
            raise TypeError(f"'{type(repeat).__name__}' object cannot be interpreted as an integer")
        if repeat < 0:
            raise ValueError('repeat argument cannot be negative')
        pools = [tuple(p) for p in iterables] * repeat
        self._pools = pools
        self._indices = None
        self._done = False
        for p in pools:
            if not p:
                self._done = True

    def __iter__(self):
        return self

    def __next__(self):
        if self._done:
            raise StopIteration
        pools = self._pools
        indices = self._indices
        if indices is None:
            self._indices = [0] * len(pools)
            return tuple(p[0] for p in pools)
        i = len(pools) - 1
        while i >= 0:
            indices[i] += 1
            if indices[i] < len(pools[i]):
                break
            indices[i] = 0
            i -= 1
        if i < 0:
            self._done = True
            raise StopIteration
        return tuple(pools[k][indices[k]] for k in range(len(pools)))


def _check_r(r):
    if not isinstance(r, int):
        raise TypeError(f"'{type(r).__name__}' object cannot be interpreted as an integer")
    if r < 0:
        raise ValueError('r must be non-negative')


class permutations:
    """permutations(iterable, r=None): r-length orderings of the items."""

    def __init__(self, iterable, r=None):
        pool = tuple(iterable)
        n = len(pool)
        if r is None:
            r = n
        else:
            _check_r(r)
        self._pool = pool
        self._r = r
        self._indices = list(range(n))
        self._cycles = list(range(n, n - r, -1))
        self._started = False
        self._done = r > n

    def __iter__(self):
        return self

    def __next__(self):
        if self._done:
            raise StopIteration
        pool, r, indices, cycles = self._pool, self._r, self._indices, self._cycles
        if not self._started:
            self._started = True
            return tuple(pool[i] for i in indices[:r])
        n = len(pool)
        if n == 0:
            self._done = True
            raise StopIteration
        for i in reversed(range(r)):
            cycles[i] -= 1
            if cycles[i] == 0:
                indices[i:] = indices[i + 1:] + indices[i:i + 1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                return tuple(pool[k] for k in indices[:r])
        self._done = True
        raise StopIteration


class combinations:
    """combinations(iterable, r): r-length subsequences, in order."""

    def __init__(self, iterable, r):
        _check_r(r)
        pool = tuple(iterable)
        self._pool = pool
        self._r = r
        self._indices = list(range(r))
        self._started = False
        self._done = r > len(pool)

    def __iter__(self):
        return self

    def __next__(self):
        if self._done:
            raise StopIteration
        pool, r, indices = self._pool, self._r, self._indices
        if not self._started:
            self._started = True
            return tuple(pool[i] for i in indices)
        n = len(pool)
        for i in reversed(range(r)):
            if indices[i] != i + n - r:
                break
        else:
            self._done = True
            raise StopIteration
        indices[i] += 1
        for j in range(i + 1, r):
            indices[j] = indices[j - 1] + 1
        return tuple(pool[k] for k in indices)


class combinations_with_replacement:
    """combinations_with_replacement(iterable, r): r-length subsequences
    allowing repeated items, in order."""

    def __init__(self, iterable, r):
        _check_r(r)
        pool = tuple(iterable)
        self._pool = pool
        self._r = r
        self._indices = [0] * r
        self._started = False
        self._done = not pool and r > 0

    def __iter__(self):
        return self

    def __next__(self):
        if self._done:
            raise StopIteration
        pool, r, indices = self._pool, self._r, self._indices
        if not self._started:
            self._started = True
            return tuple(pool[i] for i in indices)
        n = len(pool)
        for i in reversed(range(r)):
            if indices[i] != n - 1:
                break
        else:
            self._done = True
            raise StopIteration
        indices[i:] = [indices[i] + 1] * (r - i)
        return tuple(pool[k] for k in indices)
