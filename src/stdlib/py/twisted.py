"""Twisted on the simulated machine: the reactor (run, stop, callLater with
DelayedCall, callWhenRunning, addSystemEventTrigger, seconds), Deferred
(callbacks, errbacks, chaining, a Deferred returned from a callback),
Failure, succeed/fail, DeferredList, gatherResults, inlineCallbacks,
`await` on a Deferred in a coroutine that ensureDeferred or
Deferred.fromCoroutine runs (task.react takes an `async def` main too),
task.deferLater/LoopingCall/react/Clock, and HTTP fetches on the
simulated network (twisted.web.client.getPage and the `treq` module).

The reactor is Twisted's select loop in miniature, on the thread that
calls run(): each iteration runs the timed calls due at its start (calls
added meanwhile wait for the next iteration, as Twisted's _newTimedCalls
do), then waits in virtual time for the next one — in I/O while a fetch is
in flight, else asleep. A fetch asks the network for the whole exchange at
once (so its span is in the log from the moment it is sent) and fires its
Deferred from a reactor timer when the response would have arrived: the
reactor never blocks on it.

Not simulated: real Twisted reports a Deferred that failed with nobody to
handle it when the Deferred is garbage-collected; here the report
("Unhandled error in Deferred:") comes when reactor.run() returns; and
the tracebacks Twisted logs (unhandled errors, task.react's) show only
the exception's last line here, since a Failure keeps no frames."""

import _net
import _thread
import sys as _sys
import time as _time
import heapq as _heapq

_real_sleep = _time.sleep
_real_io = _net.io


# -- errors ----------------------------------------------------------------

class AlreadyCalledError(Exception):
    """The Deferred was already fired."""


class CancelledError(Exception):
    """The Deferred was cancelled."""


class TimeoutError(Exception):
    """An operation timed out."""


class AlreadyCancelled(Exception):
    """Tried to cancel an already-cancelled event."""

    def __str__(self):
        s = 'Tried to cancel an already-cancelled event'
        return s + (': ' + ' '.join(map(str, self.args)) if self.args else '.')


class AlreadyCalled(Exception):
    """Tried to cancel an already-called event."""

    def __str__(self):
        s = 'Tried to cancel an already-called event'
        return s + (': ' + ' '.join(map(str, self.args)) if self.args else '.')


class ReactorNotRunning(RuntimeError):
    """Stopping a reactor that is not running."""


class ReactorNotRestartable(Exception):
    """The reactor cannot be restarted."""


class ReactorAlreadyRunning(RuntimeError):
    """run() on a running reactor."""


class ConnectionRefusedError(Exception):
    pass


class DNSLookupError(IOError):
    """The host name did not resolve."""

    def __str__(self):
        s = 'DNS lookup failed'
        return s + (': ' + ' '.join(map(str, self.args)) if self.args else '.')


class WebError(Exception):
    """twisted.web.error.Error: an HTTP error status (code and message are
    bytes)."""

    def __init__(self, code, message=None, response=None):
        Exception.__init__(self, code, message, response)
        self.status = code
        self.message = message
        self.response = response

    def __str__(self):
        code = self.status.decode('ascii') if isinstance(self.status, bytes) else str(self.status)
        msg = self.message.decode('ascii') if isinstance(self.message, bytes) else self.message
        return '%s %s' % (code, msg)


WebError.__name__ = 'Error'
WebError.__qualname__ = 'Error'


# -- Failure ---------------------------------------------------------------

def _qualname(cls):
    mod = getattr(cls, '__module__', 'builtins') or 'builtins'
    return '%s.%s' % (mod, cls.__qualname__)


class Failure(BaseException):
    """An exception caught for later: value, type, check, trap,
    getErrorMessage, raiseException."""

    def __init__(self, exc_value=None, exc_type=None, exc_tb=None):
        BaseException.__init__(self)
        if exc_value is None:
            exc_value = _sys.exc_info()[1]
            if exc_value is None:
                raise NoCurrentExceptionError()
        if isinstance(exc_value, type):
            exc_value = exc_value()
        if isinstance(exc_value, Failure):
            exc_value = exc_value.value
        self.value = exc_value
        self.type = type(exc_value) if exc_type is None else exc_type
        self.tb = None
        self.frames = []
        self.parents = [_qualname(c) for c in type(exc_value).__mro__]

    def check(self, *error_types):
        for error in error_types:
            if isinstance(error, str):
                if error in self.parents:
                    return error
            elif isinstance(self.value, error):
                return error
        return None

    def trap(self, *error_types):
        error = self.check(*error_types)
        if not error:
            self.raiseException()
        return error

    def raiseException(self):
        raise self.value

    def getErrorMessage(self):
        if isinstance(self.value, Failure):
            return self.value.getErrorMessage()
        return str(self.value)

    def getTraceback(self, elideFrameworkCode=0, detail='default'):
        return ('Traceback (failure with no frames): %s: %s\n'
                % (self.type, self.getErrorMessage()))

    def printTraceback(self, file=None, elideFrameworkCode=False, detail='default'):
        print(self.getTraceback(), end='', file=file or _sys.stderr)

    def cleanFailure(self):
        pass

    def __repr__(self):
        return '<twisted.python.failure.Failure %s: %s>' % (
            _qualname(self.type), self.getErrorMessage())

    def __str__(self):
        return '[Failure instance: %s]' % self.getTraceback()


