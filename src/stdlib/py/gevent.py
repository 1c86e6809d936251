"""gevent on the simulated machine: greenlets switched cooperatively by a
hub, as gevent does — spawn, spawn_later, joinall, sleep, getcurrent,
kill, wait, Greenlet (start, join, get, kill, value, exception, ready,
successful, dead, link), Timeout, pool.Pool/Group, queue.Queue, lock
(Semaphore, BoundedSemaphore, RLock), event (Event, AsyncResult), and
monkey.patch_all().

Each greenlet runs on a simulated thread of its own, and exactly one of
them holds the hub's baton at a time: a greenlet runs until it blocks in
gevent (sleep, join, a queue, a lock, patched I/O); then the hub runs the
next ready greenlet (FIFO, as gevent's callbacks) or, with none ready,
waits in virtual time for its next timer. So switches happen only where
gevent switches, and a plain `time.sleep` in a greenlet blocks all of them
— until `monkey.patch_all()` replaces `time.sleep` with `gevent.sleep` and
makes the simulated network (`requests`, `urllib`) wait through the hub.
patch_all() (patch_thread) also turns `threading` into greenlets: a
Thread started after it is a greenlet, its locks are the hub's."""

import _net
import _thread
import time as _time
from collections import deque as _deque
import heapq as _heapq

__version__ = '23.9.1'

_real_sleep = _time.sleep
_real_io = _net.io
_monotonic = _time.monotonic
# The kernel's primitives, kept before monkey.patch_thread replaces them.
_allocate_lock = _thread.allocate_lock
_start_new_thread = _thread.start_new_thread
_real_get_ident = _thread.get_ident
_real_label = _thread._label


class GreenletExit(BaseException):
    """Raised in a greenlet by kill(); it ends the greenlet quietly."""


class LoopExit(Exception):
    """The hub has nothing left to run: the operation would block
    forever."""


class Timeout(BaseException):
    """Raises itself in the greenlet that started it after `seconds`
    (`with Timeout(2): ...`); with exception=False the block just ends."""

    def __init__(self, seconds=None, exception=None, ref=True, priority=-1):
        BaseException.__init__(self)
        self.seconds = seconds
        self.exception = exception
        self._timer = None
        self._owner = None

    def start(self):
        if self.seconds is None or self._timer is not None:
            return
        owner = getcurrent()
        self._owner = owner
        timeout = self

        def fire():
            timeout._timer = None
            err = timeout if timeout.exception in (None, False) else timeout.exception
            if isinstance(err, type):
                err = err()
            owner._throw(err)
        self._timer = _hub.call_later(self.seconds, fire)

    @classmethod
    def start_new(cls, timeout=None, exception=None, ref=True):
        t = cls(timeout, exception)
        t.start()
        return t

    @property
    def pending(self):
        return self._timer is not None

    def cancel(self):
        if self._timer is not None:
            self._timer[2] = None
            self._timer = None

    def close(self):
        self.cancel()

    def __str__(self):
        if self.seconds is None:
            return ''
        suffix = '' if self.seconds == 1 else 's'
        if self.exception is None:
            return '%s second%s' % (self.seconds, suffix)
        if self.exception is False:
            return '%s second%s (silent)' % (self.seconds, suffix)
        return '%s second%s: %s' % (self.seconds, suffix, self.exception)

    def __repr__(self):
        return '<Timeout seconds=%s>' % self.seconds

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, typ, value, tb):
        self.cancel()
        if value is self and self.exception is False:
            return True
        return None


