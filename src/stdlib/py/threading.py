"""threading: thread objects and synchronisation primitives (Interleave's
own version, written after CPython 3.11's documented behaviour and
messages), built on the simulated `_thread`.

Every blocking wait is an acquire of a `_thread` lock, so that the
simulator sees it; locks that stand for something (a Condition's waiter,
a thread's end, an Event) are labelled with `_thread._label`, which is
what timelines and deadlock reports show.

Differences from CPython:
- settrace/setprofile record the hook (gettrace/getprofile return it) but
  no hook is ever called: the simulator has no tracing.
- The deprecated aliases (getName, setName, isDaemon, setDaemon,
  currentThread, activeCount, Condition.notifyAll, Event.isSet) work but
  emit no DeprecationWarning.
- `local` (from `_threading_local`) keeps the values of threads that have
  ended.
"""

import sys as _sys
import _thread
from time import monotonic as _time
from itertools import count as _count
from collections import deque as _deque

__all__ = ['get_ident', 'active_count', 'Condition', 'current_thread',
           'enumerate', 'main_thread', 'TIMEOUT_MAX',
           'Event', 'Lock', 'RLock', 'Semaphore', 'BoundedSemaphore', 'Thread',
           'Barrier', 'BrokenBarrierError', 'Timer', 'ThreadError',
           'setprofile', 'settrace', 'local', 'stack_size',
           'excepthook', 'ExceptHookArgs', 'gettrace', 'getprofile',
           'get_native_id']

_start_new_thread = _thread.start_new_thread
_allocate_lock = _thread.allocate_lock
_label = _thread._label
_set_thread_info = _thread._set_thread_info
get_ident = _thread.get_ident
get_native_id = _thread.get_native_id
ThreadError = _thread.error
TIMEOUT_MAX = _thread.TIMEOUT_MAX
stack_size = _thread.stack_size


def _labelled_lock(text):
    lock = _allocate_lock()
    _label(lock, text)
    return lock


# ---------------------------------------------------------------------------
# Trace and profile hooks (recorded only: nothing is traced)
# ---------------------------------------------------------------------------

_profile_hook = None
_trace_hook = None


def setprofile(func):
    """Record a profile function for threads started from now on (the
    simulator never calls it)."""
    global _profile_hook
    _profile_hook = func


def getprofile():
    """The function given to setprofile(), or None."""
    return _profile_hook


def settrace(func):
    """Record a trace function for threads started from now on (the
    simulator never calls it)."""
    global _trace_hook
    _trace_hook = func


def gettrace():
    """The function given to settrace(), or None."""
    return _trace_hook


# ---------------------------------------------------------------------------
# Locks
# ---------------------------------------------------------------------------

Lock = _allocate_lock


def RLock(*args, **kwargs):
    """A reentrant lock: the thread that holds it may take it again; it is
    free once released as many times as it was taken."""
    return _thread.RLock(*args, **kwargs)


# ---------------------------------------------------------------------------
# Condition
# ---------------------------------------------------------------------------