class NoCurrentExceptionError(Exception):
    """Failure() with no exception being handled."""


# -- Deferred --------------------------------------------------------------

def _passthru(arg):
    return arg


_unhandled = []


_deferred_ids = [0]
# Task numbers of Deferreds in the trace, apart from asyncio's tasks.
_DEFERRED_TRACE_IDS = 1 << 61


class Deferred:
    """A result that is not there yet: callbacks and errbacks run in the
    order they were added, each on the previous one's result; a failure
    goes down the errbacks until one returns a value."""

    called = False
    paused = 0
    _runningCallbacks = False
    _chainedTo = None
    _suppressAlreadyCalled = False
    _tracked = False

    # Traced (a lane of the trace: awaiting until it fires, running while
    # its callbacks run); the downloader of `scrapy` makes untraced ones.
    _traced = True
    _trace_id = None

    def __init__(self, canceller=None):
        self.callbacks = []
        self._canceller = canceller
        self.result = None
        if self._traced:
            _deferred_ids[0] += 1
            self._trace_id = _DEFERRED_TRACE_IDS + _deferred_ids[0]
            _thread._note_task(self._trace_id, 'Deferred-%d' % _deferred_ids[0], True)
            _thread._note_task(self._trace_id, None, False)

    def addCallbacks(self, callback, errback=None, callbackArgs=(),
                     callbackKeywords=None, errbackArgs=(),
                     errbackKeywords=None):
        if errback is None:
            errback = _passthru
        self.callbacks.append(((callback, callbackArgs, callbackKeywords or {}),
                               (errback, errbackArgs, errbackKeywords or {})))
        if self.called:
            self._runCallbacks()
        return self

    def addCallback(self, callback, *args, **kw):
        return self.addCallbacks(callback, _passthru, callbackArgs=args,
                                 callbackKeywords=kw)

    def addErrback(self, errback, *args, **kw):
        return self.addCallbacks(_passthru, errback, errbackArgs=args,
                                 errbackKeywords=kw)

    def addBoth(self, callback, *args, **kw):
        return self.addCallbacks(callback, callback, callbackArgs=args,
                                 errbackArgs=args, callbackKeywords=kw,
                                 errbackKeywords=kw)

    def addTimeout(self, timeout, clock, onTimeoutCancel=None):
        timed_out = [False]

        def time_it_out():
            timed_out[0] = True
            self.cancel()
        call = clock.callLater(timeout, time_it_out)

        def convert(result):
            if call.active():
                call.cancel()
            if timed_out[0] and isinstance(result, Failure) and result.check(CancelledError):
                if onTimeoutCancel is not None:
                    return onTimeoutCancel(result, timeout)
                return Failure(TimeoutError('Deferred', 'timed out after %s seconds' % timeout))
            return result
        return self.addBoth(convert)

    def chainDeferred(self, d):
        d._chainedTo = self
        return self.addCallbacks(d.callback, d.errback)

    def callback(self, result):
        if isinstance(result, Deferred):
            raise AssertionError('callback() with a Deferred: use chainDeferred')
        self._startRunCallbacks(result)

    def errback(self, fail=None):
        if fail is None:
            fail = Failure()
        elif not isinstance(fail, Failure):
            fail = Failure(fail)
        self._startRunCallbacks(fail)

    def pause(self):
        self.paused += 1

    def unpause(self):
        self.paused -= 1
        if self.paused:
            return
        if self.called:
            self._runCallbacks()

    def cancel(self):
        if not self.called:
            canceller = self._canceller
            if canceller:
                canceller(self)
            if not self.called:
                self.errback(Failure(CancelledError()))
                self._suppressAlreadyCalled = True
        elif isinstance(self.result, Deferred):
            self.result.cancel()

    def _startRunCallbacks(self, result):
        if self.called:
            if self._suppressAlreadyCalled:
                self._suppressAlreadyCalled = False
                return
            raise AlreadyCalledError()
        self.called = True
        self.result = result
        self._runCallbacks()

    def _continuation(self, result):
        self.result = result
        self.unpause()
        return None

    def _runCallbacks(self):
        if self._runningCallbacks or self.paused:
            return
        if self._trace_id is None or not self.callbacks:
            return self._runCallbacksNow()
        _thread._note_task(self._trace_id, None, True)
        try:
            return self._runCallbacksNow()
        finally:
            _thread._note_task(self._trace_id, None, False)

    def _runCallbacksNow(self):
        while self.callbacks:
            item = self.callbacks.pop(0)
            failed = isinstance(self.result, Failure)
            fn, args, kw = item[1] if failed else item[0]
            self._runningCallbacks = True
            try:
                self.result = fn(self.result, *args, **kw)
                if self.result is self:
                    raise TypeError('Callback returned the Deferred it was attached to')
            except BaseException as e:
                self.result = Failure(e)
            finally:
                self._runningCallbacks = False
            if isinstance(self.result, Deferred):
                inner = self.result
                if inner.called and not inner.paused and not inner.callbacks \
                        and not inner._runningCallbacks:
                    # Already fired: take its result right away.
                    self.result = inner.result
                    inner.result = None
                    _untrack(inner)
                    continue
                self.result = None
                self.pause()
                inner.addBoth(self._continuation)
                return
        if isinstance(self.result, Failure):
            if not self._tracked:
                self._tracked = True
                _unhandled.append(self)
        else:
            _untrack(self)

    def __repr__(self):
        if self.called:
            return '<Deferred at 0x%x current result: %r>' % (id(self), self.result)
        return '<Deferred at 0x%x>' % id(self)

    def __iter__(self):
        """`await d` in a coroutine that ensureDeferred (or inlineCallbacks)
        drives: a Deferred not fired yet goes to the driver, which sends
        its result back (or throws its failure in); one already fired gives
        its result at once."""
        if not self.called or self.paused:
            return (yield self)
        result = self.result
        if isinstance(result, Failure):
            self.addErrback(lambda _: None)
            raise result.value
        return result

    __await__ = __iter__

    @classmethod
    def fromCoroutine(cls, coro):
        """Runs coroutine `coro` now, to its first await; the Deferred it
        gives fires with the coroutine's return value (or its error)."""
        if not (hasattr(coro, 'send') and hasattr(coro, 'throw')):
            raise NotACoroutineError('%r is not a coroutine' % (coro,))
        return _inlineCallbacks(None, coro, cls())


