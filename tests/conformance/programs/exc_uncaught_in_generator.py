# An exception raised inside a generator surfaces at the consumer's loop.

def read_numbers(lines):
    for number, line in enumerate(lines, 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        yield number, float(line)


def running_mean(pairs):
    total = 0.0
    count = 0
    for number, value in pairs:
        total += value
        count += 1
        yield number, total / count


data = ["10", "# comment", "20", "", "30.5", "n/a", "40"]
for number, mean in running_mean(read_numbers(data)):
    print(f"after line {number}: mean = {mean:.3f}")
print("never printed")


def unused():
    yield from ()
