//! pathlib on the simulated disk against CPython 3.11: the pure path
//! arithmetic (parts, name, suffix, stem, parents, with_*, relative_to,
//! match, ordering, `/`) and the disk (mkdir with parents/exist_ok,
//! write/read text and bytes, iterdir, glob, rglob, open, touch, rename,
//! unlink, stat, resolve), `os.stat`/`os.fspath` and path objects given to
//! `os`/`os.path`. Expectations are what python3 did with the program in an
//! empty directory, files left included (`tests/common/disk.rs` re-checks
//! them when python3 3.11 is there).

#[path = "common/disk.rs"]
mod disk;

/// A tour of PurePath and Path, errors included.
#[test]
fn pure_paths_and_the_disk() {
    disk::check(
        r#"from pathlib import Path, PurePath, PurePosixPath
import os

p = PurePath("data", "raw", "page_01.html")
print(repr(p), str(p), p.name, p.stem, p.suffix, p.parent, p.parts)
print(p.with_suffix(".json"), p.with_name("index.html"), p.with_stem("page_02"))
print(PurePosixPath("/usr//local/./lib/"), PurePosixPath("a") / "b" / "/c" / "d")
print(list(PurePath("/a/b/c").parents), PurePath("a/b").parents[1], len(PurePath("x/y/z").parents))
print(PurePath("archive.tar.gz").suffixes, PurePath(".bashrc").suffix, PurePath("name.").suffix)
print(PurePath("/etc/passwd").relative_to("/etc"), PurePath("a/b/c").is_relative_to("a"))
try:
    PurePath("/etc/passwd").relative_to("/usr")
except ValueError as e:
    print("ValueError:", e)
try:
    PurePath("/").with_name("x")
except ValueError as e:
    print("ValueError:", e)
try:
    p.with_suffix("json")
except ValueError as e:
    print("ValueError:", e)
print(PurePath("a/b.py").match("*.py"), PurePath("/a/b/c.py").match("b/*.py"), PurePath("a/b.py").match("/*.py"))
print(PurePath("a") == PurePosixPath("a"), PurePath("a") < PurePath("b"), sorted([PurePath("b"), PurePath("a/c"), PurePath("a")]))
print(PurePath(), PurePath("."), PurePath("//x"), PurePath("///x"), "a" / PurePath("b"))
print(os.fspath(p), os.path.join(Path("out"), "x.txt"), isinstance(p, os.PathLike))

out = Path("output")
print(out.exists(), out.is_dir())
out.mkdir()
try:
    out.mkdir()
except FileExistsError as e:
    print("FileExistsError:", e)
out.mkdir(exist_ok=True)
(out / "deep" / "er").mkdir(parents=True)
try:
    Path("nowhere/sub").mkdir()
except FileNotFoundError as e:
    print("FileNotFoundError:", e)
for i in range(3):
    n = (out / f"page_{i}.txt").write_text(f"page {i}\n" * (i + 1))
    print("wrote", n)
(out / "data.bin").write_bytes(b"GIF89a\n")
print((out / "page_2.txt").read_text(), end="")
print((out / "data.bin").read_bytes(), (out / "data.bin").stat().st_size)
print(sorted(x.name for x in out.iterdir()))
print(sorted(str(x) for x in out.glob("*.txt")))
print(sorted(str(x) for x in Path(".").rglob("*.txt")))
print(sorted(str(x) for x in out.glob("**")))
with (out / "log.txt").open("a") as f:
    f.write("line\n")
(out / "touched").touch()
print((out / "touched").exists(), (out / "touched").is_file(), (out / "touched").stat().st_size)
new = (out / "page_0.txt").rename(out / "first.txt")
print(repr(new), new.exists(), (out / "page_0.txt").exists())
(out / "first.txt").unlink()
(out / "first.txt").unlink(missing_ok=True)
try:
    (out / "first.txt").unlink()
except FileNotFoundError as e:
    print("FileNotFoundError:", e)
try:
    (out / "x.txt").write_text(b"bytes")
except TypeError as e:
    print("TypeError:", e)
(out / "deep" / "er").rmdir()
print(Path.cwd() == Path(os.getcwd()), Path("a/../b").resolve() == Path.cwd() / "b", Path("rel").absolute() == Path.cwd() / "rel")
st = os.stat(out / "page_1.txt")
print(st.st_size, oct(st.st_mode), oct(os.stat("output").st_mode & 0o170000))
print(sorted(os.listdir(out)))
"#,
        r#"PurePosixPath('data/raw/page_01.html') data/raw/page_01.html page_01.html page_01 .html data/raw ('data', 'raw', 'page_01.html')
data/raw/page_01.json data/raw/index.html data/raw/page_02.html
/usr/local/lib /c/d
[PurePosixPath('/a/b'), PurePosixPath('/a'), PurePosixPath('/')] . 3
['.tar', '.gz']  
passwd True
ValueError: '/etc/passwd' is not in the subpath of '/usr' OR one path is relative and the other is absolute.
ValueError: PurePosixPath('/') has an empty name
ValueError: Invalid suffix 'json'
True True False
True True [PurePosixPath('a'), PurePosixPath('a/c'), PurePosixPath('b')]
. . //x /x a/b
data/raw/page_01.html out/x.txt True
False False
FileExistsError: [Errno 17] File exists: 'output'
FileNotFoundError: [Errno 2] No such file or directory: 'nowhere/sub'
wrote 7
wrote 14
wrote 21
page 2
page 2
page 2
b'GIF89a\n' 7
['data.bin', 'deep', 'page_0.txt', 'page_1.txt', 'page_2.txt']
['output/page_0.txt', 'output/page_1.txt', 'output/page_2.txt']
['output/page_0.txt', 'output/page_1.txt', 'output/page_2.txt']
['output', 'output/deep', 'output/deep/er']
True True 0
PosixPath('output/first.txt') True False
FileNotFoundError: [Errno 2] No such file or directory: 'output/first.txt'
TypeError: data must be str, not bytes
True True True
14 0o100644 0o40000
['data.bin', 'deep', 'log.txt', 'page_1.txt', 'page_2.txt', 'touched']
"#,
        None,
        r#"=== output/data.bin (7 bytes) ===
GIF89a
=== output/log.txt (5 bytes) ===
line
=== output/page_1.txt (14 bytes) ===
page 1
page 1
=== output/page_2.txt (21 bytes) ===
page 2
page 2
page 2
=== output/touched (0 bytes) ===
"#,
    );
}