class Condition:
    """A condition variable: threads wait() until another notifies them,
    all under one lock (an RLock unless one is given)."""

    def __init__(self, lock=None):
        if lock is None:
            lock = RLock()
        self._lock = lock
        self.acquire = lock.acquire
        self.release = lock.release
        # Locks that know their owner (RLock) save and restore their state
        # themselves; for a plain lock the fallbacks below are used.
        for name in ('_release_save', '_acquire_restore', '_is_owned'):
            try:
                setattr(self, name, getattr(lock, name))
            except AttributeError:
                pass
        self._waiters = _deque()
        self._wait_label = 'Condition.wait'

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __repr__(self):
        return "<Condition(%s, %d)>" % (self._lock, len(self._waiters))

    def _release_save(self):
        self._lock.release()

    def _acquire_restore(self, state):
        self._lock.acquire()

    def _is_owned(self):
        # A plain lock: owned (by someone) if it cannot be taken now.
        if self._lock.acquire(False):
            self._lock.release()
            return False
        return True

    def wait(self, timeout=None):
        """Release the lock, wait until notified or until `timeout` seconds
        pass, take the lock again; False if the wait timed out."""
        if not self._is_owned():
            raise RuntimeError("cannot wait on un-acquired lock")
        waiter = _allocate_lock()
        _label(waiter, self._wait_label)
        waiter.acquire()
        self._waiters.append(waiter)
        saved = self._release_save()
        notified = False
        try:
            if timeout is None:
                waiter.acquire()
                notified = True
            elif timeout > 0:
                notified = waiter.acquire(True, timeout)
            else:
                notified = waiter.acquire(False)
            return notified
        finally:
            self._acquire_restore(saved)
            if not notified:
                try:
                    self._waiters.remove(waiter)
                except ValueError:
                    pass

    def wait_for(self, predicate, timeout=None):
        """Wait until predicate() is true (or `timeout` seconds pass);
        the predicate's last value."""
        deadline = None
        remaining = timeout
        result = predicate()
        while not result:
            if remaining is not None:
                if deadline is None:
                    deadline = _time() + remaining
                else:
                    remaining = deadline - _time()
                    if remaining <= 0:
                        break
            self.wait(remaining)
            result = predicate()
        return result

    def notify(self, n=1):
        """Wake up to `n` waiting threads, longest waiting first."""
        if not self._is_owned():
            raise RuntimeError("cannot notify on un-acquired lock")
        waiters = self._waiters
        while waiters and n > 0:
            waiter = waiters[0]
            try:
                waiter.release()
            except RuntimeError:
                pass
            else:
                n -= 1
            try:
                waiters.remove(waiter)
            except ValueError:
                pass

    def notify_all(self):
        """Wake up every waiting thread."""
        self.notify(len(self._waiters))

    def notifyAll(self):
        """Deprecated alias of notify_all()."""
        self.notify_all()


# ---------------------------------------------------------------------------
# Semaphores
# ---------------------------------------------------------------------------

class Semaphore:
    """A counter: acquire() takes one (waiting while it is zero), release()
    gives back."""

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        lock = _labelled_lock('Semaphore lock')
        self._cond = Condition(lock)
        self._cond._wait_label = 'Semaphore.acquire'
        self._value = value

    def __repr__(self):
        cls = self.__class__
        return (f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}:"
                f" value={self._value}>")

    def acquire(self, blocking=True, timeout=None):
        """Take one unit; with blocking=False or a timeout, False when none
        could be taken."""
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")
        taken = False
        deadline = None
        with self._cond:
            while self._value == 0:
                if not blocking:
                    break
                if timeout is not None:
                    if deadline is None:
                        deadline = _time() + timeout
                    else:
                        timeout = deadline - _time()
                        if timeout <= 0:
                            break
                self._cond.wait(timeout)
            else:
                self._value -= 1
                taken = True
        return taken

    __enter__ = acquire

    def release(self, n=1):
        """Give back `n` units, waking as many waiters."""
        if n < 1:
            raise ValueError('n must be one or more')
        with self._cond:
            self._value += n
            self._cond.notify(n)

    def __exit__(self, t, v, tb):
        self.release()


class BoundedSemaphore(Semaphore):
    """A Semaphore that may not be released above its initial value."""

    def __init__(self, value=1):
        Semaphore.__init__(self, value)
        self._initial_value = value

    def __repr__(self):
        cls = self.__class__
        return (f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}:"
                f" value={self._value}/{self._initial_value}>")

    def release(self, n=1):
        if n < 1:
            raise ValueError('n must be one or more')
        with self._cond:
            if self._value + n > self._initial_value:
                raise ValueError("Semaphore released too many times")
            self._value += n
            self._cond.notify(n)


# ---------------------------------------------------------------------------
# Event
# ---------------------------------------------------------------------------

class Event:
    """A flag threads can wait for."""

    def __init__(self):
        self._cond = Condition(_labelled_lock('Event lock'))
        self._cond._wait_label = 'Event.wait'
        self._flag = False

    def __repr__(self):
        cls = self.__class__
        status = 'set' if self._flag else 'unset'
        return f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}: {status}>"

    def is_set(self):
        """Whether the flag is set."""
        return self._flag

    def isSet(self):
        """Deprecated alias of is_set()."""
        return self._flag

    def set(self):
        """Set the flag and wake every waiting thread."""
        with self._cond:
            self._flag = True
            self._cond.notify_all()

    def clear(self):
        """Reset the flag."""
        with self._cond:
            self._flag = False

    def wait(self, timeout=None):
        """Wait until the flag is set (or `timeout` seconds pass); the flag."""
        with self._cond:
            signaled = self._flag
            if not signaled:
                signaled = self._cond.wait(timeout)
            return signaled


