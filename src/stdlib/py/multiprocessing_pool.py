"""multiprocessing.pool: Pool on simulated processes, after the structure
of CPython 3.11's Lib/multiprocessing/pool.py.

The parent keeps three handler threads beside `processes` worker
processes (daemonic, named ForkPoolWorker-N after the context's Process
class): the task handler pickles each task onto the workers' queue (a
multiprocessing SimpleQueue: a pipe every process shares), the result
handler unpickles results from the result queue, stores them and runs
callbacks, and the worker handler keeps the pool at its size and sends
the stop sentinel when the pool is closed and its jobs are done.
map() cuts its work in chunks of ceil(len / (4 * processes)).

Where CPython's worker handler waits on the workers' sentinels, ours
waits on the change notifier alone: a worker that leaves after
`maxtasksperchild` tasks posts its pid there before exiting, so the
handler joins and replaces it. A worker killed from outside is not
replaced (its task's result never comes, as in CPython).

An exception raised by a task travels back with the worker's formatted
traceback as its `__cause__` (RemoteTraceback), so the parent's
traceback shows where it failed in the worker.
"""

import itertools
import os
import queue
import threading
import time
from collections import deque as _deque

import _multiprocessing as _mp
import multiprocessing as _multiprocessing
from multiprocessing import TimeoutError, get_context

__all__ = ['Pool', 'ThreadPool']

INIT = "INIT"
RUN = "RUN"
CLOSE = "CLOSE"
TERMINATE = "TERMINATE"

job_counter = itertools.count()


def mapstar(args):
    func, items = args
    return [func(x) for x in items]


def starmapstar(args):
    func, items = args
    return [func(*x) for x in items]


class RemoteTraceback(Exception):
    def __init__(self, tb):
        self.tb = tb

    def __str__(self):
        return self.tb


def _with_remote_traceback(exc):
    """The exception as the parent gets it: the worker's traceback text as
    its cause (its own traceback does not survive pickling)."""
    tb = '\n"""\n%s"""' % _mp.format_exception(exc)
    exc.__cause__ = RemoteTraceback(tb)
    return exc


class MaybeEncodingError(Exception):
    """An exception or result the worker could not pickle."""

    def __init__(self, exc, value):
        self.exc = repr(exc)
        self.value = repr(value)
        super(MaybeEncodingError, self).__init__(self.exc, self.value)

    def __str__(self):
        return "Error sending result: '%s'. Reason: '%s'" % (self.value, self.exc)

    def __repr__(self):
        return "<%s: %s>" % (self.__class__.__name__, self)


def worker(inqueue, outqueue, initializer=None, initargs=(), maxtasks=None,
           wrap_exception=False, notifier=None):
    if (maxtasks is not None) and not (isinstance(maxtasks, int) and maxtasks >= 1):
        raise AssertionError("Maxtasks {!r} is not valid".format(maxtasks))
    put = outqueue.put
    get = inqueue.get
    if initializer is not None:
        initializer(*initargs)
    completed = 0
    while maxtasks is None or (maxtasks and completed < maxtasks):
        try:
            task = get()
        except (EOFError, OSError):
            break
        if task is None:
            break
        job, i, func, args, kwds = task
        try:
            result = (True, func(*args, **kwds))
        except Exception as e:
            if wrap_exception and func is not _helper_reraises_exception:
                e = _with_remote_traceback(e)
            result = (False, e)
        try:
            put((job, i, result))
        except Exception as e:
            wrapped = MaybeEncodingError(e, result[1])
            put((job, i, (False, wrapped)))
        task = job = result = func = args = kwds = None
        completed += 1
    if notifier is not None and maxtasks is not None and completed >= maxtasks:
        # Tell the worker handler (see the module docs).
        notifier.put(os.getpid())


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

    def remove(self, job):
        # (CPython's `del cache[job]`: a method here, because putting
        # into the notifier may block, which a dunder called by the
        # interpreter may not.)
        del self._jobs[job]
        if not self._jobs:
            self.notifier.put(None)

    def __len__(self):
        return len(self._jobs)


