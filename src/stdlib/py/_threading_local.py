"""_threading_local: thread-local data (Interleave's own version, written
after CPython 3.11's documented behaviour and messages).

A `local` object has a separate set of attributes in each thread:

    mydata = local()
    mydata.x = 1        # seen only by this thread

A subclass's __init__ runs again, with the constructor's arguments, the
first time each other thread touches the object.

How: the instance's own __dict__ always holds the attributes of the thread
that touched it last. Every attribute access goes through
__getattribute__/__setattr__/__delattr__, which first swap in the calling
thread's attributes when another thread touched the object last. These
special methods run to completion without a thread switch (the simulator
never preempts a callback of the interpreter), so no lock is needed.

Differences from CPython: a thread's attributes are kept after it ends;
`obj.__dict__` is the one dict of the object, whose contents are those of
the thread that touched the object last; a subclass's __init__, rerun
inside an attribute access, must not block (wait for a held lock).
"""

from _thread import get_ident

__all__ = ["local"]



class _localimpl:
    """The per-thread attribute sets of one `local` object."""

    __slots__ = ('dicts', 'current', 'args', 'kw')

    def __init__(self, args, kw):
        self.dicts = {}      # ident -> attributes, for threads not current
        self.current = None  # ident of the thread whose attributes are in __dict__
        self.args = args
        self.kw = kw


def _patch(self):
    """Makes the instance dict hold the calling thread's attributes."""
    impl = object.__getattribute__(self, '_local__impl')
    me = get_ident()
    if impl.current == me:
        return
    d = object.__getattribute__(self, '__dict__')
    if impl.current is not None:
        impl.dicts[impl.current] = dict(d)
    d.clear()
    impl.current = me
    mine = impl.dicts.pop(me, None)
    if mine is not None:
        d.update(mine)
        return
    # First touch from this thread: run the subclass's __init__ again.
    cls = type(self)
    if cls.__init__ is not object.__init__:
        cls.__init__(self, *impl.args, **impl.kw)


def _type_name(self):
    # What CPython's messages call the type (threading.local is the C
    # type _thread._local there).
    cls = type(self)
    return '_thread._local' if cls is _local else cls.__name__


def _read_only(self):
    return AttributeError(f"'{_type_name(self)}' object attribute '__dict__' is read-only")


class _local:
    """Thread-local data: each thread sees its own attributes."""

    __module__ = '_thread'

    __slots__ = ('_local__impl', '__dict__')

    def __new__(cls, /, *args, **kw):
        if (args or kw) and (cls.__init__ is object.__init__):
            raise TypeError("Initialization arguments are not supported")
        self = object.__new__(cls)
        impl = _localimpl(args, kw)
        impl.current = get_ident()
        object.__setattr__(self, '_local__impl', impl)
        return self

    def __getattribute__(self, name):
        _patch(self)
        try:
            return object.__getattribute__(self, name)
        except AttributeError:
            if type(self) is not _local:
                raise
        raise AttributeError(f"'_thread._local' object has no attribute '{name}'")

    def __setattr__(self, name, value):
        if name == '__dict__':
            raise _read_only(self)
        _patch(self)
        return object.__setattr__(self, name, value)

    def __delattr__(self, name):
        if name == '__dict__':
            raise _read_only(self)
        _patch(self)
        try:
            return object.__delattr__(self, name)
        except AttributeError:
            if type(self) is not _local:
                raise
        raise AttributeError(f"'_thread._local' object has no attribute '{name}'")


local = _local
