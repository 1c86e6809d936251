# Course notes: a grade book with weighted categories, letter grades and a class report.

WEIGHTS = {"homework": 0.3, "midterm": 0.3, "final": 0.4}
LETTERS = [(90, "A"), (80, "B"), (70, "C"), (60, "D"), (0, "F")]


class Student:
    def __init__(self, name):
        self.name = name
        self.scores = {category: [] for category in WEIGHTS}

    def add(self, category, score):
        if category not in self.scores:
            raise KeyError(f"unknown category {category!r}")
        if not 0 <= score <= 100:
            raise ValueError(f"score {score} out of range for {self.name}")
        self.scores[category].append(score)

    def average(self, category):
        marks = self.scores[category]
        return sum(marks) / len(marks) if marks else 0.0

    def final_grade(self):
        return round(sum(self.average(c) * w for c, w in WEIGHTS.items()), 1)

    def letter(self):
        grade = self.final_grade()
        return next(letter for cutoff, letter in LETTERS if grade >= cutoff)


records = [
    ("ann", "homework", 95), ("ann", "homework", 88), ("ann", "midterm", 91), ("ann", "final", 94),
    ("bob", "homework", 70), ("bob", "midterm", 65), ("bob", "final", 58), ("bob", "homework", 80),
    ("cy", "homework", 100), ("cy", "midterm", 78), ("cy", "final", 85), ("cy", "quiz", 90),
    ("di", "midterm", 101), ("di", "final", 72), ("di", "homework", 60),
]
students = {}
for name, category, score in records:
    student = students.setdefault(name, Student(name))
    try:
        student.add(category, score)
    except (KeyError, ValueError) as e:
        print("skipped:", type(e).__name__, e)

print(f"{'name':<6}{'hw':>7}{'mid':>7}{'final':>7}{'grade':>7}  letter")
for s in sorted(students.values(), key=lambda s: -s.final_grade()):
    print(f"{s.name:<6}{s.average('homework'):7.1f}{s.average('midterm'):7.1f}"
          f"{s.average('final'):7.1f}{s.final_grade():7.1f}  {s.letter()}")
distribution = {}
for s in students.values():
    distribution[s.letter()] = distribution.get(s.letter(), 0) + 1
print("distribution:", dict(sorted(distribution.items())))
print("class average:", round(sum(s.final_grade() for s in students.values()) / len(students), 2))