class Pool(object):
    """A pool of worker processes: apply, map and their async variants."""

    _wrap_exception = True

    @staticmethod
    def Process(ctx, *args, **kwds):
        return ctx.Process(*args, **kwds)

    def __init__(self, processes=None, initializer=None, initargs=(),
                 maxtasksperchild=None, context=None):
        self._pool = []
        self._state = INIT
        self._ctx = context or get_context()
        self._setup_queues()
        self._taskqueue = queue.SimpleQueue()
        self._change_notifier = self._ctx.SimpleQueue()
        self._cache = _PoolCache(notifier=self._change_notifier)
        self._maxtasksperchild = maxtasksperchild
        self._initializer = initializer
        self._initargs = initargs
        if processes is None:
            processes = os.cpu_count() or 1
        if processes < 1:
            raise ValueError("Number of processes must be at least 1")
        if maxtasksperchild is not None:
            if not isinstance(maxtasksperchild, int) or maxtasksperchild <= 0:
                raise ValueError("maxtasksperchild must be a positive int or None")
        if initializer is not None and not callable(initializer):
            raise TypeError('initializer must be a callable')
        self._processes = processes
        try:
            self._repopulate_pool()
        except Exception:
            for p in self._pool:
                if p.exitcode is None:
                    p.terminate()
            for p in self._pool:
                p.join()
            raise

        self._worker_handler = threading.Thread(
            target=Pool._handle_workers,
            args=(self._cache, self._taskqueue, self._ctx, self.Process,
                  self._processes, self._pool, self._inqueue, self._outqueue,
                  self._initializer, self._initargs, self._maxtasksperchild,
                  self._wrap_exception, self._change_notifier))
        self._worker_handler.daemon = True
        self._worker_handler._state = RUN
        self._worker_handler.start()

        self._task_handler = threading.Thread(
            target=Pool._handle_tasks,
            args=(self._taskqueue, self._quick_put, self._outqueue,
                  self._pool, self._cache))
        self._task_handler.daemon = True
        self._task_handler._state = RUN
        self._task_handler.start()

        self._result_handler = threading.Thread(
            target=Pool._handle_results,
            args=(self._outqueue, self._quick_get, self._cache))
        self._result_handler.daemon = True
        self._result_handler._state = RUN
        self._result_handler.start()

        self._terminate = _multiprocessing.Finalize(
            self, self._terminate_pool,
            args=(self._taskqueue, self._inqueue, self._outqueue, self._pool,
                  self._change_notifier, self._worker_handler, self._task_handler,
                  self._result_handler, self._cache),
            exitpriority=15)
        self._state = RUN

    def __repr__(self):
        cls = self.__class__
        return (f'<{cls.__module__}.{cls.__qualname__} '
                f'state={self._state} '
                f'pool_size={len(self._pool)}>')

    @staticmethod
    def _join_exited_workers(pool, exited=()):
        """Joins the workers that have ended or said they are leaving."""
        cleaned = False
        for i in reversed(range(len(pool))):
            w = pool[i]
            if w.exitcode is not None or w.pid in exited:
                w.join()
                cleaned = True
                del pool[i]
        return cleaned

    def _repopulate_pool(self):
        return self._repopulate_pool_static(
            self._ctx, self.Process, self._processes, self._pool, self._inqueue,
            self._outqueue, self._initializer, self._initargs,
            self._maxtasksperchild, self._wrap_exception, self._change_notifier)

    @staticmethod
    def _repopulate_pool_static(ctx, Process, processes, pool, inqueue,
                                outqueue, initializer, initargs,
                                maxtasksperchild, wrap_exception, notifier):
        for i in range(processes - len(pool)):
            w = Process(ctx, target=worker,
                        args=(inqueue, outqueue, initializer, initargs,
                              maxtasksperchild, wrap_exception, notifier))
            w.name = w.name.replace('Process', 'PoolWorker')
            w.daemon = True
            w.start()
            pool.append(w)

    @staticmethod
    def _maintain_pool(ctx, Process, processes, pool, inqueue, outqueue,
                       initializer, initargs, maxtasksperchild,
                       wrap_exception, notifier, exited):
        if Pool._join_exited_workers(pool, exited):
            Pool._repopulate_pool_static(ctx, Process, processes, pool,
                                         inqueue, outqueue, initializer,
                                         initargs, maxtasksperchild,
                                         wrap_exception, notifier)

    def _setup_queues(self):
        # Named for the trace: the tasks going to the workers, the results
        # coming back.
        self._inqueue = self._ctx.SimpleQueue(_label='Pool tasks (Pipe#{n})')
        self._outqueue = self._ctx.SimpleQueue(_label='Pool results (Pipe#{n})')
        self._quick_put = self._inqueue._writer.send
        self._quick_get = self._outqueue._reader.recv

    def _check_running(self):
        if self._state != RUN:
            raise ValueError("Pool not running")

    def apply(self, func, args=(), kwds={}):
        """func(*args, **kwds) in a worker; waits for the result."""
        return self.apply_async(func, args, kwds).get()

    def map(self, func, iterable, chunksize=None):
        """[func(x) for x in iterable], computed by the workers in chunks."""
        return self._map_async(func, iterable, mapstar, chunksize).get()

    def starmap(self, func, iterable, chunksize=None):
        """Like map, with each item unpacked as the arguments."""
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
        """The results one by one, in order, as they come."""
        self._check_running()
        if chunksize == 1:
            result = IMapIterator(self)
            self._taskqueue.put(
                (self._guarded_task_generation(result._job, func, iterable),
                 result._set_length))
            return result
        if chunksize < 1:
            raise ValueError("Chunksize must be 1+, not {0:n}".format(chunksize))
        task_batches = Pool._get_tasks(func, iterable, chunksize)
        result = IMapIterator(self)
        self._taskqueue.put(
            (self._guarded_task_generation(result._job, mapstar, task_batches),
             result._set_length))
        return _chained(result)

    def imap_unordered(self, func, iterable, chunksize=1):
        """The results one by one, in the order they finish."""
        self._check_running()
        if chunksize == 1:
            result = IMapUnorderedIterator(self)
            self._taskqueue.put(
                (self._guarded_task_generation(result._job, func, iterable),
                 result._set_length))
            return result
        if chunksize < 1:
            raise ValueError("Chunksize must be 1+, not {0!r}".format(chunksize))
        task_batches = Pool._get_tasks(func, iterable, chunksize)
        result = IMapUnorderedIterator(self)
        self._taskqueue.put(
            (self._guarded_task_generation(result._job, mapstar, task_batches),
             result._set_length))
        return _chained(result)

    def apply_async(self, func, args=(), kwds={}, callback=None,
                    error_callback=None):
        """func(*args, **kwds) in a worker; an AsyncResult at once."""
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
        task_batches = Pool._get_tasks(func, iterable, chunksize)
        result = MapResult(self, chunksize, len(iterable), callback,
                           error_callback=error_callback)
        self._taskqueue.put(
            (self._guarded_task_generation(result._job, mapper, task_batches),
             None))
        return result

    @staticmethod
    def _get_tasks(func, it, size):
        it = iter(it)
        while 1:
            x = tuple(itertools.islice(it, size))
            if not x:
                return
            yield (func, x)

    def __reduce__(self):
        raise NotImplementedError(
            'pool objects cannot be passed between processes or pickled')

    def close(self):
        """No more tasks: the workers leave once the queued ones are done."""
        if self._state == RUN:
            self._state = CLOSE
            self._worker_handler._state = CLOSE
            self._change_notifier.put(None)

    def terminate(self):
        """Stops the workers at once (SIGTERM), outstanding work is lost."""
        self._state = TERMINATE
        self._terminate()

    def join(self):
        """Waits for the workers to end (after close() or terminate())."""
        if self._state == RUN:
            raise ValueError("Pool is still running")
        elif self._state not in (CLOSE, TERMINATE):
            raise ValueError("In unknown state")
        self._worker_handler.join()
        self._task_handler.join()
        self._result_handler.join()
        for p in self._pool:
            p.join()

    @staticmethod
    def _handle_workers(cache, taskqueue, ctx, Process, processes, pool,
                        inqueue, outqueue, initializer, initargs,
                        maxtasksperchild, wrap_exception, change_notifier):
        thread = threading.current_thread()
        exited = []
        while thread._state == RUN or (cache and thread._state != TERMINATE):
            Pool._maintain_pool(ctx, Process, processes, pool, inqueue,
                                outqueue, initializer, initargs,
                                maxtasksperchild, wrap_exception,
                                change_notifier, exited)
            exited = []
            item = change_notifier.get()
            while True:
                if item is not None:
                    exited.append(item)
                if change_notifier.empty():
                    break
                item = change_notifier.get()
        taskqueue.put(None)

    @staticmethod
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
            task = taskseq = None
        try:
            outqueue.put(None)
            for p in pool:
                put(None)
        except OSError:
            pass

    @staticmethod
    def _handle_results(outqueue, get, cache):
        thread = threading.current_thread()
        while 1:
            try:
                task = get()
            except (OSError, EOFError):
                return
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
            try:
                task = get()
            except (OSError, EOFError):
                return
            if task is None:
                continue
            job, i, obj = task
            try:
                cache[job]._set(i, obj)
            except KeyError:
                pass
            task = job = obj = None

    @staticmethod
    def _help_stuff_finish(inqueue, task_handler, size):
        # The task handler may be blocked putting into a full inqueue.
        inqueue._rlock.acquire()
        while task_handler.is_alive() and inqueue._reader.poll():
            inqueue._reader.recv()
            time.sleep(0)

    @classmethod
    def _terminate_pool(cls, taskqueue, inqueue, outqueue, pool, change_notifier,
                        worker_handler, task_handler, result_handler, cache):
        worker_handler._state = TERMINATE
        change_notifier.put(None)
        task_handler._state = TERMINATE
        cls._help_stuff_finish(inqueue, task_handler, len(pool))
        result_handler._state = TERMINATE
        change_notifier.put(None)
        outqueue.put(None)
        if threading.current_thread() is not worker_handler:
            worker_handler.join()
        if pool and hasattr(pool[0], 'terminate'):
            for p in pool:
                if p.exitcode is None:
                    p.terminate()
        if threading.current_thread() is not task_handler:
            task_handler.join()
        if threading.current_thread() is not result_handler:
            result_handler.join()
        if pool and hasattr(pool[0], 'terminate'):
            for p in pool:
                if p.is_alive():
                    p.join()

    def __enter__(self):
        self._check_running()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.terminate()


