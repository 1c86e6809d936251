//! The simulated `queue` against CPython 3.11: the programs of
//! `tests/threads/queue/` must print what python3 printed for them
//! (`expected/`, from `tests/threads/regen.py`) under every runtime model;
//! plus what only the simulator shows: every queue class reports its
//! traffic to the event log, and a deadlock names `Queue.get`.

#[path = "common/threads.rs"]
mod threads;

use interleave::runtime::{run_program, SimOptions};
use interleave::trace::Event;

#[test]
fn programs_match_cpython() {
    threads::check_dir("queue", 12);
}

#[test]
fn expectations_are_fresh() {
    threads::expectations_fresh("queue");
}

#[test]
fn every_queue_class_reports_puts_and_gets() {
    let program = r#"import queue, threading
qs = [queue.Queue(), queue.LifoQueue(), queue.PriorityQueue(), queue.SimpleQueue()]
def consume(q):
    for _ in range(3):
        q.get()
for q in qs:
    for item in (30, 10, 20):
        q.put(item)
    t = threading.Thread(target=consume, args=(q,))
    t.start()
    t.join()
"#;
    for runtime in threads::RUNTIMES {
        let options = SimOptions {
            runtime: runtime.to_string(),
            ..SimOptions::default()
        };
        let (out, sim) = run_program(program, &options);
        assert_eq!(out.exit_code, 0, "{}", out.stderr);
        let sim = sim.expect("the program ran");
        // Per queue id: the depths after each put, then after each get,
        // and the item ids (each get paired with a put).
        let mut puts: std::collections::BTreeMap<u64, Vec<(u32, u64)>> = Default::default();
        let mut gets: std::collections::BTreeMap<u64, Vec<(u32, u64)>> = Default::default();
        for e in &sim.log.events {
            match e {
                Event::QueuePut {
                    queue, depth, item, ..
                } => puts.entry(*queue).or_default().push((*depth, *item)),
                Event::QueueGet {
                    queue, depth, item, ..
                } => gets.entry(*queue).or_default().push((*depth, *item)),
                _ => {}
            }
        }
        assert_eq!(puts.len(), 4, "{runtime}: four queues seen");
        for (q, p) in &puts {
            let depths: Vec<u32> = p.iter().map(|x| x.0).collect();
            assert_eq!(depths, [1, 2, 3], "{runtime}: queue {q}");
            let g = &gets[q];
            let depths: Vec<u32> = g.iter().map(|x| x.0).collect();
            assert_eq!(depths, [2, 1, 0], "{runtime}: queue {q}");
            let mut put_ids: Vec<u64> = p.iter().map(|x| x.1).collect();
            let mut got_ids: Vec<u64> = g.iter().map(|x| x.1).collect();
            put_ids.sort();
            got_ids.sort();
            assert_eq!(put_ids, got_ids, "{runtime}: every get paired with its put");
            assert!(got_ids.iter().all(|&i| i != 0));
        }
        // The order of gets follows each class: FIFO, LIFO, lowest first.
        let order: Vec<Vec<u64>> = gets
            .values()
            .zip(puts.values())
            .map(|(g, p)| {
                g.iter()
                    .map(|x| p.iter().position(|y| y.1 == x.1).unwrap_or(9) as u64)
                    .collect()
            })
            .collect();
        assert_eq!(
            order,
            [vec![0, 1, 2], vec![2, 1, 0], vec![1, 2, 0], vec![0, 1, 2]],
            "{runtime}"
        );
    }
}

#[test]
fn a_consumer_waiting_forever_is_reported_as_queue_get() {
    let program = r#"import queue, threading
q = queue.Queue()
def consumer():
    while True:
        item = q.get()
        print("got", item)
        q.task_done()
t = threading.Thread(target=consumer, name="consumer")
t.start()
q.put(1)
q.join()
t.join()
"#;
    for runtime in threads::RUNTIMES {
        let options = SimOptions {
            runtime: runtime.to_string(),
            ..SimOptions::default()
        };
        let (out, _) = run_program(program, &options);
        assert_eq!(out.exit_code, 3, "{runtime}: {}", out.stderr);
        assert_eq!(out.stdout, "got 1\n");
        let lines: Vec<&str> = out.stderr.lines().collect();
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with("  consumer waits in Queue.get (Lock#")),
            "{}",
            out.stderr
        );
        assert!(
            lines.iter().any(
                |l| l.starts_with("  MainThread waits for Thread.join (Lock#")
                    && l.ends_with("held by consumer")
            ),
            "{}",
            out.stderr
        );
    }
}
