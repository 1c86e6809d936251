"""multiprocessing.dummy: the multiprocessing API on threads, after
CPython 3.11's Lib/multiprocessing/dummy and the ThreadPool of
Lib/multiprocessing/pool.py.

ThreadPool keeps Pool's structure: `processes` daemon worker threads
(named `Thread-N (worker)`), then three handler threads — the task handler
feeds the workers' queue, the result handler stores results and runs the
callbacks (callback/error_callback run there, as in CPython), the worker
handler waits for the pool to close and its jobs to finish. map() cuts the
work in chunks of ceil(len / (4 * processes)).
"""

import itertools
import os
import queue
import threading
from collections import deque

__all__ = [
    'Process', 'current_process', 'active_children', 'freeze_support',
    'Lock', 'RLock', 'Semaphore', 'BoundedSemaphore', 'Condition',
    'Event', 'Barrier', 'Queue', 'Manager', 'Pipe', 'Pool', 'JoinableQueue',
    'ThreadPool', 'Value', 'Array', 'Namespace',
]

from threading import Lock, RLock, Semaphore, BoundedSemaphore
from threading import Event, Condition, Barrier
from queue import Queue

JoinableQueue = Queue


class DummyProcess(threading.Thread):

    def __init__(self, group=None, target=None, name=None, args=(), kwargs={}):
        threading.Thread.__init__(self, group, target, name, args, kwargs)
        self._pid = None
        self._children = {}
        self._start_called = False
        self._parent = current_process()

    def start(self):
        if self._parent is not current_process():
            raise RuntimeError(
                "Parent is {0!r} but current_process is {1!r}".format(
                    self._parent, current_process()))
        self._start_called = True
        if hasattr(self._parent, '_children'):
            self._parent._children[self] = None
        threading.Thread.start(self)

    @property
    def exitcode(self):
        if self._start_called and not self.is_alive():
            return 0
        else:
            return None


Process = DummyProcess
current_process = threading.current_thread
current_process()._children = {}


def active_children():
    children = current_process()._children
    for p in list(children):
        if not p.is_alive():
            children.pop(p, None)
    return list(children)


def freeze_support():
    pass


class Namespace(object):
    def __init__(self, /, **kwds):
        self.__dict__.update(kwds)

    def __repr__(self):
        items = list(self.__dict__.items())
        temp = []
        for name, value in items:
            if not name.startswith('_'):
                temp.append('%s=%r' % (name, value))
        temp.sort()
        return '%s(%s)' % (self.__class__.__name__, ', '.join(temp))


dict = dict
list = list


def Array(typecode, sequence, lock=True):
    from array import array
    return array(typecode, sequence)


class Value(object):
    def __init__(self, typecode, value, lock=True):
        self._typecode = typecode
        self._value = value

    @property
    def value(self):
        return self._value

    @value.setter
    def value(self, value):
        self._value = value

    def __repr__(self):
        return '<%s(%r, %r)>' % (type(self).__name__, self._typecode, self._value)


def Manager():
    return __import__('multiprocessing.dummy').dummy


def shutdown():
    pass


def Pool(processes=None, initializer=None, initargs=()):
    return ThreadPool(processes, initializer, initargs)


# ---------------------------------------------------------------------------
# the pool (multiprocessing/pool.py's Pool, as ThreadPool runs it)
# ---------------------------------------------------------------------------

INIT = "INIT"
RUN = "RUN"
CLOSE = "CLOSE"
TERMINATE = "TERMINATE"

job_counter = itertools.count()


def mapstar(args):
    func, chunk = args
    return [func(x) for x in chunk]


def starmapstar(args):
    func, chunk = args
    return [func(*x) for x in chunk]


def worker(inqueue, outqueue, initializer=None, initargs=(), maxtasks=None,
           wrap_exception=False):
    if initializer is not None:
        initializer(*initargs)
    completed = 0
    while maxtasks is None or (maxtasks and completed < maxtasks):
        task = inqueue.get()
        if task is None:
            break
        job, i, func, args, kwds = task
        try:
            result = (True, func(*args, **kwds))
        except Exception as e:
            result = (False, e)
        outqueue.put((job, i, result))
        task = job = result = func = args = kwds = None
        completed += 1


def _helper_reraises_exception(ex):
    raise ex


