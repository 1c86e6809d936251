//! The timeline's lanes as plain data, for the page to draw and to
//! answer questions about: which lanes there are (grouped by process: the
//! GIL, then each thread, then each lock, then each queue), what is in
//! each over time, what is under the pointer, and who holds what and who
//! waits for whom at an instant.
//!
//! Everything here is computed from the event log and is testable
//! natively; the canvas code in `ui::timeline` only turns [`Rect`]s into
//! pixels. Each lane keeps its spans sorted by start and without overlap,
//! so the spans in view are found by binary search, and [`rects`] merges
//! spans narrower than a pixel, so a frame costs about one rectangle per
//! pixel column per lane however long the run.

use std::collections::{BTreeMap, HashMap};

use super::timeline::{
    gil_handoffs, gil_series, gil_spans_of, handoffs_of, GilSpan, QueueNames, Timeline,
};
use super::{Event, GilReason, ThreadState};
use crate::vm::sched::MAIN_PID;

/// What a span is, for its colour and its description.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Style {
    /// Thread states.
    Running,
    Ready,
    WaitGil,
    Blocked,
    Sleeping,
    Io,
    /// The GIL or a lock held by `Span::thread`.
    Held,
    /// `Span::thread` waits for a lock (a lock lane's waiting strip).
    Waiting,
    /// An asyncio task between two of its steps: it awaits something (a
    /// sleep, a request, a queue, another task) or is ready for the loop
    /// to run it again.
    Awaiting,
}

/// `[start, end)` of virtual ns in one lane.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub start: u64,
    pub end: u64,
    pub style: Style,
    /// The thread in that state, or holding, or waiting.
    pub thread: u32,
    /// The line of the program's file the thread was at when the span
    /// began; 0 when not known.
    pub line: u32,
    /// Running: the core. Blocked: the object's index in
    /// [`Model::objects`]. Held in a GIL lane: the hand-off reason
    /// ([`reason_code`]), [`NONE`] for a first taking. Held in a lock
    /// lane: how many times it was taken in a row (saturated).
    pub detail: u32,
}

/// No detail.
pub const NONE: u32 = u32::MAX;

impl Span {
    pub fn duration(&self) -> u64 {
        self.end - self.start
    }
}

/// An item's way through a queue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Transfer {
    pub put: u64,
    pub get: u64,
    /// The putting and the getting thread.
    pub from: u32,
    pub to: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LaneKind {
    /// The GIL of the lane's group (its process).
    Gil,
    Thread(u32),
    /// An asyncio task on a thread's event loop: its steps (running) and
    /// the time between them (awaiting).
    Task {
        thread: u32,
        task: u64,
    },
    Lock(u64),
    Queue(u64),
    /// A host of the simulated network (by order of its first request):
    /// its requests, which may overlap, and how many were in flight.
    Host(u32),
}

/// One lane.
#[derive(Clone, Debug, PartialEq)]
pub struct Lane {
    pub kind: LaneKind,
    pub label: String,
    /// Sorted by start, not overlapping. Thread lanes: states; GIL and
    /// lock lanes: holdings.
    pub spans: Vec<Span>,
    /// Lock lanes: waits (may overlap), sorted by start. Host lanes: the
    /// requests (`detail` is the index in [`Model::requests`]).
    pub waits: Vec<Span>,
    /// Lock lanes: how many wait, as steps `(from, count)`; queue lanes:
    /// the depth; host lanes: the requests in flight. Sorted by time; each value holds until the next step.
    pub steps: Vec<(u64, u32)>,
    /// The largest step value.
    pub max_step: u32,
    /// Queue lanes: each item from put to get, sorted by put.
    pub transfers: Vec<Transfer>,
    /// Lock lanes: a lock the library made for itself (a label names it:
    /// `Thread.join (Lock#4)`), hidden unless asked for.
    pub internal: bool,
}

impl Lane {
    fn new(kind: LaneKind, label: String) -> Lane {
        Lane {
            kind,
            label,
            spans: Vec::new(),
            waits: Vec::new(),
            steps: Vec::new(),
            max_step: 0,
            transfers: Vec::new(),
            internal: false,
        }
    }

    /// The index of the span at `t`, or failing that of the nearest one
    /// within `slack` ns.
    pub fn span_at(&self, t: f64, slack: f64) -> Option<usize> {
        span_at(&self.spans, t, slack)
    }

    /// The step value at `t` (0 before the first step).
    pub fn step_at(&self, t: u64) -> u32 {
        let k = self.steps.partition_point(|&(s, _)| s <= t);
        if k == 0 {
            0
        } else {
            self.steps[k - 1].1
        }
    }

    /// Threads waiting at `t` (lock lanes).
    pub fn waiting_at(&self, t: u64) -> Vec<u32> {
        let k = self.waits.partition_point(|w| w.start <= t);
        let mut v: Vec<u32> = self.waits[..k]
            .iter()
            .filter(|w| w.end > t)
            .map(|w| w.thread)
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    }
}

/// A process's lanes.
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    /// Its pid (the program is [`MAIN_PID`]).
    pub process: i64,
    pub label: String,
    pub lanes: Vec<Lane>,
}

/// Every lane of a run.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    /// The end of the run (virtual ns).
    pub end: u64,
    pub groups: Vec<Group>,
    /// Thread names by index.
    pub threads: Vec<String>,
    /// What blocked threads wait on (lock descriptions), by index.
    pub objects: Vec<String>,
    /// GIL hand-offs: (time, reason), in time order.
    pub handoffs: Vec<(u64, GilReason)>,
    /// Some span knows its source line.
    pub has_lines: bool,
    /// The requests on the simulated network, by thread then start.
    pub requests: Vec<Request>,
}

/// One request on the simulated network (from [`Event::NetRequest`]): the
/// hover of a thread's I/O lists those it was waiting for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request {
    pub thread: u32,
    /// Sent, and the response complete (virtual ns).
    pub start: u64,
    pub end: u64,
    pub host: String,
    pub method: String,
    pub path: String,
    /// 0: the host did not resolve.
    pub status: u16,
    /// The response body.
    pub bytes: u64,
}

impl Request {
    /// `GET blog.example.com/page/3 → 200, 27.1 KB`.
    pub fn describe(&self) -> String {
        let outcome = if self.status == 0 {
            "no such host".to_owned()
        } else {
            format!("{}, {}", self.status, bytes(self.bytes))
        };
        format!("{} {}{} → {outcome}", self.method, self.host, self.path)
    }
}

/// A byte count as people read it: `812 B`, `27.1 KB`, `3.4 MB`.
pub fn bytes(n: u64) -> String {
    match n {
        0..=999 => format!("{n} B"),
        1_000..=999_999 => format!("{:.1} KB", n as f64 / 1e3),
        _ => format!("{:.1} MB", n as f64 / 1e6),
    }
}

/// The requests of `events`, by thread then start.
fn requests(events: &[Event]) -> Vec<Request> {
    let mut out: Vec<Request> = events
        .iter()
        .filter_map(|e| match e {
            Event::NetRequest {
                t,
                until,
                thread,
                host,
                method,
                path,
                status,
                bytes,
            } => Some(Request {
                thread: *thread,
                start: *t,
                end: (*until).max(*t),
                host: host.clone(),
                method: method.clone(),
                path: path.clone(),
                status: *status,
                bytes: *bytes,
            }),
            _ => None,
        })
        .collect();
    out.sort_by_key(|r| (r.thread, r.start));
    out
}

/// One lane per host of `requests` (as [`requests`] orders them), in the
/// order of each host's first request: each request a span from sending
/// to the last byte, and the count in flight.
fn host_lanes(requests: &[Request]) -> Vec<Lane> {
    let mut hosts: Vec<(&str, u64, Vec<Span>)> = Vec::new();
    for (k, r) in requests.iter().enumerate() {
        let i = match hosts.iter().position(|h| h.0 == r.host) {
            Some(i) => i,
            None => {
                hosts.push((&r.host, r.start, Vec::new()));
                hosts.len() - 1
            }
        };
        hosts[i].1 = hosts[i].1.min(r.start);
        hosts[i].2.push(Span {
            start: r.start,
            end: r.end,
            style: Style::Io,
            thread: r.thread,
            line: 0,
            detail: u32::try_from(k).unwrap_or(NONE - 1),
        });
    }
    hosts.sort_by_key(|h| h.1);
    hosts
        .into_iter()
        .enumerate()
        .map(|(i, (host, _, mut spans))| {
            spans.sort_by_key(|s| (s.start, s.end));
            let mut lane = Lane::new(LaneKind::Host(i as u32), host.to_string());
            lane.steps = count_steps(&spans);
            lane.max_step = lane.steps.iter().map(|s| s.1).max().unwrap_or(0);
            lane.waits = spans;
            lane
        })
        .collect()
}