# ---------------------------------------------------------------------------
# Barrier
# ---------------------------------------------------------------------------

class BrokenBarrierError(RuntimeError):
    pass


# Barrier states.
_FILLING, _DRAINING, _RESETTING, _BROKEN = 0, 1, -1, -2


class Barrier:
    """Lets `parties` threads wait until all of them have arrived."""

    def __init__(self, parties, action=None, timeout=None):
        self._cond = Condition(_labelled_lock('Barrier lock'))
        self._cond._wait_label = 'Barrier.wait'
        self._action = action
        self._timeout = timeout
        self._parties = parties
        self._state = _FILLING
        self._count = 0

    def __repr__(self):
        cls = self.__class__
        if self.broken:
            return f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}: broken>"
        return (f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}:"
                f" waiters={self.n_waiting}/{self.parties}>")

    def wait(self, timeout=None):
        """Wait until all parties have called wait(); this thread's arrival
        index (0 .. parties-1)."""
        if timeout is None:
            timeout = self._timeout
        with self._cond:
            # A previous round still leaving (or a reset): wait for it.
            while self._state in (_DRAINING, _RESETTING):
                self._cond.wait()
            if self._state < 0:
                raise BrokenBarrierError
            index = self._count
            self._count += 1
            try:
                if index + 1 == self._parties:
                    self._trip()
                else:
                    self._await_trip(timeout)
                return index
            finally:
                self._count -= 1
                if self._count == 0 and self._state in (_DRAINING, _RESETTING):
                    self._state = _FILLING
                    self._cond.notify_all()

    def _trip(self):
        # The last party arrived: run the action, let everyone go.
        try:
            if self._action:
                self._action()
            self._state = _DRAINING
            self._cond.notify_all()
        except BaseException:
            self._break()
            raise

    def _await_trip(self, timeout):
        if not self._cond.wait_for(lambda: self._state != _FILLING, timeout):
            self._break()
            raise BrokenBarrierError
        if self._state < 0:
            raise BrokenBarrierError

    def reset(self):
        """Back to the empty state; threads waiting get BrokenBarrierError."""
        with self._cond:
            if self._count > 0:
                if self._state in (_FILLING, _BROKEN):
                    self._state = _RESETTING
            else:
                self._state = _FILLING
            self._cond.notify_all()

    def abort(self):
        """Break the barrier: waiting and future wait() calls raise
        BrokenBarrierError."""
        with self._cond:
            self._break()

    def _break(self):
        self._state = _BROKEN
        self._cond.notify_all()

    @property
    def parties(self):
        """The number of threads required to trip the barrier."""
        return self._parties

    @property
    def n_waiting(self):
        """The number of threads waiting now."""
        if self._state == _FILLING:
            return self._count
        return 0

    @property
    def broken(self):
        """Whether the barrier is broken."""
        return self._state == _BROKEN


# ---------------------------------------------------------------------------
# Threads
# ---------------------------------------------------------------------------

_counter = _count(1).__next__


def _newname(template="Thread-%d"):
    return template % _counter()


# Guards _active and _limbo.
_active_limbo_lock = _labelled_lock('threading._active_limbo_lock')
_active = {}    # ident -> Thread, for running threads
_limbo = {}     # Thread -> Thread, started but not running yet

# The end-of-thread locks of the non-daemon threads, which _shutdown()
# waits for (a list, so that the order is the order of starting).
_shutdown_locks_lock = _labelled_lock('threading._shutdown_locks_lock')
_shutdown_locks = []

_threading_atexits = []
_SHUTTING_DOWN = False


