//! The conformance suite: every program of `tests/conformance/programs`
//! runs through our compiler and VM and must print byte-for-byte what
//! CPython 3.11 printed (`expected/*.stdout`), exit with the same status,
//! and end stderr with the same last line (the exception summary).
//! Expectations come from real `python3` (`tests/conformance/regen.py`);
//! a second test re-runs CPython, when present, to catch stale ones.

#[path = "common/conformance.rs"]
mod common;

include!(concat!(env!("OUT_DIR"), "/conformance_cases.rs"));

#[test]
fn corpus_matches_cpython() {
    assert!(
        CASES.len() >= 200,
        "the corpus has {} programs",
        CASES.len()
    );
    let (passed, unexpected, now_passing) = common::run_corpus(CASES);
    eprintln!(
        "{passed}/{} conformance programs match CPython ({} known failures)",
        CASES.len(),
        common::known_failures().len()
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
