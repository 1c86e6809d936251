# operator.itemgetter, attrgetter and methodcaller for sorting and extracting.
from operator import itemgetter, attrgetter, methodcaller

rows = [("ann", 31, "oslo"), ("bob", 25, "rome"), ("cy", 31, "lima"), ("di", 19, "oslo")]
print(sorted(rows, key=itemgetter(1)))
print(sorted(rows, key=itemgetter(2, 0)))
print(list(map(itemgetter(0), rows)), itemgetter(0, 2)(rows[1]), itemgetter(slice(1, None))(rows[0]))
records = [{"name": "x", "score": 3}, {"name": "y", "score": 9}, {"name": "z", "score": 5}]
print(max(records, key=itemgetter("score")), sorted(records, key=itemgetter("score"), reverse=True)[0]["name"])
print(itemgetter("name", "score")(records[0]), itemgetter(-1)("abc"))


class Employee:
    def __init__(self, name, dept, salary, manager=None):
        self.name, self.dept, self.salary, self.manager = name, dept, salary, manager

    def __repr__(self):
        return self.name


boss = Employee("Boss", "exec", 300)
staff = [Employee("Eve", "eng", 120, boss), Employee("Dan", "ops", 90, boss), Employee("Ari", "eng", 110, boss)]
print(sorted(staff, key=attrgetter("salary")), sorted(staff, key=attrgetter("dept", "name")))
print(attrgetter("manager.name")(staff[0]), attrgetter("name", "salary")(staff[1]))
print(list(map(methodcaller("upper"), ["a", "b"])), methodcaller("split", ",")("x,y,z"))
print(methodcaller("replace", "o", "0", 1)("foo boo"), sorted(["b", "A", "c"], key=methodcaller("lower")))
try:
    itemgetter(5)([1, 2])
except IndexError as e:
    print("IndexError:", e)
try:
    attrgetter("missing")(boss)
except AttributeError as e:
    print("AttributeError:", e)
