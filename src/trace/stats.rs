//! Statistics of a run, read off the event log: where each thread's time
//! went (running, ready without a core, waiting for the GIL, blocked,
//! sleeping, in I/O), how often the GIL changed hands and why, how
//! contended each lock was, how full each queue got, and the requests to
//! each host of the simulated network. [`Stats::render`]
//! writes them as the text table `interleave run --stats` prints.

use std::collections::BTreeMap;

use super::timeline::{gil_handoffs, QueueNames, Timeline};
use super::{Event, GilReason, ThreadState};
use crate::format::group_digits;

/// Where one thread's time went (virtual ns).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ThreadStats {
    pub name: String,
    pub start: u64,
    pub end: u64,
    /// Running Python on a core.
    pub running: u64,
    /// Runnable, but no core free.
    pub ready: u64,
    pub wait_gil: u64,
    /// Blocked on a lock (or join, which waits on a lock).
    pub blocked: u64,
    pub sleeping: u64,
    pub io: u64,
    /// Holding the GIL (running, or ready while holding it).
    pub gil_held: u64,
}

impl ThreadStats {
    /// From start to end.
    pub fn lifetime(&self) -> u64 {
        self.end.saturating_sub(self.start)
    }

    /// The states' times added up: the lifetime, for a thread whose
    /// every moment is in some state.
    pub fn accounted(&self) -> u64 {
        self.running + self.ready + self.wait_gil + self.blocked + self.sleeping + self.io
    }
}

/// One lock's traffic.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LockStats {
    pub id: u64,
    pub name: String,
    /// Successful acquisitions.
    pub acquisitions: u64,
    /// Acquisitions that had to wait.
    pub contended: u64,
    /// Waiting time of all acquisitions (virtual ns).
    pub total_wait: u64,
    pub max_wait: u64,
    /// The most threads waiting for it at once.
    pub max_waiters: u32,
}

/// One queue's traffic (the queues `_thread._note_queue` reported).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct QueueStats {
    pub id: u64,
    pub name: String,
    pub puts: u64,
    pub gets: u64,
    pub max_depth: u32,
    /// Depth averaged over time, from the queue's first put or get to the
    /// end of the run.
    pub mean_depth: f64,
}

/// The requests to one host of the simulated network.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HostStats {
    pub host: String,
    pub requests: u64,
    /// Response bodies, in bytes.
    pub bytes: u64,
    /// Sending to last byte, added up and at most (virtual ns).
    pub total_time: u64,
    pub max_time: u64,
    /// The most requests to it in flight at once.
    pub max_in_flight: u32,
}

/// The statistics of one run.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Stats {
    /// The end of the run (virtual ns).
    pub end: u64,
    /// By thread index.
    pub threads: Vec<ThreadStats>,
    /// The runtime has a GIL (its log has GIL events).
    pub has_gil: bool,
    /// Times the GIL went to another thread, by reason (see
    /// [`gil_handoffs`]), reasons in a fixed order, zero counts left out.
    pub gil_handoffs: Vec<(GilReason, u64)>,
    /// By lock id.
    pub locks: Vec<LockStats>,
    /// By queue id.
    pub queues: Vec<QueueStats>,
    /// The most threads running at once (on different cores).
    pub max_parallel: u32,
    /// Requests on the simulated network, by host (in order of first
    /// request).
    pub hosts: Vec<HostStats>,
}

const REASONS: [GilReason; 5] = [
    GilReason::Interval,
    GilReason::Tick,
    GilReason::Blocking,
    GilReason::Exit,
    GilReason::Free,
];

impl Stats {
    /// The statistics of `events`, a run that ended at `end`, with the
    /// threads named by `names` (by index; the log's names otherwise).
    pub fn new(events: &[Event], end: u64, names: &[String]) -> Stats {
        Stats::from_timeline(events, &Timeline::new(events, end, names))
    }

