# ZeroDivisionError from an average of an empty group.

scores = {
    "math": [90, 85, 77],
    "art": [60, 95],
    "music": [],
    "history": [70],
}


def average(values):
    return sum(values) / len(values)


def report(subject):
    values = scores[subject]
    avg = average(values)
    print(f"{subject:<8} n={len(values)} avg={avg:.2f}")
    return avg


best = None
for subject in scores:
    avg = report(subject)
    if best is None or avg > best[1]:
        best = (subject, avg)
print("best:", best)


def grade(avg):
    return "A" if avg >= 90 else "B" if avg >= 80 else "C"


print(grade(95))
