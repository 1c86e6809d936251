//! The event log as a Chrome Trace Event Format file (the JSON object
//! form, `{"traceEvents": [...], "displayTimeUnit": "ns"}`), which the
//! Perfetto UI and `chrome://tracing` open.
//!
//! One process (`python (cpython-3.12)`) for the program and one per
//! process it started (`ForkPoolWorker-1 (pid 4243)`, labelled with its
//! parent and start method, with its own GIL counter), one track per Python thread
//! with a complete (`X`) slice per state segment ("running on core 0",
//! "waiting for the GIL", "blocked on Lock#3" …), and beside each thread
//! a "locks" track with its lock holds (a second one only when holds of
//! different locks overlap without nesting, since slices on one track
//! must nest). Counters (`C`): who holds the GIL, and each queue's depth.
//! Flows (`s` → `f`): from each queue put to the get of the same item,
//! and from a lock's release to the acquisition it unblocked. Prints are
//! instant (`i`) events. Requests on the simulated network are async
//! (`b`/`e`) slices named by their host. Each asyncio task has a track of
//! its own below its thread's, a slice per step and per await between.
//!
//! Flow binding: a flow start binds to the slice open on its track at
//! its time, a flow end with `"bp": "e"` to the enclosing slice. So each
//! flow end point gets a zero-length marker slice of its own ("put item
//! 5", "release Lock#3") right before it, at the same time, and the
//! events are written in time order with each marker before its flow
//! event: the flow then binds to the marker, never to a print or a
//! nested slice that happens to be open there.
//!
//! Timestamps are microseconds (floats), as the format requires; the
//! log's are virtual nanoseconds.

use std::collections::BTreeMap;

use serde_json::{json, Map, Value};

use super::timeline::{gil_series, gil_spans_of, QueueNames, Timeline};
use super::{Event, ThreadState};
use crate::vm::sched::MAIN_PID;

/// The process id of the program in the trace (a child process has its
/// own pid).
const PID: u32 = 1;

/// What the trace shows besides the log.
#[derive(Clone, Debug, Default)]
pub struct TraceInfo<'a> {
    /// The runtime model's name (`cpython-3.12`): the process is called
    /// `python (<runtime>)`.
    pub runtime: &'a str,
    /// The program's stdout: `Print` events are byte ranges of it.
    pub stdout: &'a str,
}

/// The trace of `events` (a run that ended at `end`, threads named by
/// `names`) as a JSON value.
pub fn trace(events: &[Event], end: u64, names: &[String], info: &TraceInfo) -> Value {
    let tl = Timeline::new(events, end, names);
    Builder::new(&tl, info).build(events)
}

/// The trace as JSON text.
pub fn export(events: &[Event], end: u64, names: &[String], info: &TraceInfo) -> String {
    trace(events, end, names, info).to_string()
}

/// Virtual ns → trace µs. Perfetto reads a fractional timestamp back as
/// `(µs * 1000)` truncated to whole nanoseconds, and for many values that
/// product falls just below the integer: such values are nudged up to the
/// next float, so that every time and duration comes back exact and
/// adjacent slices stay adjacent instead of overlapping by 1 ns.
fn us(ns: u64) -> f64 {
    let mut x = ns as f64 / 1000.0;
    while ((x * 1000.0) as u64) < ns {
        x = x.next_up();
    }
    x
}

/// The track id of thread `thread`'s own track.
fn thread_tid(thread: u32) -> u64 {
    u64::from(thread) + 1
}

/// The track id of thread `thread`'s `lane`-th locks track.
fn lock_tid(thread: u32, lane: usize) -> u64 {
    100_000 * (lane as u64 + 1) + u64::from(thread) + 1
}

/// The track id of an asyncio task's track (`task` on `thread`'s loop).
fn task_tid(thread: u32, task: u64) -> u64 {
    10_000_000 + 100_000 * u64::from(thread) + task % 100_000
}

