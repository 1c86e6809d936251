//! Files on the simulated disk against CPython 3.11: `open()` in text
//! and binary modes, reading, writing, appending, seeking, newline and
//! encoding handling, closed files and unsupported operations, the
//! OSError family with errno/strerror/filename, `os`/`os.path` on the
//! disk, `json` with files, `io.StringIO`/`BytesIO`, and threads and
//! processes sharing the disk. Each expectation is what python3 did with
//! the program in an empty directory, files left included (see
//! `tests/common/disk.rs`, which re-checks them when python3 3.11 is
//! there).

#[path = "common/disk.rs"]
mod disk;

/// Writing, reading back (read, readline, readlines, iteration), appending,
/// print(file=), and the file object's attributes.
#[test]
fn text_files_write_read_and_append() {
    disk::check(
        r#"f = open("notes.txt", "w")
print(repr(f), f.name, f.mode, f.encoding, f.closed)
print(f.write("first line\n"), f.writelines(["second\n", "third"]))
f.close()
print(f.closed)
with open("notes.txt") as f:
    print(repr(f.read()))
with open("notes.txt") as f:
    print(repr(f.readline()), repr(f.read(4)), repr(f.readline()), f.readlines(), repr(f.readline()))
with open("notes.txt", "a") as f:
    print(f.tell())
    f.write(" and more\n")
    print("printed", 42, sep=": ", file=f)
with open("notes.txt") as f:
    for i, line in enumerate(f):
        print(i, repr(line))
with open("notes.txt", "r") as f:
    print(list(f) == open("notes.txt").readlines())
with open("notes.txt", "w") as f:
    f.write("replaced\n")
left_open = open("unclosed.txt", "w")
left_open.write("still written at exit\n")
print(open("notes.txt").read(), end="")
"#,
        r#"<_io.TextIOWrapper name='notes.txt' mode='w' encoding='UTF-8'> notes.txt w UTF-8 False
11 None
True
'first line\nsecond\nthird'
'first line\n' 'seco' 'nd\n' ['third'] ''
23
0 'first line\n'
1 'second\n'
2 'third and more\n'
3 'printed: 42\n'
True
replaced
"#,
        None,
        r#"=== notes.txt (9 bytes) ===
replaced
=== unclosed.txt (22 bytes) ===
still written at exit
"#,
    );
}

/// Binary modes: bytes in and out, seek/tell from start, current position
/// and end, r+b overwriting in place, ab appending, truncate.
#[test]
fn binary_files_seek_tell_and_truncate() {
    disk::check(
        r#"with open("data.bin", "wb") as f:
    print(repr(f), f.mode)
    print(f.write(b"\x00\x01header\n"), f.write(bytearray(b"body")), f.tell())
with open("data.bin", "rb") as f:
    print(f.read(2), f.readline(), f.read(), f.tell(), f.read())
    print(f.seek(0), list(f))
    print(f.seek(-3, 2), f.read(), f.seek(2), f.seek(3, 1), f.read(2))
with open("data.bin", "r+b") as f:
    f.seek(2)
    f.write(b"HEAD")
    print(f.seek(0, 2), f.truncate(10), f.tell())
with open("data.bin", "ab") as f:
    f.write(b"++")
    print(f.tell())
with open("data.bin", "rb") as f:
    print(f.read())
with open("text.txt", "w+") as f:
    f.write("abc\ndef\n")
    f.seek(0)
    print(repr(f.read()), f.tell())
    f.seek(0)
    print(repr(f.readline()), f.truncate(), repr(f.read()))
with open("text.txt", "rb") as f:
    print(f.read())
"#,
        r#"<_io.BufferedWriter name='data.bin'> wb
9 4 13
b'\x00\x01' b'header\n' b'body' 13 b''
0 [b'\x00\x01header\n', b'body']
10 b'ody' 2 5 b'de'
13 10 13
12
b'\x00\x01HEADer\nb++'
'abc\ndef\n' 8
'abc\n' 8 'def\n'
b'abc\ndef\n'
"#,
        None,
        "=== data.bin (12 bytes) ===\n\u{0}\u{1}HEADer\nb++\n(no newline at end of file)\n=== text.txt (8 bytes) ===\nabc\ndef\n",
    );
}

/// Universal newlines on read, newline='' keeping them, newline='\r\n'
/// translating on write; UTF-8 text read by characters; other encodings.
#[test]
fn newlines_and_encodings() {
    disk::check(
        r#"with open("mixed.txt", "w", newline="") as f:
    f.write("unix\nwindows\r\nold mac\rlast")
with open("mixed.txt") as f:
    print(f.readlines())
with open("mixed.txt", newline="") as f:
    print(f.readlines())
with open("mixed.txt", "rb") as f:
    print(f.read())
with open("crlf.txt", "w", newline="\r\n") as f:
    f.write("a\nb\n")
print(open("crlf.txt", "rb").read(), repr(open("crlf.txt").read()))
with open("utf8.txt", "w", encoding="utf-8") as f:
    print(f.write("héllo ☕ 世界\n"))
with open("utf8.txt") as f:
    print(f.read(3), f.read(4), repr(f.read()))
with open("utf8.txt", "rb") as f:
    print(f.read())
with open("latin.txt", "w", encoding="latin-1") as f:
    f.write("café\n")
print(open("latin.txt", "rb").read(), open("latin.txt", encoding="latin-1").read(), end="")
try:
    open("latin.txt").read()
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
"#,
        r#"['unix\n', 'windows\n', 'old mac\n', 'last']
['unix\n', 'windows\r\n', 'old mac\r', 'last']
b'unix\nwindows\r\nold mac\rlast'
b'a\r\nb\r\n' 'a\nb\n'
11
hél lo ☕ ' 世界\n'
b'h\xc3\xa9llo \xe2\x98\x95 \xe4\xb8\x96\xe7\x95\x8c\n'
b'caf\xe9\n' café
UnicodeDecodeError 'utf-8' codec can't decode byte 0xe9 in position 3: invalid continuation byte
"#,
        None,
        "=== crlf.txt (6 bytes) ===\na\r\nb\r\n=== latin.txt (5 bytes, binary) ===\nb'caf\\xe9\\n'\n=== mixed.txt (26 bytes) ===\nunix\nwindows\r\nold mac\rlast\n(no newline at end of file)\n=== utf8.txt (18 bytes) ===\nhéllo ☕ 世界\n",
    );
}

