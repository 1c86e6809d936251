//! The simulated `csv` module against CPython 3.11, on files of the
//! simulated disk and in memory: writer/reader with quoting, escaping and
//! embedded newlines, DictWriter/DictReader, dialects and format
//! parameters, csv.Error messages. Each expectation is what python3 did
//! with the program in an empty directory, files left included (see
//! `tests/common/disk.rs`, which re-checks them when python3 3.11 is
//! there).

#[path = "common/disk.rs"]
mod disk;

/// csv.writer quotes what needs quoting (delimiters, quotes, newlines),
/// writes None as empty and floats by repr, ends rows with \r\n; csv.reader
/// reads it all back, line_num counting physical lines.
#[test]
fn writer_and_reader_round_trip() {
    disk::check(
        r#"import csv
rows = [["id", "name", "note"], [1, "Ann", 'says "hi"'], [2, "Bob, Jr.", "line1\nline2"],
        [3, "", None], [4.5, " x ", "tab\there"], [True, 1e20, 0.1 + 0.2]]
with open("out.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerows(rows)
    print(w.writerow(["end"]), w.dialect.delimiter, repr(w.dialect.lineterminator))
with open("out.csv", newline="") as f:
    print(repr(f.read()))
with open("out.csv", newline="") as f:
    r = csv.reader(f)
    for row in r:
        print(r.line_num, row)
with open("no_newline_arg.csv", "w") as f:
    csv.writer(f).writerow(["a", "b\nc"])
with open("no_newline_arg.csv") as f:
    print(list(csv.reader(f)))
"#,
        r#"5 , '\r\n'
'id,name,note\r\n1,Ann,"says ""hi"""\r\n2,"Bob, Jr.","line1\nline2"\r\n3,,\r\n4.5, x ,tab\there\r\nTrue,1e+20,0.30000000000000004\r\nend\r\n'
1 ['id', 'name', 'note']
2 ['1', 'Ann', 'says "hi"']
4 ['2', 'Bob, Jr.', 'line1\nline2']
5 ['3', '', '']
6 ['4.5', ' x ', 'tab\there']
7 ['True', '1e+20', '0.30000000000000004']
8 ['end']
[['a', 'b\nc']]
"#,
        None,
        "=== no_newline_arg.csv (9 bytes) ===\na,\"b\nc\"\r\n=== out.csv (123 bytes) ===\nid,name,note\r\n1,Ann,\"says \"\"hi\"\"\"\r\n2,\"Bob, Jr.\",\"line1\nline2\"\r\n3,,\r\n4.5, x ,tab\there\r\nTrue,1e+20,0.30000000000000004\r\nend\r\n",
    );
}

/// DictWriter with a header, missing keys (restval), extra keys (raise or
/// ignore); DictReader with the header row, restkey/restval, given
/// fieldnames, blank lines skipped.
#[test]
fn dict_writer_and_dict_reader() {
    disk::check(
        r#"import csv
with open("people.csv", "w", newline="") as f:
    w = csv.DictWriter(f, fieldnames=["name", "age", "city"], restval="?")
    w.writeheader()
    w.writerow({"name": "Ann", "age": 31, "city": "Oslo"})
    w.writerows([{"name": "Bob"}, {"city": "Rome", "name": "Cy", "age": 5}])
    try:
        w.writerow({"name": "D", "x": 1})
    except ValueError as e:
        print(e)
    csv.DictWriter(f, ["name"], extrasaction="ignore").writerow({"name": "Eve", "zzz": 0})
with open("people.csv", newline="") as f:
    d = csv.DictReader(f)
    print(d.fieldnames, d.line_num)
    for row in d:
        print(d.line_num, row)
with open("ragged.csv", "w", newline="") as f:
    f.write("a,b\r\n1,2,3,4\r\n\r\n5\r\n")
with open("ragged.csv", newline="") as f:
    print(list(csv.DictReader(f, restkey="more", restval="-")))
with open("ragged.csv", newline="") as f:
    print(list(csv.DictReader(f, fieldnames=["x", "y"])))
try:
    csv.DictWriter(open("x.csv", "w"), ["a"], extrasaction="oops")
except ValueError as e:
    print(e)
"#,
        r#"dict contains fields not in fieldnames: 'x'
['name', 'age', 'city'] 1
2 {'name': 'Ann', 'age': '31', 'city': 'Oslo'}
3 {'name': 'Bob', 'age': '?', 'city': '?'}
4 {'name': 'Cy', 'age': '5', 'city': 'Rome'}
5 {'name': 'Eve', 'age': None, 'city': None}
[{'a': '1', 'b': '2', 'more': ['3', '4']}, {'a': '5', 'b': '-'}]
[{'x': 'a', 'y': 'b'}, {'x': '1', 'y': '2', None: ['3', '4']}, {'x': '5', 'y': None}]
extrasaction (oops) must be 'raise' or 'ignore'
"#,
        None,
        "=== people.csv (53 bytes) ===\nname,age,city\r\nAnn,31,Oslo\r\nBob,?,?\r\nCy,5,Rome\r\nEve\r\n=== ragged.csv (19 bytes) ===\na,b\r\n1,2,3,4\r\n\r\n5\r\n=== x.csv (0 bytes) ===\n",
    );
}

/// Delimiters, quoting modes (ALL, NONNUMERIC, NONE with escapechar),
/// doublequote off, skipinitialspace, lineterminator, the excel-tab and
/// unix dialects, register_dialect.
#[test]
fn dialects_and_format_parameters() {
    disk::check(
        r#"import csv, io
with open("semi.csv", "w", newline="") as f:
    csv.writer(f, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator="\n").writerow(["a", 1, "b;c"])
    csv.writer(f, quoting=csv.QUOTE_NONNUMERIC).writerow(["a", 1, 2.5, None])
    csv.writer(f, quoting=csv.QUOTE_NONE, escapechar="\\").writerow(["x,y", 'q"'])
    csv.writer(f, doublequote=False, escapechar="\\").writerow(['say "no"'])
    csv.writer(f, dialect="excel-tab").writerow(["t 1", "t\t2"])
    csv.writer(f, dialect="unix").writerow(["u", 2])
print(repr(open("semi.csv", newline="").read()))
print(list(csv.reader(['a,"b,c",d', '1, 2,"3"'], skipinitialspace=True)))
print(list(csv.reader(["1,2", '"a",3'], quoting=csv.QUOTE_NONNUMERIC)))
print(list(csv.reader(['x\\,y,z'], escapechar="\\")))
print(list(csv.reader(["a\tb"], dialect="excel-tab")), list(csv.reader(["a|b"], delimiter="|")))
csv.register_dialect("pipes", delimiter="|", quoting=csv.QUOTE_MINIMAL)
print(sorted(csv.list_dialects()), csv.get_dialect("pipes").delimiter)
s = io.StringIO()
csv.writer(s, "pipes").writerow(["a|b", "c"])
print(repr(s.getvalue()), list(csv.reader(io.StringIO(s.getvalue()), "pipes")))
csv.unregister_dialect("pipes")
for call in [lambda: csv.get_dialect("pipes"), lambda: csv.writer(io.StringIO(), delimiter="ab"),
             lambda: csv.writer(io.StringIO(), quoting=9), lambda: csv.writer(io.StringIO(), quotechar=None)]:
    try:
        call()
    except (csv.Error, TypeError) as e:
        print(type(e).__name__, e)
"#,
        r#"'"a";"1";"b;c"\n"a",1,2.5,""\r\nx\\,y,q\\"\r\nsay \\"no\\"\r\nt 1\t"t\t2"\r\n"u","2"\n'
[['a', 'b,c', 'd'], ['1', '2', '3']]
[[1.0, 2.0], ['a', 3.0]]
[['x,y', 'z']]
[['a', 'b']] [['a', 'b']]
['excel', 'excel-tab', 'pipes', 'unix'] |
'"a|b"|c\r\n' [['a|b', 'c']]
Error unknown dialect
TypeError "delimiter" must be a 1-character string
TypeError bad "quoting" value
"#,
        None,
        "=== semi.csv (69 bytes) ===\n\"a\";\"1\";\"b;c\"\n\"a\",1,2.5,\"\"\r\nx\\,y,q\\\"\r\nsay \\\"no\\\"\r\nt 1\t\"t\t2\"\r\n\"u\",\"2\"\n",
    );
}

/// csv.Error for what cannot be written or read: no escapechar, a file in
/// binary mode, a field with NUL, strict quoting; a writer needs a write
/// method.
#[test]
fn csv_errors() {
    disk::check(
        r#"import csv, io
try:
    csv.writer(io.StringIO(), quoting=csv.QUOTE_NONE).writerow(["a,b"])
except csv.Error as e:
    print("Error", e)
try:
    csv.writer(io.StringIO(), quoting=csv.QUOTE_NONE).writerow([""])
except csv.Error as e:
    print("Error", e)
with open("w.csv", "w") as f:
    csv.writer(f).writerow(["a", "b"])
try:
    with open("w.csv", "rb") as f:
        list(csv.reader(f))
except csv.Error as e:
    print("Error", e)
try:
    list(csv.reader(['a,"b"c'], strict=True))
except csv.Error as e:
    print("Error", e)
print(list(csv.reader(['a,"b"c'])))
print(list(csv.reader(["a\0b,c"])))
w = csv.writer(s := io.StringIO(), quotechar=None)
print(w.dialect.quoting, w.dialect.quotechar)
w.writerow(["ab", 'q"'])
try:
    w.writerow(["a,b"])
except csv.Error as e:
    print("Error", e)
print(repr(s.getvalue()), list(csv.reader(['"a,b",c'], quotechar=None)))
try:
    csv.writer(42)
except TypeError as e:
    print("TypeError", e)
try:
    csv.writer(io.StringIO()).writerow(5)
except csv.Error as e:
    print("Error", e)
print(issubclass(csv.Error, Exception), csv.Error.__module__, csv.QUOTE_ALL, csv.QUOTE_NONE)
"#,
        r#"Error need to escape, but no escapechar set
Error single empty field record must be quoted
Error iterator should return strings, not bytes (the file should be opened in text mode)
Error ',' expected after '"'
[['a', 'bc']]
[['a\x00b', 'c']]
3 None
Error need to escape, but no escapechar set
'ab,q"\r\n' [['"a', 'b"', 'c']]
TypeError argument 1 must have a "write" method
Error iterable expected, not int
True _csv 1 3
"#,
        None,
        "=== w.csv (5 bytes) ===\na,b\r\n",
    );
}

/// Worker threads add rows to one CSV file through one writer under a lock;
/// the main thread reads them back with DictReader.
#[test]
fn threads_write_csv_rows_under_a_lock() {
    disk::check(
        r#"import csv, threading
lock = threading.Lock()
f = open("results.csv", "w", newline="")
w = csv.writer(f)
w.writerow(["worker", "item", "square"])

def work(n):
    for i in range(3):
        value = (n * 3 + i) ** 2
        with lock:
            w.writerow([n, i, value])

threads = [threading.Thread(target=work, args=(n,)) for n in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
f.close()
with open("results.csv", newline="") as f:
    rows = list(csv.DictReader(f))
print(len(rows), sum(int(r["square"]) for r in rows))
print(sorted((int(r["worker"]), int(r["item"])) for r in rows)[:4])
with open("results.csv", "w", newline="") as f:
    w = csv.DictWriter(f, ["worker", "item", "square"])
    w.writeheader()
    w.writerows(sorted(rows, key=lambda r: (r["worker"], r["item"])))
"#,
        r#"9 204
[(0, 0), (0, 1), (0, 2), (1, 0)]
"#,
        None,
        "=== results.csv (88 bytes) ===\nworker,item,square\r\n0,0,0\r\n0,1,1\r\n0,2,4\r\n1,0,9\r\n1,1,16\r\n1,2,25\r\n2,0,36\r\n2,1,49\r\n2,2,64\r\n",
    );
}
