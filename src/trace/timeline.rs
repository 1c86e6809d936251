//! What the log says once its events are put back together: each
//! thread's state segments and lifetime, who held the GIL when, and the
//! names of threads and locks. Statistics ([`super::stats`]) and the
//! Chrome trace ([`super::chrome`]) are both read off a [`Timeline`].
//!
//! The log is append-only but not sorted by time: a hand-over logs the new
//! holder's GIL event (at the end of the wake-up latency) before the old
//! holder's state change, and queue notes carry the time they were made.
//! So per-thread states are taken in log order (each thread's own states
//! are in time order), and GIL events are sorted by time, stably.

use std::collections::BTreeMap;

use super::{Event, GilReason, ThreadState};

/// A thread in one state over `[start, end)` (virtual ns).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    pub start: u64,
    pub end: u64,
    pub state: ThreadState,
}

impl Segment {
    pub fn duration(&self) -> u64 {
        self.end - self.start
    }
}

/// One thread's life.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ThreadLine {
    pub name: String,
    /// When it started (its `ThreadStart`).
    pub start: u64,
    /// When it ended (`Done`), or the end of the run.
    pub end: u64,
    /// Its states, in time order, without `Done` and without empty ones.
    pub segments: Vec<Segment>,
}

/// Thread `thread` held the GIL over `[start, end)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GilSpan {
    pub thread: u32,
    pub start: u64,
    pub end: u64,
}

/// The log put back together.
#[derive(Clone, Debug, Default)]
pub struct Timeline {
    /// The end of the run (virtual ns).
    pub end: u64,
    /// By thread index.
    pub threads: Vec<ThreadLine>,
    /// GIL ownership in time order (empty without a GIL).
    pub gil: Vec<GilSpan>,
    /// The log has GIL events (the model has a GIL).
    pub has_gil: bool,
    /// Lock descriptions by lock id.
    pub lock_names: BTreeMap<u64, String>,
}

impl Timeline {
    /// Builds the timeline of `events`, a run that ended at `end`. Thread
    /// names come from `names` (by index) where given, else from the
    /// log's last `ThreadName` for the thread.
    pub fn new(events: &[Event], end: u64, names: &[String]) -> Timeline {
        let count = thread_count(events).max(names.len());
        let mut threads: Vec<ThreadLine> = (0..count)
            .map(|i| ThreadLine {
                name: names
                    .get(i)
                    .cloned()
                    .unwrap_or_else(|| format!("Thread-{i}")),
                start: 0,
                end,
                segments: Vec::new(),
            })
            .collect();
        let mut open: Vec<Option<(u64, ThreadState)>> = vec![None; count];
        let mut lock_names = BTreeMap::new();
        for e in events {
            match e {
                Event::ThreadStart { t, thread, .. } => threads[*thread as usize].start = *t,
                Event::ThreadName { thread, name, .. } if (*thread as usize) >= names.len() => {
                    threads[*thread as usize].name = name.clone();
                }
                Event::State { t, thread, state } => {
                    let i = *thread as usize;
                    let line = &mut threads[i];
                    if let Some((start, prev)) = open[i].take() {
                        push_segment(&mut line.segments, start, *t, prev);
                    }
                    if *state == ThreadState::Done {
                        line.end = (*t).max(line.start);
                    } else {
                        open[i] = Some((*t, state.clone()));
                    }
                }
                Event::LockName { lock, name } => {
                    lock_names.insert(*lock, name.clone());
                }
                _ => {}
            }
        }
        for (i, o) in open.into_iter().enumerate() {
            if let Some((start, state)) = o {
                push_segment(&mut threads[i].segments, start, end, state);
            }
        }
        let (gil, has_gil) = gil_spans(events, end, &threads);
        Timeline {
            end,
            threads,
            gil,
            has_gil,
            lock_names,
        }
    }

    /// The thread's name, or `Thread-i` for an index the log never named.
    pub fn thread_name(&self, thread: u32) -> String {
        self.threads
            .get(thread as usize)
            .map(|t| t.name.clone())
            .unwrap_or_else(|| format!("Thread-{thread}"))
    }

    /// The lock's description (`Lock#3`, `label (RLock#4)`).
    pub fn lock_name(&self, lock: u64) -> String {
        self.lock_names
            .get(&lock)
            .cloned()
            .unwrap_or_else(|| format!("Lock#{lock}"))
    }
}

/// How queues are called in statistics and traces: by the name the log
/// gave each ([`Event::QueueName`]), else `Queue#N`.
#[derive(Clone, Debug, Default)]
pub struct QueueNames(BTreeMap<u64, String>);

impl QueueNames {
    pub fn of_log(events: &[Event]) -> QueueNames {
        QueueNames(
            events
                .iter()
                .filter_map(|e| match e {
                    Event::QueueName { queue, name } => Some((*queue, name.clone())),
                    _ => None,
                })
                .collect(),
        )
    }

    pub fn name(&self, queue: u64) -> String {
        self.0
            .get(&queue)
            .cloned()
            .unwrap_or_else(|| format!("Queue#{queue}"))
    }
}

