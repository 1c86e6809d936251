# AttributeError on None: the most common learner crash.

class Node:
    def __init__(self, value, next=None):
        self.value = value
        self.next = next


def build(values):
    head = None
    for v in reversed(values):
        head = Node(v, head)
    return head


def nth_value(head, n):
    node = head
    for _ in range(n):
        node = node.next
    return node.value


chain = build([10, 20, 30, 40])
for i in range(4):
    print("value", i, "=", nth_value(chain, i))


def length(head):
    count = 0
    while head:
        count += 1
        head = head.next
    return count


print("length", length(chain))
print("value 4 =", nth_value(chain, 4))
print("never printed")