/// A queue's depth steps and transfers, while being gathered.
/// A queue's depth steps, its transfers and the threads that used it.
type QueueTrack = (Vec<(u64, u32)>, Vec<Transfer>, Vec<u32>);

/// The GIL lane of one interpreter: its holdings, each marked with the
/// reason of the hand-off that began it (`handoffs` of the same GIL).
fn gil_lane(gil: &[GilSpan], handoffs: &[(u64, GilReason)]) -> Lane {
    let mut lane = Lane::new(LaneKind::Gil, "GIL".into());
    lane.spans = gil
        .iter()
        .map(|g| {
            let k = handoffs.partition_point(|&(t, _)| t < g.start);
            let detail = match handoffs.get(k) {
                Some(&(t, r)) if t == g.start => reason_code(r),
                _ => NONE,
            };
            Span {
                start: g.start,
                end: g.end,
                style: Style::Held,
                thread: g.thread,
                line: 0,
                detail,
            }
        })
        .collect();
    no_overlap(&mut lane.spans);
    lane
}

/// A task's spans so far, the open step's start and the last step's end.
type TaskTrack = (Vec<Span>, Option<u64>, Option<u64>);

/// At most this many task lanes per thread (a crawler may make
/// thousands of tasks); the first ones created.
pub const MAX_TASK_LANES: usize = 64;

/// The asyncio tasks' lanes, by thread then task number: each step
/// (from [`Event::TaskStep`] running to not running) a running span,
/// the time between two steps an awaiting span. A step still open when
/// the run ended ends with its thread.
pub(crate) fn task_lanes(events: &[Event], tl: &Timeline) -> Vec<Lane> {
    let mut lanes = task_and_loop_lanes(events, tl);
    // Under each thread its event loop first, then the loop's tasks.
    lanes.sort_by_key(|l| match l.kind {
        LaneKind::Task { thread, task } => (thread, !is_loop(task), task),
        _ => (u32::MAX, true, 0),
    });
    lanes
}

/// Task numbers from here up are event loops, not tasks: asyncio.py's
/// `_LOOP_TRACE_IDS` numbers its loops so. A loop's lane runs while the
/// loop runs callbacks (task steps among them) and awaits (is idle) while
/// it waits for a timer or I/O.
pub const LOOP_TASK: u64 = 1 << 62;

/// Whether a task number of the log is an event loop's (see [`LOOP_TASK`]).
pub fn is_loop(task: u64) -> bool {
    task >= LOOP_TASK
}

/// `Span::detail` of a task lane's spans: [`LOOP_DETAIL`] on an event
/// loop's lane.
fn task_detail(task: u64) -> u32 {
    if is_loop(task) {
        LOOP_DETAIL
    } else {
        NONE
    }
}

/// `Span::detail` of the spans of an event loop's lane.
pub const LOOP_DETAIL: u32 = 1;

fn task_and_loop_lanes(events: &[Event], tl: &Timeline) -> Vec<Lane> {
    let mut names: HashMap<u64, String> = HashMap::new();
    let mut tasks: BTreeMap<(u32, u64), TaskTrack> = BTreeMap::new();
    let mut per_thread: HashMap<u32, usize> = HashMap::new();
    for e in events {
        match e {
            Event::TaskName { task, name } => {
                names.insert(*task, name.clone());
            }
            Event::TaskStep {
                t,
                thread,
                task,
                running,
            } => {
                if !tasks.contains_key(&(*thread, *task)) {
                    let count = per_thread.entry(*thread).or_default();
                    if *count >= MAX_TASK_LANES {
                        continue;
                    }
                    *count += 1;
                }
                let (spans, open, last) = tasks.entry((*thread, *task)).or_default();
                let span = |start: u64, end: u64, style| Span {
                    start,
                    end,
                    style,
                    thread: *thread,
                    line: 0,
                    detail: task_detail(*task),
                };
                if *running {
                    if let Some(since) = last.take().filter(|&l| *t > l) {
                        spans.push(span(since, *t, Style::Awaiting));
                    }
                    open.get_or_insert(*t);
                } else if let Some(start) = open.take() {
                    if *t > start {
                        spans.push(span(start, *t, Style::Running));
                    }
                    *last = Some((*t).max(start));
                }
            }
            _ => {}
        }
    }
    tasks
        .into_iter()
        .map(|((thread, task), (mut spans, open, _))| {
            if let Some(start) = open {
                let stop = tl
                    .threads
                    .get(thread as usize)
                    .map_or(tl.end, |l| l.end)
                    .min(tl.end);
                if stop > start {
                    spans.push(Span {
                        start,
                        end: stop,
                        style: Style::Running,
                        thread,
                        line: 0,
                        detail: task_detail(task),
                    });
                }
            }
            let label = names
                .get(&task)
                .cloned()
                .unwrap_or_else(|| format!("Task-{task}"));
            let mut lane = Lane::new(LaneKind::Task { thread, task }, label);
            lane.spans = spans;
            lane
        })
        .collect()
}

/// The processes of a run and which one each thread belongs to.
struct Processes {
    /// `(pid, label)` in start order, the program first.
    list: Vec<(i64, String)>,
    /// Each thread's pid.
    pid_of: Vec<i64>,
}

impl Processes {
    fn new(events: &[Event], threads: usize) -> Processes {
        let mut list = vec![(MAIN_PID, "MainProcess".to_string())];
        let mut pid_of = vec![MAIN_PID; threads];
        let set = |pid_of: &mut Vec<i64>, thread: u32, pid: i64| {
            if let Some(p) = pid_of.get_mut(thread as usize) {
                *p = pid;
            }
        };
        for e in events {
            match e {
                Event::ProcessStart {
                    pid, name, thread, ..
                } => {
                    set(&mut pid_of, *thread, *pid);
                    list.push((*pid, name.clone()));
                }
                Event::ProcessName { pid, name, .. } => {
                    if let Some(p) = list.iter_mut().find(|p| p.0 == *pid) {
                        p.1 = name.clone();
                    }
                }
                Event::ThreadProcess { thread, pid } => set(&mut pid_of, *thread, *pid),
                _ => {}
            }
        }
        Processes { list, pid_of }
    }

    /// The group (index into `list`) of the threads in `users`: their
    /// process if they share one, else the program's (an object passed
    /// between processes: a `multiprocessing` queue or lock).
    fn group_of(&self, users: impl Iterator<Item = u32>) -> usize {
        let mut pids = users.map(|t| self.pid_of.get(t as usize).copied().unwrap_or(MAIN_PID));
        let Some(first) = pids.next() else { return 0 };
        if pids.any(|p| p != first) {
            return 0;
        }
        self.list.iter().position(|p| p.0 == first).unwrap_or(0)
    }

    /// The lanes in their processes' groups: each process's GIL lane
    /// (`gils`, by pid) first, then its threads (each followed by its
    /// tasks), locks and queues, in `lanes`' order. A run of one process
    /// is one group, `MainProcess`; a child's label names its pid.
    fn group(
        &self,
        gils: Vec<(i64, Lane)>,
        lanes: Vec<Lane>,
        queue_users: &HashMap<u64, Vec<u32>>,
    ) -> Vec<Group> {
        let mut groups: Vec<Group> = self
            .list
            .iter()
            .enumerate()
            .map(|(i, (pid, name))| Group {
                process: *pid,
                label: if i == 0 {
                    name.clone()
                } else {
                    format!("{name} (pid {pid})")
                },
                lanes: Vec::new(),
            })
            .collect();
        for (pid, lane) in gils {
            if let Some(g) = groups.iter_mut().find(|g| g.process == pid) {
                g.lanes.push(lane);
            }
        }
        for lane in lanes {
            let g = match lane.kind {
                LaneKind::Gil => 0,
                LaneKind::Thread(t) | LaneKind::Task { thread: t, .. } => {
                    self.group_of(std::iter::once(t))
                }
                LaneKind::Lock(_) | LaneKind::Host(_) => {
                    self.group_of(lane.spans.iter().chain(&lane.waits).map(|s| s.thread))
                }
                LaneKind::Queue(id) => {
                    self.group_of(queue_users.get(&id).into_iter().flatten().copied())
                }
            };
            groups[g].lanes.push(lane);
        }
        groups.retain(|g| !g.lanes.is_empty() || g.process == MAIN_PID);
        groups
    }
}

