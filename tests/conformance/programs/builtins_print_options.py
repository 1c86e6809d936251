# print(): sep, end, several arguments, file=sys.stderr, flush, and sys.stdout.write.
import sys

print("a", "b", "c")
print("a", "b", "c", sep="")
print("a", "b", "c", sep=", ")
print("a", "b", sep="\n")
print("no newline", end="")
print(" ... continued", end="!\n")
print()
print("", end="")
print(1, 2.5, None, True, [1, "x"], {"k": (1,)}, sep=" | ")
print(*range(5))
print(*range(5), sep="-", end=".\n")
print("multi\nline", "text")
print("tab\tseparated", "values")
print("status: starting", file=sys.stderr)
print("to stdout, flushed", flush=True)
n = sys.stdout.write("written with sys.stdout.write\n")
print("write returned", n)
sys.stdout.write("no automatic newline; ")
sys.stdout.write("so we add one\n")
sys.stderr.write("warning: this goes to stderr\n")
for i in range(3):
    print(i, end=" " if i < 2 else "\n")
print("%d%%" % 50, "50%", sep="|")
try:
    print("x", sep=5)
except TypeError as e:
    print("TypeError:", e)
try:
    print("x", end=None, sep=None)
    print("None for sep/end means the default")
except TypeError as e:
    print("TypeError:", e)
print("done", file=sys.stdout)
print("final status: ok", file=sys.stderr)