/// The thread whose track `tid` is (its own, a locks track or a task's),
/// None for the process-wide tracks (the GIL counter).
fn thread_of_tid(tid: u64) -> Option<u32> {
    let thread = match tid {
        0 => return None,
        1..100_000 => tid - 1,
        100_000..10_000_000 => (tid % 100_000).checked_sub(1)?,
        _ => (tid - 10_000_000) / 100_000,
    };
    u32::try_from(thread).ok()
}

/// The name of a state segment, its colour (`cname`, one of the trace
/// viewer's reserved names) and its details.
fn describe_state(state: &ThreadState) -> (String, &'static str, Value) {
    match state {
        ThreadState::Running { core } => (
            format!("running on core {core}"),
            "thread_state_running",
            json!({ "state": "running", "core": core }),
        ),
        ThreadState::Ready => (
            "ready (no free core)".into(),
            "thread_state_runnable",
            json!({ "state": "ready" }),
        ),
        ThreadState::WaitGil => (
            "waiting for the GIL".into(),
            "thread_state_unknown",
            json!({ "state": "waiting for the GIL" }),
        ),
        ThreadState::Blocked { on, lock } => (
            format!("blocked on {on}"),
            "thread_state_uninterruptible",
            json!({ "state": "blocked", "on": on, "lock": lock }),
        ),
        ThreadState::Sleeping => (
            "sleeping".into(),
            "thread_state_sleeping",
            json!({ "state": "sleeping" }),
        ),
        ThreadState::Io => (
            "in I/O".into(),
            "thread_state_iowait",
            json!({ "state": "io" }),
        ),
        ThreadState::Done => ("done".into(), "thread_state_unknown", json!({})),
    }
}

struct Builder<'a> {
    tl: &'a Timeline,
    info: &'a TraceInfo<'a>,
    /// Metadata events, written first.
    meta: Vec<Value>,
    /// Timed events with (time in ns, order of creation): written sorted.
    timed: Vec<(u64, usize, Value)>,
    next_flow: u64,
}