    /// The statistics from a timeline already built from `events`.
    pub fn from_timeline(events: &[Event], tl: &Timeline) -> Stats {
        let mut threads: Vec<ThreadStats> = tl
            .threads
            .iter()
            .map(|line| {
                let mut s = ThreadStats {
                    name: line.name.clone(),
                    start: line.start,
                    end: line.end,
                    ..ThreadStats::default()
                };
                for seg in &line.segments {
                    let d = seg.duration();
                    match seg.state {
                        ThreadState::Running { .. } => s.running += d,
                        ThreadState::Ready => s.ready += d,
                        ThreadState::WaitGil => s.wait_gil += d,
                        ThreadState::Blocked { .. } => s.blocked += d,
                        ThreadState::Sleeping => s.sleeping += d,
                        ThreadState::Io => s.io += d,
                        ThreadState::Done => {}
                    }
                }
                s
            })
            .collect();
        for span in &tl.gil {
            if let Some(s) = threads.get_mut(span.thread as usize) {
                s.gil_held += span.end - span.start;
            }
        }

        let mut by_reason: BTreeMap<usize, u64> = BTreeMap::new();
        for (_, reason) in gil_handoffs(events) {
            let k = REASONS.iter().position(|&r| r == reason).unwrap_or(0);
            *by_reason.entry(k).or_default() += 1;
        }
        let gil_handoffs = by_reason
            .into_iter()
            .map(|(k, n)| (REASONS[k], n))
            .collect();

        let mut locks: BTreeMap<u64, LockStats> = BTreeMap::new();
        fn lock<'m>(
            locks: &'m mut BTreeMap<u64, LockStats>,
            tl: &Timeline,
            id: u64,
        ) -> &'m mut LockStats {
            locks.entry(id).or_insert_with(|| LockStats {
                id,
                name: tl.lock_name(id),
                ..LockStats::default()
            })
        }
        for e in events {
            match e {
                Event::LockHold {
                    lock: id,
                    count,
                    waited,
                    waiters,
                    ..
                } => {
                    let s = lock(&mut locks, tl, *id);
                    s.acquisitions += count;
                    if *waited > 0 {
                        s.contended += 1;
                    }
                    s.total_wait += waited;
                    s.max_wait = s.max_wait.max(*waited);
                    s.max_waiters = s.max_waiters.max(*waiters);
                }
                Event::LockWait {
                    lock: id, waiters, ..
                } => {
                    let s = lock(&mut locks, tl, *id);
                    s.max_waiters = s.max_waiters.max(*waiters);
                }
                _ => {}
            }
        }

        Stats {
            end: tl.end,
            threads,
            has_gil: tl.has_gil,
            gil_handoffs,
            locks: locks.into_values().collect(),
            queues: queue_stats(events, tl.end),
            max_parallel: max_parallel(tl),
            hosts: host_stats(events),
        }
    }

    /// The run in one sentence's worth of numbers: see [`Summary`].
    pub fn summary(&self) -> Summary {
        let sequential: u64 = self
            .threads
            .iter()
            .map(|t| t.running + t.sleeping + t.io)
            .sum();
        let running: u64 = self.threads.iter().map(|t| t.running).sum();
        // What held the threads back: waits for the GIL or a core by any
        // thread, waits on locks by the threads the program started (the
        // main thread waiting in join() is not contention).
        let workers = if self.threads.len() > 1 {
            &self.threads[1..]
        } else {
            &self.threads[..]
        };
        let wait_gil: u64 = self.threads.iter().map(|t| t.wait_gil).sum();
        let blocked: u64 = workers.iter().map(|t| t.blocked).sum();
        let ready: u64 = self.threads.iter().map(|t| t.ready).sum();
        let ratio = if sequential == 0 {
            None
        } else {
            Some(self.end as f64 / sequential as f64)
        };
        let verdict = if self.threads.len() <= 1 {
            Verdict::OneThread
        } else {
            match ratio {
                Some(r) if r <= 0.9 => {
                    if self.max_parallel >= 2 && running * 2 >= sequential {
                        Verdict::Parallel
                    } else {
                        Verdict::Overlapped
                    }
                }
                _ => {
                    let most = wait_gil.max(blocked).max(ready);
                    if most == 0 {
                        Verdict::OneAfterAnother
                    } else if most == wait_gil && self.has_gil {
                        Verdict::Gil
                    } else if most == blocked {
                        Verdict::Locks
                    } else if most == ready {
                        Verdict::Cores
                    } else {
                        Verdict::OneAfterAnother
                    }
                }
            }
        };
        Summary {
            threads: workers.len(),
            end: self.end,
            sequential,
            ratio,
            verdict,
            parallel: self.max_parallel,
        }
    }

    /// All hand-offs of the GIL.
    pub fn gil_handoff_count(&self) -> u64 {
        self.gil_handoffs.iter().map(|(_, n)| n).sum()
    }

    /// The statistics as text tables (times in milliseconds).
    pub fn render(&self) -> String {
        let mut out = format!(
            "statistics ({} ms of virtual time)\n",
            ms(self.end).trim_start()
        );
        let mut rows = vec![[
            "thread",
            "running",
            "ready",
            "GIL wait",
            "blocked",
            "sleeping",
            "I/O",
            "lifetime",
            "holds GIL",
        ]
        .map(String::from)
        .to_vec()];
        for t in &self.threads {
            rows.push(vec![
                t.name.clone(),
                ms(t.running),
                ms(t.ready),
                ms(t.wait_gil),
                ms(t.blocked),
                ms(t.sleeping),
                ms(t.io),
                ms(t.lifetime()),
                if self.has_gil {
                    ms(t.gil_held)
                } else {
                    "-".into()
                },
            ]);
        }
        out.push_str(&table(&rows));
        if self.has_gil {
            let parts: Vec<String> = self
                .gil_handoffs
                .iter()
                .map(|(r, n)| format!("{} {}", r.as_str(), group_digits(*n)))
                .collect();
            let n = self.gil_handoff_count();
            out.push_str(&format!(
                "GIL hand-offs: {}{}\n",
                group_digits(n),
                if parts.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", parts.join(", "))
                }
            ));
        } else {
            out.push_str("GIL: none (free-threaded)\n");
        }
        if !self.locks.is_empty() {
            let mut rows = vec![[
                "lock",
                "acquired",
                "contended",
                "total wait",
                "max wait",
                "max waiters",
            ]
            .map(String::from)
            .to_vec()];
            for l in &self.locks {
                rows.push(vec![
                    l.name.clone(),
                    group_digits(l.acquisitions),
                    group_digits(l.contended),
                    ms(l.total_wait),
                    ms(l.max_wait),
                    l.max_waiters.to_string(),
                ]);
            }
            out.push_str(&table(&rows));
        }
        if !self.queues.is_empty() {
            let mut rows = vec![["queue", "puts", "gets", "max depth", "mean depth"]
                .map(String::from)
                .to_vec()];
            for q in &self.queues {
                rows.push(vec![
                    q.name.clone(),
                    group_digits(q.puts),
                    group_digits(q.gets),
                    q.max_depth.to_string(),
                    format!("{:.2}", q.mean_depth),
                ]);
            }
            out.push_str(&table(&rows));
        }
        if !self.hosts.is_empty() {
            let mut rows = vec![[
                "host",
                "requests",
                "KB",
                "mean time",
                "max time",
                "max in flight",
            ]
            .map(String::from)
            .to_vec()];
            for h in &self.hosts {
                rows.push(vec![
                    h.host.clone(),
                    group_digits(h.requests),
                    format!("{:.1}", h.bytes as f64 / 1000.0),
                    ms(h.total_time / h.requests.max(1)),
                    ms(h.max_time),
                    h.max_in_flight.to_string(),
                ]);
            }
            out.push_str(&table(&rows));
        }
        out
    }
}

