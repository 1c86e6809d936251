"""multiprocessing on the simulated machine: processes with their own
heap and GIL (os.fork underneath, as CPython's 'fork' start method),
data between them copied (pickled) through simulated pipes, locks and
shared memory that every process sees. Written after CPython 3.11's
Lib/multiprocessing (process.py, popen_fork.py, queues.py, connection.py,
synchronize.py, sharedctypes.py, pool.py, util.py), on the kernel objects
of _multiprocessing. Submodules (multiprocessing.dummy, ...) are separate
modules registered by name."""

import os as _os
import sys as _sys
import time as _time
import threading as _threading
import itertools as _itertools
import collections as _collections
import _thread
import _multiprocessing as _mp

_note_queue = _thread._note_queue

__all__ = ['Process', 'current_process', 'active_children', 'parent_process',
           'cpu_count', 'Queue', 'SimpleQueue', 'JoinableQueue', 'Pipe',
           'Lock', 'RLock', 'Semaphore', 'BoundedSemaphore', 'Condition',
           'Event', 'Value', 'Array', 'RawValue', 'RawArray', 'Pool',
           'get_start_method', 'set_start_method', 'get_all_start_methods',
           'get_context', 'Manager', 'ProcessError', 'BufferTooShort', 'TimeoutError',
           'AuthenticationError', 'freeze_support']

SUBDEBUG = 5
SUBWARNING = 25


class ProcessError(Exception):
    pass


class BufferTooShort(ProcessError):
    pass


class TimeoutError(ProcessError):
    pass


class AuthenticationError(ProcessError):
    pass


def cpu_count():
    """The number of CPUs of the simulated machine."""
    num = _os.cpu_count()
    if num is None:
        raise NotImplementedError('cannot determine number of cpus')
    return num


def freeze_support():
    pass


# ---------------------------------------------------------------------------
# Start methods and contexts
# ---------------------------------------------------------------------------

_actual_method = None


def get_start_method(allow_none=False):
    global _actual_method
    if _actual_method is None:
        if allow_none:
            return None
        _actual_method = 'fork'
    return _actual_method


def set_start_method(method, force=False):
    global _actual_method
    if _actual_method is not None and not force:
        raise RuntimeError('context has already been set')
    if method is None and force:
        _actual_method = None
        return
    if method not in ('fork', 'spawn', 'forkserver'):
        raise ValueError('cannot find context for %r' % method)
    _actual_method = method


def get_all_start_methods():
    return ['fork', 'spawn', 'forkserver']


class BaseContext:
    """What get_context() returns: the module's API bound to one start
    method."""

    ProcessError = ProcessError
    BufferTooShort = BufferTooShort
    TimeoutError = TimeoutError
    AuthenticationError = AuthenticationError

    def __init__(self, method):
        self._name = method

    def get_start_method(self, allow_none=False):
        return self._name

    @property
    def Process(self):
        return _process_classes[self._name]

    def Manager(self):
        """A started SyncManager whose server uses this context's method."""
        from multiprocessing.managers import SyncManager
        m = SyncManager(ctx=self)
        m.start()
        return m

    def Pool(self, processes=None, initializer=None, initargs=(),
             maxtasksperchild=None):
        """A pool of worker processes started with this context's method."""
        from multiprocessing.pool import Pool
        return Pool(processes, initializer, initargs, maxtasksperchild,
                    context=self)

    def __getattr__(self, name):
        if name.startswith('__'):
            raise AttributeError(name)
        return globals()[name]


def get_context(method=None):
    if method is None:
        method = get_start_method()
    if method not in ('fork', 'spawn', 'forkserver'):
        raise ValueError('cannot find context for %r' % method)
    return BaseContext(method)


# ---------------------------------------------------------------------------
# Finalizers and after-fork hooks (util.py)
# ---------------------------------------------------------------------------

_finalizer_registry = {}
_finalizer_counter = _itertools.count()
_afterfork_registry = []
_exiting = False


class Finalize:
    def __init__(self, obj, callback, args=(), kwargs=None, exitpriority=None):
        self._callback = callback
        self._args = args
        self._kwargs = kwargs or {}
        self._key = (exitpriority, next(_finalizer_counter))
        self._pid = _os.getpid()
        _finalizer_registry[self._key] = self

    def __call__(self, wr=None):
        try:
            del _finalizer_registry[self._key]
        except KeyError:
            return None
        if self._pid != _os.getpid():
            res = None
        else:
            res = self._callback(*self._args, **self._kwargs)
        self._callback = self._args = self._kwargs = self._key = None
        return res

    def cancel(self):
        try:
            del _finalizer_registry[self._key]
        except KeyError:
            pass
        else:
            self._callback = self._args = self._kwargs = self._key = None

    def still_active(self):
        return self._key in _finalizer_registry


def _run_finalizers(minpriority=None):
    if minpriority is None:
        f = lambda p: p[0] is not None
    else:
        f = lambda p: p[0] is not None and p[0] >= minpriority
    keys = [key for key in list(_finalizer_registry) if f(key)]
    keys.sort(reverse=True)
    for key in keys:
        finalizer = _finalizer_registry.get(key)
        if finalizer is not None:
            try:
                finalizer()
            except Exception as e:
                _thread._print_exception(e)
    if minpriority is None:
        _finalizer_registry.clear()


def register_after_fork(obj, func):
    _afterfork_registry.append((obj, func))


def _run_after_forkers():
    items = list(_afterfork_registry)
    for obj, func in items:
        func(obj)


def _exit_function():
    global _exiting
    if not _exiting:
        _exiting = True
        _run_finalizers(0)
        if current_process() is not None:
            for p in active_children():
                if p.daemon:
                    p._popen.terminate()
            for p in active_children():
                p.join()
        _run_finalizers()