class _Hub:
    """The loop: greenlets ready to run (FIFO), timers (a heap of
    [when, seq, callback])."""

    def __init__(self):
        self.ready = _deque()
        self.timers = []
        self.seq = 0
        self.io_waits = 0

    def call_later(self, seconds, callback):
        self.seq += 1
        entry = [_monotonic() + max(0, seconds), self.seq, callback]
        _heapq.heappush(self.timers, entry)
        return entry

    def _fire_due(self):
        now = _monotonic()
        while self.timers and self.timers[0][0] <= now + 1e-9:
            entry = _heapq.heappop(self.timers)
            if entry[2] is not None:
                self.ready.append(entry[2])

    def switch(self, final=False):
        """The current greenlet stops (for good when `final`); the next one
        runs. Returns when the current one is resumed."""
        global _current
        me = _current
        while True:
            if self.ready:
                nxt = self.ready.popleft()
                if not isinstance(nxt, _GreenletBase):
                    nxt()
                    continue
                if nxt._dead:
                    continue
                if nxt is me and not final:
                    return
                _current = nxt
                nxt._resume()
                if final:
                    return
                me._go.acquire()
                return
            if any(t[2] is not None for t in self.timers):
                dt = self.timers[0][0] - _monotonic()
                if dt > 0:
                    if self.io_waits:
                        _real_io(int(dt * 1e9) + 1)
                    else:
                        _real_sleep(dt)
                self._fire_due()
                if not self.ready:
                    while self.timers and self.timers[0][2] is None:
                        _heapq.heappop(self.timers)
                continue
            # Nothing can ever run again: the main greenlet, if it waits,
            # learns that its wait would block forever.
            if _main is not me and not _main._dead and _main._waiting:
                _main._throw(LoopExit('This operation would block forever'))
                continue
            if final:
                return
            raise LoopExit('This operation would block forever')

    def block(self, waiter=None):
        """Blocks the current greenlet until something puts it back in the
        ready queue; raises what kill() or a Timeout threw at it."""
        me = _current
        me._waiting = True
        try:
            self.switch()
        finally:
            me._waiting = False
        err = me._thrown
        if err is not None:
            me._thrown = None
            raise err


_hub = _Hub()


class _GreenletBase:
    _dead = False
    _waiting = False
    _thrown = None

    def _throw(self, err):
        """Raises `err` in this greenlet at its blocking point."""
        if self._dead:
            return
        self._thrown = err
        if self._waiting:
            _hub.ready.append(self)

    def _resume(self):
        self._go.release()


class _MainGreenlet(_GreenletBase):
    def __init__(self):
        self._go = _allocate_lock()
        _real_label(self._go, 'gevent hub (main greenlet)')
        self._go.acquire()
        self.name = 'MainGreenlet'

    def __repr__(self):
        return '<greenlet.greenlet object (main)>'


_main = _MainGreenlet()
_current = _main


def getcurrent():
    """The greenlet running now."""
    return _current


_greenlet_count = 0


