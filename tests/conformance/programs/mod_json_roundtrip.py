# A JSON round trip of an object graph with custom encode/decode hooks.
import json


class Task:
    def __init__(self, title, done=False, tags=()):
        self.title = title
        self.done = done
        self.tags = list(tags)

    def __repr__(self):
        mark = "x" if self.done else " "
        return f"[{mark}] {self.title} {self.tags}"


def encode(obj):
    if isinstance(obj, Task):
        return {"__task__": True, "title": obj.title, "done": obj.done, "tags": obj.tags}
    if isinstance(obj, set):
        return sorted(obj)
    raise TypeError(f"cannot encode {type(obj).__name__}")


def decode(d):
    if d.get("__task__"):
        return Task(d["title"], d["done"], d["tags"])
    return d


board = {
    "owner": "ann",
    "tasks": [Task("write tests", True, ["dev"]), Task("review", tags=["team", "dev"]), Task("deploy")],
    "labels": {3, 1, 2},
}
text = json.dumps(board, default=encode, indent=2)
print(text)
back = json.loads(text, object_hook=decode)
print(back["owner"], back["labels"])
for task in back["tasks"]:
    print(task)
print(json.dumps(board, default=encode) == json.dumps(json.loads(json.dumps(board, default=encode))))
simple = {"a": [1, 2.5, None, True], "b": {"c": "d"}, "e": ""}
print(json.loads(json.dumps(simple)) == simple)
tuples = {"point": (1, 2)}
print(json.loads(json.dumps(tuples)), json.loads(json.dumps(tuples)) == tuples)
keys = {1: "one", 2: "two"}
print(json.loads(json.dumps(keys)), json.loads(json.dumps(keys)) == keys)
try:
    json.dumps({"when": object()}, default=encode)
except TypeError as e:
    print("TypeError:", e)