# ---------------------------------------------------------------------------
# Processes (process.py, popen_fork.py)
# ---------------------------------------------------------------------------

_exitcode_to_name = {-9: '-SIGKILL', -15: '-SIGTERM', -2: '-SIGINT', -1: '-SIGHUP',
                     -6: '-SIGABRT', -11: '-SIGSEGV', -13: '-SIGPIPE', -14: '-SIGALRM'}


class _Popen:
    method = 'fork'

    def __init__(self, process_obj):
        self.returncode = None
        self.finalizer = None
        _mp.name_next_fork(process_obj.name)
        self.pid = _os.fork()
        if self.pid == 0:
            code = 1
            try:
                code = process_obj._bootstrap()
            finally:
                _os._exit(code)
        self.sentinel = _mp.sentinel(self.pid)
        _thread._label(self.sentinel, 'Process.join ' + process_obj.name)

    def poll(self, flag=_os.WNOHANG):
        if self.returncode is None:
            self.returncode = _mp.exitcode(self.pid)
        return self.returncode

    def wait(self, timeout=None):
        if self.returncode is None:
            if timeout is not None:
                if timeout <= 0:
                    return self.poll()
                if not self.sentinel.acquire(True, timeout):
                    return None
            else:
                self.sentinel.acquire()
            self.sentinel.release()
            return self.poll()
        return self.returncode

    def _send_signal(self, sig):
        if self.returncode is None:
            try:
                _os.kill(self.pid, sig)
            except ProcessLookupError:
                pass

    def terminate(self):
        self._send_signal(15)

    def kill(self):
        self._send_signal(9)

    def close(self):
        pass


class BaseProcess:
    """A process: give a target (with args and kwargs) or override run(),
    then start() it."""

    _start_method = None

    def __init__(self, group=None, target=None, name=None, args=(), kwargs={},
                 *, daemon=None):
        assert group is None, 'group argument must be None for now'
        count = next(_process_counter)
        self._identity = _current_process._identity + (count,)
        self._config = dict(_current_process._config)
        self._parent_pid = _os.getpid()
        self._parent_name = _current_process.name
        self._popen = None
        self._closed = False
        self._target = target
        self._args = tuple(args)
        self._kwargs = dict(kwargs)
        self._name = name or type(self).__name__ + '-' + \
            ':'.join(str(i) for i in self._identity)
        if daemon is not None:
            self.daemon = daemon

    def _check_closed(self):
        if self._closed:
            raise ValueError("process object is closed")

    def run(self):
        """What the process does: calls the target. Override in a subclass."""
        if self._target:
            self._target(*self._args, **self._kwargs)

    def start(self):
        """Start the child process (at most once)."""
        self._check_closed()
        assert self._popen is None, 'cannot start a process twice'
        assert self._parent_pid == _os.getpid(), \
            'can only start a process object created by current process'
        assert not _current_process._config.get('daemon'), \
            'daemonic processes are not allowed to have children'
        _cleanup()
        method = self._start_method or get_start_method()
        if method == 'fork':
            self._popen = _Popen(self)
        else:
            _check_not_importing_main()
            self._popen = _SpawnPopen(self, method)
        self._sentinel = self._popen.sentinel
        del self._target, self._args, self._kwargs
        _children.add(self)

    def terminate(self):
        """Terminate the process with SIGTERM."""
        self._check_closed()
        self._popen.terminate()

    def kill(self):
        """Terminate the process with SIGKILL."""
        self._check_closed()
        self._popen.kill()

    def join(self, timeout=None):
        """Wait until the process ends, or `timeout` seconds pass."""
        self._check_closed()
        assert self._parent_pid == _os.getpid(), 'can only join a child process'
        assert self._popen is not None, 'can only join a started process'
        res = self._popen.wait(timeout)
        if res is not None:
            _children.discard(self)

    def is_alive(self):
        """Whether the process is running."""
        self._check_closed()
        if self is _current_process:
            return True
        assert self._parent_pid == _os.getpid(), 'can only test a child process'
        if self._popen is None:
            return False
        returncode = self._popen.poll()
        if returncode is None:
            return True
        _children.discard(self)
        return False

    def close(self):
        """Release the resources of a finished process."""
        if self._popen is not None:
            if self._popen.poll() is None:
                raise ValueError("Cannot close a process while it is still running. "
                                 "You should first call join() or terminate().")
            self._popen.close()
            self._popen = None
            del self._sentinel
            _children.discard(self)
        self._closed = True

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, name):
        assert isinstance(name, str), 'name must be a string'
        self._name = name

    @property
    def daemon(self):
        return self._config.get('daemon', False)

    @daemon.setter
    def daemon(self, daemonic):
        assert self._popen is None, 'process has already started'
        self._config['daemon'] = daemonic

    @property
    def authkey(self):
        return self._config.get('authkey', b'')

    @property
    def exitcode(self):
        self._check_closed()
        if self._popen is None:
            return self._popen
        return self._popen.poll()

    @property
    def ident(self):
        self._check_closed()
        if self is _current_process:
            return _os.getpid()
        return self._popen and self._popen.pid

    pid = ident

    @property
    def sentinel(self):
        self._check_closed()
        try:
            return self._sentinel
        except AttributeError:
            raise ValueError("process not started") from None

    def __repr__(self):
        exitcode = None
        if self is _current_process:
            status = 'started'
        elif self._closed:
            status = 'closed'
        elif self._parent_pid != _os.getpid():
            status = 'unknown'
        elif self._popen is None:
            status = 'initial'
        else:
            exitcode = self._popen.poll()
            if exitcode is not None:
                status = 'stopped'
            else:
                status = 'started'
        info = [type(self).__name__, 'name=%r' % self._name]
        if self._popen is not None:
            info.append('pid=%s' % self._popen.pid)
        info.append('parent=%s' % self._parent_pid)
        info.append(status)
        if exitcode is not None:
            exitcode = _exitcode_to_name.get(exitcode, exitcode)
            info.append('exitcode=%s' % exitcode)
        if self.daemon:
            info.append('daemon')
        return '<%s>' % ' '.join(info)

    def _bootstrap(self, parent_sentinel=None):
        global _current_process, _parent_process, _process_counter, _children
        global _actual_method
        try:
            if self._start_method is not None:
                _actual_method = self._start_method
            _process_counter = _itertools.count(1)
            _children = set()
            _current_process = self
            _parent_process = _ParentProcess(self._parent_name, self._parent_pid,
                                             _mp.sentinel(self._parent_pid))
            _finalizer_registry.clear()
            _run_after_forkers()
            try:
                self.run()
                exitcode = 0
            finally:
                _exit_function()
        except SystemExit as e:
            if e.code is None:
                exitcode = 0
            elif isinstance(e.code, int):
                exitcode = e.code
            else:
                _sys.stderr.write(str(e.code) + '\n')
                exitcode = 1
        except BaseException as e:
            exitcode = 1
            _sys.stderr.write('Process %s:\n' % self.name)
            _thread._print_exception(e)
        finally:
            _threading._shutdown()
        return exitcode


