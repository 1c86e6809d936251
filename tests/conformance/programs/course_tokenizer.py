# Course notes: a tokenizer for a small expression language, with positions and errors.

KEYWORDS = {"let", "print", "if", "else"}
OPERATORS = ["==", "!=", "<=", ">=", "+", "-", "*", "/", "=", "<", ">", "(", ")", ";"]


class TokenError(Exception):
    pass


def tokenize(source):
    tokens = []
    i, line, col = 0, 1, 1
    while i < len(source):
        ch = source[i]
        if ch == "\n":
            i, line, col = i + 1, line + 1, 1
            continue
        if ch.isspace():
            i, col = i + 1, col + 1
            continue
        if ch == "#":
            while i < len(source) and source[i] != "\n":
                i += 1
            continue
        start_col = col
        if ch.isdigit():
            j = i
            while j < len(source) and (source[j].isdigit() or source[j] == "."):
                j += 1
            text = source[i:j]
            kind = "FLOAT" if "." in text else "INT"
        elif ch.isalpha() or ch == "_":
            j = i
            while j < len(source) and (source[j].isalnum() or source[j] == "_"):
                j += 1
            text = source[i:j]
            kind = "KEYWORD" if text in KEYWORDS else "NAME"
        elif ch == '"':
            j = source.find('"', i + 1)
            if j == -1:
                raise TokenError(f"unterminated string at {line}:{col}")
            j += 1
            text, kind = source[i:j], "STRING"
        else:
            op = next((o for o in OPERATORS if source.startswith(o, i)), None)
            if op is None:
                raise TokenError(f"unexpected character {ch!r} at {line}:{col}")
            text, kind, j = op, "OP", i + len(op)
        tokens.append((kind, text, line, start_col))
        col += j - i
        i = j
    return tokens


program = '''let x = 42;   # the answer
let rate = 0.5;
if (x >= 10) print "big" else print x * rate;
'''
for kind, text, line, col in tokenize(program):
    print(f"{line}:{col:<3} {kind:<8} {text}")
counts = {}
for kind, *_ in tokenize(program):
    counts[kind] = counts.get(kind, 0) + 1
print(counts)
for bad in ['let s = "oops;', "x = 3 @ 4", "ok = 1\nbad = $"]:
    try:
        tokenize(bad)
    except TokenError as e:
        print("TokenError:", e)
