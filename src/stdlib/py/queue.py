"""queue: synchronised queues for threads (Interleave's own version,
written after CPython 3.11's documented behaviour and messages), on the
simulated `threading`.

Every put and get is reported to the simulator (`_thread._note_queue`), so
that timelines show the queue's traffic and depth; waits are labelled
("Queue.get", "Queue.put", "Queue.join") for timelines and deadlock
reports.

Difference from CPython: `Queue[int]` (__class_getitem__) gives the class
itself, not a generic alias.
"""

import threading
import _thread
from collections import deque
from heapq import heappush, heappop
from time import monotonic as time

__all__ = ['Empty', 'Full', 'Queue', 'PriorityQueue', 'LifoQueue', 'SimpleQueue']

_note_queue = _thread._note_queue


class Empty(Exception):
    'Exception raised by Queue.get(block=0)/get_nowait().'
    __module__ = '_queue'


class Full(Exception):
    'Exception raised by Queue.put(block=0)/put_nowait().'


def _condition(mutex, label):
    cond = threading.Condition(mutex)
    cond._wait_label = label
    return cond


class Queue:
    '''A first-in, first-out queue; at most `maxsize` items (no limit when
    maxsize <= 0).'''

    def __init__(self, maxsize=0):
        self.maxsize = maxsize
        self._init(maxsize)
        # One lock guards the queue; the three conditions share it.
        self.mutex = threading.Lock()
        _thread._label(self.mutex, 'Queue.mutex')
        # Signalled when an item is added: get() waits for it.
        self.not_empty = _condition(self.mutex, 'Queue.get')
        # Signalled when an item is removed: put() waits for it.
        self.not_full = _condition(self.mutex, 'Queue.put')
        # Signalled when every task is done: join() waits for it.
        self.all_tasks_done = _condition(self.mutex, 'Queue.join')
        self.unfinished_tasks = 0

    def task_done(self):
        '''Say that an item got earlier is fully processed; join() returns
        when every item put has been.'''
        with self.all_tasks_done:
            left = self.unfinished_tasks - 1
            if left <= 0:
                if left < 0:
                    raise ValueError('task_done() called too many times')
                self.all_tasks_done.notify_all()
            self.unfinished_tasks = left

    def join(self):
        '''Wait until every item put has been got and marked task_done().'''
        with self.all_tasks_done:
            while self.unfinished_tasks:
                self.all_tasks_done.wait()

    def qsize(self):
        '''The approximate number of items (others may change it at once).'''
        with self.mutex:
            return self._qsize()

    def empty(self):
        '''Whether the queue is empty (approximately).'''
        with self.mutex:
            return not self._qsize()

    def full(self):
        '''Whether the queue is full (approximately).'''
        with self.mutex:
            return 0 < self.maxsize <= self._qsize()

    def put(self, item, block=True, timeout=None):
        '''Add an item, waiting for a free slot if the queue is full: forever
        by default, at most `timeout` seconds (then Full), or not at all
        with block=False (Full at once).'''
        with self.not_full:
            if self.maxsize > 0:
                if not block:
                    if self._qsize() >= self.maxsize:
                        raise Full
                elif timeout is None:
                    while self._qsize() >= self.maxsize:
                        self.not_full.wait()
                elif timeout < 0:
                    raise ValueError("'timeout' must be a non-negative number")
                else:
                    deadline = time() + timeout
                    while self._qsize() >= self.maxsize:
                        remaining = deadline - time()
                        if remaining <= 0.0:
                            raise Full
                        self.not_full.wait(remaining)
            self._put(item)
            _note_queue(self, 'put', item)
            self.unfinished_tasks += 1
            self.not_empty.notify()

    def get(self, block=True, timeout=None):
        '''Remove and return an item, waiting for one if the queue is
        empty: forever by default, at most `timeout` seconds (then Empty),
        or not at all with block=False (Empty at once).'''
        with self.not_empty:
            if not block:
                if not self._qsize():
                    raise Empty
            elif timeout is None:
                while not self._qsize():
                    self.not_empty.wait()
            elif timeout < 0:
                raise ValueError("'timeout' must be a non-negative number")
            else:
                deadline = time() + timeout
                while not self._qsize():
                    remaining = deadline - time()
                    if remaining <= 0.0:
                        raise Empty
                    self.not_empty.wait(remaining)
            item = self._get()
            _note_queue(self, 'get', item)
            self.not_full.notify()
            return item

    def put_nowait(self, item):
        '''put(item, block=False).'''
        return self.put(item, block=False)

    def get_nowait(self):
        '''get(block=False).'''
        return self.get(block=False)

    # The storage; override these four for another order.

    def _init(self, maxsize):
        self.queue = deque()

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.popleft()


class PriorityQueue(Queue):
    '''Gets the lowest item first (items are often (priority, data)).'''

    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        heappush(self.queue, item)

    def _get(self):
        return heappop(self.queue)


class LifoQueue(Queue):
    '''Gets the most recently put item first (a stack).'''

    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.pop()


class SimpleQueue:
    '''An unbounded first-in, first-out queue, without task tracking.'''

    def __init__(self):
        self._queue = deque()
        lock = threading.Lock()
        _thread._label(lock, 'SimpleQueue lock')
        self._not_empty = _condition(lock, 'SimpleQueue.get')

    def put(self, item, block=True, timeout=None):
        '''Add an item (never blocks; block and timeout are ignored).'''
        with self._not_empty:
            self._queue.append(item)
            _note_queue(self, 'put', item)
            self._not_empty.notify()

    def get(self, block=True, timeout=None):
        '''Remove and return an item, waiting for one if the queue is
        empty: forever by default, at most `timeout` seconds (then Empty),
        or not at all with block=False.'''
        with self._not_empty:
            if not block:
                if not self._queue:
                    raise Empty
            elif timeout is None:
                while not self._queue:
                    self._not_empty.wait()
            elif timeout < 0:
                raise ValueError("'timeout' must be a non-negative number")
            else:
                deadline = time() + timeout
                while not self._queue:
                    remaining = deadline - time()
                    if remaining <= 0.0:
                        raise Empty
                    self._not_empty.wait(remaining)
            item = self._queue.popleft()
            _note_queue(self, 'get', item)
            return item

    def put_nowait(self, item):
        '''put(item, block=False).'''
        return self.put(item, block=False)

    def get_nowait(self):
        '''get(block=False).'''
        return self.get(False)

    def empty(self):
        '''Whether the queue is empty (approximately).'''
        return len(self._queue) == 0

    def qsize(self):
        '''The approximate number of items.'''
        return len(self._queue)

    def _qsize(self):
        return len(self._queue)