/// The network requests of the log, by host.
fn host_stats(events: &[Event]) -> Vec<HostStats> {
    let mut hosts: Vec<HostStats> = Vec::new();
    // Per host: (time, +1 at a start / -1 at an end).
    let mut edges: Vec<Vec<(u64, i32)>> = Vec::new();
    for e in events {
        if let Event::NetRequest {
            t,
            until,
            host,
            bytes,
            ..
        } = e
        {
            let i = match hosts.iter().position(|h| h.host == *host) {
                Some(i) => i,
                None => {
                    hosts.push(HostStats {
                        host: host.clone(),
                        ..HostStats::default()
                    });
                    edges.push(Vec::new());
                    hosts.len() - 1
                }
            };
            let took = until.saturating_sub(*t);
            let h = &mut hosts[i];
            h.requests += 1;
            h.bytes += bytes;
            h.total_time += took;
            h.max_time = h.max_time.max(took);
            edges[i].push((*t, 1));
            edges[i].push(((*until).max(*t), -1));
        }
    }
    for (h, mut e) in hosts.iter_mut().zip(edges) {
        // Ends before starts at the same instant.
        e.sort_unstable();
        let mut n: i32 = 0;
        for (_, d) in e {
            n += d;
            h.max_in_flight = h.max_in_flight.max(n.max(0) as u32);
        }
    }
    hosts
}

