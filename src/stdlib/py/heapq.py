"""heapq: a binary min-heap kept in a plain list (heap[k] <= heap[2*k+1]
and heap[k] <= heap[2*k+2]), CPython 3.11's functions and messages.

Written for Interleave; the algorithms follow the documented behaviour of
CPython's heapq (the same sift order, so the list looks the same after
every call). Only `<` is used to compare items."""

__all__ = ['heappush', 'heappop', 'heapify', 'heapreplace', 'merge',
           'nlargest', 'nsmallest', 'heappushpop']


def _check_list(heap, fname, what="argument 1"):
    if not isinstance(heap, list):
        raise TypeError(f"{fname}() {what} must be list, not {type(heap).__name__}")


def _sift_toward_root(heap, start, pos):
    # The item at pos moves up while it is smaller than its parent.
    item = heap[pos]
    while pos > start:
        parent = (pos - 1) >> 1
        above = heap[parent]
        if item < above:
            heap[pos] = above
            pos = parent
            continue
        break
    heap[pos] = item


def _sift_toward_leaves(heap, pos):
    # Move the hole at pos down to a leaf along the smaller children, then
    # let the displaced item bubble back up (fewer comparisons on average).
    end = len(heap)
    start = pos
    item = heap[pos]
    child = 2 * pos + 1
    while child < end:
        right = child + 1
        if right < end and not heap[child] < heap[right]:
            child = right
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = item
    _sift_toward_root(heap, start, pos)


def heappush(heap, item):
    """Push item onto heap, maintaining the heap invariant."""
    _check_list(heap, "heappush")
    heap.append(item)
    _sift_toward_root(heap, 0, len(heap) - 1)


def heappop(heap):
    """Pop the smallest item off the heap, maintaining the heap invariant."""
    _check_list(heap, "heappop", "argument")
    if not heap:
        raise IndexError("index out of range")
    last = heap.pop()
    if heap:
        smallest = heap[0]
        heap[0] = last
        _sift_toward_leaves(heap, 0)
        return smallest
    return last


def heapreplace(heap, item):
    """Pop and return the smallest item, then push item (the heap keeps
    its size)."""
    _check_list(heap, "heapreplace")
    if not heap:
        raise IndexError("index out of range")
    smallest = heap[0]
    heap[0] = item
    _sift_toward_leaves(heap, 0)
    return smallest


def heappushpop(heap, item):
    """Push item, then pop and return the smallest item (faster than a
    heappush followed by a heappop)."""
    _check_list(heap, "heappushpop")
    if heap and heap[0] < item:
        item, heap[0] = heap[0], item
        _sift_toward_leaves(heap, 0)
    return item


def heapify(x):
    """Transform list x into a heap, in place, in linear time."""
    _check_list(x, "heapify", "argument")
    for i in reversed(range(len(x) // 2)):
        _sift_toward_leaves(x, i)


# ---- max-heap helpers (used by merge(reverse=True) and nlargest) --------

def _max_sift_toward_root(heap, start, pos):
    item = heap[pos]
    while pos > start:
        parent = (pos - 1) >> 1
        above = heap[parent]
        if above < item:
            heap[pos] = above
            pos = parent
            continue
        break
    heap[pos] = item


def _max_sift_toward_leaves(heap, pos):
    end = len(heap)
    start = pos
    item = heap[pos]
    child = 2 * pos + 1
    while child < end:
        right = child + 1
        if right < end and not heap[right] < heap[child]:
            child = right
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = item
    _max_sift_toward_root(heap, start, pos)


def _max_heapify(x):
    for i in reversed(range(len(x) // 2)):
        _max_sift_toward_leaves(x, i)


def _max_heapreplace(heap, item):
    top = heap[0]
    heap[0] = item
    _max_sift_toward_leaves(heap, 0)
    return top


def _max_heappop(heap):
    last = heap.pop()
    if heap:
        top = heap[0]
        heap[0] = last
        _max_sift_toward_leaves(heap, 0)
        return top
    return last


def merge(*iterables, key=None, reverse=False):
    """Merge sorted inputs into one sorted output (a generator).

    Equal items come out in the order of the iterables they came from."""
    if reverse:
        heapify_, pop_, replace_, sign = _max_heapify, _max_heappop, _max_heapreplace, -1
    else:
        heapify_, pop_, replace_, sign = heapify, heappop, heapreplace, 1
    # Entries: [key, order, value, next]; order breaks ties by input position.
    entries = []
    for order, it in enumerate(map(iter, iterables)):
        nxt = it.__next__
        try:
            value = nxt()
        except StopIteration:
            continue
        k = value if key is None else key(value)
        entries.append([k, order * sign, value, nxt])
    heapify_(entries)
    while len(entries) > 1:
        try:
            while True:
                entry = entries[0]
                yield entry[2]
                value = entry[3]()
                entry[0] = value if key is None else key(value)
                entry[2] = value
                replace_(entries, entry)
        except StopIteration:
            pop_(entries)
    if entries:
        entry = entries[0]
        yield entry[2]
        nxt = entry[3]
        while True:
            try:
                value = nxt()
            except StopIteration:
                return
            yield value


def _select(n, iterable, key, largest):
    # The n best items of iterable, best first, ties in input order:
    # the same answer as sorted(iterable, key=key, reverse=largest)[:n].
    if n == 1:
        it = iter(iterable)
        sentinel = object()
        pick = max if largest else min
        if key is None:
            result = pick(it, default=sentinel)
        else:
            result = pick(it, default=sentinel, key=key)
        return [] if result is sentinel else [result]
    try:
        size = len(iterable)
    except (TypeError, AttributeError):
        pass
    else:
        if n >= size:
            return sorted(iterable, key=key, reverse=largest)[:n]
    if n <= 0:
        return []
    # Keep the n best seen so far in a heap whose root is the worst of
    # them; each entry is (key, order, item), where order makes earlier
    # items win ties.
    it = iter(iterable)
    if largest:
        counter, step = 0, -1
    else:
        counter, step = 0, 1
    worst_first = []
    for item in it:
        k = item if key is None else key(item)
        worst_first.append((k, counter, item))
        counter += step
        if len(worst_first) == n:
            break
    if not worst_first:
        return []
    if largest:
        heapify(worst_first)
        for item in it:
            k = item if key is None else key(item)
            if worst_first[0][0] < k:
                heapreplace(worst_first, (k, counter, item))
                counter += step
        worst_first.sort(reverse=True)
    else:
        _max_heapify(worst_first)
        for item in it:
            k = item if key is None else key(item)
            if k < worst_first[0][0]:
                _max_heapreplace(worst_first, (k, counter, item))
                counter += step
        worst_first.sort()
    return [entry[2] for entry in worst_first]


def nsmallest(n, iterable, key=None):
    """The n smallest items of iterable, as a list
    (sorted(iterable, key=key)[:n])."""
    return _select(n, iterable, key, False)


def nlargest(n, iterable, key=None):
    """The n largest items of iterable, as a list
    (sorted(iterable, key=key, reverse=True)[:n])."""
    return _select(n, iterable, key, True)
