# json.dumps: types, indent, sort_keys, separators, ensure_ascii, errors.
import json

data = {
    "name": "Interleave",
    "version": 3,
    "ratio": 0.25,
    "tags": ["python", "threads"],
    "active": True,
    "parent": None,
    "nested": {"b": 2, "a": [1, 2, {"c": None}]},
}
print(json.dumps(data))
print(json.dumps(data, sort_keys=True))
print(json.dumps(data, indent=2))
print(json.dumps(data["nested"], indent=4, sort_keys=True))
print(json.dumps([1, 2, 3], separators=(",", ":")), json.dumps({"a": 1}, separators=(", ", " = ")))
print(json.dumps("中文 and café"), json.dumps("中文", ensure_ascii=False))
print(json.dumps("quotes \" and \\ and \n newline\t tab"))
print(json.dumps((1, 2)), json.dumps({1: "int key", 2.5: "float key", True: "bool", None: "none"}))
print(json.dumps(1e20), json.dumps(1.0), json.dumps(10 ** 20), json.dumps(-0.0), json.dumps(0.1 + 0.2))
print(json.dumps(float("inf")), json.dumps(float("nan")))
try:
    json.dumps(float("nan"), allow_nan=False)
except ValueError as e:
    print("ValueError:", e)
for bad in [{1, 2}, b"bytes", object, {(1, 2): "tuple key"}]:
    try:
        json.dumps(bad)
    except TypeError as e:
        print("TypeError:", e)
print(json.dumps({"when": complex(1, 2)}, default=lambda o: [o.real, o.imag]))
print(json.dumps([], indent=2), json.dumps({}, indent=2), json.dumps([[]], indent=1))
print(json.dumps({"a": [1, {"b": []}]}, indent="\t"))