class Thread:
    """A thread of control: give a target (with args and kwargs) or
    override run(), then start() it."""

    _initialized = False

    def __init__(self, group=None, target=None, name=None,
                 args=(), kwargs=None, *, daemon=None):
        assert group is None, "group argument must be None for now"
        if kwargs is None:
            kwargs = {}
        if name:
            name = str(name)
        else:
            name = _newname("Thread-%d")
            if target is not None:
                try:
                    name += f" ({target.__name__})"
                except AttributeError:
                    pass
        self._target = target
        self._name = name
        self._args = args
        self._kwargs = kwargs
        if daemon is not None:
            self._daemonic = daemon
        else:
            self._daemonic = current_thread().daemon
        self._ident = None
        self._native_id = None
        self._tstate_lock = None
        self._started = Event()
        self._started._cond._wait_label = 'Thread.start'
        self._is_stopped = False
        self._initialized = True
        self._stderr = _sys.stderr

    def __repr__(self):
        assert self._initialized, "Thread.__init__() was not called"
        status = "initial"
        if self._started.is_set():
            status = "started"
        self.is_alive()
        if self._is_stopped:
            status = "stopped"
        if self._daemonic:
            status += " daemon"
        if self._ident is not None:
            status += " %s" % self._ident
        return "<%s(%s, %s)>" % (self.__class__.__name__, self._name, status)

    def start(self):
        """Start the thread (at most once): it runs run()."""
        if not self._initialized:
            raise RuntimeError("thread.__init__() not called")
        if self._started.is_set():
            raise RuntimeError("threads can only be started once")
        with _active_limbo_lock:
            _limbo[self] = self
        try:
            ident = _start_new_thread(self._bootstrap, ())
        except Exception:
            with _active_limbo_lock:
                del _limbo[self]
            raise
        _set_thread_info(ident, self._name, self._daemonic)
        self._started.wait()

    def run(self):
        """What the thread does: calls the target. Override in a subclass."""
        try:
            if self._target is not None:
                self._target(*self._args, **self._kwargs)
        finally:
            # No references kept to the arguments once the thread is done.
            del self._target, self._args, self._kwargs

    def _bootstrap(self):
        self._bootstrap_inner()

    def _set_ident(self):
        self._ident = get_ident()

    def _set_native_id(self):
        self._native_id = get_native_id()

    def _set_tstate_lock(self):
        # Held for the thread's whole life: join() waits for it.
        lock = _allocate_lock()
        _label(lock, 'Thread.join')
        lock.acquire()
        self._tstate_lock = lock
        if not self.daemon:
            with _shutdown_locks_lock:
                _maintain_shutdown_locks()
                _shutdown_locks.append(lock)

    def _bootstrap_inner(self):
        try:
            self._set_ident()
            self._set_tstate_lock()
            self._set_native_id()
            self._started.set()
            with _active_limbo_lock:
                _active[self._ident] = self
                del _limbo[self]
            try:
                self.run()
            except:
                _invoke_excepthook(self)
        finally:
            self._delete()
            # The end of the thread's state (what CPython's C code does when
            # the thread state goes): joiners may go on.
            lock = self._tstate_lock
            if lock is not None:
                lock.release()

    def _stop(self):
        lock = self._tstate_lock
        if lock is not None:
            assert not lock.locked()
        self._is_stopped = True
        self._tstate_lock = None
        if not self.daemon:
            with _shutdown_locks_lock:
                _maintain_shutdown_locks()

    def _delete(self):
        with _active_limbo_lock:
            del _active[get_ident()]

    def join(self, timeout=None):
        """Wait until the thread ends, or until `timeout` seconds pass
        (then is_alive() tells which)."""
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if not self._started.is_set():
            raise RuntimeError("cannot join thread before it is started")
        if self is current_thread():
            raise RuntimeError("cannot join current thread")
        if timeout is None:
            self._wait_for_tstate_lock()
        else:
            self._wait_for_tstate_lock(timeout=max(timeout, 0))

    def _wait_for_tstate_lock(self, block=True, timeout=-1):
        lock = self._tstate_lock
        if lock is None:
            # Already known to have ended.
            assert self._is_stopped
            return
        if lock.acquire(block, timeout):
            lock.release()
            self._stop()

    @property
    def name(self):
        """The thread's name (not necessarily unique)."""
        assert self._initialized, "Thread.__init__() not called"
        return self._name

    @name.setter
    def name(self, name):
        assert self._initialized, "Thread.__init__() not called"
        self._name = str(name)
        if self._ident is not None:
            _set_thread_info(self._ident, self._name, self._daemonic)

    @property
    def ident(self):
        """The thread's identifier (get_ident() in it), None before start."""
        assert self._initialized, "Thread.__init__() not called"
        return self._ident

    @property
    def native_id(self):
        """The OS's id of the thread, None before start."""
        assert self._initialized, "Thread.__init__() not called"
        return self._native_id

    def is_alive(self):
        """Whether the thread has started and not yet ended."""
        assert self._initialized, "Thread.__init__() not called"
        if self._is_stopped or not self._started.is_set():
            return False
        self._wait_for_tstate_lock(False)
        return not self._is_stopped

    @property
    def daemon(self):
        """Daemon threads do not keep the program alive: they are cut off
        when the main thread ends."""
        assert self._initialized, "Thread.__init__() not called"
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if self._started.is_set():
            raise RuntimeError("cannot set daemon status of active thread")
        self._daemonic = daemonic

    def isDaemon(self):
        """Deprecated: use the daemon attribute."""
        return self.daemon

    def setDaemon(self, daemonic):
        """Deprecated: set the daemon attribute."""
        self.daemon = daemonic

    def getName(self):
        """Deprecated: use the name attribute."""
        return self.name

    def setName(self, name):
        """Deprecated: set the name attribute."""
        self.name = name