/// The code of a reason in [`Span::detail`].
pub fn reason_code(r: GilReason) -> u32 {
    match r {
        GilReason::Interval => 0,
        GilReason::Tick => 1,
        GilReason::Blocking => 2,
        GilReason::Exit => 3,
        GilReason::Free => 4,
    }
}

/// The reason of a code from [`reason_code`].
pub fn reason_of(code: u32) -> Option<GilReason> {
    Some(match code {
        0 => GilReason::Interval,
        1 => GilReason::Tick,
        2 => GilReason::Blocking,
        3 => GilReason::Exit,
        4 => GilReason::Free,
        _ => return None,
    })
}

impl Model {
    /// The lanes of `events`, a run that ended at `end`, threads named by
    /// `names` (else by the log). `lines` gives, for each `State` event in
    /// log order, the source line the thread was at (0 unknown); it may
    /// be empty.
    pub fn new(events: &[Event], end: u64, names: &[String], lines: &[u32]) -> Model {
        let tl = Timeline::new(events, end, names);
        Model::from_timeline(events, &tl, lines)
    }

    /// The lanes from a timeline already built from `events`.
    pub fn from_timeline(events: &[Event], tl: &Timeline, lines: &[u32]) -> Model {
        let end = tl.end;
        let n = tl.threads.len();
        let mut objects: Vec<String> = Vec::new();
        let mut object_ids: HashMap<String, u32> = HashMap::new();
        let mut intern = |s: &str| -> u32 {
            if let Some(&i) = object_ids.get(s) {
                return i;
            }
            let i = objects.len() as u32;
            objects.push(s.to_string());
            object_ids.insert(s.to_string(), i);
            i
        };

        // Thread lanes: the states in log order (each thread's own are in
        // time order), equal states in a row merged, empty ones dropped.
        let mut spans: Vec<Vec<Span>> = vec![Vec::new(); n];
        let mut open: Vec<Option<Span>> = vec![None; n];
        // Lock waits: (lock, span) from the Blocked states.
        let mut waits: BTreeMap<u64, Vec<Span>> = BTreeMap::new();
        let mut close = |span: Span, at: u64, lock: Option<u64>, out: &mut Vec<Span>| {
            let end = at.max(span.start);
            if end == span.start {
                return;
            }
            let span = Span { end, ..span };
            if let Some(lock) = lock {
                waits.entry(lock).or_default().push(Span {
                    style: Style::Waiting,
                    ..span
                });
            }
            if let Some(last) = out.last_mut() {
                if last.style == span.style && last.detail == span.detail && last.end == span.start
                {
                    last.end = span.end;
                    return;
                }
            }
            out.push(span);
        };
        let mut open_lock: Vec<Option<u64>> = vec![None; n];
        let mut k = 0usize;
        for e in events {
            let Event::State { t, thread, state } = e else {
                continue;
            };
            let line = lines.get(k).copied().unwrap_or(0);
            k += 1;
            let i = *thread as usize;
            if i >= n {
                continue;
            }
            if let Some(span) = open[i].take() {
                close(span, *t, open_lock[i].take(), &mut spans[i]);
            }
            let (style, detail, lock) = match state {
                ThreadState::Running { core } => (Style::Running, *core, None),
                ThreadState::Ready => (Style::Ready, NONE, None),
                ThreadState::WaitGil => (Style::WaitGil, NONE, None),
                ThreadState::Blocked { on, lock } => (Style::Blocked, intern(on), Some(*lock)),
                ThreadState::Sleeping => (Style::Sleeping, NONE, None),
                ThreadState::Io => (Style::Io, NONE, None),
                ThreadState::Done => continue,
            };
            open[i] = Some(Span {
                start: *t,
                end: *t,
                style,
                thread: *thread,
                line,
                detail,
            });
            open_lock[i] = lock;
        }
        for i in 0..n {
            if let Some(span) = open[i].take() {
                let stop = tl.threads[i].end.max(span.start).min(end.max(span.start));
                close(span, stop, open_lock[i].take(), &mut spans[i]);
            }
        }
        let has_lines = spans.iter().flatten().any(|s| s.line != 0);

        let procs = Processes::new(events, n);
        let handoffs = gil_handoffs(events);
        // Each interpreter's GIL: the program's, then each process's.
        let mut gils = Vec::new();
        if tl.has_gil {
            gils.push((MAIN_PID, gil_lane(&tl.gil, &handoffs)));
        }
        for &(pid, _) in &procs.list[1..] {
            let series = gil_series(events, Some(pid));
            if !series.is_empty() {
                let gil = gil_spans_of(&series, end, &tl.threads);
                gils.push((pid, gil_lane(&gil, &handoffs_of(&series))));
            }
        }
        let mut lanes = Vec::new();
        let mut tasks = task_lanes(events, tl);
        for (i, s) in spans.into_iter().enumerate() {
            let mut lane = Lane::new(LaneKind::Thread(i as u32), tl.threads[i].name.clone());
            lane.spans = s;
            lanes.push(lane);
            let mine = tasks.partition_point(
                |l| matches!(l.kind, LaneKind::Task { thread, .. } if thread as usize <= i),
            );
            lanes.extend(tasks.drain(..mine));
        }

        // Lock lanes: holds (an open hold ends with the run), waits.
        let mut holds: BTreeMap<u64, Vec<Span>> = BTreeMap::new();
        for e in events {
            if let Event::LockHold {
                t,
                until,
                lock,
                thread,
                count,
                ..
            } = e
            {
                let stop = (*until).min(end).max(*t);
                holds.entry(*lock).or_default().push(Span {
                    start: *t,
                    end: stop,
                    style: Style::Held,
                    thread: *thread,
                    line: 0,
                    detail: u32::try_from(*count).unwrap_or(NONE - 1),
                });
            }
        }
        let mut ids: Vec<u64> = holds.keys().chain(waits.keys()).copied().collect();
        ids.extend(tl.lock_names.keys().copied());
        ids.sort_unstable();
        ids.dedup();
        for id in ids {
            let name = tl.lock_name(id);
            let mut lane = Lane::new(LaneKind::Lock(id), name.clone());
            lane.internal = name.contains(" (");
            let mut h = holds.remove(&id).unwrap_or_default();
            h.sort_by_key(|s| (s.start, s.end));
            h.retain(|s| s.end > s.start);
            no_overlap(&mut h);
            lane.spans = h;
            let mut w = waits.remove(&id).unwrap_or_default();
            w.sort_by_key(|s| (s.start, s.end));
            lane.steps = count_steps(&w);
            lane.max_step = lane.steps.iter().map(|s| s.1).max().unwrap_or(0);
            lane.waits = w;
            lanes.push(lane);
        }

        // Queue lanes: depth steps, and each put paired with its get.
        let names = QueueNames::of_log(events);
        let mut queues: BTreeMap<u64, QueueTrack> = BTreeMap::new();
        let mut puts: HashMap<(u64, u64), (u64, u32)> = HashMap::new();
        let mut gets: Vec<(u64, u64, u64, u32)> = Vec::new();
        for e in events {
            match e {
                Event::QueuePut {
                    t,
                    queue,
                    item,
                    depth,
                    thread,
                } => {
                    let q = queues.entry(*queue).or_default();
                    q.0.push((*t, *depth));
                    q.2.push(*thread);
                    puts.insert((*queue, *item), (*t, *thread));
                }
                Event::QueueGet {
                    t,
                    queue,
                    item,
                    depth,
                    thread,
                } => {
                    let q = queues.entry(*queue).or_default();
                    q.0.push((*t, *depth));
                    q.2.push(*thread);
                    gets.push((*queue, *item, *t, *thread));
                }
                _ => {}
            }
        }
        for (queue, item, t, thread) in gets {
            if let Some((put, from)) = puts.remove(&(queue, item)) {
                if let Some(q) = queues.get_mut(&queue) {
                    q.1.push(Transfer {
                        put,
                        get: t.max(put),
                        from,
                        to: thread,
                    });
                }
            }
        }
        let mut queue_users: HashMap<u64, Vec<u32>> = HashMap::new();
        for (id, (mut depth, mut transfers, users)) in queues {
            depth.sort_by_key(|&(t, _)| t);
            transfers.sort_by_key(|x| (x.put, x.get));
            let mut lane = Lane::new(LaneKind::Queue(id), names.name(id));
            lane.max_step = depth.iter().map(|d| d.1).max().unwrap_or(0);
            lane.steps = depth;
            lane.transfers = transfers;
            queue_users.insert(id, users);
            lanes.push(lane);
        }

        let requests = requests(events);
        lanes.extend(host_lanes(&requests));
        let groups = procs.group(gils, lanes, &queue_users);
        Model {
            end,
            groups,
            threads: tl.threads.iter().map(|t| t.name.clone()).collect(),
            objects,
            handoffs,
            has_lines,
            requests,
        }
    }

