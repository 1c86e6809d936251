# Lists as stacks, and why lists make slow queues (deque instead): bracket checking.
from collections import deque

stack = []
for item in ["a", "b", "c"]:
    stack.append(item)
    print("push", item, stack)
while stack:
    print("pop", stack.pop(), stack)

queue = deque()
for item in ["job1", "job2", "job3"]:
    queue.append(item)
print("queue:", queue)
while queue:
    print("serve", queue.popleft(), list(queue))

PAIRS = {")": "(", "]": "[", "}": "{"}


def check_brackets(text):
    stack = []
    for pos, ch in enumerate(text):
        if ch in "([{":
            stack.append((ch, pos))
        elif ch in PAIRS:
            if not stack:
                return f"unexpected {ch!r} at {pos}"
            opener, where = stack.pop()
            if opener != PAIRS[ch]:
                return f"{ch!r} at {pos} does not match {opener!r} at {where}"
    if stack:
        return f"unclosed {stack[-1][0]!r} at {stack[-1][1]}"
    return "balanced"


for text in ["(a[b]{c})", "((", "a)b", "{[(])}", "", "f(x[1], {'k': (2, 3)})"]:
    print(repr(text), "->", check_brackets(text))


def evaluate_rpn(tokens):
    stack = []
    for tok in tokens.split():
        if tok in "+-*/":
            b, a = stack.pop(), stack.pop()
            stack.append({"+": a + b, "-": a - b, "*": a * b, "/": a / b}[tok])
        else:
            stack.append(float(tok))
    return stack.pop()


print(evaluate_rpn("3 4 + 2 *"), evaluate_rpn("5 1 2 + 4 * + 3 -"), evaluate_rpn("2 3 /"))
