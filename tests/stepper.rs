//! "You are the scheduler" (`SimOptions::chooser`, `runtime::stepper`):
//! choices made by hand force the `n += 1` race to lose an update or not,
//! force the crossed-locks deadlock, undo (a shorter list of choices)
//! comes back to exactly the earlier state, and a choice naming a thread
//! that cannot run is an error, not a panic.

use interleave::runtime::stepper::{Choice, Decision, Until};
use interleave::runtime::{Progress, SimOptions, Simulation};
use interleave::trace::Event;

/// The race preset's program with `times` increments per thread.
fn race(times: u64) -> String {
    format!(
        "import threading

counter = 0

def work(times):
    global counter
    for _ in range(times):
        counter += 1

threads = [threading.Thread(target=work, args=({times},)) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(\"counter =\", counter)
"
    )
}

struct Stepped {
    sim: Simulation,
    progress: Progress,
}

fn step(source: &str, runtime: &str, choices: &[Choice]) -> Stepped {
    let options = SimOptions {
        runtime: runtime.into(),
        chooser: Some(choices.to_vec()),
        ..SimOptions::default()
    };
    let mut sim = Simulation::new(source, &options).expect("compiles");
    let progress = loop {
        match sim.run(997) {
            Progress::Running => {}
            p => break p,
        }
    };
    Stepped { sim, progress }
}

fn show(d: &Decision) -> String {
    d.candidates
        .iter()
        .map(|c| {
            format!(
                "{}@{}{}",
                c.thread,
                c.line,
                if c.holds_gil { "*" } else { "" }
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Runs `choices`, then finishes the run picking the lowest-numbered
/// thread until it blocks at every further decision; the output.
fn finish(source: &str, runtime: &str, choices: &[Choice]) -> (i32, String, String) {
    let mut choices = choices.to_vec();
    for _ in 0..1000 {
        let s = step(source, runtime, &choices);
        match s.progress {
            Progress::Decide => {
                let d = s.sim.decision().expect("a decision");
                choices.push(Choice {
                    thread: d.candidates[0].thread,
                    until: Until::Blocks,
                });
            }
            Progress::Finished(code) => {
                let (out, err) = s.sim.output();
                return (code, out.to_string(), err.to_string());
            }
            Progress::Running => unreachable!(),
        }
    }
    panic!("no end after 1000 choices");
}

/// What real python3 prints for `source`.
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

fn until(thread: u32, until: Until) -> Choice {
    Choice { thread, until }
}

/// MainThread runs until it blocks in `start()` (which waits for the new
/// thread to have started, as in CPython), then until it blocks in
/// `join`; Thread-1 (1) reads the counter (the first instruction of line 8) and
/// is switched out; Thread-2 (2) makes one whole increment; Thread-1
/// writes back its stale value: one update lost.
fn lost_update() -> Vec<Choice> {
    vec![
        until(0, Until::Blocks),
        until(0, Until::Blocks),
        until(1, Until::Line(8)),
        Choice::step(1),
        until(2, Until::Line(8)),
        until(2, Until::Line(8)),
        until(1, Until::Blocks),
    ]
}

#[test]
fn choices_force_a_lost_update_or_the_full_count_under_3_9() {
    let src = race(3);
    let full = python3(&src);
    assert_eq!(counter_of(&full), 6);
    let (code, out, err) = finish(&src, "cpython-3.9", &[until(0, Until::Blocks)]);
    assert_eq!((code, out.as_str(), err.as_str()), (0, full.as_str(), ""));
    let (code, out, err) = finish(&src, "cpython-3.9", &lost_update());
    assert_eq!((code, err.as_str()), (0, ""));
    // Thread-2's increment between Thread-1's read and write is lost.
    assert_eq!(counter_of(&out), counter_of(&full) - 1);
}

#[test]
fn a_decision_shows_each_candidate_s_next_line() {
    let src = race(3);
    let s = step(&src, "cpython-3.9", &lost_update()[..4]);
    assert_eq!(s.progress, Progress::Decide);
    let d = s.sim.decision().unwrap();
    assert_eq!(d.index, 4);
    // Thread-1 has read the counter (line 8), Thread-2 is at its loop.
    assert_eq!(show(d), "1@8* 2@7");
    // MainThread waits in join(), not a candidate.
    assert_eq!(d.others.len(), 1);
    assert_eq!(
        (d.others[0].name.as_str(), d.others[0].line),
        ("MainThread", 14)
    );
}

/// `events` as Debug text, with each lock hold `open` still has open
/// shown open.
fn open_holds(events: &[Event], open: &[Event]) -> String {
    let events: Vec<Event> = events
        .iter()
        .zip(open)
        .map(|(e, o)| match (e, o) {
            (
                Event::LockHold { .. },
                Event::LockHold {
                    until: u64::MAX, ..
                },
            ) => o.clone(),
            _ => e.clone(),
        })
        .collect();
    format!("{events:?}")
}

#[test]
fn undo_comes_back_to_the_same_state() {
    let src = race(3);
    let choices = lost_update();
    for k in 0..choices.len() {
        let before = step(&src, "cpython-3.9", &choices[..k]);
        let after = step(&src, "cpython-3.9", &choices[..k + 1]);
        let undone = step(&src, "cpython-3.9", &choices[..k]);
        assert_eq!(before.sim.decision(), undone.sim.decision());
        assert_eq!(
            format!("{:?}", before.sim.log.events),
            format!("{:?}", undone.sim.log.events)
        );
        assert_eq!(before.sim.output(), undone.sim.output());
        // The longer run went on from exactly where the shorter stopped
        // (lock holds still open then have been closed since).
        let n = before.sim.log.events.len();
        assert_eq!(
            open_holds(&after.sim.log.events[..n], &before.sim.log.events),
            format!("{:?}", before.sim.log.events)
        );
    }
}

#[test]
fn a_choice_of_a_thread_that_cannot_run_is_an_error() {
    let src = race(3);
    let mut choices = lost_update()[..4].to_vec();
    choices.push(Choice::step(0)); // MainThread is in join()
    let s = step(&src, "cpython-3.9", &choices);
    assert_eq!(s.progress, Progress::Finished(2));
    let (_, err) = s.sim.output();
    assert_eq!(
        err,
        "interleave: choice 4 cannot be followed: thread 0 (MainThread) cannot run at this point: it waits for Thread.join (Lock#8)\n"
    );
    choices[4] = Choice::step(7);
    let s = step(&src, "cpython-3.9", &choices);
    assert_eq!(s.progress, Progress::Finished(2));
    assert!(s.sim.output().1.contains("there is no thread 7"));
}

/// Crossed locks without the sleeps: python3 (almost always) finishes;
/// by hand, either order of the threads' first `with` can be forced.
const CROSSED: &str = "import threading

lock_a = threading.Lock()
lock_b = threading.Lock()

def first():
    with lock_a:
        with lock_b:
            print('first: has both')

def second():
    with lock_b:
        with lock_a:
            print('second: has both')

t1 = threading.Thread(target=first, name='first')
t2 = threading.Thread(target=second, name='second')
t1.start()
t2.start()
t1.join()
t2.join()
print('done')
";

#[test]
fn choices_force_the_crossed_locks_deadlock_or_avoid_it() {
    // first takes A, second takes B, then each wants the other's.
    let deadlock = [
        until(0, Until::Blocks),
        until(1, Until::Line(8)),
        until(2, Until::Line(13)),
    ];
    for runtime in ["cpython-3.9", "cpython-3.13t"] {
        let (code, out, err) = finish(CROSSED, runtime, &deadlock);
        assert_eq!(code, interleave::runtime::EXIT_DEADLOCK, "{runtime}: {err}");
        assert!(err.contains("deadlock"), "{runtime}: {err}");
        assert_eq!(out, "", "{runtime}");
        let (code, out, err) = finish(CROSSED, runtime, &[until(0, Until::Blocks)]);
        assert_eq!(
            (code, out, err),
            (0, python3(CROSSED), String::new()),
            "{runtime}"
        );
    }
    // 3.12 has no preemption point between the two `with`s (entering a
    // C lock's `with` checks no eval breaker): the same choices cannot
    // split them, the thread runs on to its print.
    let (code, out, err) = finish(CROSSED, "cpython-3.12", &deadlock);
    assert_eq!((code, out, err), (0, python3(CROSSED), String::new()));
}

#[test]
fn the_deadlock_preset_deadlocks_when_stepped() {
    let p = interleave::ui::presets::by_id("deadlock").unwrap();
    let (code, out, _) = finish(p.source(), "cpython-3.12", &[]);
    assert_eq!(code, interleave::runtime::EXIT_DEADLOCK);
    assert_eq!(out, "first: has A, wants B\nsecond: has B, wants A\n");
}

#[test]
fn choices_read_back_as_they_are_written() {
    let list = [
        Choice::step(1),
        until(2, Until::Steps(5)),
        until(0, Until::Blocks),
        until(1, Until::Line(8)),
    ];
    let text = Choice::list_text(&list);
    assert_eq!(text, "1,2x5,0b,1@8");
    assert_eq!(Choice::parse_list(&text), Ok(list.to_vec()));
    assert_eq!(Choice::parse_list("T1, t2x5"), Ok(list[..2].to_vec()));
    assert_eq!(Choice::parse_list(""), Ok(vec![]));
    for bad in ["x", "1x0", "1@", "1y", "-1", "1x5b"] {
        assert!(Choice::parse(bad).is_err(), "{bad}");
    }
}