    /// The requests `thread` had in flight during `[start, end)`.
    pub fn requests_during(&self, thread: u32, start: u64, end: u64) -> Vec<&Request> {
        let first = self.requests.partition_point(|r| r.thread < thread);
        let mine = &self.requests[first..];
        let mine = &mine[..mine.partition_point(|r| r.thread == thread)];
        let upto = mine.partition_point(|r| r.start < end);
        mine[..upto].iter().filter(|r| r.end > start).collect()
    }

    /// How many spans all lanes hold.
    pub fn span_count(&self) -> usize {
        self.groups
            .iter()
            .flat_map(|g| &g.lanes)
            .map(|l| l.spans.len() + l.waits.len())
            .sum()
    }

    pub fn thread_name(&self, thread: u32) -> &str {
        self.threads
            .get(thread as usize)
            .map_or("?", String::as_str)
    }

    /// The lane of a kind, if there is one.
    pub fn lane(&self, kind: LaneKind) -> Option<&Lane> {
        self.groups
            .iter()
            .flat_map(|g| &g.lanes)
            .find(|l| l.kind == kind)
    }

    /// Who holds what and who waits for whom at `t`.
    pub fn snapshot(&self, t: u64) -> Snapshot {
        let mut s = Snapshot {
            t,
            ..Snapshot::default()
        };
        let holder_at = |lane: &Lane| {
            lane.span_at(t as f64, 0.0)
                .map(|i| lane.spans[i])
                .filter(|sp| sp.start <= t && t < sp.end)
                .map(|sp| sp.thread)
        };
        let span_at = |lane: &Lane| {
            lane.span_at(t as f64, 0.0)
                .map(|k| lane.spans[k])
                .filter(|sp| sp.start <= t && t < sp.end)
        };
        for (g, group) in self.groups.iter().enumerate() {
            for lane in &group.lanes {
                s.add(g, group, lane, t, &span_at, &holder_at);
            }
        }
        s
    }
}

impl Snapshot {
    /// What `lane` (of group `g`) says at `t`.
    fn add(
        &mut self,
        g: usize,
        group: &Group,
        lane: &Lane,
        t: u64,
        span_at: &dyn Fn(&Lane) -> Option<Span>,
        holder_at: &dyn Fn(&Lane) -> Option<u32>,
    ) {
        match lane.kind {
            LaneKind::Gil if g == 0 => self.gil = Some(holder_at(lane)),
            LaneKind::Gil => self
                .process_gils
                .push((group.label.clone(), holder_at(lane))),
            LaneKind::Thread(i) => {
                self.threads.push((i, span_at(lane)));
                self.thread_group.push(g);
            }
            LaneKind::Task { .. } => {
                if let Some(sp) = span_at(lane) {
                    self.tasks.push((lane.label.clone(), sp));
                }
            }
            LaneKind::Lock(id) => {
                let holder = holder_at(lane);
                let waiting = lane.waiting_at(t);
                if holder.is_some() || !waiting.is_empty() {
                    self.locks.push(LockAt {
                        lock: id,
                        name: lane.label.clone(),
                        internal: lane.internal,
                        holder,
                        waiting,
                    });
                }
            }
            LaneKind::Queue(_) => {
                if !lane.steps.is_empty() && lane.steps[0].0 <= t {
                    self.queues.push((lane.label.clone(), lane.step_at(t)));
                }
            }
            LaneKind::Host(_) => {
                let n = lane.step_at(t);
                if n > 0 {
                    self.hosts.push((lane.label.clone(), n));
                }
            }
        }
    }
}

/// A lock at an instant.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LockAt {
    pub lock: u64,
    pub name: String,
    pub internal: bool,
    pub holder: Option<u32>,
    pub waiting: Vec<u32>,
}

/// Everything at one instant (see [`Model::snapshot`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Snapshot {
    pub t: u64,
    /// The program's GIL: None without a GIL; Some(None) when it is free.
    pub gil: Option<Option<u32>>,
    /// Each child process's GIL (by its group's label) and its holder.
    pub process_gils: Vec<(String, Option<u32>)>,
    /// Each thread's span at `t` (None: not alive).
    pub threads: Vec<(u32, Option<Span>)>,
    /// The group (process) of each of `threads`.
    pub thread_group: Vec<usize>,
    /// The asyncio tasks alive at `t` (running or awaiting), by label.
    pub tasks: Vec<(String, Span)>,
    /// Locks held or waited for.
    pub locks: Vec<LockAt>,
    /// Queue depths.
    pub queues: Vec<(String, u32)>,
    /// Hosts with requests in flight, and how many.
    pub hosts: Vec<(String, u32)>,
}

impl Snapshot {
    /// One sentence per fact, in English or Chinese: who holds the GIL,
    /// who runs, who waits for what and who holds that.
    pub fn lines(&self, model: &Model, zh: bool) -> Vec<String> {
        let name = |t: u32| model.thread_name(t).to_string();
        let mut out = Vec::new();
        match self.gil {
            Some(Some(h)) => out.push(if zh {
                format!("{} 持有 GIL", name(h))
            } else {
                format!("{} holds the GIL", name(h))
            }),
            Some(None) => out.push(if zh {
                "GIL 空闲".into()
            } else {
                "the GIL is free".into()
            }),
            None => {}
        }
        for (process, holder) in &self.process_gils {
            let process = process.split(" (").next().unwrap_or(process);
            if let Some(h) = holder {
                out.push(if zh {
                    format!("{} 持有 {process} 的 GIL", name(*h))
                } else {
                    format!("{} holds {process}'s GIL", name(*h))
                });
            }
        }
        for (k, (thread, span)) in self.threads.iter().enumerate() {
            let Some(span) = span else { continue };
            let who = name(*thread);
            // The holder of this thread's own process's GIL.
            let gil = match self.thread_group.get(k) {
                Some(0) | None => self.gil,
                Some(&g) => model
                    .groups
                    .get(g)
                    .and_then(|grp| self.process_gils.iter().find(|p| p.0 == grp.label))
                    .map(|p| p.1),
            };
            let text = match span.style {
                Style::Running => {
                    if zh {
                        format!("{who} 在核心 {} 上运行", span.detail)
                    } else {
                        format!("{who} runs on core {}", span.detail)
                    }
                }
                Style::Ready => {
                    if zh {
                        format!("{who} 就绪，等待空闲核心")
                    } else {
                        format!("{who} is ready, waiting for a free core")
                    }
                }
                Style::WaitGil => match gil {
                    Some(Some(h)) if h != *thread => {
                        if zh {
                            format!("{who} 等待 GIL（由 {} 持有）", name(h))
                        } else {
                            format!("{who} waits for the GIL, held by {}", name(h))
                        }
                    }
                    _ => {
                        if zh {
                            format!("{who} 等待 GIL")
                        } else {
                            format!("{who} waits for the GIL")
                        }
                    }
                },
                Style::Blocked => {
                    let what = model
                        .objects
                        .get(span.detail as usize)
                        .cloned()
                        .unwrap_or_default();
                    let holder = self
                        .locks
                        .iter()
                        .find(|l| l.waiting.contains(thread))
                        .and_then(|l| l.holder)
                        // A Condition's waiter lock is taken by the
                        // waiter itself, then waited for: no one else
                        // holds it.
                        .filter(|h| h != thread);
                    match holder {
                        Some(h) => {
                            if zh {
                                format!("{who} 等待 {what}（由 {} 持有）", name(h))
                            } else {
                                format!("{who} waits for {what}, held by {}", name(h))
                            }
                        }
                        None => {
                            if zh {
                                format!("{who} 等待 {what}")
                            } else {
                                format!("{who} waits for {what}")
                            }
                        }
                    }
                }
                Style::Sleeping => {
                    if zh {
                        format!("{who} 在睡眠")
                    } else {
                        format!("{who} sleeps")
                    }
                }
                Style::Io => {
                    if zh {
                        format!("{who} 在等待 I/O")
                    } else {
                        format!("{who} waits for I/O")
                    }
                }
                Style::Held | Style::Waiting | Style::Awaiting => continue,
            };
            out.push(text);
        }
        for (task, span) in &self.tasks {
            let who = name(span.thread);
            if span.detail == LOOP_DETAIL {
                out.push(match (span.style, zh) {
                    (Style::Running, false) => format!("{who}'s event loop runs callbacks"),
                    (Style::Running, true) => format!("{who} 的事件循环在运行回调"),
                    (_, false) => format!("{who}'s event loop is idle (waits for a timer or I/O)"),
                    (_, true) => format!("{who} 的事件循环空闲（等待定时器或 I/O）"),
                });
                continue;
            }
            out.push(match (span.style, zh) {
                (Style::Running, false) => format!("{task} runs (in {who}'s event loop)"),
                (Style::Running, true) => format!("{task} 运行中（{who} 的事件循环）"),
                (_, false) => format!("{task} awaits"),
                (_, true) => format!("{task} 在 await 中等待"),
            });
        }
        for l in self.locks.iter().filter(|l| !l.internal) {
            if let Some(h) = l.holder {
                out.push(if zh {
                    format!("{} 持有 {}", name(h), l.name)
                } else {
                    format!("{} holds {}", name(h), l.name)
                });
            }
        }
        for (q, depth) in &self.queues {
            out.push(if zh {
                format!("{q} 中有 {depth} 项")
            } else {
                format!(
                    "{q} holds {depth} item{}",
                    if *depth == 1 { "" } else { "s" }
                )
            });
        }
        for (host, n) in &self.hosts {
            out.push(if zh {
                format!("{host}：{n} 个请求进行中")
            } else {
                format!(
                    "{host}: {n} request{} in flight",
                    if *n == 1 { "" } else { "s" }
                )
            });
        }
        out
    }
}