class NotACoroutineError(TypeError):
    """ensureDeferred or Deferred.fromCoroutine was given something else."""


def ensureDeferred(coro):
    """A Deferred for `coro`: a Deferred itself, or a coroutine run as
    Deferred.fromCoroutine runs it."""
    if isinstance(coro, Deferred):
        return coro
    try:
        return Deferred.fromCoroutine(coro)
    except NotACoroutineError:
        raise NotACoroutineError('%r is not a coroutine or a Deferred' % (coro,))


def _untrack(d):
    if d._tracked:
        d._tracked = False
        _unhandled.remove(d)


def _report_unhandled():
    """What Twisted logs when a failed Deferred nobody handled is
    collected (here: when the reactor stops)."""
    while _unhandled:
        d = _unhandled.pop(0)
        d._tracked = False
        f = d.result
        if not isinstance(f, Failure):
            continue
        _sys.stderr.write('Unhandled error in Deferred:\n\n')
        _sys.stderr.write('Traceback (most recent call last):\n')
        _sys.stderr.write('%s: %s\n' % (_qualname(f.type), f.getErrorMessage()))


def succeed(result):
    d = Deferred()
    d.callback(result)
    return d


def fail(result=None):
    d = Deferred()
    d.errback(result)
    return d


def maybeDeferred(f, *args, **kw):
    try:
        result = f(*args, **kw)
    except BaseException as e:
        return fail(Failure(e))
    if isinstance(result, Deferred):
        return result
    if isinstance(result, Failure):
        return fail(result)
    return succeed(result)


def execute(callable, *args, **kw):
    try:
        result = callable(*args, **kw)
    except BaseException as e:
        return fail(Failure(e))
    return succeed(result)


class FirstError(Exception):
    """The first error a DeferredList with fireOnOneErrback met."""

    def __init__(self, failure, index):
        Exception.__init__(self, failure, index)
        self.subFailure = failure
        self.index = index

    def __repr__(self):
        return 'FirstError[#%d, %r]' % (self.index, self.subFailure)

    def __str__(self):
        return 'FirstError[#%d, %s]' % (self.index, self.subFailure)


class _InternalDeferred(Deferred):
    """A Deferred of the library's own plumbing: no lane in the trace."""
    _traced = False