class Process(BaseProcess):
    pass


class ForkProcess(Process):
    _start_method = 'fork'


class SpawnProcess(Process):
    _start_method = 'spawn'


class ForkServerProcess(Process):
    _start_method = 'forkserver'


_process_classes = {'fork': ForkProcess, 'spawn': SpawnProcess,
                    'forkserver': ForkServerProcess}


def Manager():
    """A started SyncManager: a server process owning shared dicts, lists,
    namespaces... (see multiprocessing.managers)."""
    from multiprocessing.managers import SyncManager
    m = SyncManager(ctx=get_context())
    m.start()
    return m


def Pool(processes=None, initializer=None, initargs=(), maxtasksperchild=None):
    """A pool of worker processes (see multiprocessing.pool)."""
    from multiprocessing.pool import Pool
    return Pool(processes, initializer, initargs, maxtasksperchild,
                context=get_context())


class _MainProcess(BaseProcess):

    def __init__(self):
        self._identity = ()
        self._name = 'MainProcess'
        self._parent_pid = None
        self._popen = None
        self._closed = False
        self._config = {'authkey': b'\x00' * 32, 'semprefix': '/mp'}


class _ParentProcess(BaseProcess):

    def __init__(self, name, pid, sentinel):
        self._identity = ()
        self._name = name
        self._pid = pid
        self._parent_pid = None
        self._popen = None
        self._closed = False
        self._sentinel = sentinel
        self._config = {}

    def is_alive(self):
        if self._sentinel is None:
            return False
        if self._sentinel.acquire(False):
            self._sentinel.release()
            return False
        return True

    @property
    def ident(self):
        return self._pid

    pid = ident

    def join(self, timeout=None):
        if self._sentinel is not None:
            if self._sentinel.acquire(True, -1 if timeout is None else timeout):
                self._sentinel.release()


_current_process = _MainProcess()
_parent_process = None
_process_counter = _itertools.count(1)
_children = set()


def current_process():
    """The Process object of the calling process."""
    return _current_process


def parent_process():
    """The parent's Process object (None in the main process)."""
    return _parent_process


def _cleanup():
    for p in list(_children):
        if p._popen.poll() is not None:
            _children.discard(p)


def active_children():
    """The children of this process still running (joins finished ones)."""
    _cleanup()
    return list(_children)


# ---------------------------------------------------------------------------
# spawn and forkserver (spawn.py, popen_spawn_posix.py): the child is a
# fresh interpreter that runs the main module's top level again as
# __mp_main__, then unpickles the Process object and runs it. The
# simulator makes it from a fork: the child forgets every module
# (_mp.fresh_interpreter), pays an interpreter's start-up, imports
# multiprocessing anew and goes on in _spawn_main. Start-up CPU time,
# measured with python3 3.11.7 on the 2-core machine this was written on
# (Process(target=f).start(); join() with an empty f, medians of 15, load
# average about 10): fork 8 ms, spawn 156 ms, forkserver 22 ms; less the
# fork's own cost the runtime charges.
# ---------------------------------------------------------------------------

_START_NS = {'spawn': 140_000_000, 'forkserver': 12_000_000}


def _check_not_importing_main():
    if getattr(current_process(), '_inheriting', False):
        raise RuntimeError('''
        An attempt has been made to start a new process before the
        current process has finished its bootstrapping phase.

        This probably means that you are not using fork to start your
        child processes and you have forgotten to use the proper idiom
        in the main module:

            if __name__ == '__main__':
                freeze_support()
                ...

        The "freeze_support()" line can be omitted if the program
        is not going to be frozen to produce an executable.

        To fix this issue, refer to the "Safe importing of main module"
        section in https://docs.python.org/3/library/multiprocessing.html
        ''')


class _SpawnPopen(_Popen):

    def __init__(self, process_obj, method):
        self.method = method
        self.returncode = None
        self.finalizer = None
        data = _mp.dumps(process_obj)
        main_file = getattr(_sys.modules.get('__main__'), '__file__', None)
        _mp.name_next_fork(process_obj.name)
        self.pid = _os.fork()
        if self.pid == 0:
            code = 1
            try:
                code = _spawn_child(data, main_file, method)
            finally:
                _os._exit(code)
        self.sentinel = _mp.sentinel(self.pid)
        _thread._label(self.sentinel, 'Process.join ' + process_obj.name)


