//! The CPU-bound kernel of the first lab experiment: counting the primes
//! below a limit with a segmented sieve of Eratosthenes over odd numbers.
//!
//! The range is cut into fixed-size segments, each sieved independently by
//! the base primes up to √limit, so the same segments can be counted on one
//! thread ([`count_primes_below`]) or spread over a rayon pool
//! ([`count_primes_below_par`]) and the two results must be equal.

use rayon::prelude::*;

/// Odd numbers per segment: 2^17 bytes of flags, sized to stay in a core's
/// L2 cache so that workers scale instead of fighting for memory bandwidth.
const SEGMENT_ODDS: u64 = 1 << 17;

/// The primes up to and including `n`, by a plain sieve (n is at most √limit).
fn base_primes(n: u64) -> Vec<u64> {
    let n = n as usize;
    let mut composite = vec![false; n + 1];
    let mut primes = Vec::new();
    for i in 2..=n {
        if !composite[i] {
            primes.push(i as u64);
            let mut j = i * i;
            while j <= n {
                composite[j] = true;
                j += i;
            }
        }
    }
    primes
}

/// ⌊√n⌋, exactly.
fn isqrt(n: u64) -> u64 {
    let mut r = (n as f64).sqrt() as u64;
    while r * r > n {
        r -= 1;
    }
    while (r + 1) * (r + 1) <= n {
        r += 1;
    }
    r
}

/// The work split into segments; shared by the sequential and parallel paths.
struct Sieve {
    limit: u64,
    /// Odd base primes ≤ √(limit − 1).
    odd_primes: Vec<u64>,
    segments: u64,
}

impl Sieve {
    fn new(limit: u64) -> Self {
        let odd_primes = if limit < 3 {
            Vec::new()
        } else {
            base_primes(isqrt(limit - 1))
                .into_iter()
                .filter(|&p| p > 2)
                .collect()
        };
        // Odd numbers 1, 3, 5, … below `limit`: index i stands for 2i + 1.
        let odds = limit / 2;
        Sieve {
            limit,
            odd_primes,
            segments: odds.div_ceil(SEGMENT_ODDS),
        }
    }

    /// Primes in segment `k`, the odd numbers with indices [k·S, (k+1)·S).
    fn count_segment(&self, k: u64, flags: &mut Vec<bool>) -> u64 {
        let odds = self.limit / 2;
        let lo = k * SEGMENT_ODDS;
        let hi = (lo + SEGMENT_ODDS).min(odds);
        flags.clear();
        flags.resize((hi - lo) as usize, true);
        for &p in &self.odd_primes {
            // First odd multiple of p that is ≥ p² and inside the segment.
            let first_value = (p * p).max({
                let lo_value = 2 * lo + 1;
                let m = lo_value.div_ceil(p) * p;
                if m % 2 == 0 {
                    m + p
                } else {
                    m
                }
            });
            let mut i = (first_value - 1) / 2;
            if i >= hi {
                continue;
            }
            while i < hi {
                flags[(i - lo) as usize] = false;
                i += p;
            }
        }
        let mut count = flags.iter().filter(|&&f| f).count() as u64;
        if lo == 0 {
            // Index 0 is the number 1, which is not prime; 2 is the even prime.
            count = count - 1 + u64::from(self.limit > 2);
        }
        count
    }
}

/// π(limit − 1): how many primes are strictly below `limit`, on this thread.
pub fn count_primes_below(limit: u64) -> u64 {
    let sieve = Sieve::new(limit);
    let mut flags = Vec::new();
    (0..sieve.segments)
        .map(|k| sieve.count_segment(k, &mut flags))
        .sum()
}

/// The same count, with the segments spread over the current rayon pool.
pub fn count_primes_below_par(limit: u64) -> u64 {
    let sieve = Sieve::new(limit);
    (0..sieve.segments)
        .into_par_iter()
        .map_init(Vec::new, |flags, k| sieve.count_segment(k, flags))
        .sum()
}

/// Is `n` prime? By trial division over 6k ± 1: slow on purpose, a pure
/// CPU kernel that touches no memory (the GIL experiment's chunks).
pub fn is_prime(n: u64) -> bool {
    if n < 4 {
        return n >= 2;
    }
    if n.is_multiple_of(2) || n.is_multiple_of(3) {
        return false;
    }
    let mut d = 5;
    while d * d <= n {
        if n.is_multiple_of(d) || n.is_multiple_of(d + 2) {
            return false;
        }
        d += 6;
    }
    true
}

/// Primes in `lo..hi`, by trial division.
pub fn count_primes_in(lo: u64, hi: u64) -> u64 {
    (lo..hi).filter(|&n| is_prime(n)).count() as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The obvious definition, for small limits.
    fn naive(limit: u64) -> u64 {
        (2..limit)
            .filter(|&n| (2..n).take_while(|d| d * d <= n).all(|d| n % d != 0))
            .count() as u64
    }

    #[test]
    fn small_limits_match_trial_division() {
        for limit in 0..2000 {
            assert_eq!(count_primes_below(limit), naive(limit), "limit {limit}");
        }
    }

    #[test]
    fn segment_boundaries_match_trial_division() {
        let s = 2 * SEGMENT_ODDS;
        for limit in [s - 1, s, s + 1, s + 2, 2 * s + 3, 3 * s] {
            assert_eq!(count_primes_below(limit), naive(limit), "limit {limit}");
        }
    }

    #[test]
    fn known_values_of_pi() {
        // π(10^k) from OEIS A006880; π(2·10^7) = 1270607.
        assert_eq!(count_primes_below(1_000_001), 78_498);
        assert_eq!(count_primes_below(10_000_001), 664_579);
        assert_eq!(count_primes_below(20_000_000), 1_270_607);
    }

    #[test]
    fn parallel_equals_sequential() {
        for limit in [0, 1, 2, 3, 100, 262_145, 5_000_000] {
            assert_eq!(count_primes_below_par(limit), count_primes_below(limit));
        }
    }

    #[test]
    fn trial_division_agrees_with_the_sieve() {
        for (lo, hi) in [(0, 1000), (999_000, 1_001_000), (17, 18)] {
            assert_eq!(
                count_primes_in(lo, hi),
                count_primes_below(hi) - count_primes_below(lo),
                "{lo}..{hi}"
            );
        }
    }
}
