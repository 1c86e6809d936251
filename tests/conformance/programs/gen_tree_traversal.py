# Recursive generators over a tree: pre-order, in-order, level-order, paths.
from collections import deque


class Node:
    def __init__(self, value, left=None, right=None):
        self.value, self.left, self.right = value, left, right


def insert(root, value):
    if root is None:
        return Node(value)
    if value < root.value:
        root.left = insert(root.left, value)
    else:
        root.right = insert(root.right, value)
    return root


def inorder(node):
    if node:
        yield from inorder(node.left)
        yield node.value
        yield from inorder(node.right)


def preorder(node):
    if node:
        yield node.value
        yield from preorder(node.left)
        yield from preorder(node.right)


def level_order(root):
    queue = deque([(root, 0)])
    while queue:
        node, depth = queue.popleft()
        if node:
            yield depth, node.value
            queue.append((node.left, depth + 1))
            queue.append((node.right, depth + 1))


def paths(node, prefix=()):
    if node is None:
        return
    here = prefix + (node.value,)
    if not node.left and not node.right:
        yield here
    yield from paths(node.left, here)
    yield from paths(node.right, here)


root = None
for v in [50, 30, 70, 20, 40, 60, 80, 35, 65]:
    root = insert(root, v)
print("in-order:", list(inorder(root)))
print("pre-order:", list(preorder(root)))
levels = {}
for depth, value in level_order(root):
    levels.setdefault(depth, []).append(value)
print("levels:", levels)
for p in paths(root):
    print(" -> ".join(map(str, p)), "sum", sum(p))
print("height:", max(len(p) for p in paths(root)))
