//! Per-worker trace records in lock-free ring buffers, and what the lab
//! reads out of them (lanes, lock holds, hand-off latencies).
//!
//! Each lane (one worker of an experiment) owns one [`Ring`]: a
//! single-producer single-consumer ring of fixed-size slots made of
//! atomics, so recording is a few relaxed stores and one release store of
//! the head, never a lock and never an allocation. The reader drains it
//! (during the run for a live view, or after). When a ring is full the
//! record is dropped and counted, the worker is never held up.
//!
//! Timestamps come from [`super::clock::now_ns`]. A lock's holder records
//! `Acquire` *after* taking it and `Release` *before* giving it up, so the
//! recorded holds lie inside the real ones: if the lock is correct, no two
//! recorded holds overlap, which [`max_holders`] checks.

use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

use super::clock::now_ns;

/// What happened, on one lane.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// A chunk of work begins (arg: chunk number).
    ChunkStart,
    /// It ends (arg: chunk number).
    ChunkEnd,
    /// The lane starts waiting for the lock (or the GIL).
    WaitStart,
    /// It holds the lock now.
    Acquire,
    /// It is about to give the lock up.
    Release,
    /// A GIL waiter timed out and set the drop request.
    DropRequest,
    /// A producer found the queue full and blocks (arg: depth).
    Full,
    /// A consumer found the queue empty and idles (arg: depth).
    Empty,
    /// The queue's depth right after a put or get (arg: depth).
    Depth,
}

impl Kind {
    const ALL: [Kind; 9] = [
        Kind::ChunkStart,
        Kind::ChunkEnd,
        Kind::WaitStart,
        Kind::Acquire,
        Kind::Release,
        Kind::DropRequest,
        Kind::Full,
        Kind::Empty,
        Kind::Depth,
    ];

    fn code(self) -> u64 {
        Kind::ALL.iter().position(|&k| k == self).unwrap_or(0) as u64
    }

    fn from_code(c: u64) -> Kind {
        Kind::ALL[(c as usize).min(Kind::ALL.len() - 1)]
    }

    /// A short name, for JSON.
    pub fn name(self) -> &'static str {
        match self {
            Kind::ChunkStart => "chunk_start",
            Kind::ChunkEnd => "chunk_end",
            Kind::WaitStart => "wait",
            Kind::Acquire => "acquire",
            Kind::Release => "release",
            Kind::DropRequest => "drop_request",
            Kind::Full => "full",
            Kind::Empty => "empty",
            Kind::Depth => "depth",
        }
    }
}

/// One record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Record {
    pub lane: usize,
    pub kind: Kind,
    pub arg: u32,
    /// [`now_ns`] when it happened.
    pub t_ns: u64,
}

struct Slot {
    t: AtomicU64,
    /// kind | arg << 8
    word: AtomicU64,
}

/// One lane's ring: written by that lane only, read by one reader.
pub struct Ring {
    slots: Box<[Slot]>,
    /// Records written (only the producer stores it).
    head: AtomicUsize,
    /// Records read (only the reader stores it).
    tail: AtomicUsize,
    dropped: AtomicU64,
}

impl Ring {
    pub fn new(capacity: usize) -> Ring {
        let capacity = capacity.max(1);
        Ring {
            slots: (0..capacity)
                .map(|_| Slot {
                    t: AtomicU64::new(0),
                    word: AtomicU64::new(0),
                })
                .collect(),
            head: AtomicUsize::new(0),
            tail: AtomicUsize::new(0),
            dropped: AtomicU64::new(0),
        }
    }

    /// Records `kind` now. False (and counted) when the ring is full.
    pub fn record(&self, kind: Kind, arg: u32) -> bool {
        self.record_at(kind, arg, now_ns())
    }

    /// Records `kind` at time `t_ns`. Only the ring's own lane may call it.
    pub fn record_at(&self, kind: Kind, arg: u32, t_ns: u64) -> bool {
        let head = self.head.load(Ordering::Relaxed);
        let tail = self.tail.load(Ordering::Acquire);
        if head - tail == self.slots.len() {
            self.dropped.fetch_add(1, Ordering::Relaxed);
            return false;
        }
        let slot = &self.slots[head % self.slots.len()];
        slot.t.store(t_ns, Ordering::Relaxed);
        slot.word
            .store(kind.code() | (u64::from(arg) << 8), Ordering::Relaxed);
        // Publishes the slot: the reader's acquire load of head sees it.
        self.head.store(head + 1, Ordering::Release);
        true
    }

    /// Moves every published record into `out` (tagged with `lane`).
    pub fn drain_into(&self, lane: usize, out: &mut Vec<Record>) {
        let tail = self.tail.load(Ordering::Relaxed);
        let head = self.head.load(Ordering::Acquire);
        for i in tail..head {
            let slot = &self.slots[i % self.slots.len()];
            let word = slot.word.load(Ordering::Relaxed);
            out.push(Record {
                lane,
                kind: Kind::from_code(word & 0xff),
                arg: (word >> 8) as u32,
                t_ns: slot.t.load(Ordering::Relaxed),
            });
        }
        // Frees the slots for the producer.
        self.tail.store(head, Ordering::Release);
    }

    /// Records lost because the ring was full.
    pub fn dropped(&self) -> u64 {
        self.dropped.load(Ordering::Relaxed)
    }
}

/// One ring per lane.
pub struct Rings(Vec<Ring>);

