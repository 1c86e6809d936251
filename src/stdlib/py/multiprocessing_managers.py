"""multiprocessing.managers: Manager() and its proxies on the simulated
machine, after the API of CPython 3.11's Lib/multiprocessing/managers.py.

A manager is a server process of its own (named SyncManager-N, started
with the context's method; the parent waits until it is ready) that owns
the shared objects; every proxy call is a round trip to it. Here the
server's objects live in kernel memory every process reaches (a
KernelList holding the object), values go in and out pickled, and each
call is a round trip: the caller sends the request, the server does the
call, and the caller waits for the reply in I/O, its GIL released, so
another thread of its process runs meanwhile (as CPython's caller waits
on the manager's socket). python3 3.11.7 on the machine this was written
on took 37 us per `d[k] = v` on a Manager dict (the wait, waking up, and
pickling in the caller) and 50-90 ms for `Manager()` (2 cores, load
average about 7). One call is one atomic step of the server, as each of
CPython's server threads runs a call under the server's GIL; it takes
effect when the request is sent. `d[k] += 1` is two calls, and two
processes doing it lose updates as in CPython.

In the trace every call is a request to the server process's thread and
a reply back: two queue lanes ('calls to SyncManager-1', 'replies from
SyncManager-1'), an arrow per call between the processes; the caller's
lane shows the wait as I/O.

What is not simulated: the server's own threads and CPU (the call runs in
the caller's thread, the pickling on both sides is charged to it); a
call made from inside a builtin (`print(proxy)`, `getattr(ns, 'x')`,
`sorted(proxy)`, a key function) cannot stop the thread, so its round
trip is time the caller spends holding its GIL (`d[k]`, `ns.x`,
`v.value` and method calls do wait in I/O); a Manager's Array is a list
(CPython's server holds an array.array); and proxies of registered user
types (BaseManager.register) raise NotImplementedError.
"""

import os
import threading
import _thread

import _multiprocessing as _mp
import _net
import multiprocessing as _multiprocessing

__all__ = ['BaseManager', 'SyncManager', 'BaseProxy', 'Namespace', 'Token']

_note_queue = _thread._note_queue

# Costs (see the module docs): a call's wait for its reply, which with
# the wake-up (3-7 us) and the caller's pickling (about 6 us) makes the
# 37 us measured per call.
REPLY_WAIT_NS = 27_000
SERVER_START_NS = 45_000_000


def _copy(value):
    """What crossing to the server and back makes of a value."""
    return _mp.loads(_mp.dumps(value))


class Token(object):
    """Which server object a proxy stands for."""

    def __init__(self, typeid, address, id):
        self.typeid = typeid
        self.address = address
        self.id = id

    def __repr__(self):
        return '%s(typeid=%r, address=%r, id=%r)' % (
            self.__class__.__name__, self.typeid, self.address, self.id)


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


def _server(ready, stop):
    """The manager's process: ready after its start-up, then serving until
    shutdown (its objects are in kernel memory, see the module docs)."""
    _mp.charge(SERVER_START_NS)
    ready.set()
    stop.wait()


def _round_trip(calls, step=None, *args):
    """One call to the manager whose calls' log is `calls` (a proxy's
    cell holds it as cell[1]): sends the request, lets the server do
    `step(*args)` (None: nothing but the round trip), and waits in I/O for
    the reply, the GIL released; returns what the step returned, or
    raises what it raised, once the reply is in. In the trace, the
    request goes to the server process's thread and the reply comes back,
    as two queue lanes with an arrow per call."""
    seq = calls[0] = calls[0] + 1
    pid, replies, to_server, back = calls[1], calls[2], calls[3], calls[4]
    _note_queue(calls, 'put', seq, 1, to_server)
    error = result = None
    if step is not None:
        try:
            result = step(*args)
        except Exception as e:
            error = e
    half = REPLY_WAIT_NS // 2
    _note_queue(calls, 'get', seq, 0, to_server, pid, half)
    _note_queue(replies, 'put', seq, 1, back, pid, half)
    _net.io(REPLY_WAIT_NS)
    _note_queue(replies, 'get', seq, 0, back)
    if error is not None:
        raise error
    return result


class BaseProxy(object):
    """A reference to an object the manager owns."""

    def __init__(self, token, cell):
        self._token = token
        self._cell = cell

    def _callmethod(self, methodname, args=(), kwds={}):
        """Runs `methodname` on the manager's object: one round trip."""
        return _round_trip(self._cell[1], _serve, self._cell, methodname, args, kwds)

    def _getvalue(self):
        """A copy of the referent."""
        return _round_trip(self._cell[1], _referent, self._cell)

    def __repr__(self):
        return '<%s object, typeid %r at %#x>' % (type(self).__name__,
                                                  self._token.typeid, id(self))

    def __str__(self):
        return self._callmethod('__repr__')