/// Makes spans sorted by start not overlap: a span starting before the
/// previous one ends starts where it ends (and goes if nothing is left).
fn no_overlap(spans: &mut Vec<Span>) {
    let mut last_end = 0u64;
    spans.retain_mut(|s| {
        if s.start < last_end {
            s.start = last_end;
        }
        if s.end <= s.start {
            return false;
        }
        last_end = s.end;
        true
    });
}

/// How many spans cover each moment, as steps.
fn count_steps(spans: &[Span]) -> Vec<(u64, u32)> {
    let mut edges: Vec<(u64, i32)> = Vec::with_capacity(spans.len() * 2);
    for s in spans {
        edges.push((s.start, 1));
        edges.push((s.end, -1));
    }
    edges.sort_unstable();
    let mut out: Vec<(u64, u32)> = Vec::new();
    let mut n: i32 = 0;
    for (t, d) in edges {
        n += d;
        let v = n.max(0) as u32;
        match out.last_mut() {
            Some(last) if last.0 == t => last.1 = v,
            _ => out.push((t, v)),
        }
    }
    out.dedup_by(|b, a| a.1 == b.1);
    out
}

/// The span at `t` in `spans` (sorted, not overlapping), else the nearest
/// within `slack`.
pub fn span_at(spans: &[Span], t: f64, slack: f64) -> Option<usize> {
    let k = spans.partition_point(|s| (s.end as f64) <= t);
    let at = |i: usize| -> Option<f64> {
        let s = spans.get(i)?;
        let (a, b) = (s.start as f64, s.end as f64);
        Some(if t < a {
            a - t
        } else if t >= b {
            t - b
        } else {
            0.0
        })
    };
    let mut best: Option<(usize, f64)> = None;
    for i in [k.wrapping_sub(1), k] {
        if let Some(d) = at(i) {
            if d <= slack && best.is_none_or(|(_, bd)| d < bd) {
                best = Some((i, d));
            }
        }
    }
    best.map(|(i, _)| i)
}

/// The visible time range and the plot's place on the canvas.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct View {
    /// Visible virtual time, ns.
    pub t0: f64,
    pub t1: f64,
    /// The plot's left edge and width, px.
    pub left: f64,
    pub width: f64,
}

/// The narrowest time range one can zoom to (ns).
pub const MIN_RANGE: f64 = 20.0;

impl View {
    /// The whole run, `[0, end]`.
    pub fn fit(end: u64, left: f64, width: f64) -> View {
        View {
            t0: 0.0,
            t1: (end as f64).max(MIN_RANGE),
            left,
            width: width.max(1.0),
        }
    }

    pub fn x(&self, t: f64) -> f64 {
        self.left + (t - self.t0) * self.width / (self.t1 - self.t0)
    }

    pub fn t(&self, x: f64) -> f64 {
        self.t0 + (x - self.left) * (self.t1 - self.t0) / self.width
    }

    /// ns per pixel.
    pub fn ns_per_px(&self) -> f64 {
        (self.t1 - self.t0) / self.width
    }

    /// Zooms by `factor` (< 1 in, > 1 out) keeping the time under `x`
    /// where it is, within `[0, end]`.
    pub fn zoom(&mut self, x: f64, factor: f64, end: u64) {
        let end = (end as f64).max(MIN_RANGE);
        let at = self.t(x.clamp(self.left, self.left + self.width));
        let range = ((self.t1 - self.t0) * factor).clamp(MIN_RANGE, end);
        let frac = (at - self.t0) / (self.t1 - self.t0);
        self.t0 = at - frac * range;
        self.t1 = self.t0 + range;
        self.clamp(end);
    }

    /// Moves the view by `dx` pixels (positive: to earlier times, as when
    /// dragging the content right).
    pub fn pan(&mut self, dx: f64, end: u64) {
        let dt = dx * self.ns_per_px();
        self.t0 -= dt;
        self.t1 -= dt;
        self.clamp((end as f64).max(MIN_RANGE));
    }

    fn clamp(&mut self, end: f64) {
        let range = self.t1 - self.t0;
        if self.t0 < 0.0 {
            self.t0 = 0.0;
            self.t1 = range;
        }
        if self.t1 > end {
            self.t1 = end;
            self.t0 = (end - range).max(0.0);
        }
    }
}

/// A rectangle to fill: `[x0, x1)` px, at least one pixel wide.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x0: f64,
    pub x1: f64,
    pub style: Style,
    pub thread: u32,
}

/// The rectangles of the spans in view. Spans narrower than a pixel merge
/// with their neighbours in the same pixel column (the widest piece seen
/// gives the colour), so there are at most about `view.width` rectangles;
/// the spans wholly inside a column already covered are skipped by binary
/// search, so a frame costs about `width × log(spans)`, not `spans`.
pub fn rects(spans: &[Span], view: &View) -> Vec<Rect> {
    let mut out: Vec<Rect> = Vec::new();
    let mut i = spans.partition_point(|s| (s.end as f64) <= view.t0);
    let right = view.left + view.width;
    let mut pending: Option<(Rect, f64)> = None;
    while let Some(s) = spans.get(i) {
        if s.start as f64 >= view.t1 {
            break;
        }
        let a = view.x(s.start as f64).max(view.left);
        let b = view.x(s.end as f64).min(right);
        let piece = b - a;
        i += 1;
        match &mut pending {
            Some((r, widest)) if a < r.x0 + 1.0 => {
                r.x1 = r.x1.max(b);
                if piece > *widest {
                    *widest = piece;
                    r.style = s.style;
                    r.thread = s.thread;
                }
                // Spans ending inside this pixel column change nothing
                // that shows: skip them.
                if r.x1 < r.x0 + 1.0 {
                    let edge = view.t(r.x0 + 1.0);
                    i += spans[i..].partition_point(|s| (s.end as f64) <= edge);
                }
            }
            _ => {
                if let Some((r, _)) = pending.take() {
                    out.push(widen(r, right));
                }
                pending = Some((
                    Rect {
                        x0: a,
                        x1: b,
                        style: s.style,
                        thread: s.thread,
                    },
                    piece,
                ));
                if piece < 1.0 {
                    let edge = view.t(a + 1.0);
                    let skip = spans[i..].partition_point(|s| (s.end as f64) <= edge);
                    if skip > 0 {
                        // The widest of the skipped pieces is not known;
                        // the span at the column's end stands for them.
                        if let Some((r, _)) = &mut pending {
                            r.x1 = r.x1.max(view.x(spans[i + skip - 1].end as f64).min(right));
                        }
                        i += skip;
                    }
                }
            }
        }
    }
    if let Some((r, _)) = pending {
        out.push(widen(r, right));
    }
    out
}

fn widen(mut r: Rect, right: f64) -> Rect {
    if r.x1 - r.x0 < 1.0 {
        r.x1 = (r.x0 + 1.0).min(right.max(r.x0 + 1.0));
    }
    r
}