/// Why a run took the time it did, read off its statistics.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Only the main thread ran.
    OneThread,
    /// Faster than sequential with CPU work on several cores at once.
    Parallel,
    /// Faster than sequential because waits (sleep, I/O) overlapped.
    Overlapped,
    /// No faster: the threads mostly waited for the GIL.
    Gil,
    /// No faster: the threads mostly waited for locks (or joins, events…).
    Locks,
    /// No faster: more threads were runnable than there were cores.
    Cores,
    /// No faster, and nobody waited: they ran one after another.
    OneAfterAnother,
}

/// The numbers of the page's summary line. The sequential time is each
/// thread's own work added up, running, sleeping and I/O, as if the
/// threads had run one after another; waiting for the GIL, a lock or a
/// core is not work and is left out. `ratio` is the run's wall (virtual)
/// time over it: below 1 the threads overlapped, about 1 they took turns.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Summary {
    /// Threads the program started (1 when only the main thread ran).
    pub threads: usize,
    pub end: u64,
    pub sequential: u64,
    pub ratio: Option<f64>,
    pub verdict: Verdict,
    /// The most threads running at once.
    pub parallel: u32,
}

impl Summary {
    /// The summary line, in English or in Simplified Chinese:
    /// "2 threads, 1.02× the sequential time: the GIL let only one run at
    /// a time".
    pub fn text(&self, zh: bool) -> String {
        let n = self.threads;
        let time = crate::trace::lanes::duration(self.end);
        let ratio = match (self.verdict, self.ratio) {
            (Verdict::OneThread, _) | (_, None) => {
                return if zh {
                    format!("{n} 个线程，虚拟时间 {time}")
                } else {
                    format!(
                        "{n} thread{}, {time} of virtual time",
                        if n == 1 { "" } else { "s" }
                    )
                };
            }
            (_, Some(r)) => r,
        };
        let p = self.parallel;
        let why = match (self.verdict, zh) {
            (Verdict::Parallel, false) => format!("they ran in parallel, up to {p} at once"),
            (Verdict::Parallel, true) => format!("它们并行运行，最多 {p} 个同时运行"),
            (Verdict::Overlapped, false) => "their waits (sleep, I/O) overlapped".into(),
            (Verdict::Overlapped, true) => "它们的等待（睡眠、I/O）相互重叠".into(),
            (Verdict::Gil, false) => "the GIL let only one run at a time".into(),
            (Verdict::Gil, true) => "GIL 一次只允许一个线程运行".into(),
            (Verdict::Locks, false) => "they took turns waiting for locks".into(),
            (Verdict::Locks, true) => "它们轮流等待锁".into(),
            (Verdict::Cores, false) => "more threads were runnable than there were cores".into(),
            (Verdict::Cores, true) => "可运行的线程多于核心数".into(),
            (Verdict::OneAfterAnother | Verdict::OneThread, false) => {
                "they ran one after another".into()
            }
            (Verdict::OneAfterAnother | Verdict::OneThread, true) => "它们依次运行".into(),
        };
        if zh {
            format!("{n} 个线程，耗时为顺序执行的 {ratio:.2} 倍：{why}")
        } else {
            format!("{n} threads, {ratio:.2}× the sequential time: {why}")
        }
    }
}

