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

__all__ = ['Process', 'current_process', 'active_children', 'parent_process',
           'cpu_count', 'Queue', 'SimpleQueue', 'JoinableQueue', 'Pipe',
           'Lock', 'RLock', 'Semaphore', 'BoundedSemaphore', 'Condition',
           'Event', 'Value', 'Array', 'RawValue', 'RawArray', 'Pool',
           'get_start_method', 'set_start_method', 'get_all_start_methods',
           'get_context', 'ProcessError', 'BufferTooShort', 'TimeoutError',
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

    def Process(self, *args, **kwargs):
        p = Process(*args, **kwargs)
        p._start_method = self._name
        return p

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
        if method != 'fork':
            _spawn_unsupported(method)
        self._popen = _Popen(self)
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
        try:
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


def _spawn_unsupported(method):
    raise NotImplementedError(
        "multiprocessing start method %r is not simulated yet (use 'fork')" % method)


_threading._register_atexit(_exit_function)
