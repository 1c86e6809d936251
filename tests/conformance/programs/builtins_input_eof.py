# input() when stdin is empty: EOFError, handled with a default.

def ask(prompt, default):
    try:
        answer = input(prompt)
    except EOFError:
        print()
        print(f"(no input, using default {default!r})")
        return default
    return answer.strip() or default


name = ask("What is your name? ", "stranger")
print(f"Hello, {name}!")
age_text = ask("How old are you? ", "30")
try:
    age = int(age_text)
except ValueError:
    age = 0
print(f"In ten years you will be {age + 10}.")


def read_all_lines():
    lines = []
    while True:
        try:
            line = input()
        except EOFError:
            break
        lines.append(line)
    return lines


lines = read_all_lines()
print("lines read:", len(lines), lines)
try:
    input()
except EOFError as e:
    print("EOFError:", repr(e), str(e) == "EOF when reading a line")
print(issubclass(EOFError, Exception))