/// The most threads in a Running state at one moment.
fn max_parallel(tl: &Timeline) -> u32 {
    let mut edges: Vec<(u64, i32)> = Vec::new();
    for line in &tl.threads {
        for s in &line.segments {
            if let ThreadState::Running { .. } = s.state {
                edges.push((s.start, 1));
                edges.push((s.end, -1));
            }
        }
    }
    // Ends before starts at the same time.
    edges.sort_unstable();
    let mut n = 0i32;
    let mut most = 0i32;
    for (_, d) in edges {
        n += d;
        most = most.max(n);
    }
    most.max(0) as u32
}

/// Puts, gets and depths per queue.
fn queue_stats(events: &[Event], end: u64) -> Vec<QueueStats> {
    // (time, depth) per queue, and the counts.
    let mut depths: BTreeMap<u64, Vec<(u64, u32)>> = BTreeMap::new();
    let mut stats: BTreeMap<u64, QueueStats> = BTreeMap::new();
    let names = QueueNames::of_log(events);
    for e in events {
        let (t, queue, depth, put) = match e {
            Event::QueuePut {
                t, queue, depth, ..
            } => (*t, *queue, *depth, true),
            Event::QueueGet {
                t, queue, depth, ..
            } => (*t, *queue, *depth, false),
            _ => continue,
        };
        let s = stats.entry(queue).or_insert_with(|| QueueStats {
            id: queue,
            name: names.name(queue),
            ..QueueStats::default()
        });
        if put {
            s.puts += 1;
        } else {
            s.gets += 1;
        }
        s.max_depth = s.max_depth.max(depth);
        depths.entry(queue).or_default().push((t, depth));
    }
    for (queue, mut v) in depths {
        v.sort_by_key(|&(t, _)| t);
        let first = v[0].0;
        let last = v[v.len() - 1];
        let stop = end.max(last.0);
        let mut area = 0u128;
        for w in v.windows(2) {
            area += u128::from(w[1].0 - w[0].0) * u128::from(w[0].1);
        }
        area += u128::from(stop - last.0) * u128::from(last.1);
        let span = stop - first;
        if let Some(s) = stats.get_mut(&queue) {
            s.mean_depth = if span == 0 {
                f64::from(last.1)
            } else {
                area as f64 / span as f64
            };
        }
    }
    stats.into_values().collect()
}

/// Nanoseconds as milliseconds with three decimals.
fn ms(ns: u64) -> String {
    format!(
        "{}.{:03}",
        group_digits(ns / 1_000_000),
        (ns / 1_000) % 1_000
    )
}

