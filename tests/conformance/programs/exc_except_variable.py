# The `as` name is deleted at the end of the except block.

e = "outer value"
try:
    raise ValueError("inner")
except ValueError as e:
    print("inside:", e)
try:
    print(e)
except NameError as err:
    print("after the block:", err)

saved = None
try:
    {}["missing"]
except KeyError as exc:
    saved = exc
print("saved survives:", repr(saved), saved.args)


def first_error(actions):
    errors = []
    for action in actions:
        try:
            action()
        except Exception as problem:
            errors.append(problem)
    return errors


errs = first_error([lambda: 1 / 0, lambda: None, lambda: [].pop(), lambda: int("z")])
for err in errs:
    print(type(err).__name__, "|", err)
print(len(errs))

try:
    try:
        raise TypeError("original")
    except TypeError as t:
        raise ValueError("replacement")
except ValueError as v:
    print(v, "<- context:", repr(v.__context__))
    print("exception info inside handler is the ValueError:", v.__traceback__ is not None)

while True:
    try:
        raise StopIteration("stop")
    except StopIteration as stop:
        print("breaking out of loop from handler:", stop)
        break
