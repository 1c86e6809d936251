# Calling a function with a missing argument, uncaught.

def make_greeting(greeting, name, punctuation="!"):
    return f"{greeting}, {name}{punctuation}"


def greet_all(names, greeting="Hello"):
    lines = []
    for name in names:
        lines.append(make_greeting(greeting, name))
    return lines


for line in greet_all(["Ann", "Bob"]):
    print(line)
for line in greet_all(["Cy"], greeting="Hi"):
    print(line)


def broken_call():
    return make_greeting("Hey")


def run():
    print("about to call with a missing argument")
    print(broken_call())


run()
print("never printed")


def unused():
    return make_greeting("a", "b", "c")
