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

/// Written data reaches the file at flush(), close(), when the 8 KB buffer
/// fills, or when the file object goes away (open(...).write(...),
/// json.dump to a temporary file object, a local in a function): another
/// reader sees nothing before. A file left open is flushed at exit.
#[test]
fn writes_wait_in_the_buffer_until_a_flush() {
    disk::check(
        r#"import json, os
f = open("draft.txt", "w")
f.write("not yet")
print(repr(open("draft.txt").read()), os.path.getsize("draft.txt"), f.tell())
f.flush()
print(repr(open("draft.txt").read()))
f.write(" and more")
f.close()
print(repr(open("draft.txt").read()))
open("quick.txt", "w").write("closed when the object went")
print(repr(open("quick.txt").read()))
json.dump({"a": 1}, open("data.json", "w"))
print(json.load(open("data.json")))
def helper():
    g = open("in_function.txt", "w")
    g.write("local file object")
print(helper(), repr(open("in_function.txt").read()))
big = open("big.txt", "w")
for i in range(1000):
    big.write(f"line {i:04d}\n")
print(os.path.getsize("big.txt") % 8192, os.path.getsize("big.txt") > 0)
big.close()
print(os.path.getsize("big.txt"))
with open("rw.txt", "w+") as h:
    h.write("abc")
    print(repr(open("rw.txt").read()), h.tell())
    h.seek(0)
    print(repr(open("rw.txt").read()), repr(h.read()))
b = open("b.bin", "wb")
b.write(b"12345")
print(os.path.getsize("b.bin"), b.tell())
b.close()
a1 = open("app.txt", "a")
a1.write("first ")
a2 = open("app.txt", "a")
a2.write("second ")
a2.close()
a1.close()
print(repr(open("app.txt").read()))
left = open("left_open.txt", "w")
left.write("flushed at exit\n")
"#,
        r#"'' 0 7
'not yet'
'not yet and more'
'closed when the object went'
{'a': 1}
None 'local file object'
8190 True
10000
'' 3
'abc' 'abc'
0 5
'second first '
"#,
        None,
        r#"=== app.txt (13 bytes) ===
second first 
(no newline at end of file)
=== b.bin (5 bytes) ===
12345
(no newline at end of file)
=== big.txt (10000 bytes) ===
line 0000
line 0001
line 0002
line 0003
line 0004
line 0005
line 0006
line 0007
line 0008
line 0009
line 0010
line 0011
line 0012
line 0013
line 0014
line 0015
line 0016
line 0017
line 0018
line 0019
line 0020
line 0021
line 0022
line 0023
line 0024
line 0025
line 0026
line 0027
line 0028
line 0029
line 0030
line 0031
line 0032
line 0033
line 0034
line 0035
line 0036
line 0037
line 0038
line 0039
line 0040
line 0041
line 0042
line 0043
line 0044
line 0045
line 0046
line 0047
line 0048
line 0049
line 0050
line 0051
line 0052
line 0053
line 0054
line 0055
line 0056
line 0057
line 0058
line 0059
line 0060
line 0061
line 0062
line 0063
line 0064
line 0065
line 0066
line 0067
line 0068
line 0069
line 0070
line 0071
line 0072
line 0073
line 0074
line 0075
line 0076
line 0077
line 0078
line 0079
line 0080
line 0081
line 0082
line 0083
line 0084
line 0085
line 0086
line 0087
line 0088
line 0089
line 0090
line 0091
line 0092
line 0093
line 0094
line 0095
line 0096
line 0097
line 0098
line 0099
line 0100
line 0101
line 0102
line 0103
line 0104
line 0105
line 0106
line 0107
line 0108
line 0109
line 0110
line 0111
line 0112
line 0113
line 0114
line 0115
line 0116
line 0117
line 0118
line 0119
line 0120
line 0121
line 0122
line 0123
line 0124
line 0125
line 0126
line 0127
line 0128
line 0129
line 0130
line 0131
line 0132
line 0133
line 0134
line 0135
line 0136
line 0137
line 0138
line 0139
line 0140
line 0141
line 0142
line 0143
line 0144
line 0145
line 0146
line 0147
line 0148
line 0149
line 0150
line 0151
line 0152
line 0153
line 0154
line 0155
line 0156
line 0157
line 0158
line 0159
line 0160
line 0161
line 0162
line 0163
line 0164
line 0165
line 0166
line 0167
line 0168
line 0169
line 0170
line 0171
line 0172
line 0173
line 0174
line 0175
line 0176
line 0177
line 0178
line 0179
line 0180
line 0181
line 0182
line 0183
line 0184
line 0185
line 0186
line 0187
line 0188
line 0189
line 0190
line 0191
line 0192
line 0193
line 0194
line 0195
line 0196
line 0197
line 0198
line 0199
line 0200
line 0201
line 0202
line 0203
line 0204
line 0205
line 0206
line 0207
line 0208
line 0209
line 0210
line 0211
line 0212
line 0213
line 0214
line 0215
line 0216
line 0217
line 0218
line 0219
line 0220
line 0221
line 0222
line 0223
line 0224
line 0225
line 0226
line 0227
line 0228
line 0229
line 0230
line 0231
line 0232
line 0233
line 0234
line 0235
line 0236
line 0237
line 0238
line 0239
line 0240
line 0241
line 0242
line 0243
line 0244
line 0245
line 0246
line 0247
line 0248
line 0249
line 0250
line 0251
line 0252
line 0253
line 0254
line 0255
line 0256
line 0257
line 0258
line 0259
line 0260
line 0261
line 0262
line 0263
line 0264
line 0265
line 0266
line 0267
line 0268
line 0269
line 0270
line 0271
line 0272
line 0273
line 0274
line 0275
line 0276
line 0277
line 0278
line 0279
line 0280
line 0281
line 0282
line 0283
line 0284
line 0285
line 0286
line 0287
line 0288
line 0289
line 0290
line 0291
line 0292
line 0293
line 0294
line 0295
line 0296
line 0297
line 0298
line 0299
line 0300
line 0301
line 0302
line 0303
line 0304
line 0305
line 0306
line 0307
line 0308
line 0309
line 0310
line 0311
line 0312
line 0313
line 0314
line 0315
line 0316
line 0317
line 0318
line 0319
line 0320
line 0321
line 0322
line 0323
line 0324
line 0325
line 0326
line 0327
line 0328
line 0329
line 0330
line 0331
line 0332
line 0333
line 0334
line 0335
line 0336
line 0337
line 0338
line 0339
line 0340
line 0341
line 0342
line 0343
line 0344
line 0345
line 0346
line 0347
line 0348
line 0349
line 0350
line 0351
line 0352
line 0353
line 0354
line 0355
line 0356
line 0357
line 0358
line 0359
line 0360
line 0361
line 0362
line 0363
line 0364
line 0365
line 0366
line 0367
line 0368
line 0369
line 0370
line 0371
line 0372
line 0373
line 0374
line 0375
line 0376
line 0377
line 0378
line 0379
line 0380
line 0381
line 0382
line 0383
line 0384
line 0385
line 0386
line 0387
line 0388
line 0389
line 0390
line 0391
line 0392
line 0393
line 0394
line 0395
line 0396
line 0397
line 0398
line 0399
line 0400
line 0401
line 0402
line 0403
line 0404
line 0405
line 0406
line 0407
line 0408
line 0409
line 0410
line 0411
line 0412
line 0413
line 0414
line 0415
line 0416
line 0417
line 0418
line 0419
line 0420
line 0421
line 0422
line 0423
line 0424
line 0425
line 0426
line 0427
line 0428
line 0429
line 0430
line 0431
line 0432
line 0433
line 0434
line 0435
line 0436
line 0437
line 0438
line 0439
line 0440
line 0441
line 0442
line 0443
line 0444
line 0445
line 0446
line 0447
line 0448
line 0449
line 0450
line 0451
line 0452
line 0453
line 0454
line 0455
line 0456
line 0457
line 0458
line 0459
line 0460
line 0461
line 0462
line 0463
line 0464
line 0465
line 0466
line 0467
line 0468
line 0469
line 0470
line 0471
line 0472
line 0473
line 0474
line 0475
line 0476
line 0477
line 0478
line 0479
line 0480
line 0481
line 0482
line 0483
line 0484
line 0485
line 0486
line 0487
line 0488
line 0489
line 0490
line 0491
line 0492
line 0493
line 0494
line 0495
line 0496
line 0497
line 0498
line 0499
line 0500
line 0501
line 0502
line 0503
line 0504
line 0505
line 0506
line 0507
line 0508
line 0509
line 0510
line 0511
line 0512
line 0513
line 0514
line 0515
line 0516
line 0517
line 0518
line 0519
line 0520
line 0521
line 0522
line 0523
line 0524
line 0525
line 0526
line 0527
line 0528
line 0529
line 0530
line 0531
line 0532
line 0533
line 0534
line 0535
line 0536
line 0537
line 0538
line 0539
line 0540
line 0541
line 0542
line 0543
line 0544
line 0545
line 0546
line 0547
line 0548
line 0549
line 0550
line 0551
line 0552
line 0553
line 0554
line 0555
line 0556
line 0557
line 0558
line 0559
line 0560
line 0561
line 0562
line 0563
line 0564
line 0565
line 0566
line 0567
line 0568
line 0569
line 0570
line 0571
line 0572
line 0573
line 0574
line 0575
line 0576
line 0577
line 0578
line 0579
line 0580
line 0581
line 0582
line 0583
line 0584
line 0585
line 0586
line 0587
line 0588
line 0589
line 0590
line 0591
line 0592
line 0593
line 0594
line 0595
line 0596
line 0597
line 0598
line 0599
line 0600
line 0601
line 0602
line 0603
line 0604
line 0605
line 0606
line 0607
line 0608
line 0609
line 0610
line 0611
line 0612
line 0613
line 0614
line 0615
line 0616
line 0617
line 0618
line 0619
line 0620
line 0621
line 0622
line 0623
line 0624
line 0625
line 0626
line 0627
line 0628
line 0629
line 0630
line 0631
line 0632
line 0633
line 0634
line 0635
line 0636
line 0637
line 0638
line 0639
line 0640
line 0641
line 0642
line 0643
line 0644
line 0645
line 0646
line 0647
line 0648
line 0649
line 0650
line 0651
line 0652
line 0653
line 0654
line 0655
line 0656
line 0657
line 0658
line 0659
line 0660
line 0661
line 0662
line 0663
line 0664
line 0665
line 0666
line 0667
line 0668
line 0669
line 0670
line 0671
line 0672
line 0673
line 0674
line 0675
line 0676
line 0677
line 0678
line 0679
line 0680
line 0681
line 0682
line 0683
line 0684
line 0685
line 0686
line 0687
line 0688
line 0689
line 0690
line 0691
line 0692
line 0693
line 0694
line 0695
line 0696
line 0697
line 0698
line 0699
line 0700
line 0701
line 0702
line 0703
line 0704
line 0705
line 0706
line 0707
line 0708
line 0709
line 0710
line 0711
line 0712
line 0713
line 0714
line 0715
line 0716
line 0717
line 0718
line 0719
line 0720
line 0721
line 0722
line 0723
line 0724
line 0725
line 0726
line 0727
line 0728
line 0729
line 0730
line 0731
line 0732
line 0733
line 0734
line 0735
line 0736
line 0737
line 0738
line 0739
line 0740
line 0741
line 0742
line 0743
line 0744
line 0745
line 0746
line 0747
line 0748
line 0749
line 0750
line 0751
line 0752
line 0753
line 0754
line 0755
line 0756
line 0757
line 0758
line 0759
line 0760
line 0761
line 0762
line 0763
line 0764
line 0765
line 0766
line 0767
line 0768
line 0769
line 0770
line 0771
line 0772
line 0773
line 0774
line 0775
line 0776
line 0777
line 0778
line 0779
line 0780
line 0781
line 0782
line 0783
line 0784
line 0785
line 0786
line 0787
line 0788
line 0789
line 0790
line 0791
line 0792
line 0793
line 0794
line 0795
line 0796
line 0797
line 0798
line 0799
line 0800
line 0801
line 0802
line 0803
line 0804
line 0805
line 0806
line 0807
line 0808
line 0809
line 0810
line 0811
line 0812
line 0813
line 0814
line 0815
line 0816
line 0817
line 0818
line 0819
line 0820
line 0821
line 0822
line 0823
line 0824
line 0825
line 0826
line 0827
line 0828
line 0829
line 0830
line 0831
line 0832
line 0833
line 0834
line 0835
line 0836
line 0837
line 0838
line 0839
line 0840
line 0841
line 0842
line 0843
line 0844
line 0845
line 0846
line 0847
line 0848
line 0849
line 0850
line 0851
line 0852
line 0853
line 0854
line 0855
line 0856
line 0857
line 0858
line 0859
line 0860
line 0861
line 0862
line 0863
line 0864
line 0865
line 0866
line 0867
line 0868
line 0869
line 0870
line 0871
line 0872
line 0873
line 0874
line 0875
line 0876
line 0877
line 0878
line 0879
line 0880
line 0881
line 0882
line 0883
line 0884
line 0885
line 0886
line 0887
line 0888
line 0889
line 0890
line 0891
line 0892
line 0893
line 0894
line 0895
line 0896
line 0897
line 0898
line 0899
line 0900
line 0901
line 0902
line 0903
line 0904
line 0905
line 0906
line 0907
line 0908
line 0909
line 0910
line 0911
line 0912
line 0913
line 0914
line 0915
line 0916
line 0917
line 0918
line 0919
line 0920
line 0921
line 0922
line 0923
line 0924
line 0925
line 0926
line 0927
line 0928
line 0929
line 0930
line 0931
line 0932
line 0933
line 0934
line 0935
line 0936
line 0937
line 0938
line 0939
line 0940
line 0941
line 0942
line 0943
line 0944
line 0945
line 0946
line 0947
line 0948
line 0949
line 0950
line 0951
line 0952
line 0953
line 0954
line 0955
line 0956
line 0957
line 0958
line 0959
line 0960
line 0961
line 0962
line 0963
line 0964
line 0965
line 0966
line 0967
line 0968
line 0969
line 0970
line 0971
line 0972
line 0973
line 0974
line 0975
line 0976
line 0977
line 0978
line 0979
line 0980
line 0981
line 0982
line 0983
line 0984
line 0985
line 0986
line 0987
line 0988
line 0989
line 0990
line 0991
line 0992
line 0993
line 0994
line 0995
line 0996
line 0997
line 0998
line 0999
=== data.json (8 bytes) ===
{"a": 1}
(no newline at end of file)
=== draft.txt (16 bytes) ===
not yet and more
(no newline at end of file)
=== in_function.txt (17 bytes) ===
local file object
(no newline at end of file)
=== left_open.txt (16 bytes) ===
flushed at exit
=== quick.txt (27 bytes) ===
closed when the object went
(no newline at end of file)
=== rw.txt (3 bytes) ===
abc
(no newline at end of file)
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

/// A forked child gets its own copy of each open file object, buffer
/// included, sharing the offset: a close in one process leaves the
/// other's open, bytes buffered before the fork reach the file twice,
/// `os._exit` loses what the child still buffered while a normal exit
/// flushes it (multiprocessing's fork children end with `os._exit`).
#[test]
fn forked_children_hold_their_own_copies_of_open_files() {
    disk::check(
        r#"import os
import multiprocessing as mp

# A file object crosses fork with its buffer: both copies flush it.
log = open("log.txt", "w")
log.write("written before the fork\n")
pid = os.fork()
if pid == 0:
    log.write("child\n")
    log.close()
    os._exit(0)
os.waitpid(pid, 0)
log.write("parent, after the child closed its copy\n")
log.close()
print(open("log.txt").read(), end="")

# The offset is shared: flushed writes of both land one after the other.
shared = open("shared.txt", "w")
shared.write("P1 ")
shared.flush()
pid = os.fork()
if pid == 0:
    shared.write("C1 ")
    shared.flush()
    os._exit(0)
os.waitpid(pid, 0)
shared.write("P2")
shared.close()
print(open("shared.txt").read())

# os._exit does not flush: what the child left in its buffer is lost.
lost = open("lost.txt", "w")
pid = os.fork()
if pid == 0:
    lost.write("never flushed\n")
    os._exit(0)
os.waitpid(pid, 0)
lost.write("only the parent's line\n")
lost.close()
print(open("lost.txt").read(), end="")

# A normal exit flushes: a child that returns from its main code.
kept = open("kept.txt", "w")
pid = os.fork()
if pid == 0:
    kept.write("child flushed at exit\n")
    raise SystemExit(0)
os.waitpid(pid, 0)
kept.write("parent\n")
kept.close()
print(open("kept.txt").read(), end="")


def worker(i, f):
    f.write("worker %d\n" % i)
    if i % 2:
        f.flush()


if __name__ == "__main__":
    mp.set_start_method("fork")
    out = open("workers.txt", "w")
    ps = [mp.Process(target=worker, args=(i, out)) for i in range(4)]
    for p in ps:
        p.start()
        p.join()
    out.write("parent done\n")
    out.close()
    print(open("workers.txt").read(), end="")
"#,
        r#"written before the fork
child
written before the fork
parent, after the child closed its copy
P1 C1 P2
only the parent's line
child flushed at exit
parent
worker 1
worker 3
parent done
"#,
        None,
        r#"=== kept.txt (29 bytes) ===
child flushed at exit
parent
=== log.txt (94 bytes) ===
written before the fork
child
written before the fork
parent, after the child closed its copy
=== lost.txt (23 bytes) ===
only the parent's line
=== shared.txt (8 bytes) ===
P1 C1 P2
(no newline at end of file)
=== workers.txt (30 bytes) ===
worker 1
worker 3
parent done
"#,
    );
}
