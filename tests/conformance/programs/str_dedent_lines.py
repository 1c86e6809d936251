# Multi-line strings: indentation, dedenting by hand, line numbering, comments.

SOURCE = """
    def greet(name):
        # say hello
        message = "hi " + name
        return message

    print(greet("ann"))
"""


def dedent(text):
    lines = text.split("\n")
    indents = [len(l) - len(l.lstrip()) for l in lines if l.strip()]
    cut = min(indents) if indents else 0
    return "\n".join(l[cut:] if l.strip() else "" for l in lines)


def strip_comments(code):
    out = []
    for line in code.splitlines():
        head, hash_, _ = line.partition("#")
        if head.strip() or not hash_:
            out.append(head.rstrip())
    return "\n".join(out)


clean = dedent(SOURCE).strip("\n")
print(clean)
print("-" * 20)
for n, line in enumerate(clean.splitlines(), 1):
    print(f"{n:>3}: {line}")
print("-" * 20)
print(strip_comments(clean))
indent_levels = [(len(l) - len(l.lstrip())) // 4 for l in clean.splitlines() if l.strip()]
print(indent_levels)
print(repr(SOURCE[:10]), SOURCE.count("\n"), len(SOURCE.splitlines()))
text = "first\\nsecond"
print(text, len(text), text.replace("\\n", "\n"))