/// What open() raises: missing files and directories, exclusive creation,
/// directories, bad modes and arguments.
#[test]
fn open_errors_are_cpythons() {
    disk::check(
        r#"import io
for path, mode in [("missing.txt", "r"), ("no/such/dir.txt", "w"), ("/tmp", "r"), ("/tmp", "w")]:
    try:
        open(path, mode)
    except OSError as e:
        print(type(e).__name__, e.errno, e.strerror, e.filename, "|", e)
with open("once.txt", "x") as f:
    f.write("created")
try:
    open("once.txt", "x")
except FileExistsError as e:
    print(e, e.args)
try:
    open("once.txt/inner", "w")
except NotADirectoryError as e:
    print(e)
for mode in ["rw", "z", "", "rr", "wb+t", "U", "r++"]:
    try:
        open("once.txt", mode)
    except ValueError as e:
        print("ValueError", e)
for kwargs in [{"encoding": "utf-8"}, {"newline": ""}, {"errors": "strict"}]:
    try:
        open("once.txt", "rb", **kwargs)
    except ValueError as e:
        print(e)
for bad in [3.5, None, ["x"]]:
    try:
        open(bad)
    except TypeError as e:
        print(e)
try:
    open("once.txt", newline="x")
except ValueError as e:
    print(e)
try:
    with open("ghost.txt") as f:
        pass
except IOError as e:
    print(isinstance(e, FileNotFoundError), e)
open("gone.txt")
"#,
        r#"FileNotFoundError 2 No such file or directory missing.txt | [Errno 2] No such file or directory: 'missing.txt'
FileNotFoundError 2 No such file or directory no/such/dir.txt | [Errno 2] No such file or directory: 'no/such/dir.txt'
IsADirectoryError 21 Is a directory /tmp | [Errno 21] Is a directory: '/tmp'
IsADirectoryError 21 Is a directory /tmp | [Errno 21] Is a directory: '/tmp'
[Errno 17] File exists: 'once.txt' (17, 'File exists')
[Errno 20] Not a directory: 'once.txt/inner'
ValueError must have exactly one of create/read/write/append mode
ValueError invalid mode: 'z'
ValueError Must have exactly one of create/read/write/append mode and at most one plus
ValueError invalid mode: 'rr'
ValueError can't have text and binary mode at once
ValueError invalid mode: 'U'
ValueError invalid mode: 'r++'
binary mode doesn't take an encoding argument
binary mode doesn't take a newline argument
binary mode doesn't take an errors argument
expected str, bytes or os.PathLike object, not float
expected str, bytes or os.PathLike object, not NoneType
expected str, bytes or os.PathLike object, not list
illegal newline value: x
True [Errno 2] No such file or directory: 'ghost.txt'
"#,
        Some(r#"FileNotFoundError: [Errno 2] No such file or directory: 'gone.txt'"#),
        r#"=== once.txt (7 bytes) ===
created
(no newline at end of file)
"#,
    );
}

/// Every operation on a file opened read-only, write-only or both, open and
/// closed, text and binary: CPython's exact exceptions and messages.
#[test]
fn closed_files_and_unsupported_operations() {
    disk::check(
        r#"import io
open("z", "w").write("abc\n")
for m in ["w", "r", "r+", "a", "wb", "rb", "r+b", "ab"]:
    for closed in [False, True]:
        f = open("z", m)
        if closed:
            f.close()
        out = []
        for name in ["read", "write", "tell", "seek", "flush", "fileno", "readable", "writable", "seekable", "isatty", "readline", "truncate", "readlines", "writelines", "__iter__", "__next__", "__enter__"]:
            op = getattr(f, name)
            arg = {"write": (b"x" if "b" in m else "x",), "seek": (0,), "writelines": ([],)}.get(name, ())
            try:
                r = op(*arg)
                out.append(f"{name}=ok" if name in ("__iter__", "__enter__", "fileno") else f"{name}={r!r}")
            except Exception as e:
                out.append(f"{name}={type(e).__name__}:{e}")
        print(m, closed, out)
        f.close()
try:
    open("z").write("x")
except io.UnsupportedOperation as e:
    print(type(e), isinstance(e, OSError), isinstance(e, ValueError), e.args)
f = open("z")
f.close()
f.close()
print(f.closed, repr(f))
with open("z", "w") as f:
    try:
        f.write(b"bytes")
    except TypeError as e:
        print(e)
with open("z", "wb") as f:
    try:
        f.write("text")
    except TypeError as e:
        print(e)
"#,
        r#"w False ['read=UnsupportedOperation:not readable', 'write=1', 'tell=1', 'seek=0', 'flush=None', 'fileno=ok', 'readable=False', 'writable=True', 'seekable=True', 'isatty=False', 'readline=UnsupportedOperation:not readable', 'truncate=0', 'readlines=UnsupportedOperation:not readable', 'writelines=None', '__iter__=ok', '__next__=UnsupportedOperation:not readable', '__enter__=ok']
w True ['read=ValueError:I/O operation on closed file.', 'write=ValueError:I/O operation on closed file.', 'tell=ValueError:I/O operation on closed file.', 'seek=ValueError:I/O operation on closed file.', 'flush=ValueError:I/O operation on closed file.', 'fileno=ValueError:I/O operation on closed file', 'readable=False', 'writable=ValueError:I/O operation on closed file', 'seekable=ValueError:I/O operation on closed file', 'isatty=ValueError:I/O operation on closed file', 'readline=ValueError:I/O operation on closed file.', 'truncate=ValueError:I/O operation on closed file.', 'readlines=ValueError:I/O operation on closed file.', 'writelines=ValueError:I/O operation on closed file.', '__iter__=ValueError:I/O operation on closed file.', '__next__=ValueError:I/O operation on closed file.', '__enter__=ValueError:I/O operation on closed file.']
r False ["read=''", 'write=UnsupportedOperation:not writable', 'tell=0', 'seek=0', 'flush=None', 'fileno=ok', 'readable=True', 'writable=False', 'seekable=True', 'isatty=False', "readline=''", 'truncate=UnsupportedOperation:truncate', 'readlines=[]', 'writelines=None', '__iter__=ok', '__next__=StopIteration:', '__enter__=ok']
r True ['read=ValueError:I/O operation on closed file.', 'write=ValueError:I/O operation on closed file.', 'tell=ValueError:I/O operation on closed file.', 'seek=ValueError:I/O operation on closed file.', 'flush=ValueError:I/O operation on closed file.', 'fileno=ValueError:I/O operation on closed file', 'readable=ValueError:I/O operation on closed file', 'writable=False', 'seekable=ValueError:I/O operation on closed file', 'isatty=ValueError:I/O operation on closed file', 'readline=ValueError:I/O operation on closed file.', 'truncate=ValueError:I/O operation on closed file.', 'readlines=ValueError:I/O operation on closed file.', 'writelines=ValueError:I/O operation on closed file.', '__iter__=ValueError:I/O operation on closed file.', '__next__=ValueError:I/O operation on closed file.', '__enter__=ValueError:I/O operation on closed file.']
r+ False ["read=''", 'write=1', 'tell=1', 'seek=0', 'flush=None', 'fileno=ok', 'readable=True', 'writable=True', 'seekable=True', 'isatty=False', "readline='x'", 'truncate=1', 'readlines=[]', 'writelines=None', '__iter__=ok', '__next__=StopIteration:', '__enter__=ok']
r+ True ['read=ValueError:I/O operation on closed file.', 'write=ValueError:I/O operation on closed file.', 'tell=ValueError:I/O operation on closed file.', 'seek=ValueError:I/O operation on closed file.', 'flush=ValueError:I/O operation on closed file.', 'fileno=ValueError:I/O operation on closed file', 'readable=ValueError:I/O operation on closed file', 'writable=ValueError:I/O operation on closed file', 'seekable=ValueError:I/O operation on closed file', 'isatty=ValueError:I/O operation on closed file', 'readline=ValueError:I/O operation on closed file.', 'truncate=ValueError:I/O operation on closed file.', 'readlines=ValueError:I/O operation on closed file.', 'writelines=ValueError:I/O operation on closed file.', '__iter__=ValueError:I/O operation on closed file.', '__next__=ValueError:I/O operation on closed file.', '__enter__=ValueError:I/O operation on closed file.']
a False ['read=UnsupportedOperation:not readable', 'write=1', 'tell=2', 'seek=0', 'flush=None', 'fileno=ok', 'readable=False', 'writable=True', 'seekable=True', 'isatty=False', 'readline=UnsupportedOperation:not readable', 'truncate=0', 'readlines=UnsupportedOperation:not readable', 'writelines=None', '__iter__=ok', '__next__=UnsupportedOperation:not readable', '__enter__=ok']
a True ['read=ValueError:I/O operation on closed file.', 'write=ValueError:I/O operation on closed file.', 'tell=ValueError:I/O operation on closed file.', 'seek=ValueError:I/O operation on closed file.', 'flush=ValueError:I/O operation on closed file.', 'fileno=ValueError:I/O operation on closed file', 'readable=False', 'writable=ValueError:I/O operation on closed file', 'seekable=ValueError:I/O operation on closed file', 'isatty=ValueError:I/O operation on closed file', 'readline=ValueError:I/O operation on closed file.', 'truncate=ValueError:I/O operation on closed file.', 'readlines=ValueError:I/O operation on closed file.', 'writelines=ValueError:I/O operation on closed file.', '__iter__=ValueError:I/O operation on closed file.', '__next__=ValueError:I/O operation on closed file.', '__enter__=ValueError:I/O operation on closed file.']
wb False ['read=UnsupportedOperation:read', 'write=1', 'tell=1', 'seek=0', 'flush=None', 'fileno=ok', 'readable=False', 'writable=True', 'seekable=True', 'isatty=False', 'readline=UnsupportedOperation:read', 'truncate=0', 'readlines=UnsupportedOperation:read', 'writelines=None', '__iter__=ok', '__next__=UnsupportedOperation:read', '__enter__=ok']
wb True ['read=UnsupportedOperation:read', 'write=ValueError:write to closed file', 'tell=ValueError:I/O operation on closed file', 'seek=ValueError:seek of closed file', 'flush=ValueError:flush of closed file', 'fileno=ValueError:I/O operation on closed file', 'readable=False', 'writable=ValueError:I/O operation on closed file', 'seekable=ValueError:I/O operation on closed file', 'isatty=ValueError:I/O operation on closed file', 'readline=UnsupportedOperation:read', 'truncate=ValueError:truncate of closed file', 'readlines=ValueError:I/O operation on closed file.', 'writelines=ValueError:I/O operation on closed file.', '__iter__=ValueError:I/O operation on closed file.', '__next__=UnsupportedOperation:read', '__enter__=ValueError:I/O operation on closed file.']
rb False ["read=b''", 'write=UnsupportedOperation:write', 'tell=0', 'seek=0', 'flush=None', 'fileno=ok', 'readable=True', 'writable=False', 'seekable=True', 'isatty=False', "readline=b''", 'truncate=UnsupportedOperation:truncate', 'readlines=[]', 'writelines=None', '__iter__=ok', '__next__=StopIteration:', '__enter__=ok']
rb True ['read=ValueError:read of closed file', 'write=UnsupportedOperation:write', 'tell=ValueError:I/O operation on closed file', 'seek=ValueError:seek of closed file', 'flush=ValueError:I/O operation on closed file.', 'fileno=ValueError:I/O operation on closed file', 'readable=ValueError:I/O operation on closed file', 'writable=False', 'seekable=ValueError:I/O operation on closed file', 'isatty=ValueError:I/O operation on closed file', 'readline=ValueError:readline of closed file', 'truncate=ValueError:truncate of closed file', 'readlines=ValueError:I/O operation on closed file.', 'writelines=ValueError:I/O operation on closed file.', '__iter__=ValueError:I/O operation on closed file.', '__next__=ValueError:readline of closed file', '__enter__=ValueError:I/O operation on closed file.']
r+b False ["read=b''", 'write=1', 'tell=1', 'seek=0', 'flush=None', 'fileno=ok', 'readable=True', 'writable=True', 'seekable=True', 'isatty=False', "readline=b'x'", 'truncate=1', 'readlines=[]', 'writelines=None', '__iter__=ok', '__next__=StopIteration:', '__enter__=ok']
r+b True ['read=ValueError:read of closed file', 'write=ValueError:write to closed file', 'tell=ValueError:I/O operation on closed file', 'seek=ValueError:seek of closed file', 'flush=ValueError:flush of closed file', 'fileno=ValueError:I/O operation on closed file', 'readable=ValueError:I/O operation on closed file', 'writable=ValueError:I/O operation on closed file', 'seekable=ValueError:I/O operation on closed file', 'isatty=ValueError:I/O operation on closed file', 'readline=ValueError:readline of closed file', 'truncate=ValueError:truncate of closed file', 'readlines=ValueError:I/O operation on closed file.', 'writelines=ValueError:I/O operation on closed file.', '__iter__=ValueError:I/O operation on closed file.', '__next__=ValueError:readline of closed file', '__enter__=ValueError:I/O operation on closed file.']
ab False ['read=UnsupportedOperation:read', 'write=1', 'tell=2', 'seek=0', 'flush=None', 'fileno=ok', 'readable=False', 'writable=True', 'seekable=True', 'isatty=False', 'readline=UnsupportedOperation:read', 'truncate=0', 'readlines=UnsupportedOperation:read', 'writelines=None', '__iter__=ok', '__next__=UnsupportedOperation:read', '__enter__=ok']
ab True ['read=UnsupportedOperation:read', 'write=ValueError:write to closed file', 'tell=ValueError:I/O operation on closed file', 'seek=ValueError:seek of closed file', 'flush=ValueError:flush of closed file', 'fileno=ValueError:I/O operation on closed file', 'readable=False', 'writable=ValueError:I/O operation on closed file', 'seekable=ValueError:I/O operation on closed file', 'isatty=ValueError:I/O operation on closed file', 'readline=UnsupportedOperation:read', 'truncate=ValueError:truncate of closed file', 'readlines=ValueError:I/O operation on closed file.', 'writelines=ValueError:I/O operation on closed file.', '__iter__=ValueError:I/O operation on closed file.', '__next__=UnsupportedOperation:read', '__enter__=ValueError:I/O operation on closed file.']
<class 'io.UnsupportedOperation'> True True ('not writable',)
True <_io.TextIOWrapper name='z' mode='r' encoding='UTF-8'>
write() argument must be str, not bytes
a bytes-like object is required, not 'str'
"#,
        None,
        r#"=== z (0 bytes) ===
"#,
    );
}

/// OSError(errno, strerror[, filename[, winerror[, filename2]]]) picks the
/// subclass for the errno and sets errno, strerror, filename, filename2 as
/// CPython does; other argument counts leave them None.
#[test]
fn oserror_arguments_and_attributes() {
    disk::check(
        r#"for args in [(2, "No such file or directory", "f.txt"), (2, "msg"), ("plain",), (), (17, "File exists", "a", None, "b"), (13, "Permission denied"), (999, "odd"), (1, 2, 3, 4, 5, 6)]:
    e = OSError(*args)
    print(type(e).__name__, e.args, str(e), e.errno, e.strerror, e.filename, e.filename2)
e = FileNotFoundError("just text")
print(e.errno, e, repr(e))
e = FileNotFoundError(2, "gone", "x")
print(e.errno, e.strerror, e, repr(e))
print(IOError is OSError, EnvironmentError is OSError, issubclass(FileExistsError, OSError))
try:
    raise OSError(21, "Is a directory", "d")
except IsADirectoryError as e:
    print("caught", e)
"#,
        r#"FileNotFoundError (2, 'No such file or directory') [Errno 2] No such file or directory: 'f.txt' 2 No such file or directory f.txt None
FileNotFoundError (2, 'msg') [Errno 2] msg 2 msg None None
OSError ('plain',) plain None None None None
OSError ()  None None None None
FileExistsError (17, 'File exists') [Errno 17] File exists: 'a' -> 'b' 17 File exists a b
PermissionError (13, 'Permission denied') [Errno 13] Permission denied 13 Permission denied None None
OSError (999, 'odd') [Errno 999] odd 999 odd None None
OSError (1, 2, 3, 4, 5, 6) (1, 2, 3, 4, 5, 6) None None None None
None just text FileNotFoundError('just text')
2 gone [Errno 2] gone: 'x' FileNotFoundError(2, 'gone')
True True True
caught [Errno 21] Is a directory: 'd'
"#,
        None,
        r#""#,
    );
}

/// Directories and names on the disk: mkdir, makedirs, listdir, rename,
/// remove, rmdir, getcwd, and os.path's questions and string functions;
/// their errors with errno and file names.
#[test]
fn os_and_os_path_on_the_disk() {
    disk::check(
        r#"import os, os.path
print(os.getcwd() == os.path.abspath("."), os.listdir(), os.path.exists("."), os.path.isdir(os.getcwd()))
os.mkdir("data")
os.makedirs("data/a/b")
os.makedirs("data/a/b", exist_ok=True)
for call in [lambda: os.mkdir("data"), lambda: os.makedirs("data/a"), lambda: os.mkdir("x/y"),
             lambda: os.remove("nope"), lambda: os.remove("data"), lambda: os.rmdir("data"),
             lambda: os.listdir("nope"), lambda: os.rename("nope", "b"), lambda: os.path.getsize("nope"),
             lambda: os.unlink("data/a"), lambda: os.rmdir("nope")]:
    try:
        call()
    except OSError as e:
        print(type(e).__name__, e, e.errno, e.filename, e.filename2)
with open(os.path.join("data", "a", "b", "r.txt"), "w") as f:
    f.write("12345")
print(os.listdir("data"), os.listdir("data/a/b"), os.path.getsize("data/a/b/r.txt"))
print(os.path.isfile("data/a/b/r.txt"), os.path.isdir("data/a"), os.path.isdir("data/a/b/r.txt"), os.path.exists("zz"), os.path.isfile("data"))
os.rename("data/a/b/r.txt", "data/moved.txt")
print(sorted(os.listdir("data")), os.path.exists("data/a/b/r.txt"))
os.rename("data/a", "data/c")
print(sorted(os.listdir("data")), os.listdir("data/c"))
open("tmp.txt", "w").close()
os.remove("tmp.txt")
os.rmdir("data/c/b")
os.rmdir("data/c")
print(sorted(os.listdir(".")), sorted(os.listdir("data")))
print(os.path.join("a", "b", "/c", "d"), os.path.join("a/", "b"), os.path.join("a", ""), os.path.basename("/x/y.txt"), os.path.dirname("/x/y.txt"))
print(os.path.splitext("a/b.tar.gz"), os.path.splitext(".bashrc"), os.path.splitext("a."), os.path.split("a/b/"), os.path.split("file"))
print(os.path.normpath("a//b/./../c"), os.path.normpath("../x/.."), os.path.isabs("/a"), os.path.isabs("a"))
print(os.path.abspath("data/../data/moved.txt") == os.path.join(os.getcwd(), "data", "moved.txt"))
"#,
        r#"True [] True True
FileExistsError [Errno 17] File exists: 'data' 17 data None
FileExistsError [Errno 17] File exists: 'data/a' 17 data/a None
FileNotFoundError [Errno 2] No such file or directory: 'x/y' 2 x/y None
FileNotFoundError [Errno 2] No such file or directory: 'nope' 2 nope None
IsADirectoryError [Errno 21] Is a directory: 'data' 21 data None
OSError [Errno 39] Directory not empty: 'data' 39 data None
FileNotFoundError [Errno 2] No such file or directory: 'nope' 2 nope None
FileNotFoundError [Errno 2] No such file or directory: 'nope' -> 'b' 2 nope b
FileNotFoundError [Errno 2] No such file or directory: 'nope' 2 nope None
IsADirectoryError [Errno 21] Is a directory: 'data/a' 21 data/a None
FileNotFoundError [Errno 2] No such file or directory: 'nope' 2 nope None
['a'] ['r.txt'] 5
True True False False False
['a', 'moved.txt'] False
['c', 'moved.txt'] ['b']
['data'] ['moved.txt']
/c/d a/b a/ y.txt /x
('a/b.tar', '.gz') ('.bashrc', '') ('a', '.') ('a/b', '') ('', 'file')
a/c .. True False
True
"#,
        None,
        r#"=== data/moved.txt (5 bytes) ===
12345
(no newline at end of file)
"#,
    );
}

/// json.dump to a file and json.load from it; a bad document's error.
#[test]
fn json_dump_and_load_with_files() {
    disk::check(
        r#"import json
scores = {"alice": [90, 85.5], "bob": {"late": True, "note": None}, "名前": "ü"}
with open("scores.json", "w") as f:
    json.dump(scores, f, indent=2, sort_keys=True)
with open("compact.json", "w") as f:
    json.dump(scores, f, ensure_ascii=False)
with open("scores.json") as f:
    print(json.load(f) == scores)
with open("compact.json", encoding="utf-8") as f:
    print(json.load(f))
with open("bad.json", "w") as f:
    f.write('{"a": 1,}')
try:
    with open("bad.json") as f:
        json.load(f)
except json.JSONDecodeError as e:
    print("JSONDecodeError", e)
"#,
        r#"True
{'alice': [90, 85.5], 'bob': {'late': True, 'note': None}, '名前': 'ü'}
JSONDecodeError Expecting property name enclosed in double quotes: line 1 column 9 (char 8)
"#,
        None,
        r#"=== bad.json (9 bytes) ===
{"a": 1,}
(no newline at end of file)
=== compact.json (74 bytes) ===
{"alice": [90, 85.5], "bob": {"late": true, "note": null}, "名前": "ü"}
(no newline at end of file)
=== scores.json (116 bytes) ===
{
  "alice": [
    90,
    85.5
  ],
  "bob": {
    "late": true,
    "note": null
  },
  "\u540d\u524d": "\u00fc"
}
(no newline at end of file)
"#,
    );
}

/// In-memory files: StringIO and BytesIO read, write, seek, getvalue; and
/// io.open, which is open.
#[test]
fn string_io_and_bytes_io() {
    disk::check(
        r#"import io
s = io.StringIO()
print(s.write("one\n"), s.write("two\n"), s.tell())
print(repr(s.getvalue()))
s.seek(0)
print(repr(s.readline()), s.readlines())
s = io.StringIO("a\nb\nc")
print(list(s), s.read())
s.seek(2)
s.write("B")
print(repr(s.getvalue()))
print("to a StringIO", file=(out := io.StringIO()), end="!")
print(repr(out.getvalue()))
b = io.BytesIO(b"xyz")
print(b.read(1), b.read(), b.seek(0, 2), b.write(b"!!"), b.getvalue())
b.close()
try:
    b.getvalue()
except ValueError as e:
    print(e)
with io.StringIO("ctx") as s:
    print(s.read())
print(s.closed)
with io.open("via_io.txt", "w", encoding="utf-8") as f:
    f.write("io.open is open\n")
print(io.open("via_io.txt").read(), end="")
"#,
        r#"4 4 8
'one\ntwo\n'
'one\n' ['two\n']
['a\n', 'b\n', 'c'] 
'a\nB\nc'
'to a StringIO!'
b'x' b'yz' 3 2 b'xyz!!'
I/O operation on closed file.
ctx
True
io.open is open
"#,
        None,
        r#"=== via_io.txt (16 bytes) ===
io.open is open
"#,
    );
}

/// Threads writing one shared log file, each line under a lock, and threads
/// each opening the file in append mode: every line is there, whole.
#[test]
fn threads_append_to_one_log_file() {
    disk::check(
        r#"import threading, time
lock = threading.Lock()
log = open("log.txt", "w")

def worker(n):
    for i in range(5):
        with lock:
            log.write(f"worker {n} step {i}\n")
        time.sleep(0.001)

threads = [threading.Thread(target=worker, args=(n,)) for n in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
log.close()
with open("log.txt") as f:
    lines = f.read().splitlines()
print(len(lines), sorted(lines) == sorted(f"worker {n} step {i}" for n in range(4) for i in range(5)))
print([l for l in lines if l.startswith("worker 2")])

def appender(n):
    for i in range(3):
        with open("events.txt", "a") as f:
            print(f"event {n}.{i}", file=f)

threads = [threading.Thread(target=appender, args=(n,)) for n in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
with open("events.txt") as f:
    events = f.read().splitlines()
print(len(events), sorted(events))
with open("events.txt", "w") as f:
    f.writelines(line + "\n" for line in sorted(events))
import os
os.remove("log.txt")
with open("summary.txt", "w") as f:
    f.write(f"{len(lines)} log lines, {len(events)} events\n")
"#,
        r#"20 True
['worker 2 step 0', 'worker 2 step 1', 'worker 2 step 2', 'worker 2 step 3', 'worker 2 step 4']
9 ['event 0.0', 'event 0.1', 'event 0.2', 'event 1.0', 'event 1.1', 'event 1.2', 'event 2.0', 'event 2.1', 'event 2.2']
"#,
        None,
        r#"=== events.txt (90 bytes) ===
event 0.0
event 0.1
event 0.2
event 1.0
event 1.1
event 1.2
event 2.0
event 2.1
event 2.2
=== summary.txt (23 bytes) ===
20 log lines, 9 events
"#,
    );
}

/// Child processes (multiprocessing.Process and a Pool) write files the
/// parent then reads: one disk for the whole run.
#[test]
fn processes_share_the_disk() {
    disk::check(
        r#"import multiprocessing as mp, os

def square_to_file(n):
    with open(f"part{n}.txt", "w") as f:
        f.write(str(n * n))
    return n

if __name__ == "__main__":
    ps = [mp.Process(target=square_to_file, args=(n,)) for n in range(3)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print(sorted(os.listdir(".")))
    print([open(f"part{n}.txt").read() for n in range(3)])
    with mp.Pool(2) as pool:
        print(pool.map(square_to_file, [5, 6]))
    print(sorted(os.listdir(".")))
    total = sum(int(open(name).read()) for name in sorted(os.listdir(".")))
    with open("total.txt", "w") as f:
        f.write(f"{total}\n")
"#,
        r#"['part0.txt', 'part1.txt', 'part2.txt']
['0', '1', '4']
[5, 6]
['part0.txt', 'part1.txt', 'part2.txt', 'part5.txt', 'part6.txt']
"#,
        None,
        r#"=== part0.txt (1 byte) ===
0
(no newline at end of file)
=== part1.txt (1 byte) ===
1
(no newline at end of file)
=== part2.txt (1 byte) ===
4
(no newline at end of file)
=== part5.txt (2 bytes) ===
25
(no newline at end of file)
=== part6.txt (2 bytes) ===
36
(no newline at end of file)
=== total.txt (3 bytes) ===
66
"#,
    );
}

/// print() writes to whatever sys.stdout is: a file, a StringIO, then the
/// real stdout again (sys.__stdout__).
#[test]
fn print_follows_a_replaced_sys_stdout() {
    disk::check(
        r#"import sys, io
with open("captured.txt", "w") as f:
    old = sys.stdout
    sys.stdout = f
    print("into the file", 1, 2)
    sys.stdout.write("direct\n")
    sys.stdout = old
print("back on stdout")
buf = io.StringIO()
sys.stdout = buf
print("captured", end="!")
sys.stdout = sys.__stdout__
print(repr(buf.getvalue()), sys.stdout is sys.__stdout__)
print(open("captured.txt").read(), end="")
print("to stderr", file=sys.stderr)
"#,
        r#"back on stdout
'captured!' True
into the file 1 2
direct
"#,
        None,
        r#"=== captured.txt (25 bytes) ===
into the file 1 2
direct
"#,
    );
}

/// Empty paths, NUL bytes, trailing slashes, '.', directories in the way,
/// bytes and path-like paths, bad read sizes: CPython's errors, and no
/// crash.
#[test]
fn edge_cases_of_paths_and_arguments() {
    disk::check(
        r#"import os, io
def tr(label, fn):
    try:
        r = fn()
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "!", type(e).__name__, e)
tr("open empty", lambda: open(""))
tr("open nul", lambda: open("a\0b"))
tr("mkdir empty", lambda: os.mkdir(""))
tr("listdir empty", lambda: os.listdir(""))
tr("exists empty", lambda: os.path.exists(""))
tr("exists nul", lambda: os.path.exists("a\0"))
tr("makedirs", lambda: os.makedirs("d1/d2"))
tr("rename into self", lambda: os.rename("d1", "d1/d2/d3"))
tr("rename dir onto nonempty", lambda: (os.mkdir("e1"), os.rename("e1", "d1")))
tr("rmdir dot", lambda: os.rmdir("."))
tr("remove dot", lambda: os.remove("."))
tr("open dot", lambda: open("."))
tr("open trailing slash", lambda: open("newfile/", "w"))
with open("f.txt", "w") as f:
    f.write("abc")
tr("open file trailing slash", lambda: open("f.txt/"))
tr("listdir file", lambda: os.listdir("f.txt"))
tr("mkdir under file", lambda: os.mkdir("f.txt/x"))
tr("makedirs under file", lambda: os.makedirs("f.txt/x/y"))
tr("makedirs exists file", lambda: os.makedirs("f.txt"))
tr("makedirs exists file ok", lambda: os.makedirs("f.txt", exist_ok=True))
tr("rename file onto dir", lambda: os.rename("f.txt", "d1"))
tr("rename missing dst dir", lambda: os.rename("f.txt", "nodir/f.txt"))
tr("seek negative", lambda: open("f.txt", "rb").seek(-10))
tr("seek text neg", lambda: open("f.txt").seek(-1))
tr("seek text cur", lambda: open("f.txt").seek(2, 1))
tr("seek whence 5", lambda: open("f.txt").seek(0, 5))
tr("read neg", lambda: open("f.txt").read(-5))
tr("read huge", lambda: open("f.txt").read(10**20))
tr("readline 0", lambda: open("f.txt").readline(0))
tr("truncate neg", lambda: open("f.txt", "r+").truncate(-1))
tr("write after seek past end", lambda: (g := open("g.bin", "wb"), g.seek(5), g.write(b"x"), g.close(), open("g.bin", "rb").read())[-1])
tr("getsize dir", lambda: os.path.getsize("d1") > 0)
tr("open bytes path", lambda: open(b"f.txt").read())
tr("open mode int", lambda: open("f.txt", 5))
tr("encoding bad", lambda: open("f.txt", encoding="nope"))
tr("abspath empty", lambda: os.path.abspath("") == os.getcwd())
tr("join no args", lambda: os.path.join())
tr("listdir tmp", lambda: os.listdir("/tmp") == os.listdir("/tmp"))
tr("read str", lambda: open("f.txt").read("x"))
tr("read bin str", lambda: open("f.txt", "rb").read("x"))
tr("readline float", lambda: open("f.txt").readline(1.5))
tr("bytes path missing", lambda: open(b"missing.txt"))
class P:
    def __fspath__(self):
        return "f.txt"
tr("pathlike", lambda: open(P()).read())
tr("bytes name", lambda: open(b"f.txt").name)
tr("makedirs dot", lambda: os.makedirs("k/./"))
tr("makedirs trailing", lambda: os.makedirs("m/n/", exist_ok=True))
tr("listdir after", lambda: sorted(os.listdir(".")))
tr("rmdir dot path", lambda: os.rmdir("d1/."))
for m in ['r', 'rb']:
    for meth in ['read', 'readline']:
        for arg in [1.5, 'x', 10**20]:
            tr(f"{m} {meth} {arg!r}", lambda: getattr(open('f.txt', m), meth)(arg))
"#,
        r#"open empty ! FileNotFoundError [Errno 2] No such file or directory: ''
open nul ! ValueError embedded null byte
mkdir empty ! FileNotFoundError [Errno 2] No such file or directory: ''
listdir empty ! FileNotFoundError [Errno 2] No such file or directory: ''
exists empty -> False
exists nul -> False
makedirs -> None
rename into self ! OSError [Errno 22] Invalid argument: 'd1' -> 'd1/d2/d3'
rename dir onto nonempty ! OSError [Errno 39] Directory not empty: 'e1' -> 'd1'
rmdir dot ! OSError [Errno 22] Invalid argument: '.'
remove dot ! IsADirectoryError [Errno 21] Is a directory: '.'
open dot ! IsADirectoryError [Errno 21] Is a directory: '.'
open trailing slash ! IsADirectoryError [Errno 21] Is a directory: 'newfile/'
open file trailing slash ! NotADirectoryError [Errno 20] Not a directory: 'f.txt/'
listdir file ! NotADirectoryError [Errno 20] Not a directory: 'f.txt'
mkdir under file ! NotADirectoryError [Errno 20] Not a directory: 'f.txt/x'
makedirs under file ! NotADirectoryError [Errno 20] Not a directory: 'f.txt/x'
makedirs exists file ! FileExistsError [Errno 17] File exists: 'f.txt'
makedirs exists file ok ! FileExistsError [Errno 17] File exists: 'f.txt'
rename file onto dir ! IsADirectoryError [Errno 21] Is a directory: 'f.txt' -> 'd1'
rename missing dst dir ! FileNotFoundError [Errno 2] No such file or directory: 'f.txt' -> 'nodir/f.txt'
seek negative ! OSError [Errno 22] Invalid argument
seek text neg ! ValueError negative seek position -1
seek text cur ! UnsupportedOperation can't do nonzero cur-relative seeks
seek whence 5 ! ValueError invalid whence (5, should be 0, 1 or 2)
read neg -> 'abc'
read huge ! OverflowError cannot fit 'int' into an index-sized integer
readline 0 -> ''
truncate neg ! OSError [Errno 22] Invalid argument
write after seek past end -> b'\x00\x00\x00\x00\x00x'
getsize dir -> True
open bytes path -> 'abc'
open mode int ! TypeError open() argument 'mode' must be str, not int
encoding bad ! LookupError unknown encoding: nope
abspath empty -> True
join no args ! TypeError join() missing 1 required positional argument: 'a'
listdir tmp -> True
read str ! TypeError argument should be integer or None, not 'str'
read bin str ! TypeError argument should be integer or None, not 'str'
readline float ! TypeError 'float' object cannot be interpreted as an integer
bytes path missing ! FileNotFoundError [Errno 2] No such file or directory: b'missing.txt'
pathlike -> 'abc'
bytes name -> b'f.txt'
makedirs dot -> None
makedirs trailing -> None
listdir after -> ['d1', 'e1', 'f.txt', 'g.bin', 'k', 'm']
rmdir dot path ! OSError [Errno 22] Invalid argument: 'd1/.'
r read 1.5 ! TypeError argument should be integer or None, not 'float'
r read 'x' ! TypeError argument should be integer or None, not 'str'
r read 100000000000000000000 ! OverflowError cannot fit 'int' into an index-sized integer
r readline 1.5 ! TypeError 'float' object cannot be interpreted as an integer
r readline 'x' ! TypeError 'str' object cannot be interpreted as an integer
r readline 100000000000000000000 ! OverflowError Python int too large to convert to C ssize_t
rb read 1.5 ! TypeError argument should be integer or None, not 'float'
rb read 'x' ! TypeError argument should be integer or None, not 'str'
rb read 100000000000000000000 ! OverflowError cannot fit 'int' into an index-sized integer
rb readline 1.5 ! TypeError argument should be integer or None, not 'float'
rb readline 'x' ! TypeError argument should be integer or None, not 'str'
rb readline 100000000000000000000 ! OverflowError cannot fit 'int' into an index-sized integer
"#,
        None,
        "=== f.txt (3 bytes) ===\nabc\n(no newline at end of file)\n=== g.bin (6 bytes) ===\n\u{0}\u{0}\u{0}\u{0}\u{0}x\n(no newline at end of file)\n",
    );
}

/// A with block closes its file when the body raises; what was written
/// stays; the exception goes on.
#[test]
fn with_closes_the_file_on_an_exception() {
    disk::check(
        r#"try:
    with open("partial.txt", "w") as f:
        f.write("before\n")
        raise RuntimeError("boom")
except RuntimeError as e:
    print(e, f.closed)
print(repr(open("partial.txt").read()))
with open("partial.txt") as f:
    data = f.read()
    int(data)
"#,
        r#"boom True
'before\n'
"#,
        Some(r#"ValueError: invalid literal for int() with base 10: 'before\n'"#),
        r#"=== partial.txt (7 bytes) ===
before
"#,
    );
}