def _spawn_child(data, main_file, method):
    """In the forked child: become a fresh interpreter, run as spawn's."""
    # The pipe ends the fork duplicated: a spawned child has only those
    # pickled to it, so these close once it has its own copies.
    inherited = _mp.fd_list(True)
    _mp.fresh_interpreter()
    _mp.charge(_START_NS[method])
    try:
        import multiprocessing as fresh
        return fresh._spawn_main(data, main_file, method, inherited)
    except SystemExit as e:
        return e.code if isinstance(e.code, int) else 1
    except BaseException as e:
        _thread._print_exception(e)
        return 1


def _spawn_main(data, main_file, method, inherited=()):
    """spawn's _main, in the fresh multiprocessing of the child."""
    global _actual_method
    _actual_method = method
    _current_process._inheriting = True
    try:
        if main_file is not None:
            _mp.run_main(main_file)
    finally:
        del _current_process._inheriting
    self = _mp.loads(data)
    # (By serial: a number may have been reused since, once a copy the
    # fork made was dropped and closed.)
    for fd, serial in inherited:
        _mp.fd_close(fd, None, serial)
    return self._bootstrap()



# ---------------------------------------------------------------------------
# Synchronization across processes (synchronize.py): kernel locks, and
# Condition/Semaphore/Event on them with their state in shared memory
# ---------------------------------------------------------------------------

SEM_VALUE_MAX = 2147483647


def _kernel_lock(label=None):
    return _mp.share(_thread.allocate_lock(), label)


def _owner(lock):
    """Who holds a kernel lock, as SemLock's reprs name it: 'mine' (this
    thread), 'thread' (another thread of this process), 'process'
    (another process), or None when it is free."""
    owner = _mp.lock_owner(lock)
    if owner == 0:
        return None
    if owner == _thread.get_ident():
        return 'mine'
    if owner in _threading._active:
        return 'thread'
    return 'process'


def _owner_name():
    name = current_process().name
    if _threading.current_thread().name != 'MainThread':
        name += '|' + _threading.current_thread().name
    return name


def _semlock_acquire(lock, block, timeout):
    """`acquire(block, timeout)` with SemLock's signature on a kernel lock:
    a timeout of None waits for ever, a negative one not at all, and a
    timeout is ignored when not blocking (_thread's locks refuse None)."""
    if not block:
        return lock.acquire(False)
    if timeout is None:
        return lock.acquire()
    return lock.acquire(True, max(timeout, 0))


class Lock:
    """A lock every process shares (a kernel semaphore of value 1): any
    thread of any process may release it, but only once it is taken;
    it is the caller's (`_is_owned`, what a Condition checks) when this
    thread of this process took it. (CPython counts acquisitions per
    process, so a parent whose Lock a child released still calls it its
    own; here the lock knows who holds it.)"""

    def __init__(self):
        self._lock = _kernel_lock()

    def acquire(self, block=True, timeout=None):
        return _semlock_acquire(self._lock, block, timeout)

    def release(self):
        try:
            self._lock.release()
        except RuntimeError:
            raise ValueError('semaphore or lock released too many times') from None

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def _is_owned(self):
        return _mp.lock_owner(self._lock) == _thread.get_ident()

    def _release_save(self):
        self._lock.release()

    def _acquire_restore(self, state):
        self._lock.acquire()

    def __repr__(self):
        owner = _owner(self._lock)
        if owner == 'mine':
            name = _owner_name()
        elif owner is None:
            name = 'None'
        elif owner == 'thread':
            name = 'SomeOtherThread'
        else:
            name = 'SomeOtherProcess'
        return '<Lock(owner=%s)>' % name


class RLock:
    """A reentrant lock every process shares: only the thread (of the
    process) that took it may release it."""

    def __init__(self):
        self._lock = _mp.share(_thread.RLock())
        self._is_owned = self._lock._is_owned
        self._release_save = self._lock._release_save
        self._acquire_restore = self._lock._acquire_restore

    def acquire(self, block=True, timeout=None):
        return _semlock_acquire(self._lock, block, timeout)

    def release(self):
        if not self._lock._is_owned():
            raise AssertionError('attempt to release recursive lock not owned by thread')
        self._lock.release()

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __repr__(self):
        owner = _owner(self._lock)
        if owner == 'mine':
            name, count = _owner_name(), self._lock._recursion_count()
        elif owner is None:
            name, count = 'None', 0
        elif owner == 'thread':
            name, count = 'SomeOtherThread', 'nonzero'
        else:
            name, count = 'SomeOtherProcess', 'nonzero'
        return '<RLock(%s, %s)>' % (name, count)


