//! Build script: turns the conformance corpus (tests/conformance/) into a
//! table of `include_str!`s, so that the same cases run natively
//! (`tests/conformance.rs`) and in the browser (`tests/web.rs`).

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/conformance");
    let programs = root.join("programs");
    println!("cargo:rerun-if-changed={}", programs.display());
    println!("cargo:rerun-if-changed={}", root.join("expected").display());
    let mut names: Vec<String> = std::fs::read_dir(&programs)
        .map(|d| {
            d.filter_map(|e| e.ok())
                .filter_map(|e| e.file_name().into_string().ok())
                .filter_map(|n| n.strip_suffix(".py").map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let mut out = String::from(
        "/// (name, program, expected stdout, expected stderr, expected exit status)\n\
         pub const CASES: &[(&str, &str, &str, &str, &str)] = &[\n",
    );
    for n in &names {
        let p = |dir: &str, ext: &str| {
            root.join(dir)
                .join(format!("{n}{ext}"))
                .display()
                .to_string()
        };
        let expected = root.join("expected").join(format!("{n}.status"));
        if !expected.exists() {
            continue;
        }
        let _ = writeln!(
            out,
            "    ({n:?}, include_str!({:?}), include_str!({:?}), include_str!({:?}), include_str!({:?})),",
            p("programs", ".py"),
            p("expected", ".stdout"),
            p("expected", ".stderr"),
            p("expected", ".status"),
        );
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("conformance_cases.rs");
    std::fs::write(dest, out).expect("write conformance_cases.rs");
}