class DeferredList(Deferred):
    """Fires when every Deferred given has fired, with a list of
    (success, result) in their order — or with the first (result, index)
    under fireOnOneCallback / fireOnOneErrback."""

    def __init__(self, deferredList, fireOnOneCallback=False,
                 fireOnOneErrback=False, consumeErrors=False):
        Deferred.__init__(self)
        self._deferredList = list(deferredList)
        self.resultList = [None] * len(self._deferredList)
        self.fireOnOneCallback = fireOnOneCallback
        self.fireOnOneErrback = fireOnOneErrback
        self.consumeErrors = consumeErrors
        self.finishedCount = 0
        if not self.resultList and not fireOnOneCallback:
            self.callback([])
        for index, d in enumerate(self._deferredList):
            d.addCallbacks(self._cbDeferred, self._cbDeferred,
                           callbackArgs=(index, True),
                           errbackArgs=(index, False))

    def _cbDeferred(self, result, index, succeeded):
        self.resultList[index] = (succeeded, result)
        self.finishedCount += 1
        if not self.called:
            if succeeded and self.fireOnOneCallback:
                self.callback((result, index))
            elif not succeeded and self.fireOnOneErrback:
                self.errback(Failure(FirstError(result, index)))
            elif self.finishedCount == len(self.resultList):
                self.callback(self.resultList)
        if not succeeded and self.consumeErrors:
            return None
        return result

    def cancel(self):
        if not self.called:
            for d in self._deferredList:
                try:
                    d.cancel()
                except BaseException:
                    pass


def _parseDeferredListResult(results):
    return [value for _, value in results]


def gatherResults(deferredList, consumeErrors=False):
    d = DeferredList(deferredList, fireOnOneErrback=True, consumeErrors=consumeErrors)
    d.addCallback(_parseDeferredListResult)
    return d


class _DefGen_Return(BaseException):
    def __init__(self, value):
        BaseException.__init__(self, value)
        self.value = value


def returnValue(val):
    _sys.stderr.write(
        'DeprecationWarning: twisted.internet.defer.returnValue was deprecated '
        'in Twisted 24.7.0; please use standard return statement instead\n')
    raise _DefGen_Return(val)


def _inlineCallbacks(result, gen, deferred):
    waiting = [True, None]
    while True:
        try:
            if isinstance(result, Failure):
                result = gen.throw(result.value)
            else:
                result = gen.send(result)
        except StopIteration as e:
            deferred.callback(e.value)
            return deferred
        except _DefGen_Return as e:
            deferred.callback(e.value)
            return deferred
        except BaseException as e:
            deferred.errback(Failure(e))
            return deferred
        if isinstance(result, Deferred):
            def gotResult(r):
                if waiting[0]:
                    waiting[0] = False
                    waiting[1] = r
                else:
                    _inlineCallbacks(r, gen, deferred)
            result.addBoth(gotResult)
            if waiting[0]:
                waiting[0] = False
                return deferred
            result = waiting[1]
            waiting[0] = True
            waiting[1] = None


def inlineCallbacks(f):
    """A generator that yields Deferreds reads as sequential code: each
    yield waits for its Deferred (its failure raised at the yield); the
    generator's return value fires the Deferred the call returns."""
    def unwindGenerator(*args, **kwargs):
        try:
            gen = f(*args, **kwargs)
        except _DefGen_Return:
            raise TypeError(
                'inlineCallbacks requires %r to produce a generator; instead '
                'caught returnValue being used in a non-generator' % (f,))
        if not hasattr(gen, 'send') or not hasattr(gen, 'throw'):
            raise TypeError('inlineCallbacks requires %r to produce a generator; '
                            'instead got %r' % (f, gen))
        return _inlineCallbacks(None, gen, Deferred())
    unwindGenerator.__name__ = getattr(f, '__name__', 'unwindGenerator')
    unwindGenerator.__doc__ = getattr(f, '__doc__', None)
    unwindGenerator.__wrapped__ = f
    return unwindGenerator


# -- the reactor -----------------------------------------------------------

