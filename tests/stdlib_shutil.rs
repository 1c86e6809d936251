//! shutil on the simulated disk against CPython 3.11: copyfile, copy,
//! copy2, copytree (ignore, dirs_exist_ok), move (into a directory, onto
//! an existing name), copyfileobj, rmtree (ignore_errors, onerror) and
//! the errors each raises. Expectations are what python3 did with the
//! program in an empty directory, files left included
//! (`tests/common/disk.rs` re-checks them when python3 3.11 is there).

#[path = "common/disk.rs"]
mod disk;

/// Copies, moves and removals of a small site, errors included.
#[test]
fn copy_move_and_remove_trees() {
    disk::check(
        r#"import os
import shutil
from pathlib import Path

src = Path("site")
(src / "css").mkdir(parents=True)
(src / "index.html").write_text("<h1>Home</h1>\n" * 5)
(src / "css" / "main.css").write_text("body { margin: 0 }\n")
(src / "notes.tmp").write_text("scratch\n")

print(shutil.copyfile(src / "index.html", "copy.html"))
print(open("copy.html").read() == (src / "index.html").read_text())
os.mkdir("backup")
print(shutil.copy("copy.html", "backup"))
print(shutil.copy2("copy.html", "backup/again.html"))
try:
    shutil.copyfile("copy.html", "copy.html")
except shutil.SameFileError as e:
    print("SameFileError:", e)
try:
    shutil.copyfile("missing.html", "x.html")
except FileNotFoundError as e:
    print("FileNotFoundError:", e)

dst = shutil.copytree(src, "mirror", ignore=lambda d, names: [n for n in names if n.endswith(".tmp")])
print(dst, sorted(str(p) for p in Path("mirror").rglob("*")))
try:
    shutil.copytree(src, "mirror")
except FileExistsError as e:
    print("FileExistsError:", e)
shutil.copytree(src, "mirror", dirs_exist_ok=True)
print(sorted(os.listdir("mirror")))

os.remove("backup/copy.html")
print(shutil.move("copy.html", "backup"))
print(shutil.move("backup/again.html", "renamed.html"))
try:
    shutil.copy("renamed.html", "backup/copy.html")
    shutil.move("renamed.html", "backup")
    shutil.move("backup/renamed.html", ".")
    print(shutil.move("renamed.html", "backup"))
    open("renamed.html", "w").close()
    shutil.move("renamed.html", "backup")
except shutil.Error as e:
    print("Error:", e)
print(sorted(os.listdir("backup")))

with open("big.bin", "wb") as f:
    f.write(bytes(range(256)) * 1000)
with open("big.bin", "rb") as a, open("big2.bin", "wb") as b:
    shutil.copyfileobj(a, b, 4096)
print(os.path.getsize("big2.bin"), open("big2.bin", "rb").read() == open("big.bin", "rb").read())

shutil.rmtree("mirror")
print(os.path.exists("mirror"))
try:
    shutil.rmtree("mirror")
except FileNotFoundError as e:
    print("FileNotFoundError:", e)
shutil.rmtree("mirror", ignore_errors=True)
errors = []
shutil.rmtree("mirror", onerror=lambda f, p, e: errors.append((f.__name__, p)))
print(errors)
print(sorted(os.listdir(".")))
open("plain.txt", "w").close()
try:
    shutil.rmtree("plain.txt")
except NotADirectoryError as e:
    print("NotADirectoryError:", e)
seen = []
shutil.rmtree("nothere", onerror=lambda f, p, info: seen.append((p, info[0].__name__, str(info[1]))))
print(seen)
os.remove("big.bin")
os.remove("big2.bin")
shutil.rmtree("site")
"#,
        r#"copy.html
True
backup/copy.html
backup/again.html
SameFileError: 'copy.html' and 'copy.html' are the same file
FileNotFoundError: [Errno 2] No such file or directory: 'missing.html'
mirror ['mirror/css', 'mirror/css/main.css', 'mirror/index.html']
FileExistsError: [Errno 17] File exists: 'mirror'
['css', 'index.html', 'notes.tmp']
backup/copy.html
renamed.html
backup/renamed.html
Error: Destination path 'backup/renamed.html' already exists
['copy.html', 'renamed.html']
256000 True
False
FileNotFoundError: [Errno 2] No such file or directory: 'mirror'
[('lstat', 'mirror')]
['backup', 'big.bin', 'big2.bin', 'renamed.html', 'site']
NotADirectoryError: [Errno 20] Not a directory: 'plain.txt'
[('nothere', 'FileNotFoundError', "[Errno 2] No such file or directory: 'nothere'")]
"#,
        None,
        r#"=== backup/copy.html (70 bytes) ===
<h1>Home</h1>
<h1>Home</h1>
<h1>Home</h1>
<h1>Home</h1>
<h1>Home</h1>
=== backup/renamed.html (70 bytes) ===
<h1>Home</h1>
<h1>Home</h1>
<h1>Home</h1>
<h1>Home</h1>
<h1>Home</h1>
=== plain.txt (0 bytes) ===
=== renamed.html (0 bytes) ===
"#,
    );
}
