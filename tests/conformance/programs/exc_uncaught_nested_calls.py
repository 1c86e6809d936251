# An uncaught ValueError raised three calls deep ends the program (status 1).

def parse_record(line):
    name, age = line.split(",")
    return {"name": name.strip(), "age": int(age)}


def parse_all(lines):
    records = []
    for number, line in enumerate(lines, 1):
        print(f"parsing line {number}: {line!r}")
        records.append(parse_record(line))
    return records


def report(lines):
    records = parse_all(lines)
    for r in records:
        print(r["name"], r["age"])
    return len(records)


good = ["ann, 31", "bob, 25"]
print("good file has", report(good), "records")

bad = ["cy, 40", "di, forty", "ed, 22"]
print("bad file has", report(bad), "records")
print("this line is never printed")


def unused_helper():
    return "defined but not reached"


class Unused:
    pass