class DelayedCall:
    """A call scheduled with callLater: cancel, active, getTime, reset,
    delay."""

    def __init__(self, time, func, args, kw, reactor):
        self.time = time
        self.func = func
        self.args = args
        self.kw = kw
        self._reactor = reactor
        self.cancelled = 0
        self.called = 0
        self.delayed_time = 0

    def __lt__(self, other):
        return self.time < other.time

    def getTime(self):
        return self.time + self.delayed_time

    def cancel(self):
        if self.cancelled:
            raise AlreadyCancelled()
        if self.called:
            raise AlreadyCalled()
        self.cancelled = 1
        self._reactor._cancellations += 1

    def reset(self, secondsFromNow):
        if self.cancelled:
            raise AlreadyCancelled()
        if self.called:
            raise AlreadyCalled()
        new_time = self._reactor.seconds() + secondsFromNow
        if new_time < self.time:
            self.delayed_time = 0
            self._reactor._moveCallLaterSooner(self)
            self.time = new_time
        else:
            self.delayed_time = new_time - self.time

    def delay(self, secondsLater):
        if self.cancelled:
            raise AlreadyCancelled()
        if self.called:
            raise AlreadyCalled()
        self.delayed_time += secondsLater
        if self.delayed_time < 0:
            self.activate_delay()
            self._reactor._moveCallLaterSooner(self)

    def activate_delay(self):
        self.time += self.delayed_time
        self.delayed_time = 0

    def active(self):
        return not (self.cancelled or self.called)

    def __repr__(self):
        name = getattr(self.func, '__qualname__', None) or repr(self.func)
        return '<DelayedCall 0x%x [%ss] called=%d cancelled=%d %s%r>' % (
            id(self), round(self.time - self._reactor.seconds(), 6),
            self.called, self.cancelled, name, tuple(self.args))


class _Reactor:
    """The global reactor (twisted.internet.reactor)."""

    def __init__(self):
        self._pendingTimedCalls = []
        self._newTimedCalls = []
        self._cancellations = 0
        self.running = False
        self._started = False
        self._stopped = True
        self._startedBefore = False
        self._justStopped = False
        self._triggers = {}
        self._net_inflight = 0

    def seconds(self):
        return _time.time()

    def callLater(self, delay, f, *args, **kw):
        if not callable(f):
            raise TypeError('%r is not callable' % (f,))
        if delay < 0:
            raise ValueError('%s is not greater than or equal to 0 seconds' % delay)
        call = DelayedCall(self.seconds() + delay, f, args, kw, self)
        self._newTimedCalls.append(call)
        return call

    def getDelayedCalls(self):
        return [x for x in (self._pendingTimedCalls + self._newTimedCalls)
                if not x.cancelled]

    def _moveCallLaterSooner(self, call):
        heap = self._pendingTimedCalls
        try:
            pos = heap.index(call)
            elt = heap[pos]
            while pos != 0:
                parent = (pos - 1) // 2
                if not (elt < heap[parent]):
                    break
                heap[pos] = heap[parent]
                pos = parent
            heap[pos] = elt
        except ValueError:
            pass

    def _insertNewDelayedCalls(self):
        for call in self._newTimedCalls:
            if call.cancelled:
                self._cancellations -= 1
            else:
                call.activate_delay()
                _heapq.heappush(self._pendingTimedCalls, call)
        self._newTimedCalls = []

    def timeout(self):
        self._insertNewDelayedCalls()
        if not self._pendingTimedCalls:
            return None
        delay = self._pendingTimedCalls[0].time - self.seconds()
        return max(0, delay)

    def runUntilCurrent(self):
        self._insertNewDelayedCalls()
        now = self.seconds()
        while self._pendingTimedCalls and self._pendingTimedCalls[0].time <= now:
            call = _heapq.heappop(self._pendingTimedCalls)
            if call.cancelled:
                self._cancellations -= 1
                continue
            if call.delayed_time > 0:
                call.activate_delay()
                _heapq.heappush(self._pendingTimedCalls, call)
                continue
            call.called = 1
            try:
                call.func(*call.args, **call.kw)
            except BaseException as e:
                if isinstance(e, (KeyboardInterrupt, SystemExit)):
                    raise
                _sys.stderr.write('Unhandled Error\nTraceback (most recent call last):\n'
                                  '%s: %s\n' % (_qualname(type(e)), e))
        if self._cancellations > 50 and \
                self._cancellations > len(self._pendingTimedCalls) >> 1:
            self._cancellations = 0
            self._pendingTimedCalls = [x for x in self._pendingTimedCalls
                                       if not x.cancelled]
            _heapq.heapify(self._pendingTimedCalls)

    def doIteration(self, delay):
        if delay is None:
            return False
        if delay > 0:
            _thread._note_task(self._trace_id, None, False)
            if self._net_inflight:
                _real_io(int(delay * 1e9) + 1)
            else:
                _real_sleep(delay)
            _thread._note_task(self._trace_id, None, True)
        return True

    # system events

    def addSystemEventTrigger(self, phase, eventType, callable, *args, **kw):
        if phase not in ('before', 'during', 'after'):
            raise AssertionError('%s is not a valid phase' % phase)
        key = (phase, eventType)
        self._triggers.setdefault(key, []).append((callable, args, kw))
        return (phase, eventType, (callable, args, kw))

    def removeSystemEventTrigger(self, triggerID):
        phase, eventType, item = triggerID
        self._triggers.get((phase, eventType), []).remove(item)

    def fireSystemEvent(self, eventType):
        for phase in ('before', 'during', 'after'):
            for fn, args, kw in self._triggers.pop((phase, eventType), []):
                try:
                    fn(*args, **kw)
                except BaseException as e:
                    _sys.stderr.write('Unhandled Error\nTraceback (most recent call last):\n'
                                      '%s: %s\n' % (_qualname(type(e)), e))

    def callWhenRunning(self, callable, *args, **kw):
        if self.running:
            callable(*args, **kw)
            return None
        return self.addSystemEventTrigger('after', 'startup', callable, *args, **kw)

    def run(self, installSignalHandlers=True):
        if self._started:
            raise ReactorAlreadyRunning()
        if self._startedBefore:
            raise ReactorNotRestartable()
        self._started = True
        self._stopped = False
        self._startedBefore = True
        self.running = True
        self.fireSystemEvent('startup')
        self.mainLoop()

    # The reactor's lane in the trace, as an event loop's (numbered apart
    # from asyncio's loops: trace::lanes::LOOP_TASK + 2**40).
    _trace_id = (1 << 62) + (1 << 40) + 1

    def mainLoop(self):
        _thread._note_task(self._trace_id, 'reactor', True)
        try:
            self._mainLoop()
        finally:
            _thread._note_task(self._trace_id, None, False)

    def _mainLoop(self):
        while self._started:
            self.runUntilCurrent()
            t2 = self.timeout()
            t = t2 if self.running else 0
            if self._justStopped:
                self._justStopped = False
                self.running = False
                self.fireSystemEvent('shutdown')
                self._started = False
                break
            if not self.doIteration(t):
                _sys.stderr.write(
                    'twisted: the reactor has nothing left to do and reactor.stop() '
                    'was never called; real Twisted would wait forever here — the '
                    'simulation stops the reactor\n')
                self.running = False
                self.fireSystemEvent('shutdown')
                self._started = False
                self._stopped = True
                break
        _report_unhandled()

    def stop(self):
        if self._stopped:
            raise ReactorNotRunning("Can't stop reactor that isn't running.")
        self._stopped = True
        self._justStopped = True

    def crash(self):
        self._started = False
        self.running = False

    def callFromThread(self, f, *args, **kw):
        return self.callLater(0, f, *args, **kw)

    def callInThread(self, f, *args, **kw):
        raise NotImplementedError('Twisted: the reactor thread pool is not simulated')

    def __repr__(self):
        return '<twisted.internet.epollreactor.EPollReactor object at 0x%x>' % id(self)