class _PoolCache:
    """The pending jobs by id; tells the worker handler when the last one
    ends."""

    def __init__(self, notifier=None):
        self.notifier = notifier
        self._jobs = {}

    def __getitem__(self, job):
        return self._jobs[job]

    def __setitem__(self, job, result):
        self._jobs[job] = result

    def __delitem__(self, job):
        del self._jobs[job]
        if not self._jobs:
            self.notifier.put(None)

    def __len__(self):
        return len(self._jobs)


class ThreadPool(object):
    """A pool of worker threads with Pool's API."""

    _wrap_exception = False

    def __init__(self, processes=None, initializer=None, initargs=()):
        self._pool = []
        self._state = INIT
        self._inqueue = queue.SimpleQueue()
        self._outqueue = queue.SimpleQueue()
        self._quick_put = self._inqueue.put
        self._quick_get = self._outqueue.get
        self._taskqueue = queue.SimpleQueue()
        self._change_notifier = queue.SimpleQueue()
        self._cache = _PoolCache(notifier=self._change_notifier)
        self._initializer = initializer
        self._initargs = initargs
        if processes is None:
            processes = os.cpu_count() or 1
        if processes < 1:
            raise ValueError("Number of processes must be at least 1")
        if initializer is not None and not callable(initializer):
            raise TypeError('initializer must be a callable')
        self._processes = processes
        for i in range(processes):
            w = DummyProcess(target=worker,
                             args=(self._inqueue, self._outqueue,
                                   initializer, initargs, None, False))
            w.daemon = True
            w.start()
            self._pool.append(w)

        self._worker_handler = threading.Thread(
            target=_handle_workers, args=(self,))
        self._worker_handler.daemon = True
        self._worker_handler._state = RUN
        self._worker_handler.start()

        self._task_handler = threading.Thread(
            target=_handle_tasks,
            args=(self._taskqueue, self._quick_put, self._outqueue,
                  self._pool, self._cache))
        self._task_handler.daemon = True
        self._task_handler._state = RUN
        self._task_handler.start()

        self._result_handler = threading.Thread(
            target=_handle_results,
            args=(self._outqueue, self._quick_get, self._cache))
        self._result_handler.daemon = True
        self._result_handler._state = RUN
        self._result_handler.start()
        self._terminated = False
        self._state = RUN

    def __repr__(self):
        cls = self.__class__
        return (f'<{cls.__module__}.{cls.__qualname__} '
                f'state={self._state} '
                f'pool_size={len(self._pool)}>')

    def _check_running(self):
        if self._state != RUN:
            raise ValueError("Pool not running")

    def apply(self, func, args=(), kwds={}):
        return self.apply_async(func, args, kwds).get()

    def map(self, func, iterable, chunksize=None):
        return self._map_async(func, iterable, mapstar, chunksize).get()

    def starmap(self, func, iterable, chunksize=None):
        return self._map_async(func, iterable, starmapstar, chunksize).get()

    def starmap_async(self, func, iterable, chunksize=None, callback=None,
                      error_callback=None):
        return self._map_async(func, iterable, starmapstar, chunksize,
                               callback, error_callback)

    def _guarded_task_generation(self, result_job, func, iterable):
        try:
            i = -1
            for i, x in enumerate(iterable):
                yield (result_job, i, func, (x,), {})
        except Exception as e:
            yield (result_job, i + 1, _helper_reraises_exception, (e,), {})

    def imap(self, func, iterable, chunksize=1):
        self._check_running()
        if chunksize == 1:
            result = IMapIterator(self)
            self._taskqueue.put(
                (self._guarded_task_generation(result._job, func, iterable),
                 result._set_length))
            return result
        if chunksize < 1:
            raise ValueError("Chunksize must be 1+, not {0:n}".format(chunksize))
        task_batches = _get_tasks(func, iterable, chunksize)
        result = IMapIterator(self)
        self._taskqueue.put(
            (self._guarded_task_generation(result._job, mapstar, task_batches),
             result._set_length))
        return _chained(result)

    def imap_unordered(self, func, iterable, chunksize=1):
        self._check_running()
        if chunksize == 1:
            result = IMapUnorderedIterator(self)
            self._taskqueue.put(
                (self._guarded_task_generation(result._job, func, iterable),
                 result._set_length))
            return result
        if chunksize < 1:
            raise ValueError("Chunksize must be 1+, not {0!r}".format(chunksize))
        task_batches = _get_tasks(func, iterable, chunksize)
        result = IMapUnorderedIterator(self)
        self._taskqueue.put(
            (self._guarded_task_generation(result._job, mapstar, task_batches),
             result._set_length))
        return _chained(result)

    def apply_async(self, func, args=(), kwds={}, callback=None,
                    error_callback=None):
        self._check_running()
        result = ApplyResult(self, callback, error_callback)
        self._taskqueue.put(([(result._job, 0, func, args, kwds)], None))
        return result

    def map_async(self, func, iterable, chunksize=None, callback=None,
                  error_callback=None):
        return self._map_async(func, iterable, mapstar, chunksize, callback,
                               error_callback)

    def _map_async(self, func, iterable, mapper, chunksize=None, callback=None,
                   error_callback=None):
        self._check_running()
        if not hasattr(iterable, '__len__'):
            iterable = list(iterable)
        if chunksize is None:
            chunksize, extra = divmod(len(iterable), len(self._pool) * 4)
            if extra:
                chunksize += 1
        if len(iterable) == 0:
            chunksize = 0
        task_batches = _get_tasks(func, iterable, chunksize)
        result = MapResult(self, chunksize, len(iterable), callback,
                           error_callback=error_callback)
        self._taskqueue.put(
            (self._guarded_task_generation(result._job, mapper, task_batches),
             None))
        return result

    def close(self):
        if self._state == RUN:
            self._state = CLOSE
            self._worker_handler._state = CLOSE
            self._change_notifier.put(None)

    def terminate(self):
        self._state = TERMINATE
        self._terminate_pool()

    def join(self):
        if self._state == RUN:
            raise ValueError("Pool is still running")
        elif self._state not in (CLOSE, TERMINATE):
            raise ValueError("In unknown state")
        self._worker_handler.join()
        self._task_handler.join()
        self._result_handler.join()
        for p in self._pool:
            p.join()

    def _terminate_pool(self):
        if self._terminated:
            return
        self._terminated = True
        self._worker_handler._state = TERMINATE
        self._change_notifier.put(None)
        self._task_handler._state = TERMINATE
        # Drain the workers' queue, and put sentinels at its head.
        try:
            while True:
                self._inqueue.get(block=False)
        except queue.Empty:
            pass
        for i in range(len(self._pool)):
            self._inqueue.put(None)
        self._result_handler._state = TERMINATE
        self._change_notifier.put(None)
        self._outqueue.put(None)
        if threading.current_thread() is not self._worker_handler:
            self._worker_handler.join()
        if threading.current_thread() is not self._task_handler:
            self._task_handler.join()
        if threading.current_thread() is not self._result_handler:
            self._result_handler.join()

    def __enter__(self):
        self._check_running()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.terminate()