def _maintain_shutdown_locks():
    # Forget the locks of threads that have ended (called with
    # _shutdown_locks_lock held).
    _shutdown_locks[:] = [lock for lock in _shutdown_locks if lock.locked()]


# ---------------------------------------------------------------------------
# Uncaught exceptions in threads
# ---------------------------------------------------------------------------

class _ExceptHookArgs(tuple):
    """The argument of threading.excepthook: exc_type, exc_value,
    exc_traceback, thread."""

    _fields = ('exc_type', 'exc_value', 'exc_traceback', 'thread')

    def __new__(cls, args):
        values = tuple(args)
        if len(values) != 4:
            raise TypeError(
                f"_thread._ExceptHookArgs() takes a 4-sequence ({len(values)}-sequence given)")
        return tuple.__new__(cls, values)

    @property
    def exc_type(self):
        return self[0]

    @property
    def exc_value(self):
        return self[1]

    @property
    def exc_traceback(self):
        return self[2]

    @property
    def thread(self):
        return self[3]

    def __repr__(self):
        parts = ", ".join(f"{name}={value!r}" for name, value in zip(self._fields, self))
        return f"_thread._ExceptHookArgs({parts})"


ExceptHookArgs = _ExceptHookArgs


def excepthook(args, /):
    """Handle an exception raised by Thread.run(): print "Exception in
    thread NAME:" and the traceback to stderr (SystemExit is ignored)."""
    if args.exc_type == SystemExit:
        return
    if args.thread is not None:
        name = args.thread.name
    else:
        name = get_ident()
    print(f"Exception in thread {name}:", file=_sys.stderr, flush=True)
    if args.exc_value is not None:
        _thread._print_exception(args.exc_value)


# The original value of threading.excepthook.
__excepthook__ = excepthook


def _invoke_excepthook(thread):
    exc_type, exc_value, exc_tb = _sys.exc_info()
    if exc_tb is None and exc_value is not None:
        exc_tb = exc_value.__traceback__
    try:
        hook = excepthook
        if hook is None:
            hook = __excepthook__
        hook(ExceptHookArgs([exc_type, exc_value, exc_tb, thread]))
    except Exception as exc:
        exc.__suppress_context__ = True
        print("Exception in threading.excepthook:", file=_sys.stderr, flush=True)
        _thread._print_exception(exc)


# ---------------------------------------------------------------------------
# Timer
# ---------------------------------------------------------------------------

