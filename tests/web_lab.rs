//! The lab's shared-memory primitives in a real browser, on the rayon pool
//! of Web Workers (threaded build only): trace rings written by workers,
//! the global lock and the emulated GIL never held by two workers at once
//! (checked from the recorded data and live), GIL hand-offs by drop
//! request, the bounded queue delivering every item once, and cancel.
//! (Included by tests/web.rs; cargo also sees it as a test target of its
//! own, empty outside the threaded wasm build.)
#![cfg(all(target_arch = "wasm32", feature = "threads"))]

use interleave::lab::alloc;
use interleave::lab::explore_exp::{self, ExploreConfig};
use interleave::lab::gil_exp::{self, Mode};
use interleave::lab::lanes::run_lanes;
use interleave::lab::pool;
use interleave::lab::queue_exp::{self, QueueConfig};
use interleave::lab::sync::Cancel;
use interleave::lab::trace::{handoff_latencies, holds, max_holders, Kind, Rings};
use std::time::Duration;
use wasm_bindgen_test::*;

async fn pool_of_two() {
    let n = pool::start(2).await.expect("the pool starts");
    assert!(n >= 2, "pool of {n}");
}

fn log(s: String) {
    web_sys::console::log_1(&s.into());
}

#[wasm_bindgen_test]
async fn trace_rings_keep_every_workers_records_in_order() {
    pool_of_two().await;
    let got = pool::run_timed(|| {
        let rings = Rings::new(2, 4096);
        run_lanes(2, |lane| {
            for i in 0..3000 {
                rings.lane(lane).record(Kind::ChunkStart, i);
            }
        })
        .unwrap();
        (rings.drain(), rings.dropped())
    })
    .await
    .unwrap()
    .value;
    let (records, dropped) = got;
    assert_eq!(dropped, 0);
    for lane in 0..2 {
        let args: Vec<u32> = records
            .iter()
            .filter(|r| r.lane == lane)
            .map(|r| r.arg)
            .collect();
        assert_eq!(args, (0..3000).collect::<Vec<_>>(), "lane {lane}");
    }
    // Times from both workers' clocks are on one axis.
    assert!(records.windows(2).all(|w| w[0].t_ns <= w[1].t_ns));
}

/// The simulator on two workers at once, allocating on the threaded
/// build's own allocator (`lab::alloc`): the same outcomes as one worker,
/// and the workers on heaps of their own.
#[wasm_bindgen_test]
async fn exploration_on_two_workers_finds_what_one_finds_on_separate_heaps() {
    pool_of_two().await;
    let (one, two) = pool::run_timed(|| {
        let run = |w| {
            let cfg = ExploreConfig {
                runs: 12,
                ..ExploreConfig::new(w)
            };
            explore_exp::run(&cfg, &Cancel::new()).expect("runs")
        };
        (run(1), run(2))
    })
    .await
    .unwrap()
    .value;
    assert_eq!(one.outcomes, two.outcomes);
    assert_eq!(two.runs_per_lane.iter().sum::<u64>(), 12);
    assert!(one.outcomes.len() > 1, "outcomes: {:?}", one.outcomes);
    let heaps = alloc::heaps_in_use().expect("the threaded build's allocator");
    // The page's main thread and the two workers.
    assert!(heaps >= 3, "heaps in use: {heaps}");
    log(format!(
        "explore on the pool: 1 worker {:.1}/s, 2 workers {:.1}/s; {heaps} heaps in use",
        one.per_second(),
        two.per_second()
    ));
}

fn small(mode: Mode) -> gil_exp::Config {
    gil_exp::Config {
        chunks: 60,
        chunk_numbers: 1_000,
        counter_adds: 2_000,
        switch_interval: Duration::from_millis(1),
        ..gil_exp::Config::new(mode, 2)
    }
}