class Greenlet(_GreenletBase):
    """A lightweight cooperative task: `Greenlet(run, *args, **kwargs)`,
    started with start() (or made and started by gevent.spawn)."""

    def __init__(self, run=None, *args, **kwargs):
        global _greenlet_count
        if run is not None:
            self._run = run
        self.args = args
        self.kwargs = kwargs
        self.value = None
        self._exception = _NONE
        self._started = False
        self._thread = False
        self._links = []
        self._go = None
        _greenlet_count += 1
        self._number = _greenlet_count
        self._name = None

    def _run(self):
        return None

    @property
    def name(self):
        if self._name is None:
            return 'Greenlet-%d' % (self._number - 1)
        return self._name

    @name.setter
    def name(self, value):
        self._name = value

    def __repr__(self):
        # gevent shows the greenlet's address: a made-up, stable one here.
        func = getattr(self._run, '__name__', None) or repr(self._run)
        args = ([repr(a)[:50] for a in self.args] +
                ['%s=%s' % (k, repr(v)[:50]) for k, v in self.kwargs.items()])
        if args:
            func += '(' + ', '.join(args) + ')'
        return '<Greenlet at 0x%x: %s>' % (0x7f3a5d000000 + 0x180 * self._number, func)

    def __bool__(self):
        return self._started and not self._dead

    @property
    def started(self):
        return self._started

    @property
    def dead(self):
        return self._dead

    def ready(self):
        return self._dead

    def successful(self):
        return self._dead and self._exception is _NONE

    @property
    def exception(self):
        return None if self._exception is _NONE else self._exception

    def start(self):
        if not self._started:
            self._started = True
            _hub.ready.append(self)

    def start_later(self, seconds):
        if not self._started:
            self._started = True
            _hub.call_later(seconds, self)

    @classmethod
    def spawn(cls, *args, **kwargs):
        g = cls(*args, **kwargs)
        g.start()
        return g

    @classmethod
    def spawn_later(cls, seconds, *args, **kwargs):
        g = cls(*args, **kwargs)
        g.start_later(seconds)
        return g

    def _resume(self):
        if not self._thread:
            self._thread = True
            self._go = _allocate_lock()
            _real_label(self._go, 'gevent hub (%s)' % self.name)
            self._go.acquire()
            _start_new_thread(_bootstrap, (self,))
        self._go.release()

    def _finish(self):
        self._dead = True
        for link in self._links:
            _hub.ready.append(_Call(link, self))
        self._links = []

    def link(self, callback):
        if self._dead:
            _hub.ready.append(_Call(callback, self))
        else:
            self._links.append(callback)

    def rawlink(self, callback):
        self.link(callback)

    def unlink(self, callback):
        if callback in self._links:
            self._links.remove(callback)

    def link_value(self, callback):
        self.link(lambda g: callback(g) if g.successful() else None)

    def link_exception(self, callback):
        self.link(lambda g: callback(g) if not g.successful() else None)

    def join(self, timeout=None):
        """Waits for the greenlet to end (at most `timeout` seconds)."""
        if self._dead:
            return
        if not self._started and not self._thread:
            pass
        me = getcurrent()
        waiter = _Wake(me)
        self._links.append(waiter)
        timer = None
        if timeout is not None:
            timer = _hub.call_later(timeout, waiter)
        try:
            _hub.block()
        finally:
            if waiter in self._links:
                self._links.remove(waiter)
            if timer is not None:
                timer[2] = None

    def get(self, block=True, timeout=None):
        """The value the greenlet returned, or raises its exception."""
        if not self._dead:
            if not block:
                raise Timeout()
            self.join(timeout)
            if not self._dead:
                raise Timeout(timeout)
        if self._exception is not _NONE:
            raise self._exception
        return self.value

    def kill(self, exception=GreenletExit, block=True, timeout=None):
        """Raises `exception` in the greenlet (GreenletExit by default);
        waits for it to end when `block`."""
        if self._dead:
            return
        err = exception() if isinstance(exception, type) else exception
        if not self._thread:
            # Never ran: it ends at once.
            self.value = err if isinstance(err, GreenletExit) else None
            if not isinstance(err, GreenletExit):
                self._exception = err
            self._started = True
            self._finish()
            return
        self._thrown = err
        if self._waiting:
            _hub.ready.append(self)
        if block:
            self.join(timeout)


class _Call:
    """A hub callback: `function(arg)`."""

    def __init__(self, function, arg):
        self.function = function
        self.arg = arg

    def __call__(self):
        self.function(self.arg)


class _Wake:
    """Puts a waiting greenlet back in the ready queue (once)."""

    def __init__(self, greenlet):
        self.greenlet = greenlet
        self.fired = False

    def __call__(self, *args):
        if not self.fired:
            self.fired = True
            _hub.ready.append(self.greenlet)


_NONE = object()


def _bootstrap(g):
    g._go.acquire()
    try:
        err = g._thrown
        if err is not None:
            g._thrown = None
            raise err
        g.value = g._run(*g.args, **g.kwargs)
    except GreenletExit as e:
        g.value = e
    except BaseException as e:
        g._exception = e
        import sys
        _thread._print_exception(e)
        sys.stderr.write('%s %r failed with %s\n\n' % (_stamp(), g, type(e).__name__))
    g._finish()
    _hub.switch(final=True)