def _serve(cell, methodname, args, kwds):
    """The server's side of a proxy's call: `methodname` on the object."""
    obj = cell[0]
    if obj is None:
        raise EOFError('the manager has shut down')
    args = tuple(_copy(a) for a in args)
    kwds = {k: _copy(v) for k, v in kwds.items()}
    op = _OPERATORS.get(methodname)
    if op is not None:
        return _copy(op(obj, *args))
    return _copy(getattr(obj, methodname)(*args, **kwds))


def _referent(cell):
    return _copy(cell[0])


def _setitem(obj, key, value):
    obj[key] = value


def _delitem(obj, key):
    del obj[key]


def _imul(obj, n):
    obj *= n


# The special methods, as the server's interpreter runs them.
_OPERATORS = {
    '__len__': len,
    '__contains__': lambda obj, x: x in obj,
    '__getitem__': lambda obj, k: obj[k],
    '__setitem__': _setitem,
    '__delitem__': _delitem,
    '__repr__': repr,
    '__add__': lambda obj, x: obj + x,
    '__mul__': lambda obj, n: obj * n,
    '__rmul__': lambda obj, n: n * obj,
    '__imul__': _imul,
    '__reversed__': lambda obj: list(reversed(obj)),
}


def _method(name):
    def call(self, /, *args, **kwds):
        return self._callmethod(name, args, kwds)
    call.__name__ = name
    return call


def MakeProxyType(name, exposed):
    """A proxy class whose methods `exposed` are round trips."""
    dic = {}
    for meth in exposed:
        dic[meth] = _method(meth)
    return type(name, (BaseProxy,), dic)


BaseListProxy = MakeProxyType('BaseListProxy', (
    '__add__', '__contains__', '__delitem__', '__getitem__', '__len__',
    '__mul__', '__reversed__', '__rmul__', '__setitem__',
    'append', 'count', 'extend', 'index', 'insert', 'pop', 'remove',
    'reverse', 'sort', '__imul__',
))


class _ServerArray(object):
    """The manager's object for Manager().Array: CPython's is an
    array.array, which prints as array('i', [1, 2]) and slices to one."""

    def __init__(self, typecode, items):
        self.typecode = typecode
        self.items = list(items)

    def __len__(self):
        return len(self.items)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return _ServerArray(self.typecode, self.items[index])
        return self.items[index]

    def __setitem__(self, index, value):
        self.items[index] = value

    def __iter__(self):
        return iter(self.items)

    def __eq__(self, other):
        if isinstance(other, _ServerArray):
            return self.typecode == other.typecode and self.items == other.items
        return NotImplemented

    def __repr__(self):
        return 'array(%r, %r)' % (self.typecode, self.items)


ArrayProxy = MakeProxyType('ArrayProxy', ('__len__', '__getitem__', '__setitem__'))


class ListProxy(BaseListProxy):
    def __iadd__(self, value):
        self._callmethod('extend', (value,))
        return self

    def __imul__(self, value):
        self._callmethod('__imul__', (value,))
        return self

    def __iter__(self):
        return iter(self._getvalue())


_DictProxyBase = MakeProxyType('DictProxy', (
    '__contains__', '__delitem__', '__getitem__', '__len__',
    '__setitem__', 'clear', 'copy', 'get', 'items',
    'keys', 'pop', 'popitem', 'setdefault', 'update', 'values',
))


class DictProxy(_DictProxyBase):
    def __iter__(self):
        return iter(self._callmethod('keys'))

    def items(self):
        return list(self._callmethod('items'))

    def keys(self):
        return list(self._callmethod('keys'))

    def values(self):
        return list(self._callmethod('values'))


class NamespaceProxy(BaseProxy):
    """Attributes of a Namespace the manager owns."""

    def __getattr__(self, key):
        if key[0] == '_':
            raise AttributeError(key)
        cell = self.__dict__['_cell']
        return _round_trip(cell[1], _ns_get, cell, key)

    def __setattr__(self, key, value):
        if key[0] == '_':
            return object.__setattr__(self, key, value)
        _round_trip(self._cell[1], _ns_set, self._cell, key, value)

    def __delattr__(self, key):
        if key[0] == '_':
            return object.__delattr__(self, key)
        _round_trip(self._cell[1], _ns_del, self._cell, key)

    def __repr__(self):
        return _round_trip(self._cell[1], _ns_repr, self._cell)


def _ns_get(cell, key):
    try:
        value = cell[0].__dict__[key]
    except KeyError:
        raise AttributeError("'Namespace' object has no attribute %r" % key) from None
    return _copy(value)


def _ns_set(cell, key, value):
    cell[0].__dict__[key] = _copy(value)


def _ns_del(cell, key):
    del cell[0].__dict__[key]


def _ns_repr(cell):
    return repr(cell[0])