/// One more than the largest thread index any event names.
fn thread_count(events: &[Event]) -> usize {
    events
        .iter()
        .filter_map(|e| match e {
            Event::ThreadStart { thread, .. }
            | Event::ThreadName { thread, .. }
            | Event::State { thread, .. }
            | Event::LockHold { thread, .. }
            | Event::LockWait { thread, .. }
            | Event::QueuePut { thread, .. }
            | Event::QueueGet { thread, .. }
            | Event::TaskStep { thread, .. }
            | Event::NetRequest { thread, .. }
            | Event::Print { thread, .. } => Some(*thread as usize + 1),
            Event::ProcessStart { thread, .. } | Event::ThreadProcess { thread, .. } => {
                Some(*thread as usize + 1)
            }
            Event::Gil { to, .. } | Event::ProcessGil { to, .. } => to.map(|t| t as usize + 1),
            Event::LockName { .. }
            | Event::QueueName { .. }
            | Event::TaskName { .. }
            | Event::ProcessName { .. }
            | Event::ProcessExit { .. } => None,
        })
        .max()
        .unwrap_or(0)
}

/// Appends `[start, end)` unless it is empty; a state that does not
/// change (two equal states in a row) extends the last segment.
fn push_segment(segments: &mut Vec<Segment>, start: u64, end: u64, state: ThreadState) {
    let end = end.max(start);
    if end == start {
        return;
    }
    if let Some(last) = segments.last_mut() {
        if last.state == state && last.end == start {
            last.end = end;
            return;
        }
    }
    segments.push(Segment { start, end, state });
}

/// The GIL events of one interpreter as `(t, to, reason)`, in log order:
/// the program's ([`Event::Gil`]) when `pid` is None, else those of
/// process `pid` ([`Event::ProcessGil`]).
pub fn gil_series(events: &[Event], pid: Option<i64>) -> Vec<(u64, Option<u32>, GilReason)> {
    events
        .iter()
        .filter_map(|e| match (e, pid) {
            (Event::Gil { t, to, reason }, None) => Some((*t, *to, *reason)),
            (
                Event::ProcessGil {
                    t,
                    pid: p,
                    to,
                    reason,
                },
                Some(want),
            ) if *p == want => Some((*t, *to, *reason)),
            _ => None,
        })
        .collect()
}

/// Who held the program's GIL when (see [`gil_spans_of`]), and whether
/// it has one.
fn gil_spans(events: &[Event], end: u64, threads: &[ThreadLine]) -> (Vec<GilSpan>, bool) {
    let series = gil_series(events, None);
    if series.is_empty() {
        return (Vec::new(), false);
    }
    (gil_spans_of(&series, end, threads), true)
}

/// Who held a GIL when, from its events ([`gil_series`]). A holding ends
/// at the next GIL event, or earlier when the holder is seen waiting for
/// the GIL or done: a forced switch logs only the new holder taking it,
/// after the wake-up latency, while the old one stopped holding it when
/// it queued.
pub fn gil_spans_of(
    series: &[(u64, Option<u32>, GilReason)],
    end: u64,
    threads: &[ThreadLine],
) -> Vec<GilSpan> {
    let mut gil: Vec<(u64, Option<u32>)> = series.iter().map(|&(t, to, _)| (t, to)).collect();
    gil.sort_by_key(|&(t, _)| t);
    // When each thread stopped being able to hold the GIL: the starts of
    // its WaitGil segments, and its end.
    let stops: Vec<Vec<u64>> = threads
        .iter()
        .map(|line| {
            let mut v: Vec<u64> = line
                .segments
                .iter()
                .filter(|s| s.state == ThreadState::WaitGil)
                .map(|s| s.start)
                .collect();
            v.push(line.end);
            v
        })
        .collect();
    let mut spans = Vec::new();
    let mut holder: Option<(u32, u64)> = None;
    let close = |holder: Option<(u32, u64)>, at: u64, spans: &mut Vec<GilSpan>| {
        if let Some((thread, since)) = holder {
            let mut until = at;
            if let Some(v) = stops.get(thread as usize) {
                let k = v.partition_point(|&s| s <= since);
                if let Some(&s) = v.get(k) {
                    until = until.min(s);
                }
            }
            if until > since {
                spans.push(GilSpan {
                    thread,
                    start: since,
                    end: until,
                });
            }
        }
    };
    for (t, to) in gil {
        close(holder.take(), t, &mut spans);
        holder = to.map(|x| (x, t));
    }
    close(
        holder,
        end.max(spans.last().map_or(0, |s| s.end)),
        &mut spans,
    );
    spans
}

/// Why the GIL went from one thread to another, for each time it did: a
/// forced switch gives its own reason (interval, tick); a GIL taken after
/// its holder let go gives the reason the holder let go (blocking call,
/// thread exit). Retaking the GIL one last held is not a hand-off.
pub fn gil_handoffs(events: &[Event]) -> Vec<(u64, GilReason)> {
    handoffs_of(&gil_series(events, None))
}