impl<'a> Builder<'a> {
    fn new(tl: &'a Timeline, info: &'a TraceInfo<'a>) -> Builder<'a> {
        Builder {
            tl,
            info,
            meta: Vec::new(),
            timed: Vec::new(),
            next_flow: 0,
        }
    }

    fn push(&mut self, t: u64, mut event: Value) {
        if let Some(obj) = event.as_object_mut() {
            obj.insert("ts".into(), json!(us(t)));
            obj.entry("pid").or_insert(json!(PID));
        }
        let k = self.timed.len();
        self.timed.push((t, k, event));
    }

    fn thread_meta(&mut self, tid: u64, name: &str, sort_index: u64) {
        self.meta.push(json!({
            "ph": "M", "pid": PID, "tid": tid, "ts": 0,
            "name": "thread_name", "args": { "name": name },
        }));
        self.meta.push(json!({
            "ph": "M", "pid": PID, "tid": tid, "ts": 0,
            "name": "thread_sort_index", "args": { "sort_index": sort_index },
        }));
    }

    fn build(mut self, events: &[Event]) -> Value {
        let runtime = if self.info.runtime.is_empty() {
            "python".to_string()
        } else {
            format!("python ({})", self.info.runtime)
        };
        self.meta.push(json!({
            "ph": "M", "pid": PID, "tid": 0, "ts": 0,
            "name": "process_name", "args": { "name": runtime },
        }));
        for (i, line) in self.tl.threads.iter().enumerate() {
            self.thread_meta(thread_tid(i as u32), &line.name, i as u64 * 100);
        }
        self.states();
        self.tasks(events);
        self.lock_holds(events);
        self.gil_counter();
        self.process_gils(events);
        self.queues(events);
        self.net_requests(events);
        self.prints(events);
        let processes = self.processes(events);
        let Builder {
            mut meta,
            mut timed,
            ..
        } = self;
        timed.sort_by_key(|(t, k, _)| (*t, *k));
        meta.extend(timed.into_iter().map(|(_, _, v)| v));
        // Each thread's tracks go to its own process.
        for e in &mut meta {
            let thread = e["tid"].as_u64().and_then(thread_of_tid);
            if let Some(&pid) = thread.and_then(|t| processes.get(&t)) {
                e["pid"] = json!(pid);
            }
        }
        json!({ "traceEvents": meta, "displayTimeUnit": "ns" })
    }

    /// The processes started during the run: a process track of their own
    /// each (named `ForkPoolWorker-1 (pid 4243)`, labelled with their
    /// parent and start method, sorted in start order after the
    /// program's), and which process each of their threads belongs to.
    fn processes(&mut self, events: &[Event]) -> BTreeMap<u32, i64> {
        let mut of_thread = BTreeMap::new();
        let mut names: BTreeMap<i64, String> = BTreeMap::new();
        let mut order = 0u64;
        for e in events {
            match e {
                Event::ProcessStart {
                    pid,
                    parent,
                    name,
                    method,
                    thread,
                    ..
                } => {
                    of_thread.insert(*thread, *pid);
                    names.insert(*pid, name.clone());
                    order += 1;
                    let parent = if *parent == MAIN_PID {
                        json!(PID)
                    } else {
                        json!(parent)
                    };
                    self.meta.push(json!({
                        "ph": "M", "pid": pid, "tid": 0, "ts": 0,
                        "name": "process_sort_index", "args": { "sort_index": order },
                    }));
                    self.meta.push(json!({
                        "ph": "M", "pid": pid, "tid": 0, "ts": 0, "name": "process_labels",
                        "args": { "labels": format!("child of pid {parent}, {method}") },
                    }));
                }
                Event::ProcessName { pid, name, .. } => {
                    names.insert(*pid, name.clone());
                }
                Event::ThreadProcess { thread, pid } => {
                    of_thread.insert(*thread, *pid);
                }
                _ => {}
            }
        }
        for (pid, name) in names {
            self.meta.push(json!({
                "ph": "M", "pid": pid, "tid": 0, "ts": 0,
                "name": "process_name", "args": { "name": format!("{name} (pid {pid})") },
            }));
        }
        of_thread
    }

    /// Each child process's GIL: a counter like the program's
    /// ([`Builder::gil_counter`]) on its own process track.
    fn process_gils(&mut self, events: &[Event]) {
        let pids: Vec<i64> = events
            .iter()
            .filter_map(|e| match e {
                Event::ProcessStart { pid, .. } => Some(*pid),
                _ => None,
            })
            .collect();
        for pid in pids {
            let series = gil_series(events, Some(pid));
            for span in gil_spans_of(&series, self.tl.end, &self.tl.threads) {
                let name = self.tl.thread_name(span.thread);
                self.push(
                    span.start,
                    json!({ "ph": "C", "pid": pid, "tid": 0, "name": "GIL", "args": { name.clone(): 1 } }),
                );
                self.push(
                    span.end,
                    json!({ "ph": "C", "pid": pid, "tid": 0, "name": "GIL", "args": { name: 0 } }),
                );
            }
        }
    }

    /// One complete slice per state segment, on the thread's track.
    fn states(&mut self) {
        let tl = self.tl;
        for (i, line) in tl.threads.iter().enumerate() {
            for seg in &line.segments {
                let (name, cname, args) = describe_state(&seg.state);
                self.push(
                    seg.start,
                    json!({
                        "ph": "X", "tid": thread_tid(i as u32), "cat": "state",
                        "name": name, "dur": us(seg.duration()), "cname": cname,
                        "args": args,
                    }),
                );
            }
        }
    }

    /// Each asyncio task on a track of its own right below its thread's:
    /// a slice per step ("step") and per time between steps ("awaiting"),
    /// as in the page's task lanes.
    fn tasks(&mut self, events: &[Event]) {
        let mut next_index: BTreeMap<u32, u64> = BTreeMap::new();
        for lane in &super::lanes::task_lanes(events, self.tl) {
            let super::lanes::LaneKind::Task { thread, task } = lane.kind else {
                continue;
            };
            let tid = task_tid(thread, task);
            let k = next_index.entry(thread).or_default();
            *k += 1;
            self.thread_meta(tid, &lane.label, u64::from(thread) * 100 + 20 + *k);
            for span in &lane.spans {
                let (name, cname) = match span.style {
                    super::lanes::Style::Running => ("step", "good"),
                    _ => ("awaiting", "grey"),
                };
                self.push(
                    span.start,
                    json!({
                        "ph": "X", "tid": tid, "cat": "task", "name": name,
                        "dur": us(span.duration()), "cname": cname,
                        "args": { "task": lane.label },
                    }),
                );
            }
        }
    }

    /// A zero-length marker slice on `tid` at `t`, and a flow end point
    /// right after it, which binds to it.
    fn flow_point(&mut self, t: u64, tid: u64, marker: &str, flow: (&str, &str, u64, bool)) {
        let (cat, name, id, start) = flow;
        self.push(
            t,
            json!({ "ph": "X", "tid": tid, "cat": cat, "name": marker, "dur": 0.0 }),
        );
        let mut e = json!({ "ph": if start { "s" } else { "f" }, "tid": tid, "cat": cat, "name": name, "id": id });
        if !start {
            e["bp"] = json!("e");
        }
        self.push(t, e);
    }

    fn new_flow(&mut self) -> u64 {
        self.next_flow += 1;
        self.next_flow
    }

    /// Lock holds on the holders' locks tracks, and a flow from each
    /// release to the acquisition that waited for it.
    fn lock_holds(&mut self, events: &[Event]) {
        let end = self.tl.end;
        // (start, until, lock, thread, count, waited, waiters)
        let mut holds: Vec<(u64, u64, u64, u32, u64, u64, u32)> = events
            .iter()
            .filter_map(|e| match e {
                Event::LockHold {
                    t,
                    until,
                    lock,
                    thread,
                    count,
                    waited,
                    waiters,
                } => {
                    let until = (*until).min(end).max(*t);
                    Some((*t, until, *lock, *thread, *count, *waited, *waiters))
                }
                _ => None,
            })
            .collect();
        // By start, the longer first, so that each lane's slices nest.
        holds.sort_by_key(|h| (h.0, std::cmp::Reverse(h.1)));
        // Per thread: lanes, each a stack of the ends of open holds.
        let mut lanes: BTreeMap<u32, Vec<Vec<u64>>> = BTreeMap::new();
        let mut last_release: BTreeMap<u64, (u64, u32)> = BTreeMap::new();
        for &(t, until, lock, thread, count, waited, waiters) in &holds {
            let stacks = lanes.entry(thread).or_default();
            let lane = stacks
                .iter_mut()
                .position(|stack| {
                    while stack.last().is_some_and(|&e| e <= t) {
                        stack.pop();
                    }
                    stack.last().is_none_or(|&e| until <= e)
                })
                .unwrap_or_else(|| {
                    stacks.push(Vec::new());
                    stacks.len() - 1
                });
            stacks[lane].push(until);
            let name = self.tl.lock_name(lock);
            let tid = lock_tid(thread, lane);
            self.push(
                t,
                json!({
                    "ph": "X", "tid": tid, "cat": "lock", "name": name,
                    "dur": us(until - t),
                    "args": {
                        "lock": lock, "acquisitions": count,
                        "waited_us": us(waited), "waiters_left": waiters,
                    },
                }),
            );
            if waited > 0 {
                if let Some(&(released, by)) = last_release.get(&lock) {
                    let id = self.new_flow();
                    let flow = format!("{name} hand-off");
                    // The end binds to the hold slice just begun.
                    self.push(
                        t,
                        json!({ "ph": "f", "bp": "e", "tid": tid, "cat": "lock", "name": flow, "id": id }),
                    );
                    self.flow_point(
                        released,
                        thread_tid(by),
                        &format!("release {name}"),
                        ("lock", &flow, id, true),
                    );
                }
            }
            last_release.insert(lock, (until, thread));
        }
        let tl = self.tl;
        for (thread, stacks) in lanes {
            let base = tl.thread_name(thread);
            for lane in 0..stacks.len() {
                let name = if lane == 0 {
                    format!("{base} locks")
                } else {
                    format!("{base} locks {}", lane + 1)
                };
                self.thread_meta(
                    lock_tid(thread, lane),
                    &name,
                    u64::from(thread) * 100 + 1 + lane as u64,
                );
            }
        }
    }

    /// Who holds the GIL: one counter series per thread, 1 while held,
    /// named by the thread (and its index when two share a name).
    fn gil_counter(&mut self) {
        let tl = self.tl;
        let series = |thread: u32| {
            let name = tl.thread_name(thread);
            if tl.threads.iter().filter(|t| t.name == name).count() > 1 {
                format!("{name} #{thread}")
            } else {
                name
            }
        };
        for span in &tl.gil {
            let name = series(span.thread);
            self.push(
                span.start,
                json!({ "ph": "C", "tid": 0, "name": "GIL", "args": { name.clone(): 1 } }),
            );
            self.push(
                span.end,
                json!({ "ph": "C", "tid": 0, "name": "GIL", "args": { name: 0 } }),
            );
        }
    }

    /// Queue depth counters, and a flow from each put to its get.
    fn queues(&mut self, events: &[Event]) {
        let names = QueueNames::of_log(events);
        let mut puts: BTreeMap<u64, (u64, u32, u64)> = BTreeMap::new();
        for e in events {
            if let Event::QueuePut {
                t,
                queue,
                item,
                thread,
                ..
            } = e
            {
                puts.insert(*item, (*t, *thread, *queue));
            }
        }
        for e in events {
            let (t, queue, item, depth, thread, put) = match e {
                Event::QueuePut {
                    t,
                    queue,
                    item,
                    depth,
                    thread,
                } => (*t, *queue, *item, *depth, *thread, true),
                Event::QueueGet {
                    t,
                    queue,
                    item,
                    depth,
                    thread,
                } => (*t, *queue, *item, *depth, *thread, false),
                _ => continue,
            };
            let qname = names.name(queue);
            self.push(
                t,
                json!({ "ph": "C", "tid": 0, "name": qname, "args": { "depth": depth } }),
            );
            if put || item == 0 {
                continue;
            }
            let Some(&(put_t, putter, _)) = puts.get(&item) else {
                continue;
            };
            let id = self.new_flow();
            let flow = format!("item {item}");
            self.flow_point(
                put_t,
                thread_tid(putter),
                &format!("put item {item} on {qname}"),
                ("queue", &flow, id, true),
            );
            self.flow_point(
                t,
                thread_tid(thread),
                &format!("get item {item} from {qname}"),
                ("queue", &flow, id, false),
            );
        }
    }

    /// Requests on the simulated network: async slices named by host
    /// (one track group per host, overlapping requests on rows of their
    /// own), with the method, path, status, size and sending thread.
    fn net_requests(&mut self, events: &[Event]) {
        let mut id = 0u64;
        for e in events {
            if let Event::NetRequest {
                t,
                until,
                thread,
                host,
                method,
                path,
                status,
                bytes,
            } = e
            {
                id += 1;
                let sender = self
                    .tl
                    .threads
                    .get(*thread as usize)
                    .map_or(String::new(), |l| l.name.clone());
                let args = json!({
                    "request": format!("{method} {path}"), "status": status,
                    "bytes": bytes, "thread": sender,
                });
                self.push(
                    *t,
                    json!({ "ph": "b", "tid": thread_tid(*thread), "cat": "net", "name": host, "id": id, "args": args }),
                );
                self.push(
                    (*until).max(*t),
                    json!({ "ph": "e", "tid": thread_tid(*thread), "cat": "net", "name": host, "id": id }),
                );
            }
        }
    }

    /// What each print wrote, as an instant on the printing thread.
    fn prints(&mut self, events: &[Event]) {
        let stdout = self.info.stdout;
        for e in events {
            if let Event::Print {
                t,
                thread,
                start,
                end,
            } = e
            {
                let text = stdout
                    .as_bytes()
                    .get(*start as usize..*end as usize)
                    .map(|b| String::from_utf8_lossy(b).into_owned())
                    .unwrap_or_default();
                let mut args = Map::new();
                args.insert("text".into(), json!(text));
                self.push(
                    *t,
                    json!({ "ph": "i", "s": "t", "tid": thread_tid(*thread), "cat": "print", "name": "print", "args": args }),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::trace::GilReason;
    use std::collections::BTreeSet;

    fn state(t: u64, thread: u32, state: ThreadState) -> Event {
        Event::State { t, thread, state }
    }

    /// Main puts an item and releases a lock the worker waits for; the
    /// worker takes the lock and gets the item.
    fn program() -> Vec<Event> {
        vec![
            Event::ThreadStart {
                t: 0,
                thread: 0,
                ident: 1,
            },
            Event::ThreadName {
                t: 0,
                thread: 0,
                name: "MainThread".into(),
            },
            Event::Gil {
                t: 0,
                to: Some(0),
                reason: GilReason::Free,
            },
            state(0, 0, ThreadState::Running { core: 0 }),
            Event::LockName {
                lock: 3,
                name: "Lock#3".into(),
            },
            Event::LockHold {
                t: 50,
                until: 400,
                lock: 3,
                thread: 0,
                count: 1,
                waited: 0,
                waiters: 0,
            },
            Event::ThreadStart {
                t: 100,
                thread: 1,
                ident: 2,
            },
            Event::ThreadName {
                t: 100,
                thread: 1,
                name: "Thread-1".into(),
            },
            state(100, 1, ThreadState::WaitGil),
            Event::QueuePut {
                t: 150,
                queue: 1,
                item: 1,
                depth: 1,
                thread: 0,
            },
            Event::Print {
                t: 160,
                thread: 0,
                start: 0,
                end: 3,
            },
            Event::Gil {
                t: 200,
                to: None,
                reason: GilReason::Blocking,
            },
            state(200, 0, ThreadState::Sleeping),
            Event::Gil {
                t: 205,
                to: Some(1),
                reason: GilReason::Blocking,
            },
            state(205, 1, ThreadState::Running { core: 1 }),
            Event::LockWait {
                t: 250,
                lock: 3,
                thread: 1,
                waiters: 1,
            },
            state(
                250,
                1,
                ThreadState::Blocked {
                    on: "Lock#3".into(),
                    lock: 3,
                },
            ),
            Event::Gil {
                t: 250,
                to: None,
                reason: GilReason::Blocking,
            },
            Event::Gil {
                t: 300,
                to: Some(0),
                reason: GilReason::Free,
            },
            state(300, 0, ThreadState::Running { core: 0 }),
            Event::LockHold {
                t: 405,
                until: 500,
                lock: 3,
                thread: 1,
                count: 1,
                waited: 155,
                waiters: 0,
            },
            state(405, 1, ThreadState::WaitGil),
            state(450, 0, ThreadState::Done),
            Event::Gil {
                t: 450,
                to: None,
                reason: GilReason::Exit,
            },
            Event::Gil {
                t: 455,
                to: Some(1),
                reason: GilReason::Blocking,
            },
            state(455, 1, ThreadState::Running { core: 1 }),
            Event::QueueGet {
                t: 470,
                queue: 1,
                item: 1,
                depth: 0,
                thread: 1,
            },
            state(600, 1, ThreadState::Done),
        ]
    }

    fn exported() -> Value {
        let info = TraceInfo {
            runtime: "cpython-3.12",
            stdout: "hi\n",
        };
        let text = export(&program(), 600, &[], &info);
        serde_json::from_str(&text).expect("valid JSON")
    }

    fn events_of(v: &Value) -> &Vec<Value> {
        v["traceEvents"].as_array().expect("traceEvents")
    }

    #[test]
    fn the_file_is_a_json_object_with_metadata() {
        let v = exported();
        assert_eq!(v["displayTimeUnit"], "ns");
        let events = events_of(&v);
        let meta = |name: &str| -> Vec<&Value> {
            events
                .iter()
                .filter(|e| e["ph"] == "M" && e["name"] == name)
                .collect()
        };
        assert_eq!(
            meta("process_name")[0]["args"]["name"],
            "python (cpython-3.12)"
        );
        let names: Vec<&str> = meta("thread_name")
            .iter()
            .map(|e| e["args"]["name"].as_str().unwrap())
            .collect();
        assert_eq!(
            names,
            [
                "MainThread",
                "Thread-1",
                "MainThread locks",
                "Thread-1 locks"
            ]
        );
        assert_eq!(meta("thread_sort_index").len(), 4);
        // Every event names its phase, process and (but counters) thread.
        for e in events {
            assert!(e["ph"].is_string() && e["pid"] == 1, "{e}");
            assert!(e["ts"].is_number(), "{e}");
        }
    }

    #[test]
    fn states_are_complete_slices_in_microseconds() {
        let v = exported();
        let slices: Vec<&Value> = events_of(&v)
            .iter()
            .filter(|e| e["ph"] == "X" && e["cat"] == "state")
            .collect();
        for e in &slices {
            assert!(e["dur"].as_f64().unwrap() > 0.0, "{e}");
        }
        let names: Vec<(&str, f64, f64)> = slices
            .iter()
            .filter(|e| e["tid"] == 2)
            .map(|e| {
                (
                    e["name"].as_str().unwrap(),
                    e["ts"].as_f64().unwrap(),
                    e["dur"].as_f64().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            names,
            [
                ("waiting for the GIL", 0.1, 0.105),
                ("running on core 1", 0.205, 0.045),
                ("blocked on Lock#3", 0.25, 0.155),
                ("waiting for the GIL", 0.405, 0.05),
                ("running on core 1", 0.455, 0.145),
            ]
        );
        // Written in time order.
        let ts: Vec<f64> = events_of(&v)
            .iter()
            .filter(|e| e["ph"] != "M")
            .map(|e| e["ts"].as_f64().unwrap())
            .collect();
        assert!(ts.windows(2).all(|w| w[0] <= w[1]));
    }

    #[test]
    fn flows_pair_up_and_bind_to_their_markers() {
        let v = exported();
        let events = events_of(&v);
        let mut starts = BTreeMap::new();
        let mut ends = BTreeMap::new();
        for (i, e) in events.iter().enumerate() {
            let ph = e["ph"].as_str().unwrap();
            if ph == "s" || ph == "f" {
                let id = e["id"].as_u64().unwrap();
                // The event before it is the slice it binds to: same
                // track, same time.
                let prev = &events[i - 1];
                assert_eq!(prev["ph"], "X");
                assert_eq!((&prev["tid"], &prev["ts"]), (&e["tid"], &e["ts"]));
                let key = (e["cat"].to_string(), e["name"].to_string(), id);
                if ph == "s" {
                    assert!(starts.insert(key, e).is_none());
                } else {
                    assert_eq!(e["bp"], "e");
                    assert!(ends.insert(key, e).is_none());
                }
            }
        }
        assert_eq!(starts.len(), 2);
        assert_eq!(
            starts.keys().collect::<Vec<_>>(),
            ends.keys().collect::<Vec<_>>()
        );
        for (key, s) in &starts {
            assert!(s["ts"].as_f64() <= ends[key]["ts"].as_f64());
        }
        let lock_flow = starts.values().find(|s| s["cat"] == "lock").unwrap();
        // From main's release at 400 ns.
        assert_eq!(
            (&lock_flow["tid"], lock_flow["ts"].as_f64()),
            (&json!(1), Some(0.4))
        );
        let queue_flow = ends.values().find(|s| s["cat"] == "queue").unwrap();
        assert_eq!(queue_flow["ts"].as_f64(), Some(0.47));
    }

    #[test]
    fn locks_gil_queues_and_prints() {
        let v = exported();
        let events = events_of(&v);
        let holds: Vec<&Value> = events
            .iter()
            .filter(|e| e["ph"] == "X" && e["cat"] == "lock" && e["name"] == "Lock#3")
            .collect();
        assert_eq!(holds.len(), 2);
        assert_eq!(holds[1]["args"]["waited_us"].as_f64(), Some(0.155));
        let gil: Vec<(f64, String)> = events
            .iter()
            .filter(|e| e["ph"] == "C" && e["name"] == "GIL")
            .map(|e| (e["ts"].as_f64().unwrap(), e["args"].to_string()))
            .collect();
        assert_eq!(
            gil,
            [
                (0.0, r#"{"MainThread":1}"#.to_string()),
                (0.2, r#"{"MainThread":0}"#.into()),
                (0.205, r#"{"Thread-1":1}"#.into()),
                (0.25, r#"{"Thread-1":0}"#.into()),
                (0.3, r#"{"MainThread":1}"#.into()),
                (0.45, r#"{"MainThread":0}"#.into()),
                (0.455, r#"{"Thread-1":1}"#.into()),
                (0.6, r#"{"Thread-1":0}"#.into()),
            ]
        );
        let depth: Vec<u64> = events
            .iter()
            .filter(|e| e["ph"] == "C" && e["name"] == "Queue#1")
            .map(|e| e["args"]["depth"].as_u64().unwrap())
            .collect();
        assert_eq!(depth, [1, 0]);
        let print = events.iter().find(|e| e["ph"] == "i").unwrap();
        assert_eq!(
            (&print["s"], &print["args"]["text"]),
            (&json!("t"), &json!("hi\n"))
        );
    }

    #[test]
    fn microseconds_read_back_as_the_exact_nanoseconds() {
        let samples = (0..200_000u64)
            .chain((0..2_000).map(|k| 999_999_999_000 + k * 7_919))
            .chain([u64::from(u32::MAX), 86_400_000_000_000]);
        for ns in samples {
            let text = serde_json::to_string(&us(ns)).unwrap();
            let back: f64 = text.parse().unwrap();
            assert_eq!((back * 1000.0) as u64, ns, "{ns} ns written as {text}");
        }
        assert_eq!(serde_json::to_string(&us(1_500)).unwrap(), "1.5");
    }

    #[test]
    fn threads_of_the_same_name_have_their_own_gil_series() {
        let v = trace(
            &program(),
            600,
            &["worker".into(), "worker".into()],
            &TraceInfo::default(),
        );
        let series: BTreeSet<String> = events_of(&v)
            .iter()
            .filter(|e| e["ph"] == "C" && e["name"] == "GIL")
            .flat_map(|e| e["args"].as_object().unwrap().keys().cloned())
            .collect();
        assert_eq!(
            series.into_iter().collect::<Vec<_>>(),
            ["worker #0", "worker #1"]
        );
    }

    #[test]
    fn overlapping_holds_that_do_not_nest_go_on_a_second_lane() {
        let hold = |t, until, lock| Event::LockHold {
            t,
            until,
            lock,
            thread: 0,
            count: 1,
            waited: 0,
            waiters: 0,
        };
        // A from 0 to 10, B from 5 to 20 (released after A), C nested
        // in B.
        let events = vec![hold(0, 10, 1), hold(5, 20, 2), hold(6, 8, 3)];
        let v = trace(&events, 30, &["MainThread".into()], &TraceInfo::default());
        let lane_of = |name: &str| {
            events_of(&v)
                .iter()
                .find(|e| e["ph"] == "X" && e["name"] == name)
                .map(|e| e["tid"].as_u64().unwrap())
                .unwrap()
        };
        assert_eq!(lane_of("Lock#1"), lock_tid(0, 0));
        assert_eq!(lane_of("Lock#2"), lock_tid(0, 1));
        // C nests inside A on the first lane.
        assert_eq!(lane_of("Lock#3"), lock_tid(0, 0));
        assert_eq!(v["traceEvents"][0]["args"]["name"], "python");
    }
}