reactor = _Reactor()


# -- twisted.internet.task -------------------------------------------------

def deferLater(clock, delay, callable=None, *args, **kw):
    def cancel(d):
        call.cancel()
        d.errback(Failure(CancelledError()))
    if callable is None:
        def callable():
            return None
    d = Deferred(cancel)
    d.addCallback(lambda ignored: callable(*args, **kw))
    call = clock.callLater(delay, d.callback, None)
    return d


class LoopingCall:
    """Calls f every `interval` seconds from start() until stop()."""

    def __init__(self, f, *a, **kw):
        self.f = f
        self.a = a
        self.kw = kw
        self.running = False
        self.interval = None
        self.call = None
        self._deferred = None
        self.clock = reactor
        self.starttime = None
        self._runAtStart = False

    def start(self, interval, now=True):
        if self.running:
            raise AssertionError('Tried to start an already running LoopingCall.')
        if interval < 0:
            raise ValueError('interval must be >= 0')
        self.running = True
        d = self._deferred = Deferred()
        self.starttime = self.clock.seconds()
        self.interval = interval
        self._runAtStart = now
        if now:
            self()
        else:
            self._scheduleFrom(self.starttime)
        return d

    def stop(self):
        if not self.running:
            raise AssertionError('Tried to stop a LoopingCall that was not running.')
        self.running = False
        if self.call is not None:
            self.call.cancel()
            self.call = None
            d, self._deferred = self._deferred, None
            d.callback(self)

    def __call__(self):
        self.call = None
        try:
            result = self.f(*self.a, **self.kw)
        except BaseException as e:
            self.running = False
            d, self._deferred = self._deferred, None
            d.errback(Failure(e))
            return
        if isinstance(result, Deferred):
            def cb(_):
                if self.running:
                    self._scheduleFrom(self.clock.seconds())
                else:
                    d, self._deferred = self._deferred, None
                    d.callback(self)

            def eb(f):
                self.running = False
                d, self._deferred = self._deferred, None
                d.errback(f)
            result.addCallbacks(cb, eb)
            return
        if self.running:
            self._scheduleFrom(self.clock.seconds())
        else:
            d, self._deferred = self._deferred, None
            d.callback(self)

    def _scheduleFrom(self, when):
        if self.interval == 0:
            self.call = self.clock.callLater(0, self)
            return
        elapsed = when - self.starttime
        n = int(elapsed / self.interval + 1e-9) + 1
        next_time = self.starttime + n * self.interval
        self.call = self.clock.callLater(max(0, next_time - when), self)


