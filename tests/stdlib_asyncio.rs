//! The simulated `asyncio`: the `asyncio_*` conformance programs (event-loop
//! order, gather, cancellation, timeouts, queues, locks, executors) under
//! every runtime model against what python3 3.11 printed; and what depends
//! on the runtime model: the loop waits for timers in virtual time, CPU
//! work in a coroutine holds up the whole loop, the loop thread sleeps (and
//! other threads run) while it waits.

#[path = "common/conformance_area.rs"]
mod area;
#[path = "common/every_runtime.rs"]
mod every_runtime;

use every_runtime::check;
use interleave::runtime::{run_program, SimOptions};
use interleave::trace::lanes::{is_loop, LOOP_TASK};
use interleave::trace::{Event, ThreadState};

#[test]
fn programs_match_cpython_under_every_runtime() {
    area::check_area("asyncio", 8);
}

/// Three coroutines sleeping 1 s each take 1 s of virtual time together,
/// not 3 (python3 prints the same).
#[test]
fn gather_of_sleeps_overlaps_in_virtual_time() {
    check(
        r#"import asyncio, time
async def nap(i):
    await asyncio.sleep(1)
    return i
async def main():
    t0 = time.perf_counter()
    r = await asyncio.gather(nap(1), nap(2), nap(3))
    elapsed = time.perf_counter() - t0
    print(r, 1.0 <= elapsed < 1.1)
    t0 = time.perf_counter()
    for i in range(3):
        await nap(i)
    elapsed = time.perf_counter() - t0
    print("sequential", 3.0 <= elapsed < 3.2)
asyncio.run(main())
"#,
        "[1, 2, 3] True\nsequential True\n",
    );
}

/// A coroutine that computes without awaiting holds up the loop: a timer
/// due in 10 ms fires only after the computation (python3 prints the same).
#[test]
fn cpu_work_in_a_coroutine_blocks_the_loop() {
    check(
        r#"import asyncio, time
woke = []
async def punctual():
    t0 = time.perf_counter()
    await asyncio.sleep(0.01)
    woke.append(time.perf_counter() - t0)
async def hog():
    t0 = time.perf_counter()
    total = 0
    for i in range(300000):
        total += i * i
    return time.perf_counter() - t0
async def main():
    p = asyncio.create_task(punctual())
    await asyncio.sleep(0)
    busy = await asyncio.create_task(hog())
    await p
    print("busy longer than the timer:", busy > 0.01)
    print("timer late by the busy time:", woke[0] >= busy)
asyncio.run(main())
"#,
        "busy longer than the timer: True\ntimer late by the busy time: True\n",
    );
}

/// While the loop has nothing ready it sleeps in virtual time until its
/// next timer: the main thread's lane shows Sleeping, for about the
/// awaited time.
#[test]
fn idle_loop_sleeps_until_its_next_timer() {
    let program = r#"import asyncio
async def main():
    await asyncio.sleep(0.5)
    await asyncio.gather(asyncio.sleep(0.2), asyncio.sleep(0.3))
asyncio.run(main())
"#;
    for runtime in every_runtime::RUNTIMES {
        let options = SimOptions {
            runtime: runtime.to_string(),
            ..SimOptions::default()
        };
        let (out, sim) = run_program(program, &options);
        assert_eq!(out.exit_code, 0, "{runtime}: {}", out.stderr);
        let sim = sim.expect("ran");
        let mut sleeping_ns = 0u64;
        let mut since: Option<u64> = None;
        for e in &sim.log.events {
            if let Event::State { t, state, .. } = e {
                if let Some(s) = since.take() {
                    sleeping_ns += t - s;
                }
                if matches!(state, ThreadState::Sleeping) {
                    since = Some(*t);
                }
            }
        }
        let slept = sleeping_ns as f64 / 1e9;
        eprintln!("{runtime}: the loop thread slept {slept:.4} s");
        assert!((0.79..0.9).contains(&slept), "{runtime}: slept {slept} s");
    }
}

/// `to_thread` work runs on another thread while the loop keeps running
/// its coroutines; the loop waits on its self-pipe, not by polling.
#[test]
fn to_thread_overlaps_with_coroutines() {
    check(
        r#"import asyncio, time, threading
def blocking():
    time.sleep(0.5)
    return threading.current_thread().name
async def ticks():
    n = 0
    for _ in range(4):
        await asyncio.sleep(0.1)
        n += 1
    return n
async def main():
    t0 = time.perf_counter()
    name, n = await asyncio.gather(asyncio.to_thread(blocking), ticks())
    elapsed = time.perf_counter() - t0
    print(name, n, 0.5 <= elapsed < 0.6)
asyncio.run(main())
"#,
        "asyncio_0 4 True\n",
    );
}