class ValueProxy(BaseProxy):
    def get(self):
        return _round_trip(self._cell[1], _value_get, self._cell)

    def set(self, value):
        _round_trip(self._cell[1], _value_set, self._cell, value)

    value = property(get, set)


def _value_get(cell):
    return _copy(cell[0][0])


def _value_set(cell, value):
    cell[0][0] = _copy(value)


class _Box(list):
    """The server's cell for a Value: [value], shown as managers.Value."""

    def __init__(self, typecode, value):
        list.__init__(self, [value])
        self._typecode = typecode

    def __repr__(self):
        return 'Value(%r, %r)' % (self._typecode, self[0])


class BaseManager(object):
    """A server process owning shared objects, with proxies to them."""

    _Server_count = 0

    def __init__(self, address=None, authkey=None, serializer='pickle', ctx=None,
                 *, shutdown_timeout=1.0):
        self._ctx = ctx or _multiprocessing.get_context()
        self._process = None
        self._state = 'INITIAL'
        self._objects = []
        self.address = address

    def start(self, initializer=None, initargs=()):
        """Starts the manager's server process and waits until it is ready."""
        if self._state != 'INITIAL':
            if self._state == 'STARTED':
                raise _multiprocessing.ProcessError("Already started server")
            raise _multiprocessing.ProcessError("Manager has shut down")
        self._ready = _multiprocessing.Event()
        self._stop = _multiprocessing.Event()
        self._process = self._ctx.Process(target=_server, args=(self._ready, self._stop))
        ident = ':'.join(str(i) for i in self._process._identity)
        self._process.name = type(self).__name__ + '-' + ident
        self._process.start()
        self._ready.wait()
        self.address = '/simulated/manager-%d' % self._process.pid
        # The calls' log: [calls so far, the server's pid, the replies'
        # queue object, the two lanes' labels] (see _round_trip).
        name, pid = self._process.name, self._process.pid
        self._calls = _mp.KernelList([0, pid, _mp.KernelList(),
                                      'calls to %s (#{n})' % name,
                                      'replies from %s (#{n})' % name])
        self._state = 'STARTED'

    def _create(self, typeid, obj, proxytype):
        if self._state != 'STARTED':
            raise _multiprocessing.ProcessError(
                "Manager has not been started" if self._state == 'INITIAL'
                else "Manager has shut down")
        _round_trip(self._calls)
        cell = _mp.KernelList([obj, self._calls])
        self._objects.append(cell)
        token = Token(typeid, self.address, '%x' % len(self._objects))
        return proxytype(token, cell)

    def shutdown(self):
        """Stops the server; its proxies stop working."""
        if self._state == 'STARTED':
            self._state = 'SHUTDOWN'
            for cell in self._objects:
                cell[0] = None
            self._stop.set()
            self._process.join()

    def join(self, timeout=None):
        if self._process is not None:
            self._process.join(timeout)

    def __enter__(self):
        if self._state == 'INITIAL':
            self.start()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown()

    @classmethod
    def register(cls, typeid, callable=None, proxytype=None, exposed=None,
                 method_to_typeid=None, create_method=True):
        raise NotImplementedError('BaseManager.register is not simulated yet')


class SyncManager(BaseManager):
    """The manager multiprocessing.Manager() starts."""

    def dict(self, *args, **kwds):
        return self._create('dict', dict(*_copy(args), **_copy(kwds)), DictProxy)

    def list(self, sequence=()):
        return self._create('list', list(_copy(sequence)), ListProxy)

    def Namespace(self, **kwds):
        return self._create('Namespace', Namespace(**_copy(kwds)), NamespaceProxy)

    def Value(self, typecode, value, lock=True):
        return self._create('Value', _Box(typecode, _copy(value)), ValueProxy)

    def Array(self, typecode, sequence, lock=True):
        return self._create('Array', _ServerArray(typecode, _copy(sequence)), ArrayProxy)

    # Synchronisation and queues: the kernel objects of multiprocessing
    # (one for every process, as the server's would be).
    def Lock(self):
        return _multiprocessing.Lock()

    def RLock(self):
        return _multiprocessing.RLock()

    def Semaphore(self, value=1):
        return _multiprocessing.Semaphore(value)

    def BoundedSemaphore(self, value=1):
        return _multiprocessing.BoundedSemaphore(value)

    def Condition(self, lock=None):
        return _multiprocessing.Condition(lock)

    def Event(self):
        return _multiprocessing.Event()

    def Barrier(self, parties, action=None, timeout=None):
        return _multiprocessing.Barrier(parties, action, timeout)

    def Queue(self, maxsize=0):
        return _multiprocessing.JoinableQueue(maxsize)

    JoinableQueue = Queue

    def Pool(self, processes=None, initializer=None, initargs=()):
        raise NotImplementedError('Manager().Pool is not simulated yet')