/// Rows as aligned columns: the first left-aligned, the others right.
fn table(rows: &[Vec<String>]) -> String {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..cols)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| s.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in rows {
        let mut line = String::new();
        for (c, cell) in row.iter().enumerate() {
            let pad = widths[c] - cell.chars().count();
            if c == 0 {
                line.push_str(cell);
                line.push_str(&" ".repeat(pad));
            } else {
                line.push_str("  ");
                line.push_str(&" ".repeat(pad));
                line.push_str(cell);
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(t: u64, thread: u32, state: ThreadState) -> Event {
        Event::State { t, thread, state }
    }

    fn start(t: u64, thread: u32) -> Event {
        Event::ThreadStart {
            t,
            thread,
            ident: 7 + u64::from(thread),
        }
    }

    fn hold(t: u64, until: u64, thread: u32, count: u64, waited: u64, waiters: u32) -> Event {
        Event::LockHold {
            t,
            until,
            lock: 3,
            thread,
            count,
            waited,
            waiters,
        }
    }

    /// Two threads: main runs, starts a worker, sleeps, then waits for a
    /// lock the worker holds.
    fn two_threads() -> Vec<Event> {
        let blocked = ThreadState::Blocked {
            on: "Lock#3".into(),
            lock: 3,
        };
        vec![
            start(0, 0),
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
            start(100, 1),
            state(100, 1, ThreadState::WaitGil),
            state(200, 0, ThreadState::Sleeping),
            Event::Gil {
                t: 200,
                to: None,
                reason: GilReason::Blocking,
            },
            Event::Gil {
                t: 205,
                to: Some(1),
                reason: GilReason::Blocking,
            },
            state(205, 1, ThreadState::Running { core: 1 }),
            hold(210, 600, 1, 1, 0, 0),
            state(400, 0, ThreadState::WaitGil),
            Event::Gil {
                t: 700,
                to: Some(0),
                reason: GilReason::Interval,
            },
            state(695, 1, ThreadState::WaitGil),
            state(700, 0, ThreadState::Running { core: 0 }),
            Event::LockWait {
                t: 500,
                lock: 3,
                thread: 0,
                waiters: 1,
            },
            state(720, 0, blocked),
            hold(730, 800, 0, 5, 30, 0),
            state(730, 0, ThreadState::Running { core: 0 }),
            state(900, 1, ThreadState::Done),
            state(1000, 0, ThreadState::Done),
        ]
    }

    #[test]
    fn thread_times_add_up_to_the_lifetime() {
        let s = Stats::new(&two_threads(), 1000, &["MainThread".into(), "w".into()]);
        let main = &s.threads[0];
        assert_eq!(main.name, "MainThread");
        assert_eq!(
            (
                main.running,
                main.sleeping,
                main.wait_gil,
                main.blocked,
                main.ready,
                main.io
            ),
            (200 + 20 + 270, 200, 300, 10, 0, 0)
        );
        assert_eq!(main.accounted(), main.lifetime());
        assert_eq!(main.lifetime(), 1000);
        let w = &s.threads[1];
        assert_eq!((w.start, w.end), (100, 900));
        assert_eq!((w.wait_gil, w.running), (105 + 205, 490));
        assert_eq!(w.accounted(), w.lifetime());
        // The GIL: main 0..200 and 700..1000, the worker 205..695.
        assert_eq!(main.gil_held, 500);
        assert_eq!(w.gil_held, 490);
    }

    #[test]
    fn handoffs_are_counted_by_reason() {
        let s = Stats::new(&two_threads(), 1000, &[]);
        assert!(s.has_gil);
        assert_eq!(
            s.gil_handoffs,
            vec![(GilReason::Interval, 1), (GilReason::Blocking, 1)]
        );
        assert_eq!(s.gil_handoff_count(), 2);
    }

    #[test]
    fn locks_count_acquisitions_contention_and_waits() {
        let mut events = two_threads();
        events.push(hold(800, 900, 1, 1, 70, 2));
        let s = Stats::new(&events, 1000, &[]);
        assert_eq!(s.locks.len(), 1);
        let l = &s.locks[0];
        assert_eq!(l.name, "Lock#3");
        assert_eq!(l.acquisitions, 7);
        assert_eq!(l.contended, 2);
        assert_eq!((l.total_wait, l.max_wait, l.max_waiters), (100, 70, 2));
    }

    #[test]
    fn queue_depth_is_averaged_over_time() {
        let q = |t, put: bool, depth| {
            if put {
                Event::QueuePut {
                    t,
                    queue: 1,
                    item: t,
                    depth,
                    thread: 0,
                }
            } else {
                Event::QueueGet {
                    t,
                    queue: 1,
                    item: 0,
                    depth,
                    thread: 1,
                }
            }
        };
        // Depth 1 over 100..200, 2 over 200..300, 1 over 300..400, 0 to
        // the end at 500; logged out of time order.
        let events = vec![
            q(100, true, 1),
            q(300, false, 1),
            q(200, true, 2),
            q(400, false, 0),
        ];
        let s = Stats::new(&events, 500, &[]);
        let q = &s.queues[0];
        assert_eq!((q.puts, q.gets, q.max_depth), (2, 2, 2));
        assert!((q.mean_depth - 1.0).abs() < 1e-9, "{}", q.mean_depth);
        assert_eq!(q.name, "Queue#1");
    }

    #[test]
    fn render_shows_every_section() {
        let mut events = two_threads();
        events.push(Event::QueuePut {
            t: 300,
            queue: 1,
            item: 1,
            depth: 1,
            thread: 1,
        });
        let text = Stats::new(&events, 1000, &["MainThread".into(), "w".into()]).render();
        assert!(
            text.starts_with("statistics (0.001 ms of virtual time)\n"),
            "{text}"
        );
        let main = text.lines().find(|l| l.starts_with("MainThread")).unwrap();
        // running 490 ns, lifetime 1000 ns, GIL 500 ns.
        assert_eq!(
            main.split_whitespace().collect::<Vec<_>>(),
            [
                "MainThread",
                "0.000",
                "0.000",
                "0.000",
                "0.000",
                "0.000",
                "0.000",
                "0.001",
                "0.000"
            ]
        );
        assert!(
            text.contains("GIL hand-offs: 2 (interval expired 1, blocking call 1)\n"),
            "{text}"
        );
        assert!(text
            .lines()
            .any(|l| l.starts_with("Lock#3") && l.split_whitespace().nth(1) == Some("6")));
        assert!(text.lines().any(|l| l.starts_with("Queue#1")));
        let free = Stats::new(&[start(0, 0)], 10, &[]).render();
        assert!(free.contains("GIL: none (free-threaded)"), "{free}");
        assert!(!free.lines().any(|l| l.starts_with("lock")), "{free}");
    }

    #[test]
    fn milliseconds_have_three_decimals_and_grouped_digits() {
        assert_eq!(ms(0), "0.000");
        assert_eq!(ms(1_234_567), "1.234");
        assert_eq!(ms(12_345_678_901), "12,345.678");
    }

    #[test]
    fn network_requests_by_host() {
        let req = |t, until, host: &str| Event::NetRequest {
            t,
            until,
            thread: 0,
            host: host.into(),
            method: "GET".into(),
            path: "/".into(),
            status: 200,
            bytes: 1000,
        };
        let events = vec![
            req(0, 100, "a"),
            req(10, 60, "a"),
            req(100, 150, "a"),
            req(20, 30, "b"),
        ];
        let stats = Stats::new(&events, 200, &[]);
        let a = &stats.hosts[0];
        assert_eq!((a.host.as_str(), a.requests, a.bytes), ("a", 3, 3000));
        assert_eq!((a.total_time, a.max_time, a.max_in_flight), (200, 100, 2));
        assert_eq!(stats.hosts[1].max_in_flight, 1);
        let text = stats.render();
        assert!(text.lines().any(|l| l.starts_with("host ")), "{text}");
        assert!(text
            .lines()
            .any(|l| l.split_whitespace().collect::<Vec<_>>()
                == ["a", "3", "3.0", "0.000", "0.000", "2"]));
    }
}