class Condition:
    """A condition variable every process shares: waiters wait on kernel
    locks kept in a shared list."""

    def __init__(self, lock=None):
        if lock is None:
            lock = RLock()
        self._lock = lock
        self.acquire = lock.acquire
        self.release = lock.release
        self._waiters = _mp.KernelList()
        self._wait_label = 'Condition.wait'

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __repr__(self):
        return '<Condition(%s, %s)>' % (self._lock, len(self._waiters))

    def wait(self, timeout=None, _unless=None):
        """Waits for a notify (or `timeout` seconds). `_unless`, for the
        pipes: a check made once the waiter is listed, so that an event
        no thread notifies under the lock (a process's exit closing the
        last end of a pipe) cannot slip between the caller's check and
        the wait."""
        assert self._lock._is_owned(), 'must acquire() condition before using wait()'
        waiter = _kernel_lock(self._wait_label)
        waiter.acquire()
        self._waiters.append(waiter)
        if _unless is not None and _unless():
            try:
                self._waiters.remove(waiter)
            except ValueError:
                pass
            return True
        saved = self._lock._release_save()
        gotit = False
        try:
            if timeout is None:
                waiter.acquire()
                gotit = True
            elif timeout > 0:
                gotit = waiter.acquire(True, timeout)
            else:
                gotit = waiter.acquire(False)
            return gotit
        finally:
            self._lock._acquire_restore(saved)
            if not gotit:
                try:
                    self._waiters.remove(waiter)
                except ValueError:
                    pass

    def wait_for(self, predicate, timeout=None):
        endtime = None
        waittime = timeout
        result = predicate()
        while not result:
            if waittime is not None:
                if endtime is None:
                    endtime = _time.monotonic() + waittime
                else:
                    waittime = endtime - _time.monotonic()
                    if waittime <= 0:
                        break
            self.wait(waittime)
            result = predicate()
        return result

    def notify(self, n=1):
        assert self._lock._is_owned(), 'lock is not owned'
        while n > 0 and len(self._waiters):
            waiter = self._waiters.popleft()
            try:
                waiter.release()
            except RuntimeError:
                pass
            n -= 1

    def notify_all(self):
        self.notify(len(self._waiters))


class Semaphore:
    """A counting semaphore every process shares."""

    _bounded = False

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._cond = Condition(Lock())
        self._cond._wait_label = type(self).__name__ + '.acquire'
        self._state = _mp.KernelList([value, value])

    def acquire(self, block=True, timeout=None):
        with self._cond:
            if self._state[0] == 0:
                if not block:
                    return False
                endtime = None if timeout is None else _time.monotonic() + timeout
                while self._state[0] == 0:
                    if endtime is not None:
                        remaining = endtime - _time.monotonic()
                        if remaining <= 0:
                            return False
                        self._cond.wait(remaining)
                    else:
                        self._cond.wait()
            self._state[0] = self._state[0] - 1
            return True

    def release(self):
        with self._cond:
            if self._bounded and self._state[0] >= self._state[1]:
                raise ValueError('semaphore or lock released too many times')
            self._state[0] = self._state[0] + 1
            self._cond.notify()

    def get_value(self):
        return self._state[0]

    def _is_zero(self):
        return self._state[0] == 0

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *args):
        self.release()

    def __repr__(self):
        return '<%s(value=%s)>' % (type(self).__name__, self._state[0])


class BoundedSemaphore(Semaphore):
    _bounded = True

    def __repr__(self):
        return '<BoundedSemaphore(value=%s, maxvalue=%s)>' % (self._state[0], self._state[1])


class Event:
    """An event every process shares."""

    def __init__(self):
        self._cond = Condition(Lock())
        self._cond._wait_label = 'Event.wait'
        self._flag = _mp.KernelList([False])

    def is_set(self):
        with self._cond:
            return self._flag[0]

    def set(self):
        with self._cond:
            self._flag[0] = True
            self._cond.notify_all()

    def clear(self):
        with self._cond:
            self._flag[0] = False

    def wait(self, timeout=None):
        with self._cond:
            if self._flag[0]:
                return True
            self._cond.wait(timeout)
            return self._flag[0]


class Barrier(_threading.Barrier):
    """threading.Barrier for processes, as synchronize.py makes it: a
    Condition every process shares, and its state and count in shared
    memory."""

    __module__ = 'multiprocessing.synchronize'

    def __init__(self, parties, action=None, timeout=None):
        self._shared = _mp.KernelList([0, 0])  # state, count
        self._cond = Condition()
        self._cond._wait_label = 'Barrier.wait'
        self._action = action
        self._timeout = timeout
        self._parties = parties
        self._state = 0
        self._count = 0

    @property
    def _state(self):
        return self._shared[0]

    @_state.setter
    def _state(self, value):
        self._shared[0] = value

    @property
    def _count(self):
        return self._shared[1]

    @_count.setter
    def _count(self, value):
        self._shared[1] = value


# ---------------------------------------------------------------------------
# Pipes (connection.py): a channel is a shared buffer of pickled messages
# with the kernel's capacity (64 KiB on Linux); a send that does not fit
# waits until the reader has made room. Each end a process holds is a
# descriptor of its own (_mp.fd_open; see the runtime's pipe_fds): the
# channel counts the open write and read ends of every process, a fork
# duplicates them, a process's exit closes them, and so does a Connection's
# last reference going away (_mp.fd_ref, for Connection.__del__). recv()
# raises EOFError only once every write end is closed, a send
# BrokenPipeError once every read end is — as the kernel does, so the
# parent must close its own copy of the child's end to see the child's
# EOF.
# ---------------------------------------------------------------------------

PIPE_CAPACITY = 65536

# Indexes into a channel's state list.
_UNREAD, _WRITERS, _READERS = 0, 1, 2


