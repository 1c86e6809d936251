# Course notes: a singly linked list with the usual operations and dunders.

class Node:
    __slots__ = ("value", "next")

    def __init__(self, value, next=None):
        self.value, self.next = value, next


class LinkedList:
    def __init__(self, values=()):
        self.head, self.size = None, 0
        for v in values:
            self.append(v)

    def append(self, value):
        if self.head is None:
            return self.prepend(value)
        cur = self.head
        while cur.next:
            cur = cur.next
        cur.next = Node(value)
        self.size += 1

    def prepend(self, value):
        self.head, self.size = Node(value, self.head), self.size + 1

    def remove(self, value):
        prev, cur = None, self.head
        while cur:
            if cur.value == value:
                if prev is None:
                    self.head = cur.next
                else:
                    prev.next = cur.next
                self.size -= 1
                return
            prev, cur = cur, cur.next
        raise ValueError(f"{value!r} not in list")

    def reverse(self):
        prev, cur = None, self.head
        while cur:
            cur.next, prev, cur = prev, cur, cur.next
        self.head = prev

    def __iter__(self):
        cur = self.head
        while cur:
            yield cur.value
            cur = cur.next

    __len__ = lambda self: self.size

    def __getitem__(self, index):
        if index < 0:
            index += self.size
        for i, v in enumerate(self):
            if i == index:
                return v
        raise IndexError("linked list index out of range")

    def __repr__(self):
        return "LinkedList([" + " -> ".join(map(repr, self)) + "])"


ll = LinkedList([3, 1, 4, 1])
ll.prepend(9)
print(ll, len(ll), ll[0], ll[-1], 4 in ll, 7 in ll)
ll.remove(1)
ll.reverse()
print(ll, list(ll), sorted(ll), sum(ll))
for bad in [lambda: ll.remove(42), lambda: ll[10]]:
    try:
        bad()
    except (ValueError, IndexError) as e:
        print(type(e).__name__, e)
empty = LinkedList()
empty.reverse()
print(empty, len(empty), list(empty), bool(empty))