class Timer(Thread):
    """Calls function(*args, **kwargs) after `interval` seconds, unless
    cancel() is called first."""

    def __init__(self, interval, function, args=None, kwargs=None):
        Thread.__init__(self)
        self.interval = interval
        self.function = function
        self.args = args if args is not None else []
        self.kwargs = kwargs if kwargs is not None else {}
        self.finished = Event()
        self.finished._cond._wait_label = 'Timer interval'

    def cancel(self):
        """Stop the timer if it has not fired yet."""
        self.finished.set()

    def run(self):
        self.finished.wait(self.interval)
        if not self.finished.is_set():
            self.function(*self.args, **self.kwargs)
        self.finished.set()


# ---------------------------------------------------------------------------
# The main thread, and threads not started by this module
# ---------------------------------------------------------------------------

class _MainThread(Thread):

    def __init__(self):
        Thread.__init__(self, name="MainThread", daemon=False)
        self._set_tstate_lock()
        self._started.set()
        self._set_ident()
        self._set_native_id()
        with _active_limbo_lock:
            _active[self._ident] = self


class _DummyThread(Thread):
    # A thread started with _thread.start_new_thread.

    def __init__(self):
        Thread.__init__(self, name=_newname("Dummy-%d"), daemon=True)
        self._started.set()
        self._set_ident()
        self._set_native_id()
        with _active_limbo_lock:
            _active[self._ident] = self
        _set_thread_info(self._ident, self._name, True)

    def _stop(self):
        pass

    def is_alive(self):
        assert not self._is_stopped and self._started.is_set()
        return True

    def join(self, timeout=None):
        assert False, "cannot join a dummy thread"


# ---------------------------------------------------------------------------
# Module functions
# ---------------------------------------------------------------------------

def current_thread():
    """The Thread object of the calling thread."""
    try:
        return _active[get_ident()]
    except KeyError:
        return _DummyThread()


def currentThread():
    """Deprecated alias of current_thread()."""
    return current_thread()


def active_count():
    """The number of Thread objects alive now."""
    with _active_limbo_lock:
        return len(_active) + len(_limbo)


def activeCount():
    """Deprecated alias of active_count()."""
    return active_count()


def _enumerate():
    return list(_active.values()) + list(_limbo.values())


def enumerate():
    """The Thread objects alive now (started and not ended)."""
    with _active_limbo_lock:
        return list(_active.values()) + list(_limbo.values())


def main_thread():
    """The Thread object of the main thread."""
    return _main_thread


def _register_atexit(func, *arg, **kwargs):
    """Call func(*arg, **kwargs) before _shutdown() joins the non-daemon
    threads (in reverse order of registration)."""
    if _SHUTTING_DOWN:
        raise RuntimeError("can't register atexit after shutdown")
    _threading_atexits.append(lambda: func(*arg, **kwargs))


from _threading_local import local

_main_thread = _MainThread()


def _after_fork(old_ident, new_ident):
    """Called by the runtime in a forked child (CPython's
    PyOS_AfterFork_Child): only the forking thread lives on there, as the
    main thread; the parent's other threads are stopped."""
    global _active_limbo_lock, _main_thread
    global _shutdown_locks_lock, _shutdown_locks
    _active_limbo_lock = _labelled_lock('threading._active_limbo_lock')
    _shutdown_locks_lock = _labelled_lock('threading._shutdown_locks_lock')
    _shutdown_locks = []
    current = _active.get(old_ident)
    for thread in list(_active.values()) + list(_limbo.values()):
        if thread is not current:
            thread._is_stopped = True
            thread._tstate_lock = None
    _limbo.clear()
    _active.clear()
    if current is None:
        current = _MainThread()
    else:
        current._ident = new_ident
        _active[new_ident] = current
    _main_thread = current


def _shutdown():
    """Called by the runtime when the main module has finished: waits for
    every non-daemon thread to end."""
    global _SHUTTING_DOWN
    if _main_thread._is_stopped:
        return
    _SHUTTING_DOWN = True
    for call in reversed(_threading_atexits):
        call()
    if _main_thread.ident == get_ident():
        lock = _main_thread._tstate_lock
        lock.release()
        _main_thread._stop()
    while True:
        with _shutdown_locks_lock:
            locks = list(_shutdown_locks)
            _shutdown_locks.clear()
        if not locks:
            break
        for lock in locks:
            lock.acquire()
            lock.release()