def _get_tasks(func, it, size):
    it = iter(it)
    while 1:
        x = tuple(itertools.islice(it, size))
        if not x:
            return
        yield (func, x)


def _handle_workers(pool):
    thread = threading.current_thread()
    cache = pool._cache
    while thread._state == RUN or (cache and thread._state != TERMINATE):
        pool._change_notifier.get()
        while not pool._change_notifier.empty():
            pool._change_notifier.get()
    pool._taskqueue.put(None)


def _handle_tasks(taskqueue, put, outqueue, pool, cache):
    thread = threading.current_thread()
    while True:
        item = taskqueue.get()
        if item is None:
            break
        taskseq, set_length = item
        task = None
        stop = False
        for task in taskseq:
            if thread._state != RUN:
                stop = True
                break
            try:
                put(task)
            except Exception as e:
                job, idx = task[:2]
                try:
                    cache[job]._set(idx, (False, e))
                except KeyError:
                    pass
        if stop:
            break
        if set_length:
            idx = task[1] if task else -1
            set_length(idx + 1)
    outqueue.put(None)
    for p in pool:
        put(None)


def _handle_results(outqueue, get, cache):
    thread = threading.current_thread()
    while 1:
        task = get()
        if thread._state != RUN:
            break
        if task is None:
            break
        job, i, obj = task
        try:
            cache[job]._set(i, obj)
        except KeyError:
            pass
        task = job = obj = None
    while cache and thread._state != TERMINATE:
        task = get()
        if task is None:
            continue
        job, i, obj = task
        try:
            cache[job]._set(i, obj)
        except KeyError:
            pass
        task = job = obj = None


