"""A module that can be imported or run: the __main__ guard."""

GREETING = "hello"


def greet(name, punctuation="!"):
    return f"{GREETING}, {name}{punctuation}"


def shout(text):
    return text.upper()


def describe_module():
    print("module name:", __name__)
    print("is main:", __name__ == "__main__")
    print("doc first word:", __doc__.split()[0])


def main():
    describe_module()
    for who in ["Ada", "Grace", "Linus"]:
        print(greet(who))
    print(greet("world", punctuation="?"))
    print(shout(greet("loud")))
    names = [n for n in dir() if not n.startswith("_")]
    print("locals in main:", names)
    public = sorted(n for n in globals() if not n.startswith("_"))
    print("globals:", public)


if __name__ == "__main__":
    main()
else:
    print("imported, not running main")
