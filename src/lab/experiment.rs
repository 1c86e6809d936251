//! The first lab experiment: the same prime count on one worker and on the
//! whole pool, repeated, summarised as min / median / max and a speedup.
//!
//! Only the bookkeeping lives here (plain data, testable natively); running
//! the rounds on Web Workers is [`super::pool`]'s job, driven by the UI.

/// The limits a user can pick, below which primes are counted.
pub const LIMITS: [u64; 4] = [10_000_000, 20_000_000, 100_000_000, 500_000_000];

/// The default limit: 2·10^7.
pub const DEFAULT_LIMIT: u64 = 20_000_000;

/// Timed rounds per experiment (after one warm-up round); each round times
/// one worker, then the pool.
pub const ROUNDS: usize = 5;

/// Wall times (ms) of repeated runs of one configuration.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Samples(Vec<f64>);

impl Samples {
    pub fn push(&mut self, millis: f64) {
        self.0.push(millis);
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The samples, in the order they were taken.
    pub fn values(&self) -> &[f64] {
        &self.0
    }

    fn sorted(&self) -> Vec<f64> {
        let mut v = self.0.clone();
        v.sort_by(f64::total_cmp);
        v
    }

    pub fn min(&self) -> Option<f64> {
        self.sorted().first().copied()
    }

    pub fn max(&self) -> Option<f64> {
        self.sorted().last().copied()
    }

    /// The middle sample; for an even count, the mean of the two middle ones.
    pub fn median(&self) -> Option<f64> {
        let v = self.sorted();
        let n = v.len();
        match n {
            0 => None,
            _ if n % 2 == 1 => Some(v[n / 2]),
            _ => Some((v[n / 2 - 1] + v[n / 2]) / 2.0),
        }
    }
}

/// What one experiment measured.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PrimeRace {
    pub limit: u64,
    pub workers: usize,
    /// The count on one worker and on the pool; they must agree.
    pub single_count: Option<u64>,
    pub pool_count: Option<u64>,
    pub single: Samples,
    pub pool: Samples,
}

impl PrimeRace {
    pub fn new(limit: u64, workers: usize) -> Self {
        PrimeRace {
            limit,
            workers,
            ..Default::default()
        }
    }

    /// Median single-worker time over median pool time.
    pub fn speedup(&self) -> Option<f64> {
        match (self.single.median(), self.pool.median()) {
            (Some(s), Some(p)) if p > 0.0 => Some(s / p),
            _ => None,
        }
    }

    /// Both counts are in and equal.
    pub fn counts_agree(&self) -> bool {
        matches!((self.single_count, self.pool_count), (Some(a), Some(b)) if a == b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn samples(v: &[f64]) -> Samples {
        let mut s = Samples::default();
        v.iter().for_each(|&x| s.push(x));
        s
    }

    #[test]
    fn median_of_odd_and_even_counts() {
        assert_eq!(samples(&[]).median(), None);
        assert_eq!(samples(&[3.0, 1.0, 2.0]).median(), Some(2.0));
        assert_eq!(samples(&[4.0, 1.0, 3.0, 2.0]).median(), Some(2.5));
        assert_eq!(samples(&[4.0, 1.0, 3.0]).min(), Some(1.0));
        assert_eq!(samples(&[4.0, 1.0, 3.0]).max(), Some(4.0));
    }

    #[test]
    fn speedup_is_median_over_median() {
        let mut race = PrimeRace::new(100, 2);
        assert_eq!(race.speedup(), None);
        race.single = samples(&[100.0, 90.0, 300.0]);
        race.pool = samples(&[50.0, 60.0, 40.0]);
        assert_eq!(race.speedup(), Some(2.0));
    }

    #[test]
    fn counts_agree_only_when_both_present_and_equal() {
        let mut race = PrimeRace::new(100, 2);
        race.single_count = Some(25);
        assert!(!race.counts_agree());
        race.pool_count = Some(24);
        assert!(!race.counts_agree());
        race.pool_count = Some(25);
        assert!(race.counts_agree());
    }
}
