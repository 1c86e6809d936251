//! The conformance suite: every program of `tests/conformance/programs`
//! runs through our compiler and VM and must print byte-for-byte what
//! CPython 3.11 printed (`expected/*.stdout`), exit with the same status,
//! and end stderr with the same last line (the exception summary).
//! Expectations come from real `python3` (`tests/conformance/regen.py`);
//! a second test re-runs CPython, when present, to catch stale ones.

use interleave::run::{run, RunOptions};

include!(concat!(env!("OUT_DIR"), "/conformance_cases.rs"));

/// The last non-empty line of a stderr text.
fn last_line(s: &str) -> &str {
    s.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("")
}

/// Runs one case; a description of every difference.
pub fn check_case(
    name: &str,
    program: &str,
    stdout: &str,
    stderr: &str,
    status: &str,
) -> Option<String> {
    let options = RunOptions {
        filename: format!("{name}.py"),
        max_ops: 200_000_000,
        ..RunOptions::default()
    };
    let out = run(program, &options);
    let want_status: i32 = status.trim().parse().unwrap_or(-1);
    let mut problems = Vec::new();
    if out.stdout != stdout {
        let at = out
            .stdout
            .lines()
            .zip(stdout.lines())
            .position(|(a, b)| a != b);
        let line = at.unwrap_or_else(|| out.stdout.lines().count().min(stdout.lines().count()));
        problems.push(format!(
            "stdout differs at line {}: got {:?}, want {:?}",
            line + 1,
            out.stdout.lines().nth(line).unwrap_or("<end>"),
            stdout.lines().nth(line).unwrap_or("<end>")
        ));
    }
    if out.exit_code != want_status {
        problems.push(format!(
            "exit status {} (want {want_status})",
            out.exit_code
        ));
    }
    if want_status != 0 && last_line(&out.stderr) != last_line(stderr) {
        problems.push(format!(
            "stderr ends {:?}, want {:?}",
            last_line(&out.stderr),
            last_line(stderr)
        ));
    }
    if problems.is_empty() {
        None
    } else {
        if out.exit_code != 0 {
            problems.push(format!("[{}]", last_line(&out.stderr)));
        }
        Some(format!("{name}: {}", problems.join("; ")))
    }
}

/// Names listed in `tests/conformance/KNOWN_FAILURES` (before any `#`).
fn known_failures() -> Vec<&'static str> {
    include_str!("conformance/KNOWN_FAILURES")
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .collect()
}

#[test]
fn corpus_matches_cpython() {
    assert!(
        CASES.len() >= 200,
        "the corpus has {} programs",
        CASES.len()
    );
    let known = known_failures();
    let mut unexpected = Vec::new();
    let mut now_passing = Vec::new();
    let mut passed = 0;
    for (n, p, o, e, s) in CASES {
        match (check_case(n, p, o, e, s), known.contains(n)) {
            (None, false) => passed += 1,
            (None, true) => now_passing.push(*n),
            (Some(f), false) => unexpected.push(f),
            (Some(_), true) => {}
        }
    }
    eprintln!(
        "{passed}/{} conformance programs match CPython ({} known failures)",
        CASES.len(),
        known.len()
    );
    assert!(
        unexpected.is_empty(),
        "programs that must match CPython and do not:\n{}",
        unexpected.join("\n")
    );
    assert!(
        now_passing.is_empty(),
        "these now match CPython: remove them from tests/conformance/KNOWN_FAILURES: {}",
        now_passing.join(" ")
    );
}

/// Re-runs CPython on the corpus (when python3 3.11 is on PATH) and fails
/// if a committed expectation is stale.
#[test]
fn expectations_are_fresh() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/conformance");
    let Ok(out) = std::process::Command::new("python3")
        .arg(format!("{root}/regen.py"))
        .arg("--check")
        .output()
    else {
        eprintln!("python3 is not on PATH: expectations not re-checked");
        return;
    };
    let text =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    if text.contains("version") && text.contains("differ") {
        eprintln!("python3 is not the version that made the expectations: {text}");
        return;
    }
    assert!(out.status.success(), "stale expectations:\n{text}");
}
