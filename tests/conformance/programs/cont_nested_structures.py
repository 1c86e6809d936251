# Nested structures: a school as dicts of lists of dicts.

school = {
    "name": "Riverside",
    "classes": {
        "1A": {"teacher": "Ms. Berg", "students": [
            {"name": "Ola", "grades": {"math": 5, "art": 4}},
            {"name": "Kari", "grades": {"math": 6, "art": 6, "music": 5}},
        ]},
        "1B": {"teacher": "Mr. Lund", "students": [
            {"name": "Per", "grades": {"math": 3}},
            {"name": "Liv", "grades": {}},
            {"name": "Nils", "grades": {"math": 4, "music": 6}},
        ]},
    },
}

for class_name, info in school["classes"].items():
    print(f"{class_name} ({info['teacher']}): {len(info['students'])} students")
    for student in info["students"]:
        grades = student["grades"]
        avg = sum(grades.values()) / len(grades) if grades else None
        shown = f"{avg:.2f}" if avg is not None else "n/a"
        print(f"  {student['name']:<5} {shown:>5}  {sorted(grades.items())}")

all_students = [s for c in school["classes"].values() for s in c["students"]]
print("total:", len(all_students))
subjects = sorted({subj for s in all_students for subj in s["grades"]})
print("subjects:", subjects)
for subj in subjects:
    marks = [s["grades"][subj] for s in all_students if subj in s["grades"]]
    print(f"  {subj:<6} n={len(marks)} best={max(marks)} avg={sum(marks) / len(marks):.2f}")
best = max(all_students, key=lambda s: sum(s["grades"].values()))
print("most points:", best["name"])
school["classes"]["1B"]["students"][1]["grades"]["art"] = 5
print(school["classes"]["1B"]["students"][1])
school["classes"]["1C"] = {"teacher": "TBD", "students": []}
print(list(school["classes"]), [len(c["students"]) for c in school["classes"].values()])
print(school["classes"]["1A"]["students"][1]["grades"].get("music", "-"),
      school["classes"]["1A"]["students"][0]["grades"].get("music", "-"))