/// A coroutine thrown away unawaited warns on stderr exactly as python3
/// does (location, source line, once per line, the tracemalloc hint).
#[test]
fn never_awaited_warning_matches_cpython() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/conformance");
    let read = |p: String| std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{p}: {e}"));
    let program = read(format!("{root}/programs/asyncio_never_awaited.py"));
    let want = read(format!("{root}/expected/asyncio_never_awaited.stderr"));
    assert!(want.contains("was never awaited"));
    for runtime in every_runtime::RUNTIMES {
        let options = interleave::run::RunOptions {
            filename: "asyncio_never_awaited.py".into(),
            runtime: runtime.into(),
            ..Default::default()
        };
        let out = interleave::run::run(&program, &options);
        assert_eq!(out.stderr, want, "{runtime}");
    }
}

/// A coroutine handed to a TaskGroup that refuses it (finished, not
/// entered, shutting down) is dropped unawaited, as 3.11 does: its warning
/// comes where python3 printed it — the end of the clause that caught the
/// error (line -1 when that end is a join), the `del` of the last name
/// holding the error, or "sys:1" at exit for an error kept alive — and
/// not at all once the coroutine was closed.
#[test]
fn taskgroup_refused_coroutine_warns_as_cpython() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/conformance");
    let read = |p: String| std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{p}: {e}"));
    let program = read(format!("{root}/programs/asyncio_taskgroup_refused.py"));
    let want = read(format!("{root}/expected/asyncio_taskgroup_refused.stderr"));
    assert_eq!(want.matches("was never awaited").count(), 5);
    for runtime in every_runtime::RUNTIMES {
        let options = interleave::run::RunOptions {
            filename: "asyncio_taskgroup_refused.py".into(),
            runtime: runtime.into(),
            ..Default::default()
        };
        let out = interleave::run::run(&program, &options);
        assert_eq!(out.stderr, want, "{runtime}");
    }
}

/// Every task step is in the event log (TaskStep begin/end on the loop's
/// thread, TaskName on creation and rename): steps of one loop never
/// overlap, each task has one step per resumption, each runs while the
/// loop (numbered from `LOOP_TASK`) runs, and the log is the same on
/// every run.
#[test]
fn task_steps_are_logged() {
    let program = r#"import asyncio
async def worker(n):
    for _ in range(n):
        await asyncio.sleep(0)
async def main():
    a = asyncio.create_task(worker(3), name="three")
    b = asyncio.create_task(worker(1))
    b.set_name("one")
    await asyncio.gather(a, b)
asyncio.run(main())
"#;
    for runtime in every_runtime::RUNTIMES {
        let options = SimOptions {
            runtime: runtime.to_string(),
            ..SimOptions::default()
        };
        let (out, sim) = run_program(program, &options);
        assert_eq!(out.exit_code, 0, "{runtime}: {}", out.stderr);
        let sim = sim.expect("ran");
        let log = &sim.log;
        let mut names: Vec<(u64, String)> = log
            .events
            .iter()
            .filter_map(|e| match e {
                Event::TaskName { task, name } => Some((*task, name.clone())),
                _ => None,
            })
            .collect();
        // The event loop is named first, numbered apart from the tasks.
        assert_eq!(
            names.remove(0),
            (LOOP_TASK + 1, "event loop".to_string()),
            "{runtime}"
        );
        assert_eq!(
            names,
            [
                (1, "Task-1".to_string()),
                (2, "three".to_string()),
                (3, "Task-2".to_string()),
                (3, "one".to_string()),
                // asyncio.run's shutdown_asyncgens and shutdown_default_executor
                (4, "Task-3".to_string()),
                (5, "Task-4".to_string()),
            ],
            "{runtime}"
        );
        let mut steps = std::collections::BTreeMap::<u64, usize>::new();
        let mut running: Option<u64> = None;
        let mut loop_running = false;
        let mut last_t = 0;
        for e in &log.events {
            if let Event::TaskStep {
                t,
                thread,
                task,
                running: r,
            } = e
            {
                assert_eq!(*thread, 0, "{runtime}: the loop runs on the main thread");
                assert!(*t >= last_t, "{runtime}: steps in time order");
                last_t = *t;
                if is_loop(*task) {
                    // The loop runs (callbacks) or is idle; never while a
                    // step is half done.
                    assert_eq!(running, None, "{runtime}: loop state inside a step");
                    loop_running = *r;
                    continue;
                }
                assert!(loop_running, "{runtime}: a step runs while the loop does");
                if *r {
                    assert_eq!(running, None, "{runtime}: steps never overlap");
                    running = Some(*task);
                    *steps.entry(*task).or_default() += 1;
                } else {
                    assert_eq!(
                        running,
                        Some(*task),
                        "{runtime}: a step ends where it began"
                    );
                    running = None;
                }
            }
        }
        // main: start, then woken by gather; worker(3): 4 steps; worker(1):
        // 2; the two shutdown coroutines: 1 each.
        let want: std::collections::BTreeMap<u64, usize> =
            [(1, 2), (2, 4), (3, 2), (4, 1), (5, 1)].into();
        assert_eq!(steps, want, "{runtime}");
        let (_, again) = run_program(program, &options);
        assert_eq!(log.digest(), again.expect("ran").log.digest(), "{runtime}");
    }
}
