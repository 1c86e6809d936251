//! `interleave run --choose`: "You are the scheduler" on the command
//! line. A list of picks reproduces a stepped run (the `n += 1` race
//! losing an update by hand), the first decision the list does not cover
//! lists the candidates and exits with status 2, and a malformed list is
//! a usage error.
#![cfg(not(target_arch = "wasm32"))]

#[path = "common/cli.rs"]
mod cli;

/// The race of the stepper's tests: two threads, three increments each.
const RACE: &str = "import threading

counter = 0

def work(times):
    global counter
    for _ in range(times):
        counter += 1

threads = [threading.Thread(target=work, args=(3,)) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(\"counter =\", counter)
";

fn python3(source: &str) -> String {
    let out = std::process::Command::new("python3")
        .args(["-c", source])
        .output()
        .expect("python3 runs");
    assert!(out.status.success(), "python3 failed");
    String::from_utf8(out.stdout).unwrap()
}

fn counter_of(stdout: &str) -> u64 {
    stdout
        .trim()
        .strip_prefix("counter = ")
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no counter in {stdout:?}"))
}

fn choose(list: &str) -> (i32, String, String) {
    let out = cli::interleave("run", RACE, &["--runtime", "cpython-3.9", "--choose", list]);
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// The list stderr says to go on with, up to its `T`.
fn go_on(stderr: &str) -> String {
    let line = stderr
        .lines()
        .find_map(|l| l.strip_prefix("interleave: go on with --choose "))
        .unwrap_or_else(|| panic!("no go-on line in {stderr}"));
    line.split('T').next().unwrap().to_string()
}

#[test]
fn an_uncovered_decision_lists_the_candidates_and_exits_2() {
    let (code, out, err) = choose("");
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(
        err.contains("interleave: decision 0: who runs next?"),
        "{err}"
    );
    assert!(err.contains("  0 MainThread line 12: t.start()"), "{err}");
    assert!(err.contains("line 7: for _ in range(times):"), "{err}");
    assert_eq!(go_on(&err), "");

    let (code, _, err) = choose("0b,0b,1@8,1");
    assert_eq!(code, 2);
    assert!(
        err.contains("interleave: decision 4: who runs next?"),
        "{err}"
    );
    // Thread-1 has read the counter and holds the GIL; Thread-2 waits.
    assert!(
        err.contains("  1 Thread-1 (work) (holds the GIL) line 8: counter += 1"),
        "{err}"
    );
    assert!(err.contains("  2 Thread-2 (work) line 7:"), "{err}");
    assert_eq!(go_on(&err), "0b,0b,1@8,1,");
}

#[test]
fn a_list_of_choices_reproduces_a_lost_update() {
    let full = counter_of(&python3(RACE));
    // Each thread in turn until it blocks: nothing is lost.
    let (code, out, err) = choose("0b,0b,1b,2b");
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(out, python3(RACE));
    // Thread-2 runs two increments between Thread-1's read and write.
    let (code, out, err) = choose("0b,0b,1@8,1,2@8,2@8,1b,2b");
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(counter_of(&out), full - 1);
    // The same list a second time: the same run.
    assert_eq!(choose("0b,0b,1@8,1,2@8,2@8,1b,2b").1, out);
}

#[test]
fn a_bad_list_or_thread_is_an_error_not_a_panic() {
    let (code, out, err) = choose("0q");
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(
        err.starts_with("interleave run: --choose: bad choice '0q'"),
        "{err}"
    );
    let (code, _, err) = choose("0b,5");
    assert_eq!(code, 2);
    assert!(
        err.contains("interleave: choice 1 cannot be followed: there is no thread 5"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
}
