//! The lab's figures natively (std threads in a rayon pool), printed, not
//! asserted: `cargo test --release --lib lab::bench -- --ignored --nocapture`.
//! The browser's figures come from the page (tests/e2e/lab.test.mjs).

use super::experiment::Samples;
use super::explore_exp::{self, ExploreConfig};
use super::gil_exp::{self, Config, ConvoyConfig, Mode};
use super::predict;
use super::sync::Cancel;
use super::trace::handoff_latencies;

fn median(f: impl Fn() -> f64, n: usize) -> (f64, Samples) {
    let mut s = Samples::default();
    for _ in 0..n {
        s.push(f());
    }
    (s.median().unwrap_or(0.0), s)
}

#[test]
#[ignore]
fn figures() {
    let workers = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .max(2);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(2)
        .build()
        .unwrap();
    println!("machine: {workers} cores; pool of 2");
    pool.install(|| {
        let cancel = Cancel::new();
        for mode in Mode::ALL {
            let time = |w| {
                median(
                    || gil_exp::run(&Config::new(mode, w), &cancel).unwrap().wall_ns as f64 / 1e6,
                    5,
                )
            };
            let (one, s1) = time(1);
            let (two, s2) = time(2);
            println!(
                "{:>15}: 1 worker {one:7.1} ms [{:.1}–{:.1}], 2 workers {two:7.1} ms [{:.1}–{:.1}], speedup {:.2}x",
                mode.name(),
                s1.min().unwrap(),
                s1.max().unwrap(),
                s2.min().unwrap(),
                s2.max().unwrap(),
                one / two
            );
        }
        let run = gil_exp::run(&Config::new(Mode::Gil, 2), &cancel).unwrap();
        let mut lat = Samples::default();
        handoff_latencies(&run.records).iter().for_each(|&l| lat.push(l as f64 / 1e3));
        println!(
            "GIL hand-off (drop request → other worker holds it): {} hand-offs, median {:.0} µs, min {:.0}, max {:.0}",
            lat.len(),
            lat.median().unwrap_or(0.0),
            lat.min().unwrap_or(0.0),
            lat.max().unwrap_or(0.0)
        );
        let convoy = |spinner| {
            median(
                || {
                    gil_exp::convoy(&ConvoyConfig { spinner, ..ConvoyConfig::default() }, &cancel)
                        .unwrap()
                        .io_wall_ns as f64
                        / 1e6
                },
                3,
            )
            .0
        };
        let (alone, beside) = (convoy(false), convoy(true));
        println!(
            "convoy: sleeper alone {alone:.1} ms, beside a spinner {beside:.1} ms: x{:.1}",
            beside / alone
        );
        let it = ConvoyConfig::default().iterations;
        for rt in predict::RUNTIMES {
            let (a, b) = (
                predict::convoy_us(rt, false, it).unwrap(),
                predict::convoy_us(rt, true, it).unwrap(),
            );
            println!(
                "convoy predicted by {rt}: {:.1} ms → {:.1} ms: x{:.1}",
                a as f64 / 1e3,
                b as f64 / 1e3,
                b as f64 / a as f64
            );
            for mode in [Mode::Free, Mode::Lock, Mode::CounterLock] {
                println!(
                    "  predicted speedup at 2 ({}): {:.2}x",
                    mode.name(),
                    predict::speedup(mode, rt, 2).unwrap()
                );
            }
        }
        let explore = |w| {
            median(
                || explore_exp::run(&ExploreConfig::new(w), &cancel).unwrap().per_second(),
                3,
            )
            .0
        };
        let (e1, e2) = (explore(1), explore(2));
        println!("explore: 1 worker {e1:.1} schedules/s, 2 workers {e2:.1}/s: x{:.2}", e2 / e1);
    });
}
