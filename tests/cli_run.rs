//! The `interleave run` command line: options, exit statuses, and the
//! schedule string round trip (`--schedule` prints it, `--replay` follows
//! it), run as a user runs them, through the built binary.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Output};

fn interleave(args: &[&str], program: &str) -> Output {
    let dir = std::env::temp_dir().join(format!("interleave-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let k = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let file = dir.join(format!("p{k}.py"));
    std::fs::File::create(&file)
        .unwrap()
        .write_all(program.as_bytes())
        .unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_interleave"));
    cmd.arg("run").arg(&file).args(args);
    cmd.output().unwrap()
}

const RACE: &str = "import _thread, time
n = 0
done = []
def work():
    global n
    for _ in range(200000):
        n += 1
    done.append(1)
for _ in range(2):
    _thread.start_new_thread(work, ())
while len(done) < 2:
    time.sleep(0.001)
print(n)
";

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
    let first = interleave(
        &["--runtime", "cpython-3.9", "--seed", "5", "--schedule"],
        RACE,
    );
    assert!(first.status.success());
    let schedule = schedule_of(&first.stderr);
    assert!(schedule.starts_with("il1:cpython-3.9:2:"), "{schedule}");
    // The schedule carries runtime, cores and seed: the options given
    // beside it do not change the replay.
    let again = interleave(
        &[
            "--replay",
            &schedule,
            "--runtime",
            "cpython-3.13t",
            "--seed",
            "77",
            "--schedule",
        ],
        RACE,
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
    let first = interleave(&["--runtime", "cpython-3.9", "--schedule"], RACE);
    let schedule = schedule_of(&first.stderr);
    let edited = RACE.replace("range(200000)", "range(300000)");
    let out = interleave(&["--replay", &schedule], &edited);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("does not follow the replayed schedule at slice"),
        "{stderr}"
    );
}

#[test]
fn bad_options_are_usage_errors() {
    let out = interleave(&["--replay", "nonsense"], "print(1)\n");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--replay"));
    let out = interleave(&["--runtime", "cpython-4.0"], "print(1)\n");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown runtime 'cpython-4.0'"));
    let out = interleave(&["--cores", "0"], "print(1)\n");
    assert_eq!(out.status.code(), Some(2));
}
