//! Shared by `tests/stdlib_threading.rs` and `tests/stdlib_queue.rs`: runs
//! every program of a directory of `tests/threads/` in the simulator, under
//! each runtime model, and compares with what the real python3 (3.11)
//! printed for it (`<dir>/expected/`, written by `tests/threads/regen.py`):
//! stdout and exit status exactly, stderr after dropping the standard
//! library's frames and CPython's `^^^` markers from tracebacks.

use interleave::run::{run, RunOptions};
use std::path::{Path, PathBuf};

/// Every runtime model: a program synchronised properly prints the same
/// under each.
pub use interleave::runtime::model::NAMES as RUNTIMES;

/// A traceback without the frames of the standard library (CPython's
/// `<stdlib>/threading.py`, our `<frozen threading>`) and without the
/// lines of `^`/`~` that CPython 3.11 puts under a failing expression.
pub fn normalize_stderr(text: &str) -> String {
    let mut out = Vec::new();
    let mut skipping = false;
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix("  File \"") {
            let file = rest.split('"').next().unwrap_or("");
            skipping = file.starts_with("<stdlib>/") || file.starts_with("<frozen ");
            if !skipping {
                out.push(line);
            }
            continue;
        }
        if line.starts_with("    ") {
            let t = line.trim();
            let markers = !t.is_empty() && t.chars().all(|c| c == '^' || c == '~');
            if !skipping && !markers {
                out.push(line);
            }
            continue;
        }
        skipping = false;
        out.push(line);
    }
    out.join("\n")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The programs of `tests/threads/<dir>`, sorted.
pub fn programs(dir: &str) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/threads")
        .join(dir);
    let mut v: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("{}: {e}", root.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    v.sort();
    v
}

/// Runs one program under one runtime; a description of each difference.
pub fn check_program(path: &Path, runtime: &str) -> Vec<String> {
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("?");
    let expected = path
        .parent()
        .map(|p| p.join("expected"))
        .unwrap_or_default();
    let want_out = read(&expected.join(format!("{stem}.stdout")));
    let want_err = read(&expected.join(format!("{stem}.stderr")));
    let want_status: i32 = read(&expected.join(format!("{stem}.status")))
        .trim()
        .parse()
        .unwrap_or(-1);
    let options = RunOptions {
        filename: format!("{stem}.py"),
        runtime: runtime.into(),
        max_ops: 100_000_000,
        ..RunOptions::default()
    };
    let out = run(&read(path), &options);
    let mut problems = Vec::new();
    let at = format!("{stem} under {runtime}");
    if out.stdout != want_out {
        problems.push(format!(
            "{at}: stdout differs\n--- got\n{}--- want\n{}",
            out.stdout, want_out
        ));
    }
    if out.exit_code != want_status {
        problems.push(format!(
            "{at}: exit status {} (want {want_status})",
            out.exit_code
        ));
    }
    let (got_err, want_err) = (normalize_stderr(&out.stderr), normalize_stderr(&want_err));
    if got_err != want_err {
        problems.push(format!(
            "{at}: stderr differs\n--- got\n{got_err}\n--- want\n{want_err}"
        ));
    }
    problems
}

/// Checks every program of `tests/threads/<dir>` under every runtime.
pub fn check_dir(dir: &str, at_least: usize) {
    let programs = programs(dir);
    assert!(
        programs.len() >= at_least,
        "only {} programs in tests/threads/{dir}",
        programs.len()
    );
    let mut problems = Vec::new();
    for p in &programs {
        for runtime in RUNTIMES {
            problems.extend(check_program(p, runtime));
        }
    }
    assert!(
        problems.is_empty(),
        "{} differences from CPython:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// Re-runs `tests/threads/regen.py --check` on `tests/threads/<dir>` when
/// python3 3.11 is on PATH: fails if a committed expectation is stale.
pub fn expectations_fresh(dir: &str) {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/threads/regen.py");
    let Ok(out) = std::process::Command::new("python3")
        .arg(script)
        .arg("--check")
        .arg(format!("--dir={dir}"))
        .output()
    else {
        eprintln!("python3 is not on PATH: expectations not re-checked");
        return;
    };
    let text =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    if text.contains("come from Python 3.11") {
        eprintln!("python3 is not 3.11: expectations not re-checked");
        return;
    }
    assert!(out.status.success(), "stale expectations:\n{text}");
}
