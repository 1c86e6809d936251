//! Programs that use files, checked against CPython: the module tests of
//! `open()`/`io`/`os.path` (`tests/stdlib_io_files.rs`) and `csv`
//! (`tests/stdlib_csv.rs`). Each expectation (stdout, exit status, last
//! stderr line, and the files the program left, written as
//! `interleave run --files` writes them) is what python3 3.11 did with the
//! program in an empty working directory. Our run must match it under
//! every runtime model; and when python3 3.11 is on PATH, python3 runs the
//! program again in a fresh empty directory and must still match it, so
//! an expectation can neither be written by hand nor go stale.

use std::path::Path;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use interleave::run::{render_files, run, DiskFile, RunOptions};
use interleave::runtime::model::NAMES as RUNTIMES;

/// What a program did: its stdout, its exit status, the last line of
/// its stderr (None when it exited 0) and the files it left.
#[derive(Debug, PartialEq, Eq)]
pub struct Outcome {
    pub stdout: String,
    pub status: i32,
    pub last_stderr: Option<String>,
    pub files: String,
}

fn last_line(stderr: &str) -> Option<String> {
    stderr
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .map(str::to_string)
}

/// Checks `program` against the expected outcome: `stdout`, then exit
/// status 0 and no error when `error` is None, else status 1 and stderr
/// ending with `error`; `files` as `--files` renders them.
pub fn check(program: &str, stdout: &str, error: Option<&str>, files: &str) {
    let want = Outcome {
        stdout: stdout.to_string(),
        status: if error.is_some() { 1 } else { 0 },
        last_stderr: error.map(str::to_string),
        files: files.to_string(),
    };
    for runtime in RUNTIMES {
        let options = RunOptions {
            runtime: runtime.to_string(),
            ..RunOptions::default()
        };
        let out = run(program, &options);
        let got = Outcome {
            stdout: out.stdout,
            status: out.exit_code,
            last_stderr: (out.exit_code != 0)
                .then(|| last_line(&out.stderr))
                .flatten(),
            files: render_files(&out.files),
        };
        assert_eq!(got, want, "under {runtime}; stderr:\n{}", out.stderr);
    }
    if let Some(cpython) = python3(program) {
        assert_eq!(
            cpython, want,
            "python3 no longer does what the test expects"
        );
    }
}

/// Every regular file under `dir`, by path relative to it.
fn files_under(dir: &Path, prefix: &str, out: &mut Vec<DiskFile>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let entry = entry.unwrap();
        let name = format!("{prefix}{}", entry.file_name().to_string_lossy());
        if entry.file_type().unwrap().is_dir() {
            files_under(&entry.path(), &format!("{name}/"), out);
        } else {
            out.push(DiskFile {
                path: name,
                bytes: std::fs::read(entry.path()).unwrap(),
            });
        }
    }
}

/// What python3 does with `program` in an empty working directory (the
/// program itself lies elsewhere); None without python3 3.11.
fn python3(program: &str) -> Option<Outcome> {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let version = Command::new("python3").arg("--version").output().ok()?;
    if !String::from_utf8_lossy(&version.stdout).starts_with("Python 3.11") {
        eprintln!("python3 is not 3.11: expectations not re-checked");
        return None;
    }
    let k = NEXT.fetch_add(1, Ordering::Relaxed);
    let root = std::env::temp_dir().join(format!("interleave-disk-{}-{k}", std::process::id()));
    let cwd = root.join("cwd");
    std::fs::create_dir_all(&cwd).unwrap();
    let file = root.join("main.py");
    std::fs::write(&file, program).unwrap();
    let out = Command::new("timeout")
        .args(["20", "python3"])
        .arg(&file)
        .current_dir(&cwd)
        .output()
        .unwrap();
    let mut files = Vec::new();
    files_under(&cwd, "", &mut files);
    files.sort_by(|a, b| a.path.cmp(&b.path));
    std::fs::remove_dir_all(&root).unwrap();
    let status = out.status.code().unwrap_or(-1);
    Some(Outcome {
        stdout: String::from_utf8(out.stdout).unwrap(),
        status,
        last_stderr: (status != 0)
            .then(|| last_line(&String::from_utf8_lossy(&out.stderr)))
            .flatten(),
        files: render_files(&files),
    })
}
