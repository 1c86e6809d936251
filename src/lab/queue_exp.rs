//! Experiment 2, queue flow for real: producers and consumers on workers
//! over one [`BoundedQueue`]. Each producer does a little CPU work per item
//! and pushes it (blocking while the queue is full); each consumer pops
//! (idling while it is empty) and does its own work per item. The lanes
//! record the queue's depth after every put and get, and when a producer
//! blocks or a consumer idles, so the page draws depth over time and who
//! waited; throughput is items per second of wall time.

use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

use super::clock::now_ns;
use super::gil_exp::Stopped;
use super::lanes::run_lanes;
use super::primes::count_primes_in;
use super::sync::{BoundedQueue, Cancel};
use super::trace::{spans, Kind, Record, Rings, Span};

/// One run's settings.
#[derive(Clone, Debug, PartialEq)]
pub struct QueueConfig {
    pub producers: usize,
    pub consumers: usize,
    pub items_per_producer: u64,
    pub capacity: usize,
    /// Numbers a producer tests for primality per item (its work).
    pub produce_numbers: u64,
    /// Numbers a consumer tests per item.
    pub consume_numbers: u64,
}

impl QueueConfig {
    /// Defaults: 16 slots; about 40 µs of work per item on either side,
    /// times `consumer_cost` on the consumer's.
    pub fn new(producers: usize, consumers: usize, consumer_cost: f64) -> QueueConfig {
        let base = 60;
        QueueConfig {
            producers,
            consumers,
            items_per_producer: (3_000 / producers.max(1)) as u64,
            capacity: 16,
            produce_numbers: base,
            consume_numbers: ((base as f64) * consumer_cost).round().max(1.0) as u64,
        }
    }

    pub fn workers(&self) -> usize {
        self.producers + self.consumers
    }

    /// Consumer work over producer work.
    pub fn cost_ratio(&self) -> f64 {
        self.consume_numbers as f64 / self.produce_numbers.max(1) as f64
    }
}

/// What one run did.
#[derive(Clone, Debug, PartialEq)]
pub struct QueueRun {
    pub config: QueueConfig,
    pub wall_ns: u64,
    pub records: Vec<Record>,
    pub dropped: u64,
    /// Items consumed, and their sum: must equal what was produced.
    pub consumed: u64,
    pub consumed_sum: u64,
    pub produced_sum: u64,
}

impl QueueRun {
    /// Items per second.
    pub fn throughput(&self) -> f64 {
        self.consumed as f64 / (self.wall_ns.max(1) as f64 / 1e9)
    }

    /// Every item arrived once (by count and checksum).
    pub fn all_delivered(&self) -> bool {
        self.consumed == self.config.items_per_producer * self.config.producers as u64
            && self.consumed_sum == self.produced_sum
    }

    /// Producer blocked spans (`Full` → the next `Depth`).
    pub fn blocked(&self) -> Vec<Span> {
        spans(&self.records, Kind::Full, Kind::Depth)
    }

    /// Consumer idle spans (`Empty` → the next `Depth`).
    pub fn idle(&self) -> Vec<Span> {
        spans(&self.records, Kind::Empty, Kind::Depth)
    }

    /// (time, depth) after each put or get.
    pub fn depth(&self) -> Vec<(u64, u32)> {
        self.records
            .iter()
            .filter(|r| r.kind == Kind::Depth)
            .map(|r| (r.t_ns, r.arg))
            .collect()
    }
}