impl Rings {
    pub fn new(lanes: usize, capacity: usize) -> Rings {
        Rings((0..lanes).map(|_| Ring::new(capacity)).collect())
    }

    pub fn lane(&self, lane: usize) -> &Ring {
        &self.0[lane]
    }

    pub fn lanes(&self) -> usize {
        self.0.len()
    }

    /// Every lane's records so far, by time (lane order on ties).
    pub fn drain(&self) -> Vec<Record> {
        let mut out = Vec::new();
        for (lane, ring) in self.0.iter().enumerate() {
            ring.drain_into(lane, &mut out);
        }
        out.sort_by_key(|r| (r.t_ns, r.lane));
        out
    }

    pub fn dropped(&self) -> u64 {
        self.0.iter().map(Ring::dropped).sum()
    }
}

/// A closed interval of one lane: [start, end] in ns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub lane: usize,
    pub start: u64,
    pub end: u64,
}

/// Spans of each lane between a `from` record and the next `to` record.
pub fn spans(records: &[Record], from: Kind, to: Kind) -> Vec<Span> {
    let mut open: Vec<Option<u64>> = Vec::new();
    let mut out = Vec::new();
    for r in records {
        if open.len() <= r.lane {
            open.resize(r.lane + 1, None);
        }
        if r.kind == from {
            open[r.lane] = Some(r.t_ns);
        } else if r.kind == to {
            if let Some(start) = open[r.lane].take() {
                out.push(Span {
                    lane: r.lane,
                    start,
                    end: r.t_ns,
                });
            }
        }
    }
    out
}

/// Lock holds: `Acquire` → `Release`.
pub fn holds(records: &[Record]) -> Vec<Span> {
    spans(records, Kind::Acquire, Kind::Release)
}

/// Lock waits: `WaitStart` → `Acquire`.
pub fn waits(records: &[Record]) -> Vec<Span> {
    spans(records, Kind::WaitStart, Kind::Acquire)
}

/// The most spans open at one instant, when each span is shrunk by
/// `slack_ns` at both ends (the clocks of different workers may disagree
/// by their resolution). Spans that only touch do not overlap.
pub fn max_holders(spans: &[Span], slack_ns: u64) -> usize {
    let mut edges: Vec<(u64, i32)> = Vec::new();
    for s in spans {
        let (a, b) = (s.start + slack_ns, s.end.saturating_sub(slack_ns));
        if a < b {
            edges.push((a, 1));
            edges.push((b, -1));
        }
    }
    // Ends before starts at the same instant.
    edges.sort();
    let (mut now, mut most) = (0i32, 0i32);
    for (_, d) in edges {
        now += d;
        most = most.max(now);
    }
    most as usize
}

/// For each drop request, how long until the next `Acquire` by another lane
/// (the GIL hand-off latency), in ns.
pub fn handoff_latencies(records: &[Record]) -> Vec<u64> {
    let mut out = Vec::new();
    for (i, r) in records.iter().enumerate() {
        if r.kind != Kind::DropRequest {
            continue;
        }
        // Who holds the GIL when the request is set.
        let holder = records[..i]
            .iter()
            .rev()
            .find(|x| x.kind == Kind::Acquire)
            .map(|x| x.lane);
        if let Some(next) = records[i + 1..]
            .iter()
            .find(|x| x.kind == Kind::Acquire && Some(x.lane) != holder)
        {
            out.push(next.t_ns - r.t_ns);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ring_keeps_order_and_drops_when_full() {
        let ring = Ring::new(4);
        for i in 0..6 {
            ring.record_at(Kind::ChunkStart, i, u64::from(i));
        }
        assert_eq!(ring.dropped(), 2);
        let mut out = Vec::new();
        ring.drain_into(3, &mut out);
        assert_eq!(
            out.iter().map(|r| (r.arg, r.lane)).collect::<Vec<_>>(),
            vec![(0, 3), (1, 3), (2, 3), (3, 3)]
        );
        // Draining freed the slots.
        assert!(ring.record_at(Kind::Depth, u32::MAX, 9));
        out.clear();
        ring.drain_into(0, &mut out);
        assert_eq!(out[0].kind, Kind::Depth);
        assert_eq!(out[0].arg, u32::MAX);
    }

    #[test]
    fn concurrent_reader_sees_every_record_once_in_order() {
        let ring = Ring::new(64);
        const N: u32 = 100_000;
        let mut seen = Vec::new();
        std::thread::scope(|s| {
            s.spawn(|| {
                let mut i = 0;
                while i < N {
                    if ring.record_at(Kind::Depth, i, u64::from(i)) {
                        i += 1;
                    } else {
                        // Full: the test's producer retries (the lab's drops).
                        std::thread::yield_now();
                    }
                }
            });
            while seen.len() < N as usize {
                ring.drain_into(0, &mut seen);
            }
        });
        assert!(seen
            .iter()
            .enumerate()
            .all(|(i, r)| r.arg == i as u32 && r.t_ns == i as u64));
    }

    #[test]
    fn overlapping_holds_are_counted() {
        let s = |lane, start, end| Span { lane, start, end };
        assert_eq!(max_holders(&[s(0, 0, 10), s(1, 10, 20)], 0), 1);
        assert_eq!(max_holders(&[s(0, 0, 10), s(1, 9, 20)], 0), 2);
        assert_eq!(max_holders(&[s(0, 0, 10), s(1, 9, 20)], 1), 1);
        assert_eq!(max_holders(&[], 0), 0);
    }
}