def react(main, argv=(), _reactor=None):
    """Runs main(reactor, *argv) on the reactor until its Deferred fires,
    then exits (status 0, or 1 after printing the failure)."""
    r = _reactor or reactor
    outcome = []
    codes = [0]

    def start():
        # An `async def` main gives a coroutine: run it, as ensureDeferred.
        d = maybeDeferred(main, r, *argv).addCallback(
            lambda v: v if isinstance(v, Deferred) or not hasattr(v, 'throw')
            else ensureDeferred(v))

        def done(result):
            if isinstance(result, Failure):
                if result.check(SystemExit):
                    codes[0] = result.value.code
                elif not result.check(CancelledError):
                    _sys.stderr.write('main function encountered error\n')
                    _sys.stderr.write('Traceback (most recent call last):\n'
                                      '%s: %s\n'
                                      % (_qualname(result.type), result.getErrorMessage()))
                    codes[0] = 1
            outcome.append(result)
            if not r._stopped:
                r.stop()
        d.addBoth(done)
    r.callWhenRunning(start)
    r.run()
    raise SystemExit(codes[0])


class Clock:
    """A reactor clock advanced by hand (for tests)."""

    def __init__(self):
        self.rightNow = 0.0
        self.calls = []

    def seconds(self):
        return self.rightNow

    def callLater(self, delay, callable, *args, **kw):
        call = DelayedCall(self.seconds() + delay, callable, args, kw, self)
        self.calls.append(call)
        self.calls.sort(key=lambda c: c.getTime())
        return call

    _cancellations = 0

    def _moveCallLaterSooner(self, call):
        self.calls.sort(key=lambda c: c.getTime())

    def getDelayedCalls(self):
        return [c for c in self.calls if not c.cancelled]

    def advance(self, amount):
        self.rightNow += amount
        self.calls = [c for c in self.calls if not c.cancelled]
        self.calls.sort(key=lambda c: c.getTime())
        while self.calls and self.calls[0].getTime() <= self.seconds():
            call = self.calls.pop(0)
            if call.cancelled:
                continue
            call.called = 1
            call.func(*call.args, **call.kw)
            self.calls = [c for c in self.calls if not c.cancelled]
            self.calls.sort(key=lambda c: c.getTime())

    def pump(self, timings):
        for amount in timings:
            self.advance(amount)


# -- HTTP on the simulated network -----------------------------------------

_USER_AGENT = 'Twisted PageGetter'
_idle_connections = {}


def _text(v):
    return v.decode('utf-8') if isinstance(v, (bytes, bytearray)) else str(v)


def _exchange(method, url, headers, body, reuse):
    """Sends one request now; returns (status, reason, headers, raw,
    final_url, head_ns, transfer_ns) with the response still to come."""
    url = _text(url)
    method = _text(method).upper()
    scheme, host, port, path, query = _net.split_url(url)
    new = True
    if reuse and _idle_connections.get(host, 0) > 0:
        _idle_connections[host] -= 1
        new = False
    body = body.encode('utf-8') if isinstance(body, str) else body
    result = _net.fetch(method, url, list(headers.items()), body, new)
    return host, result


def _deliver(delay, fn, *args):
    reactor._net_inflight += 1

    def arrive():
        reactor._net_inflight -= 1
        fn(*args)
    reactor.callLater(delay, arrive)


def getPage(url, contextFactory=None, method=b'GET', postdata=None,
            headers=None, agent=b'Twisted PageGetter', timeout=0, **kwargs):
    """twisted.web.client.getPage (removed from Twisted 21; kept here for
    the seed notes): a Deferred that fires with the body (bytes), or fails
    with twisted.web.error.Error on an HTTP error status."""
    d = Deferred()
    hdrs = {'User-Agent': _text(agent), 'Connection': 'close'}
    if headers:
        for k, v in headers.items():
            hdrs[_text(k)] = _text(v)
    try:
        host, (status, reason, rheaders, raw, final_url,
               connect_ns, wait_ns, transfer_ns) = _exchange(method, url, hdrs, postdata, False)
    except ValueError as e:
        return fail(ValueError(*e.args[1:]))
    took = (connect_ns + wait_ns + transfer_ns) / 1e9
    if status == 0:
        _deliver(connect_ns / 1e9, d.errback, Failure(DNSLookupError(host)))
    elif status >= 400:
        _deliver(took, d.errback, Failure(WebError(str(status).encode('ascii'),
                                                   reason.encode('ascii'), raw)))
    else:
        _deliver(took, d.callback, raw)
    return d


