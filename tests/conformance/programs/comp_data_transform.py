# Transforming records with comprehensions: select, group, join, pivot.

employees = [
    {"id": 1, "name": "Ann", "dept": "eng", "salary": 120},
    {"id": 2, "name": "Bob", "dept": "ops", "salary": 90},
    {"id": 3, "name": "Cy", "dept": "eng", "salary": 110},
    {"id": 4, "name": "Di", "dept": "sales", "salary": 70},
    {"id": 5, "name": "Ed", "dept": "ops", "salary": 95},
]
projects = [(1, "compiler"), (3, "compiler"), (3, "website"), (5, "backup"), (9, "ghost")]

names = [e["name"] for e in employees]
print(names)
print([e["name"] for e in employees if e["salary"] >= 95])
depts = sorted({e["dept"] for e in employees})
print(depts)
by_dept = {d: [e["name"] for e in employees if e["dept"] == d] for d in depts}
print(by_dept)
payroll = {d: sum(e["salary"] for e in employees if e["dept"] == d) for d in depts}
print(payroll)
avg = {d: round(payroll[d] / len(by_dept[d]), 1) for d in depts}
print(avg)
by_id = {e["id"]: e for e in employees}
joined = [(by_id[pid]["name"], proj) for pid, proj in projects if pid in by_id]
print(joined)
orphans = [proj for pid, proj in projects if pid not in by_id]
print(orphans)
workload = {e["name"]: [p for pid, p in projects if pid == e["id"]] for e in employees}
print(workload)
idle = [name for name, ps in workload.items() if not ps]
print(idle)
raised = [{**e, "salary": e["salary"] * 11 // 10} for e in employees if e["dept"] == "ops"]
print(raised)
print(employees[1]["salary"])
ranking = [f"{i}. {e['name']} ({e['salary']})"
           for i, e in enumerate(sorted(employees, key=lambda e: -e["salary"]), 1)]
print("\n".join(ranking))
