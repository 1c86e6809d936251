//! Runs the conformance programs of one area (`tests/conformance/programs/
//! <area>_*.py`) under every runtime model: stdout and exit status must be
//! what python3 3.11 printed (`expected/`), and stderr must end with the
//! same line. (`tests/conformance.rs` runs them under the default model
//! only.)

use interleave::run::{run, RunOptions};
use std::path::Path;

pub use interleave::runtime::model::NAMES as RUNTIMES;

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Checks every program of `area`; at least `at_least` of them.
pub fn check_area(area: &str, at_least: usize) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/conformance");
    let mut programs: Vec<_> = std::fs::read_dir(root.join("programs"))
        .expect("programs/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(&format!("{area}_")) && n.ends_with(".py"))
        })
        .collect();
    programs.sort();
    assert!(
        programs.len() >= at_least,
        "{} {area} programs",
        programs.len()
    );
    let mut problems = Vec::new();
    for p in &programs {
        let stem = p.file_stem().and_then(|s| s.to_str()).unwrap_or("?");
        let expected = |ext: &str| read(&root.join("expected").join(format!("{stem}{ext}")));
        let (want_out, want_err) = (expected(".stdout"), expected(".stderr"));
        let want_status: i32 = expected(".status").trim().parse().unwrap_or(-1);
        for runtime in RUNTIMES {
            let options = RunOptions {
                filename: format!("{stem}.py"),
                runtime: runtime.into(),
                max_ops: 100_000_000,
                ..RunOptions::default()
            };
            let out = run(&read(p), &options);
            let at = format!("{stem} under {runtime}");
            if out.stdout != want_out {
                problems.push(format!(
                    "{at}: stdout differs\n--- got\n{}--- want\n{want_out}",
                    out.stdout
                ));
            }
            if out.exit_code != want_status {
                problems.push(format!(
                    "{at}: exit status {} (want {want_status})",
                    out.exit_code
                ));
            }
            let last = |s: &str| s.trim_end().lines().last().unwrap_or("").to_string();
            if last(&out.stderr) != last(&want_err) {
                problems.push(format!(
                    "{at}: stderr ends\n{}\nnot\n{}",
                    last(&out.stderr),
                    last(&want_err)
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