class _Channel:

    def __init__(self, label='Pipe'):
        # What the trace calls it (with a number): Pipe, multiprocessing.Queue ...
        self.label = label
        self.buffer = _mp.KernelList()
        # unread bytes, open write ends, open read ends
        self.state = _mp.KernelList([0, 0, 0])
        self.cond = Condition(Lock())

    def _no_readers(self):
        return self.state[_READERS] == 0

    def _no_writers(self):
        return self.state[_WRITERS] == 0

    def _readable(self):
        return len(self.buffer) or self.state[_WRITERS] == 0

    def put(self, data):
        n = data.size()
        with self.cond:
            if self._no_readers():
                raise BrokenPipeError(32, 'Broken pipe')
            self.buffer.append(data)
            _note_queue(self.buffer, 'put', data, len(self.buffer), self.label)
            self.state[_UNREAD] = self.state[_UNREAD] + n
            self.cond.notify_all()
            self.cond._wait_label = 'Connection.send (pipe full)'
            while self.state[_UNREAD] > PIPE_CAPACITY and not self._no_readers():
                self.cond.wait(None, self._no_readers)

    def get(self):
        with self.cond:
            self.cond._wait_label = 'Connection.recv'
            while not len(self.buffer):
                if self._no_writers():
                    raise EOFError
                self.cond.wait(None, self._no_writers)
            data = self.buffer.popleft()
            _note_queue(self.buffer, 'get', data, len(self.buffer), self.label)
            self.state[_UNREAD] = self.state[_UNREAD] - data.size()
            self.cond.notify_all()
            return data

    def poll(self, timeout):
        with self.cond:
            self.cond._wait_label = 'Connection.poll'
            if timeout is None:
                while not self._readable():
                    self.cond.wait(None, self._no_writers)
                return True
            endtime = _time.monotonic() + timeout
            while not self._readable():
                remaining = endtime - _time.monotonic()
                if remaining <= 0:
                    return False
                self.cond.wait(remaining, self._no_writers)
            return True

    def end(self, index):
        """What _mp.fd_open takes for this channel's write or read end."""
        return (self.state, index, self.cond._waiters)


class Connection:
    """One end of a Pipe: a descriptor of the process that holds it."""

    def __init__(self, rchan, wchan):
        self._rchan = rchan
        self._wchan = wchan
        self._closed = False
        self._readable = rchan is not None
        self._writable = wchan is not None
        self._open()

    def _open(self):
        ends = ()
        if self._rchan is not None:
            ends += self._rchan.end(_READERS)
        if self._wchan is not None:
            ends += self._wchan.end(_WRITERS)
        self._handle = _mp.fd_open(*ends)
        # Closes the descriptor when this Connection's last reference
        # goes, as CPython's Connection.__del__ does.
        self._ref = _mp.fd_ref(self._handle)

    def __getstate__(self):
        # Pickled to another process (a spawned child's arguments): the
        # receiver gets a descriptor of its own.
        state = dict(self.__dict__)
        state.pop('_handle', None)
        state.pop('_ref', None)
        return state

    def __setstate__(self, state):
        self.__dict__.update(state)
        if not self._closed:
            self._open()

    def _check_closed(self):
        if self._closed:
            raise OSError("handle is closed")

    def _check_readable(self):
        if not self._readable:
            raise OSError("connection is write-only")

    def _check_writable(self):
        if not self._writable:
            raise OSError("connection is read-only")

    @property
    def closed(self):
        return self._closed

    @property
    def readable(self):
        return self._readable

    @property
    def writable(self):
        return self._writable

    def send(self, obj):
        """Send a picklable object to the other end."""
        self._check_closed()
        self._check_writable()
        self._wchan.put(_mp.dumps(obj))

    def send_bytes(self, buf, offset=0, size=None):
        self._check_closed()
        self._check_writable()
        m = bytes(buf)
        if size is None:
            size = len(m) - offset
        self._wchan.put(_mp.dumps(m[offset:offset + size]))

    def recv(self):
        """Receive the next object sent from the other end (EOFError when
        nothing is left and every copy of the other end is closed)."""
        self._check_closed()
        self._check_readable()
        return _mp.loads(self._rchan.get())

    def recv_bytes(self, maxlength=None):
        self._check_closed()
        self._check_readable()
        return _mp.loads(self._rchan.get())

    def poll(self, timeout=0.0):
        """Whether there is data to read (waits up to `timeout` seconds;
        None waits for ever)."""
        self._check_closed()
        self._check_readable()
        return self._rchan.poll(timeout)

    def close(self):
        if not self._closed:
            self._closed = True
            _mp.fd_close(self._handle)

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

    def fileno(self):
        self._check_closed()
        return self._handle


def Pipe(duplex=True):
    """A pair of connected Connection objects (duplex, or (reader, writer))."""
    if duplex:
        a, b = _Channel(), _Channel()
        return Connection(a, b), Connection(b, a)
    return _pipe('Pipe')


def _pipe(label):
    """A one-way pipe (reader, writer) the trace calls `label`."""
    c = _Channel(label)
    return Connection(c, None), Connection(None, c)


# ---------------------------------------------------------------------------
# Queues (queues.py): a pipe, a lock for readers, a bounded semaphore for
# the size, and a feeder thread in each putting process that pickles the
# buffered items and writes them to the pipe. A process does not end
# until its feeder has written everything: joining a child that put more
# than the pipe holds, before reading it, waits for ever.
# ---------------------------------------------------------------------------

from queue import Empty, Full

_sentinel = object()


