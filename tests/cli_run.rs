//! The `interleave run` command line: options, exit statuses, and the
//! schedule string round trip (`--schedule` prints it, `--replay` follows
//! it), run as a user runs them, through the built binary.
#![cfg(not(target_arch = "wasm32"))]

#[path = "common/cli.rs"]
mod cli;
#[path = "common/race.rs"]
mod race;

use race::race_program;

/// The race with 2 x 200,000 iterations.
fn race() -> String {
    race_program(200_000, "n += 1")
}

fn schedule_of(stderr: &[u8]) -> String {
    let text = String::from_utf8_lossy(stderr);
    let line = text
        .lines()
        .find_map(|l| l.strip_prefix("interleave: schedule "))
        .unwrap_or_else(|| panic!("no schedule in stderr: {text}"));
    line.to_string()
}

#[test]
fn schedule_printed_by_one_run_replays_it_under_other_options() {
    let first = cli::interleave(
        "run",
        &race(),
        &["--runtime", "cpython-3.9", "--seed", "5", "--schedule"],
    );
    assert!(first.status.success());
    let schedule = schedule_of(&first.stderr);
    assert!(schedule.starts_with("il1:cpython-3.9:2:"), "{schedule}");
    // The schedule carries runtime, cores and seed: the options given
    // beside it do not change the replay.
    let again = cli::interleave(
        "run",
        &race(),
        &[
            "--replay",
            &schedule,
            "--runtime",
            "cpython-3.13t",
            "--seed",
            "77",
            "--schedule",
        ],
    );
    assert!(
        again.status.success(),
        "{}",
        String::from_utf8_lossy(&again.stderr)
    );
    assert_eq!(again.stdout, first.stdout);
    assert_eq!(schedule_of(&again.stderr), schedule);
}

#[test]
fn a_replay_that_does_not_fit_the_program_stops_and_says_where() {
    let first = cli::interleave("run", &race(), &["--runtime", "cpython-3.9", "--schedule"]);
    let schedule = schedule_of(&first.stderr);
    let edited = race().replace("range(200000)", "range(300000)");
    let out = cli::interleave("run", &edited, &["--replay", &schedule]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("does not follow the replayed schedule at slice"),
        "{stderr}"
    );
}

#[test]
fn bad_options_are_usage_errors() {
    let out = cli::interleave("run", "print(1)\n", &["--replay", "nonsense"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--replay"));
    let out = cli::interleave("run", "print(1)\n", &["--runtime", "cpython-4.0"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown runtime 'cpython-4.0'"));
    let out = cli::interleave("run", "print(1)\n", &["--cores", "0"]);
    assert_eq!(out.status.code(), Some(2));
}

/// `--files` lists on stderr what the program left on the simulated disk,
/// after what it printed; stdout stays exactly the program's. Nothing
/// reaches the real disk.
#[test]
fn files_flag_prints_the_files_left_on_the_simulated_disk() {
    let program = r#"import csv, os
os.mkdir("out")
with open("out/rows.csv", "w", newline="") as f:
    csv.writer(f).writerows([["n", "sq"], [2, 4]])
with open("raw.bin", "wb") as f:
    f.write(bytes([0, 1, 255]))
open("scratch.txt", "w").close()
os.remove("scratch.txt")
print(sorted(os.listdir(".")))
"#;
    let out = cli::interleave("run", program, &["--files"]);
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stdout), "['out', 'raw.bin']\n");
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "interleave: 2 files on the simulated disk\n\
         === out/rows.csv (11 bytes) ===\nn,sq\r\n2,4\r\n\
         === raw.bin (3 bytes, binary) ===\nb'\\x00\\x01\\xff'\n"
    );
    assert!(!std::path::Path::new("out/rows.csv").exists());
    // Without the flag: nothing after the program's output.
    let quiet = cli::interleave("run", program, &[]);
    assert!(quiet.stderr.is_empty());
}

/// A traceback with its file names taken out and without CPython's
/// `~~^^` position lines (the simulator does not print those).
fn comparable_traceback(text: &str) -> String {
    text.lines()
        .filter(|l| {
            let body = l.trim_start_matches([' ', '|', '+']);
            body.is_empty() || !body.chars().all(|c| matches!(c, '^' | '~' | ' '))
        })
        .map(|l| match (l.find("File \""), l.find("\", line")) {
            (Some(a), Some(b)) if a < b => format!("{}File \"_{}", &l[..a], &l[b..]),
            _ => l.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// An uncaught exception group prints CPython 3.11's boxed traceback,
/// line for line (the expectation comes from python3 by the conformance
/// corpus's regen.py).
#[test]
fn uncaught_exception_group_prints_its_boxes() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/conformance");
    let program =
        std::fs::read_to_string(format!("{root}/programs/exc_group_uncaught.py")).unwrap();
    let expected =
        std::fs::read_to_string(format!("{root}/expected/exc_group_uncaught.stderr")).unwrap();
    let out = cli::interleave("run", &program, &[]);
    assert_eq!(out.status.code(), Some(1));
    let got = String::from_utf8_lossy(&out.stderr);
    assert_eq!(comparable_traceback(&got), comparable_traceback(&expected));
    assert!(
        got.contains("  +-+---------------- 1 ----------------"),
        "{got}"
    );
}

/// What an `except*` leaves unhandled, uncaught: a new group of the
/// clause's own error (with the part it handled as context) and the rest
/// of the original group, boxed line for line as python3 printed it.
#[test]
fn uncaught_except_star_rest_prints_its_boxes() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/conformance");
    let program = std::fs::read_to_string(format!("{root}/programs/exc_star_uncaught.py")).unwrap();
    let expected =
        std::fs::read_to_string(format!("{root}/expected/exc_star_uncaught.stderr")).unwrap();
    let out = cli::interleave("run", &program, &[]);
    assert_eq!(out.status.code(), Some(1));
    let got = String::from_utf8_lossy(&out.stderr);
    assert_eq!(comparable_traceback(&got), comparable_traceback(&expected));
    assert!(
        got.contains("During handling of the above exception"),
        "{got}"
    );
}