/// Threads saving pages with Path.write_text; the main thread sizes them.
#[test]
fn threads_write_pages_through_paths() {
    disk::check(
        r#"import threading
from pathlib import Path

OUT = Path("pages")
OUT.mkdir()


def save(i):
    body = "<html>%d</html>\n" % i
    path = OUT / ("page_%02d.html" % i)
    path.write_text(body * 3)


threads = [threading.Thread(target=save, args=(i,)) for i in range(6)]
for t in threads:
    t.start()
for t in threads:
    t.join()
sizes = {p.name: p.stat().st_size for p in OUT.glob("*.html")}
for name in sorted(sizes):
    print(name, sizes[name])
print(sum(sizes.values()), "bytes in", len(sizes), "files")
"#,
        r#"page_00.html 45
page_01.html 45
page_02.html 45
page_03.html 45
page_04.html 45
page_05.html 45
270 bytes in 6 files
"#,
        None,
        r#"=== pages/page_00.html (45 bytes) ===
<html>0</html>
<html>0</html>
<html>0</html>
=== pages/page_01.html (45 bytes) ===
<html>1</html>
<html>1</html>
<html>1</html>
=== pages/page_02.html (45 bytes) ===
<html>2</html>
<html>2</html>
<html>2</html>
=== pages/page_03.html (45 bytes) ===
<html>3</html>
<html>3</html>
<html>3</html>
=== pages/page_04.html (45 bytes) ===
<html>4</html>
<html>4</html>
<html>4</html>
=== pages/page_05.html (45 bytes) ===
<html>5</html>
<html>5</html>
<html>5</html>
"#,
    );
}