/// Lanes `0..producers` produce, the rest consume.
pub fn run(config: &QueueConfig, cancel: &Cancel) -> Result<QueueRun, Stopped> {
    let queue = BoundedQueue::new(config.capacity);
    let n = config.workers();
    let items = config.items_per_producer;
    let rings = Rings::new(n, (items as usize * config.producers.max(1)) * 5 + 64);
    let producers_left = AtomicUsize::new(config.producers);
    let consumed = AtomicU64::new(0);
    let consumed_sum = AtomicU64::new(0);
    let produced_sum = AtomicU64::new(0);
    let start = now_ns();
    run_lanes(n, |lane| {
        let ring = rings.lane(lane);
        if lane < config.producers {
            let mut sum = 0u64;
            for i in 0..items {
                ring.record(Kind::ChunkStart, i as u32);
                let lo = 10_000_000 + i * config.produce_numbers;
                std::hint::black_box(count_primes_in(lo, lo + config.produce_numbers));
                ring.record(Kind::ChunkEnd, i as u32);
                let value = (lane as u64) << 32 | i;
                let pushed = queue.push(value, cancel, || {
                    ring.record(Kind::Full, queue.len() as u32);
                });
                if pushed.is_err() {
                    break;
                }
                ring.record(Kind::Depth, queue.len() as u32);
                sum = sum.wrapping_add(value);
            }
            produced_sum.fetch_add(sum, Ordering::Relaxed);
            if producers_left.fetch_sub(1, Ordering::AcqRel) == 1 {
                queue.close();
            }
        } else {
            let (mut count, mut sum) = (0u64, 0u64);
            while let Some(v) = queue.pop(cancel, || {
                ring.record(Kind::Empty, 0);
            }) {
                ring.record(Kind::Depth, queue.len() as u32);
                ring.record(Kind::ChunkStart, count as u32);
                let lo = 10_000_000 + (v & 0xffff_ffff) * config.consume_numbers;
                std::hint::black_box(count_primes_in(lo, lo + config.consume_numbers));
                ring.record(Kind::ChunkEnd, count as u32);
                count += 1;
                sum = sum.wrapping_add(v);
            }
            consumed.fetch_add(count, Ordering::Relaxed);
            consumed_sum.fetch_add(sum, Ordering::Relaxed);
        }
    })
    .map_err(Stopped::TooFewThreads)?;
    let wall_ns = now_ns() - start;
    if cancel.is_cancelled() {
        return Err(Stopped::Cancelled);
    }
    Ok(QueueRun {
        config: config.clone(),
        wall_ns,
        records: rings.drain(),
        dropped: rings.dropped(),
        consumed: consumed.load(Ordering::Relaxed),
        consumed_sum: consumed_sum.load(Ordering::Relaxed),
        produced_sum: produced_sum.load(Ordering::Relaxed),
    })
}

/// The (producers, consumers) splits of `workers` lanes, at least one each.
pub fn splits(workers: usize) -> Vec<(usize, usize)> {
    (1..workers).map(|p| (p, workers - p)).collect()
}

/// Consumer-to-producer work ratios the lab sweeps.
pub const COST_RATIOS: [f64; 3] = [0.5, 1.0, 2.0];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_item_arrives_and_slow_sides_wait() {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(3)
            .build()
            .unwrap();
        pool.install(|| {
            // Slow consumers: the queue fills, producers block.
            let mut cfg = QueueConfig::new(1, 2, 8.0);
            cfg.items_per_producer = 400;
            let slow_consumers = run(&cfg, &Cancel::new()).unwrap();
            assert!(slow_consumers.all_delivered());
            assert_eq!(slow_consumers.dropped, 0);
            assert!(
                !slow_consumers.blocked().is_empty(),
                "producer never blocked"
            );
            let max_depth = slow_consumers.depth().iter().map(|d| d.1).max().unwrap();
            assert!(max_depth as usize <= cfg.capacity);
            assert!(max_depth >= cfg.capacity as u32 - 2);

            // Slow producers: consumers idle.
            let mut cfg = QueueConfig::new(2, 1, 0.1);
            cfg.items_per_producer = 300;
            let slow_producers = run(&cfg, &Cancel::new()).unwrap();
            assert!(slow_producers.all_delivered());
            assert!(!slow_producers.idle().is_empty(), "consumer never idled");
            assert!(slow_producers.throughput() > 0.0);
        });
        assert_eq!(splits(3), vec![(1, 2), (2, 1)]);
    }
}