class Headers:
    """twisted.web.http_headers.Headers: raw values by (case-insensitive)
    name."""

    def __init__(self, rawHeaders=None):
        self._raw = {}
        for k, vs in (rawHeaders or {}).items():
            for v in vs:
                self.addRawHeader(k, v)

    def addRawHeader(self, name, value):
        self._raw.setdefault(_text(name).lower(), []).append(value)

    def hasHeader(self, name):
        return _text(name).lower() in self._raw

    def getRawHeaders(self, name, default=None):
        values = self._raw.get(_text(name).lower())
        if values is None:
            return default
        if isinstance(name, bytes):
            return [v.encode('utf-8') if isinstance(v, str) else v for v in values]
        return [_text(v) for v in values]

    def getAllRawHeaders(self):
        return [(k.title().encode('utf-8'), [v.encode('utf-8') for v in vs])
                for k, vs in self._raw.items()]

    def __repr__(self):
        return 'Headers(%r)' % ({k.encode('utf-8'): [v.encode('utf-8') for v in vs]
                                 for k, vs in self._raw.items()},)


class _TreqResponse:
    """What treq.get fires with, once the headers are in: code, phrase,
    headers, length; content()/text()/json() wait for the body."""

    def __init__(self, method, url, status, reason, headers, raw, host, transfer_ns):
        self.code = status
        self.phrase = reason.encode('ascii')
        self.headers = Headers()
        for k, v in headers:
            self.headers.addRawHeader(k, v)
        self.length = len(raw)
        self.request = _TreqRequest(method, url)
        self._raw = raw
        self._host = host
        self._transfer_ns = transfer_ns
        self._body_deferred = None

    def _body(self):
        if self._body_deferred is None:
            d = self._body_deferred = Deferred()

            def done():
                _idle_connections[self._host] = _idle_connections.get(self._host, 0) + 1
                d.callback(self._raw)
            _deliver(self._transfer_ns / 1e9, done)
        out = Deferred()
        self._body_deferred.addCallback(lambda raw: (out.callback(raw), raw)[1])
        return out

    def content(self):
        return self._body()

    def text(self, encoding='utf-8'):
        return self._body().addCallback(lambda raw: raw.decode(encoding))

    def json(self, **kwargs):
        import json as _json
        return self._body().addCallback(lambda raw: _json.loads(raw.decode('utf-8'), **kwargs))

    def __repr__(self):
        ct = self.headers.getRawHeaders('content-type', ['-'])[0]
        return '<treq._response._Response %d %r %d bytes>' % (
            self.code, ct, self.length)


class _TreqRequest:
    def __init__(self, method, url):
        self.method = method.encode('ascii')
        self.absoluteURI = url.encode('utf-8')


def _treq_request(method, url, headers=None, params=None, data=None,
                  json=None, timeout=None, **kwargs):
    url = _text(url)
    if params:
        items = params.items() if hasattr(params, 'items') else params
        q = '&'.join('%s=%s' % (_text(k), _text(v)) for k, v in items)
        url += ('&' if '?' in url else '?') + q
    hdrs = {'User-Agent': 'treq', 'Connection': 'keep-alive'}
    if headers:
        for k, v in headers.items():
            hdrs[_text(k)] = _text(v[0] if isinstance(v, list) else v)
    body = data
    if json is not None:
        import json as _json
        body = _json.dumps(json).encode('utf-8')
        hdrs['Content-Type'] = 'application/json; charset=UTF-8'
    d = Deferred()
    try:
        host, (status, reason, rheaders, raw, final_url,
               connect_ns, wait_ns, transfer_ns) = _exchange(method, url, hdrs, body, True)
    except ValueError as e:
        return fail(ValueError(*e.args[1:]))
    if status == 0:
        _deliver(connect_ns / 1e9, d.errback, Failure(DNSLookupError(host)))
        return d
    resp = _TreqResponse(_text(method).upper(), final_url, status, reason,
                         rheaders, raw, host, transfer_ns)
    head = (connect_ns + wait_ns) / 1e9
    if timeout is not None and head > timeout:
        _deliver(timeout, d.errback, Failure(CancelledError()))
        return d
    _deliver(head, d.callback, resp)
    return d


def _treq_content(response):
    return response.content()


def _treq_text_content(response, encoding='utf-8'):
    return response.text(encoding)


def _treq_json_content(response, **kwargs):
    return response.json(**kwargs)
