//! The simulated `json` module against CPython 3.11: each test runs a small
//! program and compares with what python3 printed for it (pasted below).
//! Covers dumps options (indent, separators, sort_keys, ensure_ascii,
//! default, cls, skipkeys, allow_nan), dump to a writer, loads with hooks,
//! JSONDecodeError messages and positions, round trips.

use interleave::run::{run, RunOptions};

/// Runs `program`; its stdout must be `stdout` and it must exit 0.
fn check(program: &str, stdout: &str) {
    let out = run(program, &RunOptions::default());
    assert_eq!(out.stdout, stdout, "stderr: {}", out.stderr);
    assert_eq!(out.exit_code, 0, "stderr: {}", out.stderr);
}

/// Runs `program`, which must print `stdout`, then fail with status 1
/// and a last stderr line `error`.
fn check_uncaught(program: &str, stdout: &str, error: &str) {
    let out = run(program, &RunOptions::default());
    assert_eq!(out.stdout, stdout, "stderr: {}", out.stderr);
    assert_eq!(out.exit_code, 1, "stderr: {}", out.stderr);
    let last = out.stderr.lines().rev().find(|l| !l.trim().is_empty());
    assert_eq!(last, Some(error), "stderr: {}", out.stderr);
}

#[test]
fn dumps_options() {
    check(
        r#"import json
doc = {"name": "café ☕", "n": [1, 2.5, -0.0, 10**20, True, None], "nested": {"z": {}, "a": []}, "esc": "q\" b\\ \n\t\x01\x7f😀"}
print(json.dumps(doc))
print(json.dumps(doc, ensure_ascii=False, sort_keys=True))
print(json.dumps(doc, indent=2, sort_keys=True))
print(json.dumps(doc["n"], indent=0), json.dumps([1, [2, [3]]], separators=(",", ":")))
print(json.dumps({1: "a", 2.5: "b", False: "c", None: "d"}), json.dumps({(1,): 2, "k": 1}, skipkeys=True))
print(json.dumps(float("inf")), json.dumps([float("-inf"), float("nan")]), json.dumps("x"), json.dumps(3), json.dumps(None))
for value, indent in [(float("nan"), None), ([float("inf")], 2), ({1j if False else "k": {1, 2}}, None), ({(1, 2): 0}, None)]:
    try:
        json.dumps(value, allow_nan=False, indent=indent)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
loop = []
loop.append(loop)
try:
    json.dumps(loop)
except ValueError as e:
    print("ValueError", e)

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

class PointEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Point):
            return {"x": o.x, "y": o.y}
        return super().default(o)

print(json.dumps([Point(1, 2)], cls=PointEncoder), json.dumps(Point(3, 4), default=vars))
print(PointEncoder(indent="--").encode({"p": Point(0, 0)}))
chunks = []

class Sink:
    def write(self, s):
        chunks.append(s)

json.dump({"a": [1, "b"]}, Sink())
print(chunks)
"#,
        "{\"name\": \"caf\\u00e9 \\u2615\", \"n\": [1, 2.5, -0.0, 100000000000000000000, true, null], \"nested\": {\"z\": {}, \"a\": []}, \"esc\": \"q\\\" b\\\\ \\n\\t\\u0001\\u007f\\ud83d\\ude00\"}\n{\"esc\": \"q\\\" b\\\\ \\n\\t\\u0001\u{7f}😀\", \"n\": [1, 2.5, -0.0, 100000000000000000000, true, null], \"name\": \"café ☕\", \"nested\": {\"a\": [], \"z\": {}}}\n{\n  \"esc\": \"q\\\" b\\\\ \\n\\t\\u0001\\u007f\\ud83d\\ude00\",\n  \"n\": [\n    1,\n    2.5,\n    -0.0,\n    100000000000000000000,\n    true,\n    null\n  ],\n  \"name\": \"caf\\u00e9 \\u2615\",\n  \"nested\": {\n    \"a\": [],\n    \"z\": {}\n  }\n}\n[\n1,\n2.5,\n-0.0,\n100000000000000000000,\ntrue,\nnull\n] [1,[2,[3]]]\n{\"1\": \"a\", \"2.5\": \"b\", \"false\": \"c\", \"null\": \"d\"} {\"k\": 1}\nInfinity [-Infinity, NaN] \"x\" 3 null\nValueError Out of range float values are not JSON compliant\nValueError Out of range float values are not JSON compliant: inf\nTypeError Object of type set is not JSON serializable\nTypeError keys must be str, int, float, bool or None, not tuple\nValueError Circular reference detected\n[{\"x\": 1, \"y\": 2}] {\"x\": 3, \"y\": 4}\n{\n--\"p\": {\n----\"x\": 0,\n----\"y\": 0\n--}\n}\n['{', '\"a\"', ': ', '[1', ', \"b\"', ']', '}']\n",
    );
}

