//! Running one closure per lane, each lane on its own pool thread, all at
//! once: the shape of every lab experiment.
//!
//! `rayon::broadcast` runs a closure once on *every* thread of the current
//! pool (natively the global pool or the one installed; in the browser the
//! Web Workers the page started), so lane `i` is worker `i`, and workers
//! beyond the experiment's count return at once. The lanes then meet at a
//! barrier, so they start together. It blocks its caller until every lane
//! is done: call it on a worker (`pool::run_timed`), never on the page's
//! main thread.

use std::sync::atomic::{AtomicUsize, Ordering};

/// More lanes asked for than the pool has threads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TooFewThreads {
    pub wanted: usize,
    pub have: usize,
}

impl std::fmt::Display for TooFewThreads {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} workers wanted, the pool has {}",
            self.wanted, self.have
        )
    }
}

/// Runs `f(lane)` for lanes `0..n`, each on a different pool thread, all
/// started together; returns their results in lane order.
pub fn run_lanes<T, F>(n: usize, f: F) -> Result<Vec<T>, TooFewThreads>
where
    T: Send,
    F: Fn(usize) -> T + Sync,
{
    let have = rayon::current_num_threads();
    if n == 0 || n > have {
        return Err(TooFewThreads { wanted: n, have });
    }
    let arrived = AtomicUsize::new(0);
    let results = rayon::broadcast(|ctx| {
        let lane = ctx.index();
        if lane >= n {
            return None;
        }
        // Spin until every lane is here (a few µs: all threads are idle).
        arrived.fetch_add(1, Ordering::AcqRel);
        while arrived.load(Ordering::Acquire) < n {
            std::hint::spin_loop();
        }
        Some(f(lane))
    });
    Ok(results.into_iter().flatten().collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn each_lane_runs_once_on_its_own_thread() {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(3)
            .build()
            .unwrap();
        pool.install(|| {
            let got = run_lanes(2, |lane| (lane, std::thread::current().id())).unwrap();
            assert_eq!(got.iter().map(|g| g.0).collect::<Vec<_>>(), vec![0, 1]);
            let threads: HashSet<_> = got.iter().map(|g| g.1).collect();
            assert_eq!(threads.len(), 2);
            assert_eq!(
                run_lanes(4, |l| l).unwrap_err(),
                TooFewThreads { wanted: 4, have: 3 }
            );
        });
    }
}