#[wasm_bindgen_test]
async fn global_lock_and_gil_are_never_held_by_two_workers() {
    pool_of_two().await;
    for mode in [Mode::Lock, Mode::Gil] {
        let cfg = small(mode);
        let expected = cfg.expected_primes();
        let run = pool::run_timed(move || gil_exp::run(&cfg, &Cancel::new()))
            .await
            .unwrap()
            .value
            .unwrap();
        assert_eq!(run.primes, expected, "{mode:?}");
        assert_eq!(run.max_inside, 1, "{mode:?}: live count");
        let h = holds(&run.records);
        assert!(h.len() >= 2, "{mode:?}: holds {}", h.len());
        // Workers' clocks agree to their resolution (5 µs isolated).
        assert_eq!(
            max_holders(&h, 10_000),
            1,
            "{mode:?}: recorded holds overlap"
        );
        let lanes: std::collections::BTreeSet<_> = run.records.iter().map(|r| r.lane).collect();
        assert_eq!(lanes.len(), 2, "{mode:?}: lanes");
        if mode == Mode::Gil {
            let lat = handoff_latencies(&run.records);
            log(format!(
                "GIL on 2 workers: {} holds, {} hand-offs, latencies (µs) {:?}",
                h.len(),
                lat.len(),
                lat.iter().map(|l| l / 1000).collect::<Vec<_>>()
            ));
            assert!(!lat.is_empty(), "no drop request was served");
        }
    }
}

#[wasm_bindgen_test]
async fn counters_behind_a_lock_and_atomic_lose_nothing() {
    pool_of_two().await;
    for mode in [Mode::CounterLock, Mode::CounterAtomic] {
        let cfg = small(mode);
        let run = pool::run_timed(move || gil_exp::run(&cfg, &Cancel::new()))
            .await
            .unwrap()
            .value
            .unwrap();
        assert_eq!(run.counter, 60 * 2_000, "{mode:?}");
    }
}

#[wasm_bindgen_test]
async fn bounded_queue_delivers_every_item_once_between_workers() {
    pool_of_two().await;
    for cost in [0.2, 5.0] {
        let mut cfg = QueueConfig::new(1, 1, cost);
        cfg.items_per_producer = 500;
        let run = pool::run_timed(move || queue_exp::run(&cfg, &Cancel::new()))
            .await
            .unwrap()
            .value
            .unwrap();
        assert!(run.all_delivered(), "cost {cost}: {} items", run.consumed);
        let max_depth = run.depth().iter().map(|d| d.1).max().unwrap_or(0);
        assert!(max_depth as usize <= run.config.capacity);
        if cost > 1.0 {
            assert!(
                !run.blocked().is_empty(),
                "slow consumer: the producer never blocked"
            );
        } else {
            assert!(
                !run.idle().is_empty(),
                "slow producer: the consumer never idled"
            );
        }
    }
}

#[wasm_bindgen_test]
async fn cancel_stops_a_gil_run_quickly() {
    pool_of_two().await;
    let cancel = Cancel::new();
    let c = cancel.clone();
    let cfg = gil_exp::Config {
        chunks: 100_000,
        ..gil_exp::Config::new(Mode::Gil, 2)
    };
    let started = pool::now_ms();
    let job = pool::run_timed(move || gil_exp::run(&cfg, &c));
    let cancel_after = async {
        gloo_timers_sleep(50).await;
        cancel.cancel();
        pool::now_ms()
    };
    let (res, cancelled_at) = futures_join(job, cancel_after).await;
    let finished = pool::now_ms();
    assert_eq!(res.unwrap().value.unwrap_err(), gil_exp::Stopped::Cancelled);
    log(format!(
        "cancel: stopped {:.1} ms after the flag was set ({:.1} ms in all)",
        finished - cancelled_at,
        finished - started
    ));
    assert!(finished - cancelled_at < 1_000.0);
}

/// Resolves after `ms` on the page's event loop (never blocks it).
async fn gloo_timers_sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

async fn futures_join<A, B>(a: A, b: B) -> (A::Output, B::Output)
where
    A: std::future::Future,
    B: std::future::Future,
{
    // Start `b` (the timer) first; `a` runs on the pool meanwhile.
    let b_out = b.await;
    (a.await, b_out)
}