class Queue:

    def __init__(self, maxsize=0):
        if maxsize <= 0:
            maxsize = SEM_VALUE_MAX
        self._maxsize = maxsize
        self._reader, self._writer = _pipe('multiprocessing.' + type(self).__name__)
        self._rlock = Lock()
        self._opid = _os.getpid()
        self._wlock = None
        self._sem = BoundedSemaphore(maxsize)
        self._sem._cond._wait_label = 'Queue.put (full)'
        self._ignore_epipe = False
        self._reset()
        register_after_fork(self, Queue._after_fork)

    def _after_fork(self):
        self._reset()

    def __getstate__(self):
        # What pickling sends to a spawned child: not the feeder's state.
        state = dict(self.__dict__)
        for name in ('_notempty', '_buffer', '_thread', '_jointhread',
                     '_joincancelled', '_closed', '_close', '_send_bytes',
                     '_recv_bytes', '_poll'):
            state.pop(name, None)
        return state

    def __setstate__(self, state):
        self.__dict__.update(state)
        self._reset()

    def _reset(self):
        self._notempty = _threading.Condition(_threading.Lock())
        self._buffer = _collections.deque()
        self._thread = None
        self._jointhread = None
        self._joincancelled = False
        self._closed = False
        self._close = None
        self._send_bytes = self._writer.send
        self._recv_bytes = self._reader.recv
        self._poll = self._reader.poll

    def put(self, obj, block=True, timeout=None):
        if self._closed:
            raise ValueError(f"Queue {self!r} is closed")
        if not self._sem.acquire(block, timeout):
            raise Full
        with self._notempty:
            if self._thread is None:
                self._start_thread()
            self._buffer.append(obj)
            self._notempty.notify()

    def get(self, block=True, timeout=None):
        if self._closed:
            raise ValueError(f"Queue {self!r} is closed")
        if block and timeout is None:
            with self._rlock:
                res = self._recv_bytes()
            self._sem.release()
        else:
            if block:
                deadline = _time.monotonic() + timeout
            if not self._rlock.acquire(block, timeout):
                raise Empty
            try:
                if block:
                    timeout = deadline - _time.monotonic()
                    if not self._poll(timeout):
                        raise Empty
                elif not self._poll():
                    raise Empty
                res = self._recv_bytes()
                self._sem.release()
            finally:
                self._rlock.release()
        return res

    def qsize(self):
        return self._maxsize - self._sem.get_value()

    def empty(self):
        return not self._poll()

    def full(self):
        return self._sem._is_zero()

    def get_nowait(self):
        return self.get(False)

    def put_nowait(self, obj):
        return self.put(obj, False)

    def close(self):
        self._closed = True
        close = self._close
        if close:
            self._close = None
            close()

    def join_thread(self):
        assert self._closed, "Queue {0!r} not closed".format(self)
        if self._jointhread:
            self._jointhread()

    def cancel_join_thread(self):
        self._joincancelled = True
        try:
            self._jointhread.cancel()
        except AttributeError:
            pass

    def _start_thread(self):
        self._buffer.clear()
        self._thread = _threading.Thread(
            target=Queue._feed,
            args=(self._buffer, self._notempty, self._send_bytes,
                  self._writer.close, self._ignore_epipe, self._on_queue_feeder_error,
                  self._sem),
            name='QueueFeederThread',
            daemon=True,
        )
        self._thread.start()
        if not self._joincancelled:
            self._jointhread = Finalize(
                self._thread, Queue._finalize_join, [self._thread], exitpriority=-5)
        self._close = Finalize(
            self, Queue._finalize_close, [self._buffer, self._notempty], exitpriority=10)

    @staticmethod
    def _finalize_join(thread):
        if thread is not None:
            thread.join()

    @staticmethod
    def _finalize_close(buffer, notempty):
        with notempty:
            buffer.append(_sentinel)
            notempty.notify()

    @staticmethod
    def _feed(buffer, notempty, send_bytes, writer_close, ignore_epipe, onerror, queue_sem):
        while 1:
            with notempty:
                if not buffer:
                    notempty.wait()
            try:
                while 1:
                    obj = buffer.popleft()
                    if obj is _sentinel:
                        return
                    try:
                        send_bytes(obj)
                    except Exception as e:
                        queue_sem.release()
                        onerror(e, obj)
            except IndexError:
                pass

    @staticmethod
    def _on_queue_feeder_error(e, obj):
        _sys.stderr.write('Traceback (most recent call last):\n')
        _thread._print_exception(e)

    def __repr__(self):
        return '<multiprocessing.queues.Queue object>'


class JoinableQueue(Queue):

    def __init__(self, maxsize=0):
        Queue.__init__(self, maxsize)
        self._unfinished_tasks = Semaphore(0)
        self._cond = Condition()
        self._cond._wait_label = 'JoinableQueue.join'

    def put(self, obj, block=True, timeout=None):
        if self._closed:
            raise ValueError(f"Queue {self!r} is closed")
        if not self._sem.acquire(block, timeout):
            raise Full
        with self._notempty, self._cond:
            if self._thread is None:
                self._start_thread()
            self._buffer.append(obj)
            self._unfinished_tasks.release()
            self._notempty.notify()

    def task_done(self):
        with self._cond:
            if not self._unfinished_tasks.acquire(False):
                raise ValueError('task_done() called too many times')
            if self._unfinished_tasks._is_zero():
                self._cond.notify_all()

    def join(self):
        with self._cond:
            if not self._unfinished_tasks._is_zero():
                self._cond.wait()


class SimpleQueue:
    """A queue without a feeder thread: put writes to the pipe at once."""

    def __init__(self, _label=None):
        self._reader, self._writer = _pipe(_label or 'multiprocessing.SimpleQueue')
        self._rlock = Lock()
        self._wlock = Lock()
        self._poll = self._reader.poll

    def close(self):
        self._reader.close()
        self._writer.close()

    def empty(self):
        return not self._poll()

    def get(self):
        with self._rlock:
            return self._reader.recv()

    def put(self, obj):
        data = _mp.dumps(obj)
        with self._wlock:
            self._writer._wchan.put(data)


# ---------------------------------------------------------------------------
# Shared memory (sharedctypes.py): Value and Array, with or without a lock
# ---------------------------------------------------------------------------

_typecode_to_name = {
    'c': 'c_char', 'u': 'c_wchar', 'b': 'c_byte', 'B': 'c_ubyte',
    'h': 'c_short', 'H': 'c_ushort', 'i': 'c_int', 'I': 'c_uint',
    'l': 'c_long', 'L': 'c_ulong', 'q': 'c_longlong', 'Q': 'c_ulonglong',
    'f': 'c_float', 'd': 'c_double',
}
_int_bits = {'b': (8, True), 'B': (8, False), 'h': (16, True), 'H': (16, False),
             'i': (32, True), 'I': (32, False), 'l': (64, True), 'L': (64, False),
             'q': (64, True), 'Q': (64, False)}


