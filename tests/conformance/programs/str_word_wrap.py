# Word wrapping and justification written by hand.

TEXT = ("Interleave runs Python concurrency programs in the browser under a simulated "
        "scheduler, and draws who ran on which core, who held the GIL, and who waited "
        "for which lock. Learners paste code from their notes and watch it run.")


def wrap(text, width):
    lines, current = [], ""
    for word in text.split():
        if not current:
            current = word
        elif len(current) + 1 + len(word) <= width:
            current += " " + word
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return lines


def justify(line, width):
    words = line.split()
    if len(words) == 1:
        return line.ljust(width)
    gaps = len(words) - 1
    spaces = width - sum(len(w) for w in words)
    base, extra = divmod(spaces, gaps)
    out = ""
    for i, w in enumerate(words[:-1]):
        out += w + " " * (base + (1 if i < extra else 0))
    return out + words[-1]


for width in (40, 28):
    print(f"--- width {width} ---")
    lines = wrap(TEXT, width)
    for line in lines[:-1]:
        print("|" + justify(line, width) + "|")
    print("|" + lines[-1].ljust(width) + "|")

print("--- centred, width 30 ---")
for line in wrap(TEXT, 30)[:4]:
    print("|" + line.center(30) + "|")
print(wrap("supercalifragilisticexpialidocious is long", 10))
print(wrap("", 10), wrap("   ", 10))
