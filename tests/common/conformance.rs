//! The conformance check shared by the native test (`tests/conformance.rs`)
//! and the browser test (`tests/web.rs`): one program through our VM
//! against CPython's recorded outputs, and the list of known failures.

use interleave::run::{run, RunOptions};

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
pub fn known_failures() -> Vec<&'static str> {
    include_str!("../conformance/KNOWN_FAILURES")
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .collect()
}

/// Runs every case; (passed, unexpected failures, listed but now passing).
pub fn run_corpus(cases: &[(&str, &str, &str, &str, &str)]) -> (usize, Vec<String>, Vec<String>) {
    let known = known_failures();
    let mut unexpected = Vec::new();
    let mut now_passing = Vec::new();
    let mut passed = 0;
    for (n, p, o, e, s) in cases {
        match (check_case(n, p, o, e, s), known.contains(n)) {
            (None, false) => passed += 1,
            (None, true) => now_passing.push(n.to_string()),
            (Some(f), false) => unexpected.push(f),
            (Some(_), true) => {}
        }
    }
    (passed, unexpected, now_passing)
}
