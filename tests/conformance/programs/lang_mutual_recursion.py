# Mutual recursion: even/odd, and a recursive-descent expression evaluator.

def is_even(n):
    return True if n == 0 else is_odd(n - 1)


def is_odd(n):
    return False if n == 0 else is_even(n - 1)


print([(n, is_even(n), is_odd(n)) for n in range(5)])


def tokenize(text):
    tokens, number = [], ""
    for ch in text:
        if ch.isdigit():
            number += ch
            continue
        if number:
            tokens.append(int(number))
            number = ""
        if ch in "+-*/()":
            tokens.append(ch)
    if number:
        tokens.append(int(number))
    return tokens


def parse_expr(tokens, pos):
    value, pos = parse_term(tokens, pos)
    while pos < len(tokens) and tokens[pos] in "+-":
        op = tokens[pos]
        rhs, pos = parse_term(tokens, pos + 1)
        value = value + rhs if op == "+" else value - rhs
    return value, pos


def parse_term(tokens, pos):
    value, pos = parse_factor(tokens, pos)
    while pos < len(tokens) and tokens[pos] in ("*", "/"):
        op = tokens[pos]
        rhs, pos = parse_factor(tokens, pos + 1)
        value = value * rhs if op == "*" else value // rhs
    return value, pos


def parse_factor(tokens, pos):
    token = tokens[pos]
    if token == "(":
        value, pos = parse_expr(tokens, pos + 1)
        return value, pos + 1
    if token == "-":
        value, pos = parse_factor(tokens, pos + 1)
        return -value, pos
    return token, pos + 1


for source in ["1 + 2 * 3", "(1 + 2) * 3", "10 / 3 - -4", "2 * (3 + (4 - 1)) * 2", "7"]:
    tokens = tokenize(source)
    value, _ = parse_expr(tokens, 0)
    print(f"{source} => {tokens} => {value}")