/// Step values in view as `(x0, x1, value)`, at most about one per pixel
/// (the largest value of a pixel column wins, so a short peak shows).
pub fn step_rects(steps: &[(u64, u32)], view: &View, end: u64) -> Vec<(f64, f64, u32)> {
    let mut out: Vec<(f64, f64, u32)> = Vec::new();
    let k = steps.partition_point(|&(t, _)| (t as f64) <= view.t0);
    let first = k.saturating_sub(1);
    let right = view.left + view.width;
    for (i, &(t, v)) in steps.iter().enumerate().skip(first) {
        if t as f64 >= view.t1 {
            break;
        }
        let stop = steps.get(i + 1).map_or(end, |s| s.0);
        let a = view.x(t as f64).max(view.left);
        let b = view.x(stop as f64).min(right);
        match out.last_mut() {
            Some(last) if a < last.0 + 1.0 => {
                last.1 = last.1.max(b);
                last.2 = last.2.max(v);
            }
            _ => out.push((a, b.max(a), v)),
        }
    }
    out.retain(|r| r.2 > 0);
    for r in &mut out {
        if r.1 - r.0 < 1.0 {
            r.1 = r.0 + 1.0;
        }
    }
    out
}

/// Time-axis ticks for a view: `(x, label)` and the unit's name. The step
/// is 1, 2 or 5 times a power of ten, about `spacing` pixels apart.
pub fn ticks(view: &View, spacing: f64) -> (Vec<(f64, String)>, &'static str) {
    let range = (view.t1 - view.t0).max(1e-9);
    let want = (view.width / spacing).max(1.0);
    let raw = range / want;
    let p = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * p)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * p)
        .max(1.0);
    let (div, unit) = unit_for(range);
    let decimals = (-(step / div).log10().floor()).max(0.0) as usize;
    let mut out = Vec::new();
    let mut t = (view.t0 / step).ceil() * step;
    while t <= view.t1 + step * 1e-9 && out.len() < 1000 {
        out.push((view.x(t), format!("{:.*}", decimals, t / div)));
        t += step;
    }
    (out, unit)
}

/// The unit that shows a duration of about `ns` nicely: its size in ns
/// and its name.
pub fn unit_for(ns: f64) -> (f64, &'static str) {
    if ns < 1e3 {
        (1.0, "ns")
    } else if ns < 1e6 {
        (1e3, "µs")
    } else if ns < 1e9 {
        (1e6, "ms")
    } else {
        (1e9, "s")
    }
}

/// A duration with its unit: `830 ns`, `12.5 µs`, `3.20 ms`, `1.50 s`.
pub fn duration(ns: u64) -> String {
    let (div, unit) = unit_for(ns as f64);
    if div == 1.0 {
        return format!("{ns} ns");
    }
    let v = ns as f64 / div;
    let decimals = if v < 10.0 {
        2
    } else if v < 100.0 {
        1
    } else {
        0
    };
    format!("{v:.decimals$} {unit}")
}

/// Where each lane is drawn: rows from top to bottom.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub rows: Vec<Row>,
    /// Below the last row.
    pub height: f64,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Row {
    pub y: f64,
    pub h: f64,
    pub group: usize,
    /// None: the group's header.
    pub lane: Option<usize>,
}

/// Lane heights.
pub const HEADER_H: f64 = 18.0;
pub const LANE_H: f64 = 20.0;
pub const LOCK_H: f64 = 24.0;
pub const QUEUE_H: f64 = 34.0;
pub const GAP: f64 = 4.0;

impl Layout {
    /// Rows from `top`: each group's header then its lanes (internal locks
    /// only when `internal_locks`).
    pub fn new(model: &Model, top: f64, internal_locks: bool) -> Layout {
        let mut rows = Vec::new();
        let mut y = top;
        for (g, group) in model.groups.iter().enumerate() {
            rows.push(Row {
                y,
                h: HEADER_H,
                group: g,
                lane: None,
            });
            y += HEADER_H;
            for (l, lane) in group.lanes.iter().enumerate() {
                let h = match lane.kind {
                    LaneKind::Lock(_) if lane.internal && !internal_locks => continue,
                    LaneKind::Lock(_) => LOCK_H,
                    LaneKind::Queue(_) => QUEUE_H,
                    LaneKind::Host(_) => LOCK_H,
                    _ => LANE_H,
                };
                rows.push(Row {
                    y,
                    h,
                    group: g,
                    lane: Some(l),
                });
                y += h + GAP;
            }
        }
        Layout { rows, height: y }
    }

    /// The row at `y`.
    pub fn row_at(&self, y: f64) -> Option<Row> {
        let k = self.rows.partition_point(|r| r.y + r.h <= y);
        self.rows.get(k).copied().filter(|r| r.y <= y)
    }

    /// How many lanes (not headers).
    pub fn lane_count(&self) -> usize {
        self.rows.iter().filter(|r| r.lane.is_some()).count()
    }
}

/// What is under the pointer.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub group: usize,
    pub lane: usize,
    pub span: Span,
    /// Lock lanes: the waiting strip was hit (the span is one wait).
    pub waiting: bool,
}

/// The span under `(x, y)`, with a few pixels of slack so thin spans can
/// be hit.
pub fn hit(model: &Model, layout: &Layout, view: &View, x: f64, y: f64) -> Option<Hit> {
    if x < view.left || x > view.left + view.width {
        return None;
    }
    let row = layout.row_at(y)?;
    let l = row.lane?;
    let lane = model.groups.get(row.group)?.lanes.get(l)?;
    let t = view.t(x);
    let slack = 3.0 * view.ns_per_px();
    if let LaneKind::Lock(_) = lane.kind {
        // The lower third shows the waits.
        if y > row.y + row.h * 2.0 / 3.0 {
            let k = lane
                .waits
                .partition_point(|w| (w.start as f64) <= t + slack);
            let best = lane.waits[..k]
                .iter()
                .filter(|w| (w.end as f64) + slack > t)
                .max_by_key(|w| w.duration())
                .copied();
            return best.map(|span| Hit {
                group: row.group,
                lane: l,
                span,
                waiting: true,
            });
        }
    }
    if let LaneKind::Queue(_) | LaneKind::Host(_) = lane.kind {
        // The depth (requests in flight) there, as a span from this step
        // to the next.
        let k = lane.steps.partition_point(|&(s, _)| (s as f64) <= t);
        if k == 0 {
            return None;
        }
        let (start, depth) = lane.steps[k - 1];
        let end = lane.steps.get(k).map_or(model.end, |s| s.0).max(start);
        return Some(Hit {
            group: row.group,
            lane: l,
            span: Span {
                start,
                end,
                style: Style::Held,
                thread: NONE,
                line: 0,
                detail: depth,
            },
            waiting: false,
        });
    }
    let i = lane.span_at(t, slack)?;
    Some(Hit {
        group: row.group,
        lane: l,
        span: lane.spans[i],
        waiting: false,
    })
}

