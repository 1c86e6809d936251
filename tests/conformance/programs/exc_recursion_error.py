# RecursionError is caught and reported; sys.setrecursionlimit changes the depth.
import sys


def depth(n):
    return depth(n + 1)


def countdown(n):
    if n == 0:
        return "liftoff"
    return countdown(n - 1)


try:
    depth(0)
except RecursionError as e:
    print("RecursionError:", e)
    print(isinstance(e, RuntimeError))

print(countdown(500))

deepest = 0


def probe(n):
    global deepest
    deepest = n
    probe(n + 1)


sys.setrecursionlimit(200)
print("limit:", sys.getrecursionlimit())
try:
    probe(1)
except RecursionError:
    print("probe stopped below the limit:", 150 < deepest < 200)
try:
    countdown(500)
except RecursionError as e:
    print("countdown(500) now fails:", e)
sys.setrecursionlimit(1000)
print(countdown(500))


def mutual_a(n):
    return mutual_b(n)


def mutual_b(n):
    return mutual_a(n)


try:
    mutual_a(0)
except RecursionError as e:
    print("mutual:", type(e).__name__)