def _convert(typecode, value):
    if typecode in _int_bits:
        if not isinstance(value, int):
            raise TypeError("'%s' object cannot be interpreted as an integer"
                            % type(value).__name__)
        bits, signed = _int_bits[typecode]
        value &= (1 << bits) - 1
        if signed and value >= 1 << (bits - 1):
            value -= 1 << bits
        return value
    if typecode in ('d', 'f'):
        if not isinstance(value, (int, float)):
            raise TypeError('must be real number, not %s' % type(value).__name__)
        return float(value)
    if typecode == 'c':
        if isinstance(value, int) and not isinstance(value, bool):
            return bytes([value])
        if not isinstance(value, bytes) or len(value) != 1:
            raise TypeError('one character bytes, bytearray or integer expected')
        return value
    if typecode == 'u':
        if not isinstance(value, str) or len(value) != 1:
            raise TypeError('unicode string expected instead of %s instance' % type(value).__name__)
        return value
    raise TypeError('unknown typecode %r' % (typecode,))


def _zero(typecode):
    if typecode in ('d', 'f'):
        return 0.0
    if typecode == 'c':
        return b'\x00'
    if typecode == 'u':
        return '\x00'
    return 0


def _check_typecode(typecode):
    if typecode not in _typecode_to_name:
        # (ctypes' message for a type it does not know)
        raise TypeError('this type has no size')


class _RawValue:

    def __init__(self, typecode, value):
        self._typecode = typecode
        self._cell = _mp.KernelList([value])

    @property
    def value(self):
        return self._cell[0]

    @value.setter
    def value(self, v):
        self._cell[0] = _convert(self._typecode, v)

    def __repr__(self):
        return '%s(%r)' % (_typecode_to_name[self._typecode], self._cell[0])


def RawValue(typecode_or_type, *args):
    _check_typecode(typecode_or_type)
    v = _convert(typecode_or_type, args[0]) if args else _zero(typecode_or_type)
    return _RawValue(typecode_or_type, v)


class _RawArray:

    def __init__(self, typecode, items):
        self._typecode = typecode
        self._cells = _mp.KernelList(items)

    def __len__(self):
        return len(self._cells)

    def __getitem__(self, i):
        if isinstance(i, slice):
            items = self._cells.snapshot()[i]
            if self._typecode == 'c':
                return b''.join(items)
            return items
        return self._cells[i]

    def __setitem__(self, i, v):
        if isinstance(i, slice):
            idx = range(len(self._cells))[i]
            vals = list(v)
            if len(vals) != len(idx):
                raise ValueError("Can only assign sequence of same size")
            for j, x in zip(idx, vals):
                self._cells[j] = _convert(self._typecode, x)
            return
        self._cells[i] = _convert(self._typecode, v)

    @property
    def value(self):
        items = self._cells.snapshot()
        if self._typecode == 'c':
            return b''.join(items).split(b'\x00')[0]
        raise AttributeError("'%s_Array' object has no attribute 'value'" %
                             _typecode_to_name[self._typecode])

    @value.setter
    def value(self, v):
        for j in range(len(self._cells)):
            self._cells[j] = bytes([v[j]]) if j < len(v) else b'\x00'


def RawArray(typecode_or_type, size_or_initializer):
    _check_typecode(typecode_or_type)
    if isinstance(size_or_initializer, int):
        items = [_zero(typecode_or_type)] * size_or_initializer
    else:
        items = [_convert(typecode_or_type, x) for x in size_or_initializer]
    return _RawArray(typecode_or_type, items)


class Synchronized:

    def __init__(self, obj, lock=None):
        self._obj = obj
        self._lock = lock if lock else RLock()
        self.acquire = self._lock.acquire
        self.release = self._lock.release

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def get_obj(self):
        return self._obj

    def get_lock(self):
        return self._lock

    @property
    def value(self):
        with self._lock:
            return self._obj.value

    @value.setter
    def value(self, v):
        with self._lock:
            self._obj.value = v

    def __repr__(self):
        return '<%s wrapper for %s>' % (type(self).__name__, self._obj)


class SynchronizedArray(Synchronized):

    def __len__(self):
        return len(self._obj)

    def __getitem__(self, i):
        with self._lock:
            return self._obj[i]

    def __setitem__(self, i, value):
        with self._lock:
            self._obj[i] = value

    def __getslice__(self, start, stop):
        with self._lock:
            return self._obj[start:stop]

    def __repr__(self):
        return '<SynchronizedArray wrapper for %s_Array_%d>' % (
            _typecode_to_name[self._obj._typecode], len(self._obj))


class SynchronizedString(SynchronizedArray):
    pass


def Value(typecode_or_type, *args, lock=True):
    """A value in shared memory, by default behind an RLock (get_lock())."""
    obj = RawValue(typecode_or_type, *args)
    if lock is False:
        return obj
    if lock in (True, None):
        lock = RLock()
    if not hasattr(lock, 'acquire'):
        raise AttributeError("%r has no method 'acquire'" % lock)
    return Synchronized(obj, lock)


def Array(typecode_or_type, size_or_initializer, *, lock=True):
    """An array in shared memory, by default behind an RLock."""
    obj = RawArray(typecode_or_type, size_or_initializer)
    if lock is False:
        return obj
    if lock in (True, None):
        lock = RLock()
    if not hasattr(lock, 'acquire'):
        raise AttributeError("%r has no method 'acquire'" % lock)
    if typecode_or_type == 'c':
        return SynchronizedString(obj, lock)
    return SynchronizedArray(obj, lock)


_threading._register_atexit(_exit_function)
