# Course notes: Stack and Queue classes with a common interface and custom errors.

class EmptyError(Exception):
    """Raised when taking from an empty container."""


class Stack:
    def __init__(self):
        self._items = []

    def push(self, item):
        self._items.append(item)

    def pop(self):
        if not self._items:
            raise EmptyError("pop from empty stack")
        return self._items.pop()

    def peek(self):
        if not self._items:
            raise EmptyError("peek at empty stack")
        return self._items[-1]

    __len__ = lambda self: len(self._items)
    __repr__ = lambda self: f"Stack({self._items})"


class Queue:
    """A queue built from two stacks: amortised O(1) per operation."""

    def __init__(self):
        self._in, self._out = [], []
    def push(self, item):
        self._in.append(item)

    def _shift(self):
        if not self._out:
            while self._in:
                self._out.append(self._in.pop())

    def pop(self):
        self._shift()
        if not self._out:
            raise EmptyError("pop from empty queue")
        return self._out.pop()

    def peek(self):
        self._shift()
        if not self._out:
            raise EmptyError("peek at empty queue")
        return self._out[-1]

    __len__ = lambda self: len(self._in) + len(self._out)
    __repr__ = lambda self: f"Queue({self._out[::-1] + self._in})"


for container in (Stack(), Queue()):
    for item in "abc":
        container.push(item)
    print(container, len(container), "peek:", container.peek())
    container.push("d")
    print("popped:", [container.pop() for _ in range(3)], container)
    while len(container):
        container.pop()
    try:
        container.peek()
    except EmptyError as e:
        print(type(e).__name__, e)


q = Queue()
for n in range(1, 6):
    q.push(n)
total = 0
while len(q):
    n = q.pop()
    total += n
    if n % 2 and n < 4:
        q.push(n * 10)
print("processed total:", total)
