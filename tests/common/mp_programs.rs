//! Shared by the `tests/stdlib_mp_*.rs` files: runs conformance programs
//! of `tests/conformance/programs` whose names start with a prefix under
//! every runtime model, against what python3 printed for them
//! (`tests/conformance/expected`, from `tests/conformance/regen.py`):
//! stdout byte for byte, the exit status, and the last line of stderr
//! (the exception summary), as the conformance suite requires.

use interleave::run::{run, RunOptions};
use std::path::Path;

pub use interleave::runtime::model::NAMES as RUNTIMES;

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn last_line(s: &str) -> &str {
    s.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("")
}

/// Checks every `programs/<prefix>*.py` under every runtime model; at least
/// `at_least` programs must exist.
pub fn check_prefix(prefix: &str, at_least: usize) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/conformance");
    let mut programs: Vec<_> = std::fs::read_dir(root.join("programs"))
        .expect("programs dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension().is_some_and(|x| x == "py")
                && p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with(prefix))
        })
        .collect();
    programs.sort();
    assert!(
        programs.len() >= at_least,
        "{} {prefix}* programs",
        programs.len()
    );
    let mut problems = Vec::new();
    for path in &programs {
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("?");
        let expected = root.join("expected");
        let want_out = read(&expected.join(format!("{stem}.stdout")));
        let want_err = read(&expected.join(format!("{stem}.stderr")));
        let want_status: i32 = read(&expected.join(format!("{stem}.status")))
            .trim()
            .parse()
            .unwrap_or(-1);
        for runtime in RUNTIMES {
            let options = RunOptions {
                filename: format!("{stem}.py"),
                runtime: runtime.to_string(),
                max_ops: 200_000_000,
                ..RunOptions::default()
            };
            let out = run(&read(path), &options);
            let at = format!("{stem} under {runtime}");
            if out.stdout != want_out {
                problems.push(format!(
                    "{at}: stdout differs\n--- got\n{}--- want\n{want_out}--- stderr\n{}",
                    out.stdout, out.stderr
                ));
            }
            if out.exit_code != want_status {
                problems.push(format!(
                    "{at}: exit status {} (want {want_status})\n{}",
                    out.exit_code, out.stderr
                ));
            }
            if last_line(&out.stderr) != last_line(&want_err) {
                problems.push(format!(
                    "{at}: stderr ends {:?}, want {:?}",
                    last_line(&out.stderr),
                    last_line(&want_err)
                ));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} differences from CPython:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