/// A made-up run of `segments` thread states over `threads` threads
/// under a GIL, one running at a time, for measuring how fast the
/// timeline draws. Deterministic.
pub fn synthetic(segments: usize, threads: u32) -> Model {
    let threads = threads.max(1);
    let mut events = Vec::with_capacity(segments + 64);
    for i in 0..threads {
        events.push(Event::ThreadStart {
            t: 0,
            thread: i,
            ident: u64::from(i) + 1,
        });
        events.push(Event::ThreadName {
            t: 0,
            thread: i,
            name: if i == 0 {
                "MainThread".into()
            } else {
                format!("Thread-{i}")
            },
        });
    }
    let mut t = 0u64;
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    let mut holder = 0u32;
    let per_round = segments / threads as usize;
    let others = [
        ThreadState::WaitGil,
        ThreadState::Sleeping,
        ThreadState::Ready,
    ];
    let mut prev = vec![ThreadState::Done; threads as usize];
    for _ in 0..per_round.max(1) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let next = (holder + 1 + (x % u64::from(threads.max(2) - 1)) as u32) % threads;
        let dt = 1_000 + x % 50_000;
        events.push(Event::Gil {
            t,
            to: Some(holder),
            reason: if x.is_multiple_of(3) {
                GilReason::Blocking
            } else {
                GilReason::Interval
            },
        });
        for i in 0..threads {
            let state = if i == holder {
                ThreadState::Running { core: i % 2 }
            } else {
                // A state other than the thread's last, so that every
                // event starts a segment.
                let k = ((x >> (i % 60)) % 3) as usize;
                let mut s = others[k].clone();
                if prev[i as usize] == s {
                    s = others[(k + 1) % 3].clone();
                }
                s
            };
            prev[i as usize] = state.clone();
            events.push(Event::State {
                t,
                thread: i,
                state,
            });
        }
        t += dt;
        holder = if next == holder {
            (holder + 1) % threads
        } else {
            next
        };
    }
    Model::new(&events, t, &[], &[])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(t: u64, thread: u32, state: ThreadState) -> Event {
        Event::State { t, thread, state }
    }

    fn start(t: u64, thread: u32, name: &str) -> [Event; 2] {
        [
            Event::ThreadStart {
                t,
                thread,
                ident: 1 + u64::from(thread),
            },
            Event::ThreadName {
                t,
                thread,
                name: name.into(),
            },
        ]
    }

    const RUN0: ThreadState = ThreadState::Running { core: 0 };
    const RUN1: ThreadState = ThreadState::Running { core: 1 };

    fn blocked(lock: u64) -> ThreadState {
        ThreadState::Blocked {
            on: format!("Lock#{lock}"),
            lock,
        }
    }

    /// Main runs, takes Lock#5 at 10 and holds it until 60; Thread-1 waits
    /// for it from 20 to 60, then holds it to 80; a queue gets an item put
    /// at 30 by main and taken at 70 by Thread-1.
    fn run() -> (Vec<Event>, Vec<u32>) {
        let mut e: Vec<Event> = Vec::new();
        e.extend(start(0, 0, "MainThread"));
        e.extend(start(0, 1, "Thread-1"));
        e.push(Event::Gil {
            t: 0,
            to: Some(0),
            reason: GilReason::Free,
        });
        e.push(state(0, 0, RUN0));
        e.push(state(0, 1, ThreadState::WaitGil));
        e.push(Event::LockName {
            lock: 5,
            name: "Lock#5".into(),
        });
        e.push(Event::LockName {
            lock: 6,
            name: "Thread.join (Lock#6)".into(),
        });
        e.push(Event::LockHold {
            t: 10,
            until: 60,
            lock: 5,
            thread: 0,
            count: 1,
            waited: 0,
            waiters: 0,
        });
        e.push(Event::Gil {
            t: 15,
            to: None,
            reason: GilReason::Blocking,
        });
        e.push(state(15, 0, ThreadState::Sleeping));
        e.push(Event::Gil {
            t: 18,
            to: Some(1),
            reason: GilReason::Blocking,
        });
        e.push(state(18, 1, RUN1));
        e.push(state(20, 1, blocked(5)));
        e.push(Event::QueuePut {
            t: 30,
            queue: 1,
            item: 7,
            depth: 1,
            thread: 0,
        });
        e.push(state(40, 0, RUN0));
        e.push(state(60, 1, RUN1));
        e.push(Event::LockHold {
            t: 60,
            until: u64::MAX,
            lock: 5,
            thread: 1,
            count: 3,
            waited: 40,
            waiters: 1,
        });
        e.push(Event::QueueGet {
            t: 70,
            queue: 1,
            item: 7,
            depth: 0,
            thread: 1,
        });
        e.push(state(90, 1, ThreadState::Done));
        let states = e
            .iter()
            .filter(|x| matches!(x, Event::State { .. }))
            .count();
        let lines = (0..states as u32).map(|i| 10 + i).collect();
        (e, lines)
    }

    fn model() -> Model {
        let (e, lines) = run();
        Model::new(&e, 100, &[], &lines)
    }

    #[test]
    fn lanes_come_in_order_gil_threads_locks_queues() {
        let m = model();
        assert_eq!(m.groups.len(), 1);
        let kinds: Vec<LaneKind> = m.groups[0].lanes.iter().map(|l| l.kind).collect();
        assert_eq!(
            kinds,
            vec![
                LaneKind::Gil,
                LaneKind::Thread(0),
                LaneKind::Thread(1),
                LaneKind::Lock(5),
                LaneKind::Lock(6),
                LaneKind::Queue(1)
            ]
        );
        let lock6 = m.lane(LaneKind::Lock(6)).unwrap();
        assert!(lock6.internal);
        assert!(!m.lane(LaneKind::Lock(5)).unwrap().internal);
        // The internal lock is hidden unless asked for.
        assert_eq!(Layout::new(&m, 0.0, false).lane_count(), 5);
        assert_eq!(Layout::new(&m, 0.0, true).lane_count(), 6);
    }

    #[test]
    fn thread_spans_carry_states_lines_and_objects() {
        let m = model();
        let t1 = m.lane(LaneKind::Thread(1)).unwrap();
        let got: Vec<(u64, u64, Style, u32)> = t1
            .spans
            .iter()
            .map(|s| (s.start, s.end, s.style, s.line))
            .collect();
        // Lines: the 2nd, 4th, 5th, 7th State events (10 + index).
        assert_eq!(
            got,
            vec![
                (0, 18, Style::WaitGil, 11),
                (18, 20, Style::Running, 13),
                (20, 60, Style::Blocked, 14),
                (60, 90, Style::Running, 16),
            ]
        );
        assert_eq!(m.objects[t1.spans[2].detail as usize], "Lock#5");
        assert!(m.has_lines);
        // Main: no Done, so its last state runs to the end.
        let t0 = m.lane(LaneKind::Thread(0)).unwrap();
        assert_eq!(t0.spans.last().unwrap().end, 100);
    }

    #[test]
    fn lock_lane_has_holders_and_waiters() {
        let m = model();
        let l = m.lane(LaneKind::Lock(5)).unwrap();
        let holds: Vec<(u64, u64, u32, u32)> = l
            .spans
            .iter()
            .map(|s| (s.start, s.end, s.thread, s.detail))
            .collect();
        // The open hold ends with the run.
        assert_eq!(holds, vec![(10, 60, 0, 1), (60, 100, 1, 3)]);
        assert_eq!(l.waits.len(), 1);
        assert_eq!((l.waits[0].start, l.waits[0].end), (20, 60));
        assert_eq!(l.steps, vec![(20, 1), (60, 0)]);
        assert_eq!(l.waiting_at(30), vec![1]);
        assert!(l.waiting_at(60).is_empty());
    }

    #[test]
    fn queue_lane_has_depth_and_transfers() {
        let m = model();
        let q = m.lane(LaneKind::Queue(1)).unwrap();
        assert_eq!(q.label, "Queue#1");
        assert_eq!(q.steps, vec![(30, 1), (70, 0)]);
        assert_eq!(q.max_step, 1);
        assert_eq!(
            q.transfers,
            vec![Transfer {
                put: 30,
                get: 70,
                from: 0,
                to: 1
            }]
        );
        assert_eq!(q.step_at(50), 1);
        assert_eq!(q.step_at(29), 0);
    }

    #[test]
    fn gil_lane_knows_the_handoff_reasons() {
        let m = model();
        let g = m.lane(LaneKind::Gil).unwrap();
        let got: Vec<(u64, u64, u32, Option<GilReason>)> = g
            .spans
            .iter()
            .map(|s| (s.start, s.end, s.thread, reason_of(s.detail)))
            .collect();
        assert_eq!(
            got,
            // The holding ends when its thread does.
            vec![(0, 15, 0, None), (18, 90, 1, Some(GilReason::Blocking))]
        );
    }

    #[test]
    fn snapshot_says_who_holds_what_and_who_waits_for_whom() {
        let m = model();
        let s = m.snapshot(30);
        assert_eq!(s.gil, Some(Some(1)));
        let text = s.lines(&m, false);
        assert_eq!(
            text,
            vec![
                "Thread-1 holds the GIL",
                "MainThread sleeps",
                "Thread-1 waits for Lock#5, held by MainThread",
                "MainThread holds Lock#5",
                "Queue#1 holds 1 item",
            ],
            "{text:?}"
        );
        // A thread waiting for a lock it holds itself (a Condition's
        // waiter lock) is not told it is held by itself.
        let mut own = m.clone();
        own.groups[0]
            .lanes
            .iter_mut()
            .find(|l| l.kind == LaneKind::Lock(5))
            .unwrap()
            .spans[0]
            .thread = 1;
        let s_own = own.snapshot(30);
        assert!(s_own
            .lines(&own, false)
            .contains(&"Thread-1 waits for Lock#5".to_string()));
        let zh = s.lines(&m, true);
        assert_eq!(zh[2], "Thread-1 等待 Lock#5（由 MainThread 持有）");
        // Before anything: main runs and holds the GIL, Thread-1 waits
        // for it.
        let s0 = m.snapshot(5).lines(&m, false);
        assert_eq!(
            s0,
            vec![
                "MainThread holds the GIL",
                "MainThread runs on core 0",
                "Thread-1 waits for the GIL, held by MainThread"
            ]
        );
    }

    #[test]
    fn view_zooms_around_the_pointer_pans_and_stays_in_the_run() {
        let mut v = View::fit(1000, 100.0, 500.0);
        assert_eq!((v.t0, v.t1), (0.0, 1000.0));
        let x = 225.0; // t = 250
        v.zoom(x, 0.5, 1000);
        assert!((v.t(x) - 250.0).abs() < 1e-9);
        assert!((v.t1 - v.t0 - 500.0).abs() < 1e-9);
        v.pan(100.0, 1000); // 100 px = 100 ns back
        assert!((v.t0 - 25.0).abs() < 1e-9, "{v:?}");
        v.pan(1e6, 1000);
        assert_eq!(v.t0, 0.0);
        v.pan(-1e6, 1000);
        assert_eq!(v.t1, 1000.0);
        // Zoom out no further than the whole run, in no further than MIN_RANGE.
        v.zoom(300.0, 100.0, 1000);
        assert_eq!((v.t0, v.t1), (0.0, 1000.0));
        for _ in 0..100 {
            v.zoom(300.0, 0.5, 1000);
        }
        assert!((v.t1 - v.t0 - MIN_RANGE).abs() < 1e-9);
    }

    #[test]
    fn rects_cull_to_the_view_and_merge_subpixel_spans() {
        // 10,000 spans of 1 ns alternating styles, then one long span.
        let mut spans: Vec<Span> = (0..10_000u64)
            .map(|i| Span {
                start: i,
                end: i + 1,
                style: if i % 2 == 0 {
                    Style::Running
                } else {
                    Style::WaitGil
                },
                thread: 0,
                line: 0,
                detail: 0,
            })
            .collect();
        spans.push(Span {
            start: 10_000,
            end: 20_000,
            style: Style::Sleeping,
            thread: 0,
            line: 0,
            detail: 0,
        });
        let v = View::fit(20_000, 0.0, 200.0);
        let r = rects(&spans, &v);
        assert!(r.len() <= 201, "{} rects", r.len());
        assert!(r.iter().all(|r| r.x1 - r.x0 >= 1.0 - 1e-9));
        assert_eq!(r.last().unwrap().style, Style::Sleeping);
        // No holes: each rectangle starts where the last one ended (or
        // inside it).
        for w in r.windows(2) {
            assert!(w[1].x0 <= w[0].x1 + 1e-9, "{:?}", w);
        }
        // Both styles show among the merged columns.
        assert!(r.iter().any(|x| x.style == Style::Running));
        assert!((r.last().unwrap().x1 - 200.0).abs() < 1e-9);
        // Zoomed in to 100..110: ten spans, each 20 px wide.
        let v = View {
            t0: 100.0,
            t1: 110.0,
            left: 0.0,
            width: 200.0,
        };
        let r = rects(&spans, &v);
        assert_eq!(r.len(), 10);
        assert_eq!(r[0].x0, 0.0);
        assert_eq!(r[0].style, Style::Running);
        assert_eq!(r[1].style, Style::WaitGil);
        // A view past the spans draws nothing.
        let v = View {
            t0: 30_000.0,
            t1: 40_000.0,
            left: 0.0,
            width: 200.0,
        };
        assert!(rects(&spans, &v).is_empty());
    }

    #[test]
    fn ticks_use_a_unit_that_fits_the_range() {
        let v = View::fit(10_000_000, 0.0, 1000.0); // 10 ms
        let (t, unit) = ticks(&v, 100.0);
        assert_eq!(unit, "ms");
        assert_eq!(t.first().unwrap().1, "0");
        assert_eq!(t[1].1, "1");
        assert_eq!(t.len(), 11);
        let v = View {
            t0: 1_500.0,
            t1: 1_600.0,
            left: 0.0,
            width: 1000.0,
        };
        let (t, unit) = ticks(&v, 100.0);
        assert_eq!(unit, "ns");
        assert_eq!(t[0].1, "1500");
        let v = View {
            t0: 0.0,
            t1: 25_000.0,
            left: 0.0,
            width: 500.0,
        };
        let (t, unit) = ticks(&v, 100.0);
        assert_eq!(unit, "µs");
        assert_eq!(
            t.iter().map(|x| x.1.as_str()).collect::<Vec<_>>(),
            ["0", "5", "10", "15", "20", "25"]
        );
        let v = View::fit(3_000_000_000, 0.0, 600.0);
        assert_eq!(ticks(&v, 100.0).1, "s");
        assert_eq!(duration(830), "830 ns");
        assert_eq!(duration(12_500), "12.5 µs");
        assert_eq!(duration(3_200_000), "3.20 ms");
        assert_eq!(duration(1_500_000_000), "1.50 s");
    }

    #[test]
    fn hit_finds_the_span_under_the_pointer() {
        let m = model();
        let layout = Layout::new(&m, 10.0, false);
        let v = View::fit(100, 100.0, 1000.0); // 10 px per ns
        let row = |kind| {
            let g = &m.groups[0];
            let l = g.lanes.iter().position(|l| l.kind == kind).unwrap();
            *layout.rows.iter().find(|r| r.lane == Some(l)).unwrap()
        };
        let r = row(LaneKind::Thread(1));
        let h = hit(&m, &layout, &v, v.x(30.0), r.y + 5.0).unwrap();
        assert_eq!(
            (h.span.start, h.span.style, h.span.line),
            (20, Style::Blocked, 14)
        );
        // The lock's waiting strip.
        let r = row(LaneKind::Lock(5));
        let h = hit(&m, &layout, &v, v.x(30.0), r.y + r.h - 2.0).unwrap();
        assert!(h.waiting);
        assert_eq!(h.span.thread, 1);
        let h = hit(&m, &layout, &v, v.x(30.0), r.y + 2.0).unwrap();
        assert_eq!((h.span.thread, h.span.start), (0, 10));
        // The queue's depth.
        let r = row(LaneKind::Queue(1));
        let h = hit(&m, &layout, &v, v.x(50.0), r.y + 5.0).unwrap();
        assert_eq!((h.span.start, h.span.end, h.span.detail), (30, 70, 1));
        // Outside the plot, or between lanes: nothing.
        assert!(hit(&m, &layout, &v, 50.0, r.y + 5.0).is_none());
        assert!(hit(&m, &layout, &v, v.x(50.0), layout.height + 50.0).is_none());
    }

    #[test]
    fn synthetic_run_has_the_asked_size_and_draws_in_bounded_rects() {
        let m = synthetic(100_000, 8);
        let n: usize = m.groups[0]
            .lanes
            .iter()
            .filter(|l| matches!(l.kind, LaneKind::Thread(_)))
            .map(|l| l.spans.len())
            .sum();
        assert!(n > 95_000 && n <= 100_000, "{n} thread spans");
        let v = View::fit(m.end, 120.0, 1000.0);
        for lane in &m.groups[0].lanes {
            assert!(rects(&lane.spans, &v).len() <= 1001);
        }
        assert_eq!(synthetic(1000, 4), synthetic(1000, 4));
    }

    #[test]
    fn step_rects_keep_peaks_and_skip_zero() {
        let steps = vec![(0, 1), (10, 3), (11, 0), (50, 2)];
        let v = View::fit(100, 0.0, 10.0); // 10 ns per px
        let r = step_rects(&steps, &v, 100);
        // 0..10 is 1, the 1-ns peak of 3 at 10 shows, 50.. is 2.
        assert_eq!(r[0].2, 1);
        assert!(r.iter().any(|x| x.2 == 3));
        assert_eq!(r.last().unwrap().2, 2);
        assert!((r.last().unwrap().1 - 10.0).abs() < 1e-9);
    }

    #[test]
    fn a_threads_io_lists_the_requests_it_waited_for() {
        let req = |t, until, thread, path: &str, status| Event::NetRequest {
            t,
            until,
            thread,
            host: "blog.example.com".into(),
            method: "GET".into(),
            path: path.into(),
            status,
            bytes: 27_100,
        };
        let events = vec![
            req(50, 90, 1, "/page/2", 200),
            req(10, 40, 0, "/page/1", 200),
            req(10, 80, 1, "/page/3", 404),
            req(60, 70, 0, "/x", 0),
        ];
        let m = Model::new(&events, 100, &[], &[]);
        let paths = |v: Vec<&Request>| v.iter().map(|r| r.path.clone()).collect::<Vec<_>>();
        assert_eq!(paths(m.requests_during(0, 0, 100)), ["/page/1", "/x"]);
        assert_eq!(paths(m.requests_during(0, 40, 60)), Vec::<String>::new());
        assert_eq!(paths(m.requests_during(1, 60, 85)), ["/page/3", "/page/2"]);
        assert_eq!(paths(m.requests_during(1, 80, 85)), ["/page/2"]);
        assert_eq!(paths(m.requests_during(2, 0, 100)), Vec::<String>::new());
        let d: Vec<String> = m.requests.iter().map(Request::describe).collect();
        assert_eq!(d[0], "GET blog.example.com/page/1 → 200, 27.1 KB");
        assert_eq!(d[1], "GET blog.example.com/x → no such host");
        assert_eq!(d[3], "GET blog.example.com/page/2 → 200, 27.1 KB");
    }
}