#[test]
fn loads_and_errors() {
    check(
        r#"import json
print(json.loads('{"a": [1, 2.5, -3e2, true, false, null, "s\\u00e9\\n"], "b": {}}'))
print(json.loads(" 12 "), json.loads("-0"), json.loads("-0.0"), json.loads("1E400"), json.loads('"\\ud83d\\ude00"'), json.loads(b'[1]'))
print(json.loads('{"a": 1}', object_pairs_hook=list), json.loads("[1.5, 2]", parse_float=str, parse_int=lambda s: int(s) * 10))
print(json.loads('[NaN, -Infinity]', parse_constant=lambda c: c.lower()), json.loads('"a\\tb\tc"', strict=False))
print(json.loads('{"k": {"n": 1}}', object_hook=lambda d: sorted(d)))
print(json.JSONDecoder().raw_decode('{"x": 1} trailing'))
for bad in ['', ' ', '{"a": 1,}', '[1, 2', '[1,]', "{'a': 1}", '{"a" 1}', '{"a": 1 "b": 2}', '[1] x', 'tru', '01', '-', '"abc', '"a\\x"', '"\\u12"', '"\\uzzzz"', '"tab\there"', '{"a":\n  [1,\n   }']:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(repr(bad), "->", e, "|", e.msg, e.pos, e.lineno, e.colno)
for bad in [None, 5, [1]]:
    try:
        json.loads(bad)
    except TypeError as e:
        print("TypeError", e)
print(issubclass(json.JSONDecodeError, ValueError), json.JSONDecodeError.__name__, json.JSONDecodeError.__module__)
"#,
        "{'a': [1, 2.5, -300.0, True, False, None, 'sé\\n'], 'b': {}}\n12 0 -0.0 inf 😀 [1]\n[('a', 1)] ['1.5', 20]\n['nan', '-infinity'] a\u{9}b\u{9}c\n['k']\n({'x': 1}, 8)\n'' -> Expecting value: line 1 column 1 (char 0) | Expecting value 0 1 1\n' ' -> Expecting value: line 1 column 2 (char 1) | Expecting value 1 1 2\n'{\"a\": 1,}' -> Expecting property name enclosed in double quotes: line 1 column 9 (char 8) | Expecting property name enclosed in double quotes 8 1 9\n'[1, 2' -> Expecting ',' delimiter: line 1 column 6 (char 5) | Expecting ',' delimiter 5 1 6\n'[1,]' -> Expecting value: line 1 column 4 (char 3) | Expecting value 3 1 4\n\"{'a': 1}\" -> Expecting property name enclosed in double quotes: line 1 column 2 (char 1) | Expecting property name enclosed in double quotes 1 1 2\n'{\"a\" 1}' -> Expecting ':' delimiter: line 1 column 6 (char 5) | Expecting ':' delimiter 5 1 6\n'{\"a\": 1 \"b\": 2}' -> Expecting ',' delimiter: line 1 column 9 (char 8) | Expecting ',' delimiter 8 1 9\n'[1] x' -> Extra data: line 1 column 5 (char 4) | Extra data 4 1 5\n'tru' -> Expecting value: line 1 column 1 (char 0) | Expecting value 0 1 1\n'01' -> Extra data: line 1 column 2 (char 1) | Extra data 1 1 2\n'-' -> Expecting value: line 1 column 1 (char 0) | Expecting value 0 1 1\n'\"abc' -> Unterminated string starting at: line 1 column 1 (char 0) | Unterminated string starting at 0 1 1\n'\"a\\\\x\"' -> Invalid \\escape: line 1 column 3 (char 2) | Invalid \\escape 2 1 3\n'\"\\\\u12\"' -> Invalid \\uXXXX escape: line 1 column 3 (char 2) | Invalid \\uXXXX escape 2 1 3\n'\"\\\\uzzzz\"' -> Invalid \\uXXXX escape: line 1 column 3 (char 2) | Invalid \\uXXXX escape 2 1 3\n'\"tab\\there\"' -> Invalid control character at: line 1 column 5 (char 4) | Invalid control character at 4 1 5\n'{\"a\":\\n  [1,\\n   }' -> Expecting value: line 3 column 4 (char 15) | Expecting value 15 3 4\nTypeError the JSON object must be str, bytes or bytearray, not NoneType\nTypeError the JSON object must be str, bytes or bytearray, not int\nTypeError the JSON object must be str, bytes or bytearray, not list\nTrue JSONDecodeError json.decoder\n",
    );
}

#[test]
fn roundtrip() {
    check(
        r#"import json
values = [0, -1, 2**70, 0.1, 1e-7, 1e22, 123456.789, -2.5e-300, "", "ünïcødé 中文", [], {}, [None, True, False], {"a": {"b": {"c": [1, {"d": "e"}]}}}]
for v in values:
    text = json.dumps(v)
    back = json.loads(text)
    print(text, back == v, repr(back))
print(json.loads(json.dumps({1: 2, True: 3})), json.loads(json.dumps((1, (2, 3)))))
"#,
        r#"0 True 0
-1 True -1
1180591620717411303424 True 1180591620717411303424
0.1 True 0.1
1e-07 True 1e-07
1e+22 True 1e+22
123456.789 True 123456.789
-2.5e-300 True -2.5e-300
"" True ''
"\u00fcn\u00efc\u00f8d\u00e9 \u4e2d\u6587" True 'ünïcødé 中文'
[] True []
{} True {}
[null, true, false] True [None, True, False]
{"a": {"b": {"c": [1, {"d": "e"}]}}} True {'a': {'b': {'c': [1, {'d': 'e'}]}}}
{'1': 3} [1, [2, 3]]
"#,
    );
}

#[test]
fn uncaught_json_decode_error() {
    check_uncaught(
        r#"import json
print("before")
json.loads("[1, 2")
"#,
        r#"before
"#,
        r#"json.decoder.JSONDecodeError: Expecting ',' delimiter: line 1 column 6 (char 5)"#,
    );
}
