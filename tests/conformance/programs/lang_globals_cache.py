# Globals read and written in loops, shadowing builtins, deleting,
# writing through globals(), and functions run with other globals.
counter = 0

def bump(k):
    global counter
    for _ in range(k):
        counter += 1
    return counter


print(bump(3), bump(2), counter)

def size(x):
    return len(x)


print(size("abc"))
len = lambda x: -1  # a global now shadows the builtin
print(size("abc"))
del len
print(size("abcd"))

total = 10

def read_total():
    return total


print(read_total())
globals()["total"] = 99
print(read_total())
globals().update(total=7, extra=1)
print(read_total(), extra)
del total
try:
    read_total()
except NameError as e:
    print("NameError:", e)
total = 5
print(read_total())

def writer():
    global fresh
    fresh = "made"


writer()
print(fresh)
for i in range(3):
    fresh = fresh + str(i)
print(fresh)

code = "def f():\n    return value * 2\n"
env1 = {"value": 1}
env2 = {"value": 21}
exec(code, env1)
exec(code, env2)
print(env1["f"](), env2["f"]())
env1["value"] = 4
print(env1["f"](), env2["f"]())
del env2["value"]
try:
    env2["f"]()
except NameError as e:
    print("NameError:", e)

def make_many():
    for name in ["a%d" % i for i in range(40)]:
        globals()[name] = name.upper()


make_many()
print(read_total(), a0, a39)
for name in ["a%d" % i for i in range(40)]:
    del globals()[name]
print(read_total(), "a0" in globals())
print(bump(1))