/// [`gil_handoffs`] of one GIL's events ([`gil_series`]).
pub fn handoffs_of(series: &[(u64, Option<u32>, GilReason)]) -> Vec<(u64, GilReason)> {
    let mut gil = series.to_vec();
    gil.sort_by_key(|&(t, _, _)| t);
    let mut out = Vec::new();
    let mut last: Option<u32> = None;
    let mut dropped: Option<GilReason> = None;
    for (t, to, reason) in gil {
        match to {
            None => dropped = Some(reason),
            Some(x) => {
                if last.is_some() && last != Some(x) {
                    let why = match reason {
                        GilReason::Interval | GilReason::Tick => reason,
                        _ => dropped.unwrap_or(reason),
                    };
                    out.push((t, why));
                }
                last = Some(x);
                dropped = None;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(t: u64, thread: u32, state: ThreadState) -> Event {
        Event::State { t, thread, state }
    }

    fn start(t: u64, thread: u32, name: &str) -> Vec<Event> {
        vec![
            Event::ThreadStart {
                t,
                thread,
                ident: u64::from(thread) + 100,
            },
            Event::ThreadName {
                t,
                thread,
                name: name.into(),
            },
        ]
    }

    fn gil(t: u64, to: Option<u32>, reason: GilReason) -> Event {
        Event::Gil { t, to, reason }
    }

    const RUN0: ThreadState = ThreadState::Running { core: 0 };

    #[test]
    fn segments_run_from_state_to_state_and_the_last_to_the_end() {
        let mut events = start(0, 0, "MainThread");
        events.extend([
            state(0, 0, RUN0),
            state(10, 0, ThreadState::Sleeping),
            // The same state again does not split the segment.
            state(15, 0, ThreadState::Sleeping),
            state(20, 0, ThreadState::WaitGil),
            state(20, 0, RUN0),
        ]);
        let tl = Timeline::new(&events, 50, &[]);
        let line = &tl.threads[0];
        assert_eq!(line.name, "MainThread");
        assert_eq!((line.start, line.end), (0, 50));
        let got: Vec<(u64, u64, ThreadState)> = line
            .segments
            .iter()
            .map(|s| (s.start, s.end, s.state.clone()))
            .collect();
        // The empty WaitGil segment at 20 is dropped.
        assert_eq!(
            got,
            vec![
                (0, 10, RUN0),
                (10, 20, ThreadState::Sleeping),
                (20, 50, RUN0)
            ]
        );
    }

    #[test]
    fn done_ends_the_thread_and_given_names_win() {
        let mut events = start(5, 1, "Thread-1");
        events.extend([
            state(5, 1, ThreadState::WaitGil),
            state(9, 1, RUN0),
            state(12, 1, ThreadState::Done),
        ]);
        let tl = Timeline::new(&events, 100, &["MainThread".into(), "worker".into()]);
        assert_eq!(tl.threads.len(), 2);
        let line = &tl.threads[1];
        assert_eq!(line.name, "worker");
        assert_eq!((line.start, line.end), (5, 12));
        assert_eq!(line.segments.len(), 2);
        let total: u64 = line.segments.iter().map(Segment::duration).sum();
        assert_eq!(total, 7);
    }

    #[test]
    fn a_forced_switch_ends_the_old_holding_when_the_holder_queues() {
        let mut events = start(0, 0, "MainThread");
        events.extend(start(0, 1, "Thread-1"));
        events.extend([
            gil(0, Some(0), GilReason::Free),
            state(0, 0, RUN0),
            state(0, 1, ThreadState::WaitGil),
            // Thread 0 is forced to hand over at 100; thread 1 takes the
            // GIL after the latency, at 105, logged first.
            gil(105, Some(1), GilReason::Interval),
            state(105, 1, ThreadState::Running { core: 1 }),
            state(100, 0, ThreadState::WaitGil),
            // Thread 1 blocks at 200; thread 0 takes the GIL at 204.
            gil(200, None, GilReason::Blocking),
            state(200, 1, ThreadState::Sleeping),
            gil(204, Some(0), GilReason::Blocking),
            state(204, 0, RUN0),
        ]);
        let tl = Timeline::new(&events, 300, &[]);
        assert!(tl.has_gil);
        let spans: Vec<(u32, u64, u64)> =
            tl.gil.iter().map(|s| (s.thread, s.start, s.end)).collect();
        assert_eq!(spans, vec![(0, 0, 100), (1, 105, 200), (0, 204, 300)]);
        let handoffs = gil_handoffs(&events);
        assert_eq!(
            handoffs,
            vec![(105, GilReason::Interval), (204, GilReason::Blocking)]
        );
    }

    #[test]
    fn retaking_the_gil_is_not_a_handoff_and_no_gil_means_no_spans() {
        let events = vec![
            gil(0, Some(0), GilReason::Free),
            gil(10, None, GilReason::Blocking),
            gil(30, Some(0), GilReason::Free),
        ];
        assert!(gil_handoffs(&events).is_empty());
        let tl = Timeline::new(&start(0, 0, "MainThread"), 10, &[]);
        assert!(!tl.has_gil);
        assert!(tl.gil.is_empty());
    }
}
