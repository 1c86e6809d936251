# A program whose diagnostics go to stderr while results go to stdout.
import sys


def log(*parts):
    print("[log]", *parts, file=sys.stderr)


def parse_scores(lines):
    scores = {}
    for number, line in enumerate(lines, 1):
        name, _, value = line.partition(":")
        if not value.strip():
            log(f"line {number}: missing score for {name!r}")
            continue
        try:
            scores[name.strip()] = int(value)
        except ValueError:
            log(f"line {number}: {value.strip()!r} is not a number")
    return scores


data = ["ann: 90", "bob: x", "cy:", "di: 75", "ed: 88"]
log("parsing", len(data), "lines")
scores = parse_scores(data)
for name, score in sorted(scores.items(), key=lambda kv: -kv[1]):
    print(f"{name:<4}{score:>4}")
print("average:", sum(scores.values()) / len(scores))
log("done with", len(data) - len(scores), "problems")
sys.stderr.write("exiting normally\n")
