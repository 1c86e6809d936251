//! Running the built `interleave` binary as a user does, for the command
//! line tests: programs go to fresh temporary files.

use std::path::PathBuf;
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

/// A fresh path in this test process's temporary directory.
pub fn temp_path(ext: &str) -> PathBuf {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!("interleave-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let k = NEXT.fetch_add(1, Ordering::Relaxed);
    dir.join(format!("f{k}.{ext}"))
}

/// `interleave SUBCOMMAND FILE ARGS…` with `program` written to FILE.
pub fn interleave(subcommand: &str, program: &str, args: &[&str]) -> Output {
    let file = temp_path("py");
    std::fs::write(&file, program).unwrap();
    Command::new(env!("CARGO_BIN_EXE_interleave"))
        .arg(subcommand)
        .arg(&file)
        .args(args)
        .output()
        .unwrap()
}