def _stamp():
    """The UTC time as gevent's error report writes it (virtual time)."""
    s = int(_time.time())
    days, s = divmod(s, 86400)
    year = 1970
    while True:
        n = 366 if year % 4 == 0 and (year % 100 or year % 400 == 0) else 365
        if days < n:
            break
        days -= n
        year += 1
    months = [31, 29 if n == 366 else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    month = 0
    while days >= months[month]:
        days -= months[month]
        month += 1
    return '%04d-%02d-%02dT%02d:%02d:%02dZ' % (
        year, month + 1, days + 1, s // 3600, s // 60 % 60, s % 60)


def spawn(function, *args, **kwargs):
    """Makes a Greenlet running function(*args, **kwargs) and starts it."""
    return Greenlet.spawn(function, *args, **kwargs)


def spawn_later(seconds, function, *args, **kwargs):
    return Greenlet.spawn_later(seconds, function, *args, **kwargs)


spawn_raw = spawn


def sleep(seconds=0, ref=True):
    """Puts the current greenlet to sleep for at least `seconds`; other
    greenlets run meanwhile (sleep(0) just lets them run)."""
    me = getcurrent()
    if seconds <= 0:
        _hub.ready.append(me)
    else:
        _hub.call_later(seconds, me)
    _hub.block()


idle = sleep


def joinall(greenlets, timeout=None, raise_error=False, count=None):
    """Waits for the greenlets to end; returns those that did."""
    greenlets = list(greenlets)
    end = None if timeout is None else _monotonic() + timeout
    done = []
    for g in greenlets:
        left = None if end is None else max(0, end - _monotonic())
        g.join(left)
        if g.dead:
            done.append(g)
            if raise_error and g.exception is not None:
                raise g.exception
        if count is not None and len(done) >= count:
            break
    return done


def wait(objects=None, timeout=None, count=None):
    if objects is None:
        end = None if timeout is None else _monotonic() + timeout
        while _hub.ready or any(t[2] is not None for t in _hub.timers):
            if end is not None and _monotonic() >= end:
                return False
            sleep(0.001 if _hub.timers else 0)
        return True
    return joinall(objects, timeout=timeout, count=count)


def kill(greenlet, exception=GreenletExit, block=True, timeout=None):
    greenlet.kill(exception, block, timeout)


def killall(greenlets, exception=GreenletExit, block=True, timeout=None):
    for g in list(greenlets):
        g.kill(exception, block=False)
    if block:
        joinall(greenlets, timeout=timeout)


def with_timeout(seconds, function, *args, **kwds):
    timeout_value = kwds.pop('timeout_value', _NONE)
    t = Timeout(seconds)
    t.start()
    try:
        return function(*args, **kwds)
    except Timeout as e:
        if e is t and timeout_value is not _NONE:
            return timeout_value
        raise
    finally:
        t.cancel()


def _io_wait(ns, result=None):
    """`_net.io` once patched: a network wait through the hub."""
    if _current is _main and not _hub.ready and not _hub.timers:
        return _real_io(ns, result)
    me = getcurrent()
    _hub.io_waits += 1
    try:
        _hub.call_later(ns / 1e9, me)
        _hub.block()
    finally:
        _hub.io_waits -= 1
    return result


# -- gevent.event ----------------------------------------------------------

class Event:
    """A flag greenlets wait for."""

    def __init__(self):
        self._flag = False
        self._waiters = []

    def is_set(self):
        return self._flag

    isSet = is_set
    ready = is_set

    def set(self):
        self._flag = True
        waiters, self._waiters = self._waiters, []
        for w in waiters:
            w()

    def clear(self):
        self._flag = False

    def wait(self, timeout=None):
        if self._flag:
            return True
        w = _Wake(getcurrent())
        self._waiters.append(w)
        timer = None if timeout is None else _hub.call_later(timeout, w)
        try:
            _hub.block()
        finally:
            if w in self._waiters:
                self._waiters.remove(w)
            if timer is not None:
                timer[2] = None
        return self._flag


class AsyncResult(Event):
    """A value (or an exception) some greenlet will set."""

    def __init__(self):
        Event.__init__(self)
        self.value = None
        self._exc = None

    def set(self, value=None):
        self.value = value
        Event.set(self)

    def set_exception(self, exception):
        self._exc = exception
        Event.set(self)

    @property
    def exception(self):
        return self._exc

    def successful(self):
        return self._flag and self._exc is None

    def get(self, block=True, timeout=None):
        if not self._flag:
            if not block or not self.wait(timeout):
                raise Timeout()
        if self._exc is not None:
            raise self._exc
        return self.value


# -- gevent.lock -----------------------------------------------------------

class Semaphore:
    """A counter greenlets acquire and release; acquire waits at zero."""

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self.counter = value
        self._waiters = _deque()

    def __repr__(self):
        return '<%s counter=%s _links[%s]>' % (type(self).__name__,
                                               self.counter, len(self._waiters))

    def locked(self):
        return self.counter <= 0

    def acquire(self, blocking=True, timeout=None):
        if self.counter > 0 and not self._waiters:
            self.counter -= 1
            return True
        if not blocking:
            return False
        w = _Wake(getcurrent())
        self._waiters.append(w)
        timer = None if timeout is None else _hub.call_later(timeout, w)
        try:
            _hub.block()
        except BaseException:
            if w in self._waiters:
                self._waiters.remove(w)
            elif w.granted:
                self.release()
            raise
        finally:
            if timer is not None:
                timer[2] = None
        if w in self._waiters:
            self._waiters.remove(w)
            return False
        return True

    def release(self):
        if self._waiters:
            w = self._waiters.popleft()
            w.granted = True
            w()
        else:
            self.counter += 1
        return self.counter

    def wait(self, timeout=None):
        if self.counter > 0:
            return self.counter
        self.acquire(timeout=timeout)
        self.release()
        return self.counter

    def __enter__(self):
        self.acquire()

    def __exit__(self, *args):
        self.release()


_Wake.granted = False


class BoundedSemaphore(Semaphore):
    def __init__(self, value=1):
        Semaphore.__init__(self, value)
        self._initial_value = value

    def release(self):
        if self.counter >= self._initial_value and not self._waiters:
            raise ValueError("Semaphore released too many times")
        return Semaphore.release(self)


class RLock:
    def __init__(self):
        self._block = Semaphore(1)
        self._owner = None
        self._count = 0

    def acquire(self, blocking=True, timeout=None):
        me = getcurrent()
        if self._owner is me:
            self._count += 1
            return True
        if not self._block.acquire(blocking, timeout):
            return False
        self._owner = me
        self._count = 1
        return True

    def release(self):
        if self._owner is not getcurrent():
            raise RuntimeError("cannot release un-acquired lock")
        self._count -= 1
        if not self._count:
            self._owner = None
            self._block.release()

    def __enter__(self):
        self.acquire()

    def __exit__(self, *args):
        self.release()


DummySemaphore = None


# -- gevent.queue ----------------------------------------------------------

class Empty(Exception):
    pass


class Full(Exception):
    pass


class Queue:
    """A FIFO queue of greenlets' items: get waits while empty, put while
    full (maxsize)."""

    def __init__(self, maxsize=None, items=()):
        self.maxsize = maxsize if maxsize is not None and maxsize > 0 else None
        self.queue = _deque(items)
        self._getters = _deque()
        self._putters = _deque()

    def __repr__(self):
        return '<%s queue=%r>' % (type(self).__name__, list(self.queue))

    def qsize(self):
        return len(self.queue)

    def __len__(self):
        return len(self.queue)

    def __bool__(self):
        return True

    def empty(self):
        return not self.queue

    def full(self):
        return self.maxsize is not None and len(self.queue) >= self.maxsize

    def _wait(self, waiters, timeout):
        w = _Wake(getcurrent())
        waiters.append(w)
        timer = None if timeout is None else _hub.call_later(timeout, w)
        try:
            _hub.block()
        finally:
            if w in waiters:
                waiters.remove(w)
            if timer is not None:
                timer[2] = None

    def put(self, item, block=True, timeout=None):
        end = None if timeout is None else _monotonic() + timeout
        while self.full():
            if not block:
                raise Full
            left = None if end is None else end - _monotonic()
            if left is not None and left <= 0:
                raise Full
            self._wait(self._putters, left)
        self.queue.append(item)
        if self._getters:
            self._getters.popleft()()

    def put_nowait(self, item):
        self.put(item, False)

    def get(self, block=True, timeout=None):
        end = None if timeout is None else _monotonic() + timeout
        while not self.queue:
            if not block:
                raise Empty
            left = None if end is None else end - _monotonic()
            if left is not None and left <= 0:
                raise Empty
            self._wait(self._getters, left)
        item = self.queue.popleft()
        if self._putters:
            self._putters.popleft()()
        return item

    def get_nowait(self):
        return self.get(False)

    def peek(self, block=True, timeout=None):
        item = self.get(block, timeout)
        self.queue.appendleft(item)
        return item

    def __iter__(self):
        return self

    def __next__(self):
        item = self.get()
        if item is StopIteration:
            raise StopIteration
        return item


class JoinableQueue(Queue):
    def __init__(self, maxsize=None, items=(), unfinished_tasks=None):
        Queue.__init__(self, maxsize, items)
        self.unfinished_tasks = len(self.queue)
        self._cond = Event()
        self._cond.set()

    def put(self, item, block=True, timeout=None):
        Queue.put(self, item, block, timeout)
        self.unfinished_tasks += 1
        self._cond.clear()

    def task_done(self):
        if self.unfinished_tasks <= 0:
            raise ValueError('task_done() called too many times')
        self.unfinished_tasks -= 1
        if self.unfinished_tasks == 0:
            self._cond.set()

    def join(self, timeout=None):
        return self._cond.wait(timeout)


# -- gevent.pool -----------------------------------------------------------

class Group:
    """A set of greenlets to spawn into and wait for together."""

    greenlet_class = Greenlet

    def __init__(self, *args):
        self.greenlets = set()
        self._order = []

    def __len__(self):
        return len(self._order)

    def __contains__(self, g):
        return g in self._order

    def __iter__(self):
        return iter(list(self._order))

    def add(self, greenlet):
        if greenlet not in self._order:
            self._order.append(greenlet)
            self.greenlets.add(greenlet)
            greenlet.link(self._discard)

    def discard(self, greenlet):
        self._discard(greenlet)

    def _discard(self, greenlet):
        if greenlet in self._order:
            self._order.remove(greenlet)
            self.greenlets.discard(greenlet)

    def start(self, greenlet):
        self.add(greenlet)
        greenlet.start()

    def spawn(self, *args, **kwargs):
        g = self.greenlet_class(*args, **kwargs)
        self.start(g)
        return g

    def join(self, timeout=None, raise_error=False):
        end = None if timeout is None else _monotonic() + timeout
        while self._order:
            left = None if end is None else end - _monotonic()
            if left is not None and left <= 0:
                return False
            g = self._order[0]
            g.join(left)
            if raise_error and g.dead and g.exception is not None:
                raise g.exception
        return True

    def kill(self, exception=GreenletExit, block=True, timeout=None):
        killall(list(self._order), exception, block, timeout)

    def apply(self, func, args=None, kwds=None):
        return self.spawn(func, *(args or ()), **(kwds or {})).get()

    def apply_async(self, func, args=None, kwds=None, callback=None):
        g = self.spawn(func, *(args or ()), **(kwds or {}))
        if callback is not None:
            g.link_value(lambda g: callback(g.value))
        return g

    def map(self, func, iterable):
        greenlets = [self.spawn(func, item) for item in iterable]
        return [g.get() for g in greenlets]

    def imap(self, func, *iterables):
        greenlets = [self.spawn(func, *args) for args in zip(*iterables)]
        for g in greenlets:
            yield g.get()

    def imap_unordered(self, func, *iterables):
        done = Queue()
        greenlets = []
        for args in zip(*iterables):
            g = self.spawn(func, *args)
            g.link(done.put)
            greenlets.append(g)
        for _ in range(len(greenlets)):
            yield done.get().get()

    def full(self):
        return False

    def wait_available(self, timeout=None):
        pass


class Pool(Group):
    """A Group of at most `size` greenlets running at once: spawn waits
    for a free slot."""

    def __init__(self, size=None, greenlet_class=None):
        Group.__init__(self)
        if size is not None and size < 1:
            raise ValueError('Invalid size for pool (positive integer or None required): %r' % (size,))
        self.size = size
        if greenlet_class is not None:
            self.greenlet_class = greenlet_class
        self._semaphore = Semaphore(size) if size else None

    def full(self):
        return self.size is not None and len(self._order) >= self.size

    def free_count(self):
        if self.size is None:
            return 1
        return max(0, self.size - len(self._order))

    def wait_available(self, timeout=None):
        if self._semaphore is not None:
            return self._semaphore.wait(timeout)

    def add(self, greenlet):
        if self._semaphore is not None:
            self._semaphore.acquire()
        Group.add(self, greenlet)

    def _discard(self, greenlet):
        if greenlet in self._order:
            Group._discard(self, greenlet)
            if self._semaphore is not None:
                self._semaphore.release()


# -- gevent.monkey ---------------------------------------------------------

class _Monkey:
    """gevent.monkey: patch_all() and the patch_* functions."""

    def __init__(self):
        self._patched = set()

    def patch_time(self):
        _time.sleep = sleep
        self._patched.add('time')

    def patch_socket(self, dns=True, aggressive=True):
        _net.io = _io_wait
        self._patched.add('socket')

    def patch_thread(self, threading=True, _threading_local=True,
                     Event=True, logging=True, existing_locks=True):
        """Threads become greenlets and their locks the hub's: for
        `_thread` (so `threading`, `queue`… imported later use them) and
        for an already imported `threading`."""
        import sys
        _thread.start_new_thread = _patched_start_new_thread
        _thread.allocate_lock = _PatchedLock
        _thread.LockType = _PatchedLock
        _thread.RLock = _PatchedRLock
        _thread.get_ident = _patched_get_ident
        _thread._label = _patched_label
        mod = sys.modules.get('threading')
        if mod is not None:
            mod._start_new_thread = _patched_start_new_thread
            mod._allocate_lock = _PatchedLock
            mod.Lock = _PatchedLock
            mod.get_ident = _patched_get_ident
            mod._label = _patched_label
        self._patched.add('thread')
        self._patched.add('threading')

    def patch_all(self, socket=True, dns=True, time=True, select=True,
                  thread=True, os=True, ssl=True, subprocess=True,
                  sys=False, aggressive=True, Event=True, builtins=True,
                  signal=True, queue=True, contextvars=True, **kwargs):
        if time:
            self.patch_time()
        if socket or ssl:
            self.patch_socket()
            self._patched.add('ssl')
        if thread:
            self.patch_thread()
        return True

    def is_module_patched(self, name):
        return name in self._patched

    def is_anything_patched(self):
        return bool(self._patched)

    def get_original(self, mod_name, item_name):
        if mod_name == 'time' and item_name == 'sleep':
            return _real_sleep
        raise AttributeError(item_name)


monkey = _Monkey()


# -- what patch_thread puts in place ---------------------------------------

class _PatchedLock:
    """`_thread.allocate_lock()` once patched: a lock greenlets wait for
    through the hub."""

    def __init__(self):
        self._sem = Semaphore(1)

    def __repr__(self):
        state = 'locked' if self.locked() else 'unlocked'
        return '<%s %s._thread.lock object>' % (state, __name__)

    def acquire(self, blocking=True, timeout=-1):
        if not blocking and timeout != -1:
            raise ValueError("can't specify a timeout for a non-blocking call")
        if timeout is not None and timeout < 0:
            timeout = None
        return self._sem.acquire(blocking, timeout)

    acquire_lock = acquire

    def release(self):
        if self._sem.counter > 0:
            raise RuntimeError('release unlocked lock')
        self._sem.release()

    release_lock = release

    def locked(self):
        return self._sem.counter <= 0

    locked_lock = locked

    def _at_fork_reinit(self):
        self._sem = Semaphore(1)

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *args):
        self.release()


class _PatchedRLock(RLock):
    """`_thread.RLock()` once patched, with what Condition asks of it."""

    def acquire(self, blocking=True, timeout=-1):
        if timeout is not None and timeout < 0:
            timeout = None
        return RLock.acquire(self, blocking, timeout)

    def __enter__(self):
        return self.acquire()

    def _is_owned(self):
        return self._owner is getcurrent()

    def _release_save(self):
        count, owner = self._count, self._owner
        self._count = 0
        self._owner = None
        self._block.release()
        return (count, owner)

    def _acquire_restore(self, state):
        self._block.acquire()
        self._count, self._owner = state


def _patched_start_new_thread(function, args, kwargs=None):
    g = Greenlet(function, *args, **(kwargs or {}))
    g.start()
    return _ident_of(g)


def _ident_of(g):
    return 0x7f3a6c000000 + 0x1000 * g._number


def _patched_get_ident():
    g = _current
    if g is _main:
        return _real_get_ident()
    return _ident_of(g)


def _patched_label(lock, text):
    if not isinstance(lock, (_PatchedLock, RLock)):
        _real_label(lock, text)