class ApplyResult(object):

    def __init__(self, pool, callback, error_callback):
        self._pool = pool
        self._event = threading.Event()
        self._job = next(job_counter)
        self._cache = pool._cache
        self._callback = callback
        self._error_callback = error_callback
        self._cache[self._job] = self

    def ready(self):
        return self._event.is_set()

    def successful(self):
        if not self.ready():
            raise ValueError("{0!r} not ready".format(self))
        return self._success

    def wait(self, timeout=None):
        self._event.wait(timeout)

    def get(self, timeout=None):
        self.wait(timeout)
        if not self.ready():
            raise TimeoutError
        if self._success:
            return self._value
        else:
            raise self._value

    def _set(self, i, obj):
        self._success, self._value = obj
        if self._callback and self._success:
            self._callback(self._value)
        if self._error_callback and not self._success:
            self._error_callback(self._value)
        self._event.set()
        del self._cache[self._job]
        self._pool = None


AsyncResult = ApplyResult


class MapResult(ApplyResult):

    def __init__(self, pool, chunksize, length, callback, error_callback):
        ApplyResult.__init__(self, pool, callback,
                             error_callback=error_callback)
        self._success = True
        self._value = [None] * length
        self._chunksize = chunksize
        if chunksize <= 0:
            self._number_left = 0
            self._event.set()
            del self._cache[self._job]
        else:
            self._number_left = length // chunksize + bool(length % chunksize)

    def _set(self, i, success_result):
        self._number_left -= 1
        success, result = success_result
        if success and self._success:
            self._value[i * self._chunksize:(i + 1) * self._chunksize] = result
            if self._number_left == 0:
                if self._callback:
                    self._callback(self._value)
                del self._cache[self._job]
                self._event.set()
                self._pool = None
        else:
            if not success and self._success:
                self._success = False
                self._value = result
            if self._number_left == 0:
                if self._error_callback:
                    self._error_callback(self._value)
                del self._cache[self._job]
                self._event.set()
                self._pool = None


class IMapIterator(object):
    """The results of imap, in order; iterating it waits for each."""

    def __init__(self, pool):
        self._pool = pool
        self._cond = threading.Condition(threading.Lock())
        self._job = next(job_counter)
        self._cache = pool._cache
        self._items = deque()
        self._index = 0
        self._length = None
        self._unsorted = {}
        self._cache[self._job] = self

    def __iter__(self):
        # A generator, so that `for` and list() step it on the thread's
        # own stack (they may block).
        while True:
            try:
                item = self.next()
            except StopIteration:
                return
            yield item

    def next(self, timeout=None):
        with self._cond:
            try:
                item = self._items.popleft()
            except IndexError:
                if self._index == self._length:
                    self._pool = None
                    raise StopIteration from None
                self._cond.wait(timeout)
                try:
                    item = self._items.popleft()
                except IndexError:
                    if self._index == self._length:
                        self._pool = None
                        raise StopIteration from None
                    raise TimeoutError from None
        success, value = item
        if success:
            return value
        raise value

    __next__ = next

    def _set(self, i, obj):
        with self._cond:
            if self._index == i:
                self._items.append(obj)
                self._index += 1
                while self._index in self._unsorted:
                    obj = self._unsorted.pop(self._index)
                    self._items.append(obj)
                    self._index += 1
                self._cond.notify()
            else:
                self._unsorted[i] = obj
            if self._index == self._length:
                del self._cache[self._job]
                self._pool = None

    def _set_length(self, length):
        with self._cond:
            self._length = length
            if self._index == self._length:
                self._cond.notify()
                del self._cache[self._job]
                self._pool = None


class IMapUnorderedIterator(IMapIterator):

    def _set(self, i, obj):
        with self._cond:
            self._items.append(obj)
            self._index += 1
            self._cond.notify()
            if self._index == self._length:
                del self._cache[self._job]
                self._pool = None


def _chained(chunks):
    """imap with a chunksize: the chunks' items one by one."""
    for chunk in chunks:
        for item in chunk:
            yield item