class ApplyResult(object):
    """The result of apply_async: get(timeout), wait, ready, successful."""

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
        self._cache.remove(self._job)
        self._pool = None

    def __repr__(self):
        return '<multiprocessing.pool.%s object>' % type(self).__name__


AsyncResult = ApplyResult


class MapResult(ApplyResult):

    def __init__(self, pool, chunksize, length, callback, error_callback):
        ApplyResult.__init__(self, pool, callback, error_callback=error_callback)
        self._success = True
        self._value = [None] * length
        self._chunksize = chunksize
        if chunksize <= 0:
            self._number_left = 0
            self._event.set()
            self._cache.remove(self._job)
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
                self._cache.remove(self._job)
                self._event.set()
                self._pool = None
        else:
            if not success and self._success:
                self._success = False
                self._value = result
            if self._number_left == 0:
                if self._error_callback:
                    self._error_callback(self._value)
                self._cache.remove(self._job)
                self._event.set()
                self._pool = None


class IMapIterator(object):
    """The results of imap, in order; iterating it waits for each."""

    def __init__(self, pool):
        self._pool = pool
        self._cond = threading.Condition(threading.Lock())
        self._job = next(job_counter)
        self._cache = pool._cache
        self._items = _deque()
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
                self._cache.remove(self._job)
                self._pool = None

    def _set_length(self, length):
        with self._cond:
            self._length = length
            if self._index == self._length:
                self._cond.notify()
                self._cache.remove(self._job)
                self._pool = None


class IMapUnorderedIterator(IMapIterator):

    def _set(self, i, obj):
        with self._cond:
            self._items.append(obj)
            self._index += 1
            self._cond.notify()
            if self._index == self._length:
                self._cache.remove(self._job)
                self._pool = None


def _chained(chunks):
    """imap with a chunksize: the chunks' items one by one."""
    for chunk in chunks:
        for item in chunk:
            yield item



def ThreadPool(processes=None, initializer=None, initargs=()):
    """Pool's API on threads (the ThreadPool of multiprocessing.dummy)."""
    from multiprocessing.dummy import ThreadPool as _ThreadPool
    return _ThreadPool(processes, initializer, initargs)
