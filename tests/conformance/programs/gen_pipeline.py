# A lazy processing pipeline of generators over log lines.

LOG = """\
2024-03-01 10:00:01 INFO  user=ann action=login
2024-03-01 10:00:05 ERROR user=bob action=upload size=300
2024-03-01 10:01:00 INFO  user=bob action=login
broken line
2024-03-01 10:02:10 WARN  user=ann action=upload size=1200
2024-03-01 10:03:00 ERROR user=cy action=upload size=50
2024-03-01 10:04:30 INFO  user=ann action=logout
"""


def read_lines(text):
    for number, line in enumerate(text.splitlines(), 1):
        yield number, line


def parse(lines):
    for number, line in lines:
        parts = line.split()
        if len(parts) < 4:
            print(f"  skipping line {number}: {line!r}")
            continue
        date, time, level, *fields = parts
        record = dict(f.split("=", 1) for f in fields)
        record.update(line=number, level=level, time=time)
        yield record


def only(records, **wanted):
    for r in records:
        if all(r.get(k) == v for k, v in wanted.items()):
            yield r


def with_size(records):
    for r in records:
        r["size"] = int(r.get("size", 0))
        yield r


uploads = with_size(only(parse(read_lines(LOG)), action="upload"))
total = 0
for r in uploads:
    total += r["size"]
    print(f"line {r['line']}: {r['user']} uploaded {r['size']} ({r['level']})")
print("total uploaded:", total)

errors = [r["user"] for r in only(parse(read_lines(LOG)), level="ERROR")]
print("errors by:", errors)
levels = {}
for r in parse(read_lines(LOG)):
    levels[r["level"]] = levels.get(r["level"], 0) + 1
print(levels)
