# json.loads: parsing, types produced, and JSONDecodeError messages.
import json

text = '''
{
  "users": [
    {"name": "Ann", "age": 31, "admin": true, "email": null},
    {"name": "Bob", "age": 25.5, "admin": false, "tags": ["x", "y"]}
  ],
  "count": 2,
  "unicode": "caf\\u00e9 \\u4e2d\\u6587",
  "big": 123456789012345678901234567890,
  "exp": 1e3
}
'''
doc = json.loads(text)
print(doc)
print(type(doc["count"]).__name__, type(doc["users"][1]["age"]).__name__, type(doc["exp"]).__name__, doc["big"] + 1)
for user in doc["users"]:
    print(user["name"], user["age"], user["admin"], user.get("email", "-"), user.get("tags", []))
print(doc["unicode"], len(doc["unicode"]))
print(json.loads("[1, 2.0, \"three\", null, true]"), json.loads('"just a string"'), json.loads("42"))
print(json.loads('{"a": 1, "a": 2}'), json.loads(" [ ] "), json.loads("NaN"), json.loads("-Infinity"))
bad_inputs = ['{"a": 1,}', "[1, 2", "{'single': 1}", "", '{"a" 1}', "[1] extra", "tru", '"unterminated']
for bad in bad_inputs:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(f"{bad!r:<18} -> {e.msg} at line {e.lineno} column {e.colno} (pos {e.pos})")
print(issubclass(json.JSONDecodeError, ValueError))
try:
    json.loads(b'{"bytes": "are accepted"}')["bytes"]
    print("bytes input accepted")
except TypeError as e:
    print("TypeError:", e)
print(json.loads('{"price": 1.10}', parse_float=str), json.loads("[1, 2]", parse_int=float))
