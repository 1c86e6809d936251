//! CPython 3.11's `random` module, algorithm for algorithm, so that a seeded
//! program draws exactly the numbers CPython draws: the Mersenne Twister
//! of `Modules/_randommodule.c` (`init_genrand`, `init_by_array`, seeding
//! from an int's absolute value split into 32-bit words, `random()` from
//! two 32-bit outputs, `getrandbits`) and the methods of `Lib/random.py`
//! built on it (`_randbelow` by rejection from `getrandbits`, `randrange`,
//! `shuffle`, `sample`, `choices`, the distributions, `gauss`'s cached
//! second value), with CPython's error messages.
//!
//! It works on plain Rust types: sequence methods take lengths and return
//! indices (`choice`, `sample`, `choices`) or call a swap callback
//! (`shuffle`), so the VM applies them to its own lists. Ints beyond 64
//! bits are `BigInt`/`BigUint`. The VM converts Python arguments first
//! (`operator.index`, float conversion, keyword handling) and raises the
//! returned [`RandomError`] as the named Python exception.
//!
//! Floats: `random()` and everything derived by arithmetic is exact.
//! `log`, `exp`, `sin`, `cos`, `acos` and `powf` come from the platform's
//! libm as in CPython; natively that is the same libm CPython uses here,
//! while a wasm build's libm may differ from it in the last bit on rare
//! inputs (the distributions that use them: gauss, normalvariate,
//! lognormvariate, expovariate, vonmises, gamma, beta, pareto, weibull).
//!
//! This module must never read entropy itself (seeding from `None` is the
//! caller's: [`Random::seed_key`] with words from the simulation's PRNG),
//! and never panic or loop forever on any argument.

use num_bigint::{BigInt, BigUint, Sign};
use num_traits::{One, Signed, ToPrimitive, Zero};
use sha2::{Digest, Sha512};
use std::collections::HashSet;
use std::fmt;

/// Words of Mersenne Twister state.
pub const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

/// `random.TWOPI` (`math.tau`).
pub const TWOPI: f64 = std::f64::consts::TAU;
/// `random.NV_MAGICCONST` (`4 * exp(-0.5) / sqrt(2.0)`), as CPython computes it.
pub const NV_MAGICCONST: f64 = 1.715_527_769_921_413_5;
/// `random.LOG4` (`log(4.0)`).
pub const LOG4: f64 = 1.386_294_361_119_890_6;
/// `random.SG_MAGICCONST` (`1.0 + log(4.5)`).
pub const SG_MAGICCONST: f64 = 2.504_077_396_776_274;

/// A Python exception raised by a `random` function: the variant names the
/// exception type, the string is CPython's message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RandomError {
    Value(String),
    Type(String),
    Index(String),
    ZeroDivision(String),
    Overflow(String),
}

impl RandomError {
    /// The Python exception type's name.
    pub fn python_type(&self) -> &'static str {
        match self {
            RandomError::Value(_) => "ValueError",
            RandomError::Type(_) => "TypeError",
            RandomError::Index(_) => "IndexError",
            RandomError::ZeroDivision(_) => "ZeroDivisionError",
            RandomError::Overflow(_) => "OverflowError",
        }
    }

    /// CPython's message.
    pub fn message(&self) -> &str {
        match self {
            RandomError::Value(m)
            | RandomError::Type(m)
            | RandomError::Index(m)
            | RandomError::ZeroDivision(m)
            | RandomError::Overflow(m) => m,
        }
    }
}

impl fmt::Display for RandomError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.python_type(), self.message())
    }
}

fn value_error(msg: &str) -> RandomError {
    RandomError::Value(msg.to_string())
}

fn float_division_by_zero() -> RandomError {
    RandomError::ZeroDivision("float division by zero".to_string())
}

/// Python's `x / y` on floats.
fn py_div(x: f64, y: f64) -> Result<f64, RandomError> {
    if y == 0.0 {
        return Err(float_division_by_zero());
    }
    Ok(x / y)
}

/// Python's `x ** y` on floats, for the bases these formulas produce.
fn py_pow(x: f64, y: f64) -> Result<f64, RandomError> {
    if x == 0.0 && y < 0.0 {
        return Err(RandomError::ZeroDivision(
            "0.0 cannot be raised to a negative power".to_string(),
        ));
    }
    Ok(x.powf(y))
}

/// Python's `x % y` on floats (the result has the sign of `y`).
fn py_mod(x: f64, y: f64) -> f64 {
    let m = x % y;
    if m == 0.0 {
        0.0f64.copysign(y)
    } else if (y < 0.0) != (m < 0.0) {
        m + y
    } else {
        m
    }
}

/// `math.exp`, which raises instead of overflowing to infinity.
fn py_exp(x: f64) -> Result<f64, RandomError> {
    let r = x.exp();
    if r.is_infinite() && x.is_finite() {
        return Err(RandomError::Overflow("math range error".to_string()));
    }
    Ok(r)
}

/// `bisect.bisect_right(a, x, lo, hi)`, step for step (so even an unsorted
/// `a` gives CPython's answer).
fn bisect_right<T: PartialOrd>(a: &[T], x: &T, mut lo: usize, mut hi: usize) -> usize {
    hi = hi.min(a.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if *x < a[mid] {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    lo
}

/// Python's `//` on i128.
fn floor_div(a: i128, b: i128) -> i128 {
    let q = a / b;
    if a % b != 0 && ((a < 0) != (b < 0)) {
        q - 1
    } else {
        q
    }
}

/// Python's `//` on BigInt (`b` nonzero).
fn floor_div_big(a: &BigInt, b: &BigInt) -> BigInt {
    let q = a / b;
    if !(a % b).is_zero() && (a.is_negative() != b.is_negative()) {
        q - 1
    } else {
        q
    }
}

/// The weights argument of [`Random::choices`].
#[derive(Clone, Copy, Debug)]
pub enum Weights<'a> {
    /// Equal probability.
    None,
    /// `weights=`: relative weights, accumulated left to right.
    Relative(&'a [f64]),
    /// `cum_weights=`: already accumulated.
    Cumulative(&'a [f64]),
}

/// What `getstate()` returns, less the version number.
#[derive(Clone, Debug, PartialEq)]
pub struct RandomState {
    pub mt: Vec<u32>,
    /// Position of the next word to temper, `0..=N`.
    pub index: usize,
    pub gauss_next: Option<f64>,
}

/// One `random.Random` instance.
#[derive(Clone)]
pub struct Random {
    mt: Box<[u32; N]>,
    /// Invariant: `index <= N`; `N` means "regenerate before the next word".
    index: usize,
    /// `gauss`'s second value, consumed by the next call; cleared by seeding.
    gauss_next: Option<f64>,
}

impl fmt::Debug for Random {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Random")
            .field("index", &self.index)
            .field("gauss_next", &self.gauss_next)
            .finish_non_exhaustive()
    }
}

impl Random {
    // ---- construction and seeding -----------------------------------------

    /// A generator seeded with `init_by_array(key)`: what `Random()` does
    /// with 624 words of OS entropy (give it words from the simulation).
    pub fn from_key(key: &[u32]) -> Random {
        let mut r = Random {
            mt: Box::new([0; N]),
            index: N,
            gauss_next: None,
        };
        r.seed_key(key);
        r
    }

    /// `Random(n)` for an int seed.
    pub fn from_i64(n: i64) -> Random {
        let mut r = Random::from_key(&[0]);
        r.seed_i64(n);
        r
    }

    /// `init_genrand`: the reference generator's single-word seeding.
    fn init_genrand(&mut self, s: u32) {
        self.mt[0] = s;
        for i in 1..N {
            let prev = self.mt[i - 1];
            self.mt[i] = 1_812_433_253u32
                .wrapping_mul(prev ^ (prev >> 30))
                .wrapping_add(i as u32);
        }
        self.index = N;
    }

    /// `init_by_array` (an empty key is taken as `[0]`).
    fn init_by_array(&mut self, key: &[u32]) {
        let key: &[u32] = if key.is_empty() { &[0] } else { key };
        self.init_genrand(19_650_218);
        let mt = &mut self.mt;
        let (mut i, mut j) = (1usize, 0usize);
        for _ in 0..N.max(key.len()) {
            let prev = mt[i - 1];
            mt[i] = (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = mt[i - 1];
            mt[i] =
                (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_566_083_941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x8000_0000;
    }

    /// `seed()` with no argument or `None`: CPython feeds 624 words of OS
    /// entropy to `init_by_array`; the caller supplies them.
    pub fn seed_key(&mut self, key: &[u32]) {
        self.init_by_array(key);
        self.gauss_next = None;
    }

    /// `seed(n)` for an int: its absolute value, in 32-bit words from the
    /// least significant.
    pub fn seed_int(&mut self, n: &BigInt) {
        let words = n.magnitude().to_u32_digits();
        self.seed_key(&words);
    }

    /// `seed(n)` for an int that fits in 64 bits.
    pub fn seed_i64(&mut self, n: i64) {
        self.seed_u64(n.unsigned_abs());
    }

    fn seed_u64(&mut self, n: u64) {
        let (lo, hi) = (n as u32, (n >> 32) as u32);
        if hi == 0 {
            self.seed_key(&[lo]);
        } else {
            self.seed_key(&[lo, hi]);
        }
    }

    /// `seed(x)` for any other hashable `x` (a float): its hash, cast to an
    /// unsigned 64-bit int (not its absolute value).
    pub fn seed_hash(&mut self, hash: i64) {
        self.seed_u64(hash as u64);
    }

    /// `seed(b)` for bytes or bytearray (version 2): the int whose
    /// big-endian bytes are `b` followed by `sha512(b)`.
    pub fn seed_bytes(&mut self, b: &[u8]) {
        let mut all = b.to_vec();
        all.extend_from_slice(&Sha512::digest(b));
        self.seed_int(&BigInt::from_bytes_be(Sign::Plus, &all));
    }

    /// `seed(s)` for a str (version 2): `seed(s.encode())`.
    pub fn seed_str(&mut self, s: &str) {
        self.seed_bytes(s.as_bytes());
    }

    /// `seed(a, version=1)` for a str (its code points) or bytes (its byte
    /// values, as latin-1): the old string-hash seeding.
    pub fn seed_version1(&mut self, code_points: &[u32]) {
        let mut x: u64 = match code_points.first() {
            Some(&c) => (c as u64) << 7,
            None => 0,
        };
        for &c in code_points {
            x = 1_000_003u64.wrapping_mul(x) ^ c as u64;
        }
        x ^= code_points.len() as u64;
        self.seed_u64(x);
    }

    // ---- the generator -----------------------------------------------------

    /// `genrand_uint32`: the next tempered 32-bit output.
    pub fn genrand_u32(&mut self) -> u32 {
        if self.index >= N {
            self.generate();
        }
        let mut y = self.mt[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// Regenerates all N words at once.
    fn generate(&mut self) {
        let mt = &mut self.mt;
        let mag01 = |y: u32| if y & 1 == 1 { MATRIX_A } else { 0 };
        for k in 0..N {
            let y = (mt[k] & UPPER_MASK) | (mt[(k + 1) % N] & LOWER_MASK);
            mt[k] = mt[(k + M) % N] ^ (y >> 1) ^ mag01(y);
        }
        self.index = 0;
    }

    /// `random()`: a float in [0, 1) with 53 random bits.
    pub fn random(&mut self) -> f64 {
        let a = self.genrand_u32() >> 5;
        let b = self.genrand_u32() >> 6;
        (a as f64 * 67_108_864.0 + b as f64) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// `getrandbits(k)` for `k <= 64` (a larger `k` is taken as 64).
    pub fn getrandbits_u64(&mut self, k: u32) -> u64 {
        let k = k.min(64);
        if k == 0 {
            0
        } else if k <= 32 {
            (self.genrand_u32() >> (32 - k)) as u64
        } else {
            let low = self.genrand_u32() as u64;
            let high = (self.genrand_u32() >> (64 - k)) as u64;
            (high << 32) | low
        }
    }

    fn getrandbits_words(&mut self, k: u64) -> BigUint {
        let words = k.div_ceil(32);
        let mut digits = Vec::with_capacity(words as usize);
        let mut left = k;
        for _ in 0..words {
            let mut r = self.genrand_u32();
            if left < 32 {
                r >>= 32 - left;
            }
            digits.push(r);
            left = left.saturating_sub(32);
        }
        BigUint::from_slice(&digits)
    }

    /// `getrandbits(k)`: an int of `k` random bits, from 32-bit words
    /// filled least significant first (the last one keeps its high bits).
    pub fn getrandbits(&mut self, k: i64) -> Result<BigUint, RandomError> {
        if k < 0 {
            return Err(value_error("number of bits must be non-negative"));
        }
        if k > i32::MAX as i64 {
            return Err(RandomError::Overflow(
                "Python int too large to convert to C int".to_string(),
            ));
        }
        if k <= 64 {
            return Ok(BigUint::from(self.getrandbits_u64(k as u32)));
        }
        Ok(self.getrandbits_words(k as u64))
    }

    /// `randbytes(n)`: `getrandbits(n * 8).to_bytes(n, 'little')`.
    pub fn randbytes(&mut self, n: usize) -> Vec<u8> {
        let mut out = Vec::with_capacity(n);
        while out.len() < n {
            let left = n - out.len();
            let mut r = self.genrand_u32();
            if left < 4 {
                r >>= 32 - 8 * left as u32;
            }
            out.extend(r.to_le_bytes().iter().take(left));
        }
        out
    }

    /// `_randbelow(n)`: uniform in `[0, n)` by rejection from
    /// `getrandbits(n.bit_length())`. `n == 0` returns 0 (CPython never
    /// calls it so; it would loop forever).
    pub fn randbelow_u64(&mut self, n: u64) -> u64 {
        if n == 0 {
            return 0;
        }
        let k = 64 - n.leading_zeros();
        loop {
            let r = self.getrandbits_u64(k);
            if r < n {
                return r;
            }
        }
    }

    /// `_randbelow(n)` for any size (`n == 0` returns 0).
    pub fn randbelow(&mut self, n: &BigUint) -> BigUint {
        if let Some(small) = n.to_u64() {
            return BigUint::from(self.randbelow_u64(small));
        }
        let k = n.bits();
        loop {
            let r = self.getrandbits_words(k);
            if &r < n {
                return r;
            }
        }
    }

    fn randbelow_u128(&mut self, n: u128) -> u128 {
        match u64::try_from(n) {
            Ok(small) => self.randbelow_u64(small) as u128,
            Err(_) => self
                .randbelow(&BigUint::from(n))
                .to_u128()
                .unwrap_or_default(),
        }
    }

    // ---- integers ------------------------------------------------------------

    /// `randrange(start)` (`stop` None) or `randrange(start, stop, step)`
    /// on ints that fit in 64 bits, with CPython's errors. `step` is 1 when
    /// not given (CPython's "step given without stop" check is `step != 1`).
    pub fn randrange(
        &mut self,
        start: i64,
        stop: Option<i64>,
        step: i64,
    ) -> Result<i64, RandomError> {
        let r = self.randrange_i128(start as i128, stop.map(i128::from), step as i128)?;
        i64::try_from(r).map_err(|_| RandomError::Overflow("randrange result".to_string()))
    }

    fn randrange_i128(
        &mut self,
        start: i128,
        stop: Option<i128>,
        step: i128,
    ) -> Result<i128, RandomError> {
        let Some(stop) = stop else {
            if step != 1 {
                return Err(RandomError::Type(
                    "Missing a non-None stop argument".to_string(),
                ));
            }
            if start > 0 {
                return Ok(self.randbelow_u128(start as u128) as i128);
            }
            return Err(value_error("empty range for randrange()"));
        };
        let width = stop - start;
        if step == 1 {
            if width > 0 {
                return Ok(start + self.randbelow_u128(width as u128) as i128);
            }
            return Err(RandomError::Value(format!(
                "empty range for randrange() ({start}, {stop}, {width})"
            )));
        }
        let n = match step {
            s if s > 0 => floor_div(width + s - 1, s),
            s if s < 0 => floor_div(width + s + 1, s),
            _ => return Err(value_error("zero step for randrange()")),
        };
        if n <= 0 {
            return Err(value_error("empty range for randrange()"));
        }
        Ok(start + step * self.randbelow_u128(n as u128) as i128)
    }

    /// [`randrange`](Self::randrange) on ints of any size.
    pub fn randrange_big(
        &mut self,
        start: &BigInt,
        stop: Option<&BigInt>,
        step: &BigInt,
    ) -> Result<BigInt, RandomError> {
        let Some(stop) = stop else {
            if !step.is_one() {
                return Err(RandomError::Type(
                    "Missing a non-None stop argument".to_string(),
                ));
            }
            if start.is_positive() {
                return Ok(BigInt::from(self.randbelow(start.magnitude())));
            }
            return Err(value_error("empty range for randrange()"));
        };
        let width = stop - start;
        if step.is_one() {
            if width.is_positive() {
                return Ok(start + BigInt::from(self.randbelow(width.magnitude())));
            }
            return Err(RandomError::Value(format!(
                "empty range for randrange() ({start}, {stop}, {width})"
            )));
        }
        let n = if step.is_positive() {
            floor_div_big(&(&width + step - 1), step)
        } else if step.is_negative() {
            floor_div_big(&(&width + step + 1), step)
        } else {
            return Err(value_error("zero step for randrange()"));
        };
        if !n.is_positive() {
            return Err(value_error("empty range for randrange()"));
        }
        Ok(start + step * BigInt::from(self.randbelow(n.magnitude())))
    }

    /// `randint(a, b)`: `randrange(a, b + 1)`.
    pub fn randint(&mut self, a: i64, b: i64) -> Result<i64, RandomError> {
        let r = self.randrange_i128(a as i128, Some(b as i128 + 1), 1)?;
        i64::try_from(r).map_err(|_| RandomError::Overflow("randint result".to_string()))
    }

    /// [`randint`](Self::randint) on ints of any size.
    pub fn randint_big(&mut self, a: &BigInt, b: &BigInt) -> Result<BigInt, RandomError> {
        self.randrange_big(a, Some(&(b + 1)), &BigInt::one())
    }

    // ---- sequences -----------------------------------------------------------

    /// `choice(seq)`: the index to take from a sequence of length `len`.
    pub fn choice(&mut self, len: usize) -> Result<usize, RandomError> {
        if len == 0 {
            return Err(RandomError::Index(
                "Cannot choose from an empty sequence".to_string(),
            ));
        }
        Ok(self.randbelow_u64(len as u64) as usize)
    }

    /// `shuffle(x)` for a sequence of length `len`: calls `swap(i, j)` in
    /// CPython's order (`i` from `len - 1` down to 1, `j <= i`, also when
    /// `j == i`).
    pub fn shuffle(&mut self, len: usize, mut swap: impl FnMut(usize, usize)) {
        for i in (1..len).rev() {
            let j = self.randbelow_u64(i as u64 + 1) as usize;
            swap(i, j);
        }
    }

    /// [`shuffle`](Self::shuffle) of a slice in place.
    pub fn shuffle_slice<T>(&mut self, items: &mut [T]) {
        self.shuffle(items.len(), |i, j| items.swap(i, j));
    }

    /// `sample(population, k)` for a population of length `n`: the indices
    /// chosen, in selection order. Uses CPython's pool algorithm when `n`
    /// is at most its set-size threshold, else its set-based one.
    pub fn sample(&mut self, n: u64, k: i64) -> Result<Vec<u64>, RandomError> {
        if k < 0 || k as u64 > n {
            return Err(value_error("Sample larger than population or is negative"));
        }
        let k = k as u64;
        let mut setsize: u128 = 21;
        if k > 5 {
            // `_ceil(_log(k * 3, 4))`: math.log(x, 4) is log(x) / log(4.0).
            let exponent = ((k * 3) as f64).ln() / LOG4;
            setsize += 4u128.saturating_pow(exponent.ceil() as u32);
        }
        let mut result = Vec::with_capacity(k as usize);
        if n as u128 <= setsize {
            let mut pool: Vec<u64> = (0..n).collect();
            for i in 0..k {
                let j = self.randbelow_u64(n - i) as usize;
                result.push(pool[j]);
                pool[j] = pool[(n - i - 1) as usize];
            }
        } else {
            let mut selected = HashSet::with_capacity(k as usize);
            for _ in 0..k {
                let mut j = self.randbelow_u64(n);
                while selected.contains(&j) {
                    j = self.randbelow_u64(n);
                }
                selected.insert(j);
                result.push(j);
            }
        }
        Ok(result)
    }

    /// `sample(population, k, counts=counts)` for a population of length
    /// `n`: indices into the population, each repeated `counts[i]` times.
    pub fn sample_counts(
        &mut self,
        n: usize,
        counts: &[i64],
        k: i64,
    ) -> Result<Vec<usize>, RandomError> {
        let mut cum: Vec<i128> = Vec::with_capacity(counts.len());
        let mut acc: i128 = 0;
        for &c in counts {
            acc += c as i128;
            cum.push(acc);
        }
        if cum.len() != n {
            return Err(value_error(
                "The number of counts does not match the population",
            ));
        }
        let Some(total) = cum.pop() else {
            return Err(RandomError::Index("pop from empty list".to_string()));
        };
        if total <= 0 {
            return Err(value_error("Total of counts must be greater than zero"));
        }
        let total = u64::try_from(total)
            .map_err(|_| RandomError::Overflow("Python int too large to convert".to_string()))?;
        let selections = self.sample(total, k)?;
        Ok(selections
            .into_iter()
            .map(|s| bisect_right(&cum, &(s as i128), 0, cum.len()))
            .collect())
    }

    /// `choices(population, weights, cum_weights=..., k=k)` for a population
    /// of length `n`: `k` indices chosen with replacement (none when `k` is
    /// negative). With no weights, `n == 0` and `k > 0`, CPython draws once
    /// and then fails to index the empty population: this draws once and
    /// returns the single index 0, for the caller's indexing to raise.
    pub fn choices(
        &mut self,
        n: usize,
        weights: Weights<'_>,
        k: i64,
    ) -> Result<Vec<usize>, RandomError> {
        let k = k.max(0) as usize;
        let accumulated;
        let cum_weights: &[f64] = match weights {
            Weights::None => {
                let k = if n == 0 { k.min(1) } else { k };
                let nf = n as f64;
                return Ok((0..k)
                    .map(|_| (self.random() * nf).floor() as usize)
                    .collect());
            }
            Weights::Relative(w) => {
                let mut acc = Vec::with_capacity(w.len());
                let mut total = 0.0;
                for (i, &x) in w.iter().enumerate() {
                    total = if i == 0 { x } else { total + x };
                    acc.push(total);
                }
                accumulated = acc;
                &accumulated
            }
            Weights::Cumulative(c) => c,
        };
        if cum_weights.len() != n {
            return Err(value_error(
                "The number of weights does not match the population",
            ));
        }
        let Some(&last) = cum_weights.last() else {
            return Err(RandomError::Index("list index out of range".to_string()));
        };
        let total = last + 0.0;
        if total <= 0.0 {
            return Err(value_error("Total of weights must be greater than zero"));
        }
        if !total.is_finite() {
            return Err(value_error("Total of weights must be finite"));
        }
        let hi = n - 1;
        Ok((0..k)
            .map(|_| bisect_right(cum_weights, &(self.random() * total), 0, hi))
            .collect())
    }

    // ---- real-valued distributions -----------------------------------------

    /// `uniform(a, b)`: `a + (b - a) * random()`.
    pub fn uniform(&mut self, a: f64, b: f64) -> f64 {
        a + (b - a) * self.random()
    }

    /// `triangular(low, high, mode)`.
    pub fn triangular(&mut self, low: f64, high: f64, mode: Option<f64>) -> f64 {
        let mut u = self.random();
        let mut c = match mode {
            None => 0.5,
            Some(mode) => match py_div(mode - low, high - low) {
                Ok(c) => c,
                Err(_) => return low,
            },
        };
        let (mut low, mut high) = (low, high);
        if u > c {
            u = 1.0 - u;
            c = 1.0 - c;
            std::mem::swap(&mut low, &mut high);
        }
        low + (high - low) * (u * c).sqrt()
    }

    /// `normalvariate(mu, sigma)` (Kinderman and Monahan).
    pub fn normalvariate(&mut self, mu: f64, sigma: f64) -> f64 {
        loop {
            let u1 = self.random();
            let u2 = 1.0 - self.random();
            let z = NV_MAGICCONST * (u1 - 0.5) / u2;
            let zz = z * z / 4.0;
            if zz <= -u2.ln() {
                return mu + z * sigma;
            }
        }
    }

    /// `gauss(mu, sigma)`: two normal values per pair of `random()` calls,
    /// the second kept for the next call.
    pub fn gauss(&mut self, mu: f64, sigma: f64) -> f64 {
        let z = match self.gauss_next.take() {
            Some(z) => z,
            None => {
                let x2pi = self.random() * TWOPI;
                let g2rad = (-2.0 * (1.0 - self.random()).ln()).sqrt();
                self.gauss_next = Some(x2pi.sin() * g2rad);
                x2pi.cos() * g2rad
            }
        };
        mu + z * sigma
    }

    /// `lognormvariate(mu, sigma)`: `exp(normalvariate(mu, sigma))`.
    pub fn lognormvariate(&mut self, mu: f64, sigma: f64) -> Result<f64, RandomError> {
        py_exp(self.normalvariate(mu, sigma))
    }

    /// `expovariate(lambd)`: `-log(1 - random()) / lambd`.
    pub fn expovariate(&mut self, lambd: f64) -> Result<f64, RandomError> {
        py_div(-(1.0 - self.random()).ln(), lambd)
    }

    /// `vonmisesvariate(mu, kappa)`.
    pub fn vonmisesvariate(&mut self, mu: f64, kappa: f64) -> Result<f64, RandomError> {
        if kappa <= 1e-6 {
            return Ok(TWOPI * self.random());
        }
        let s = 0.5 / kappa;
        let r = s + (1.0 + s * s).sqrt();
        let z = loop {
            let u1 = self.random();
            let z = (std::f64::consts::PI * u1).cos();
            let d = z / (r + z);
            let u2 = self.random();
            if u2 < 1.0 - d * d || u2 <= (1.0 - d) * py_exp(d)? {
                break z;
            }
        };
        let q = 1.0 / r;
        let f = (q + z) / (1.0 + q * z);
        let u3 = self.random();
        Ok(if u3 > 0.5 {
            py_mod(mu + f.acos(), TWOPI)
        } else {
            py_mod(mu - f.acos(), TWOPI)
        })
    }

    /// `gammavariate(alpha, beta)`.
    pub fn gammavariate(&mut self, alpha: f64, beta: f64) -> Result<f64, RandomError> {
        // `not (alpha > 0 and beta > 0)` would differ for NaN; CPython
        // tests `<= 0.0`.
        if alpha <= 0.0 || beta <= 0.0 {
            return Err(value_error("gammavariate: alpha and beta must be > 0.0"));
        }
        if alpha > 1.0 {
            // Cheng (1977).
            let ainv = (2.0 * alpha - 1.0).sqrt();
            let bbb = alpha - LOG4;
            let ccc = alpha + ainv;
            loop {
                let u1 = self.random();
                if !(1e-7 < u1 && u1 < 0.9999999) {
                    continue;
                }
                let u2 = 1.0 - self.random();
                let v = (u1 / (1.0 - u1)).ln() / ainv;
                let x = alpha * py_exp(v)?;
                let z = u1 * u1 * u2;
                let r = bbb + ccc * v - x;
                if r + SG_MAGICCONST - 4.5 * z >= 0.0 || r >= z.ln() {
                    return Ok(x * beta);
                }
            }
        } else if alpha == 1.0 {
            Ok(-(1.0 - self.random()).ln() * beta)
        } else {
            // Algorithm GS (Kennedy and Gentle).
            let e = std::f64::consts::E;
            loop {
                let u = self.random();
                let b = (e + alpha) / e;
                let p = b * u;
                let x = if p <= 1.0 {
                    py_pow(p, 1.0 / alpha)?
                } else {
                    -((b - p) / alpha).ln()
                };
                let u1 = self.random();
                if p > 1.0 {
                    if u1 <= py_pow(x, alpha - 1.0)? {
                        return Ok(x * beta);
                    }
                } else if u1 <= py_exp(-x)? {
                    return Ok(x * beta);
                }
            }
        }
    }

    /// `betavariate(alpha, beta)`.
    pub fn betavariate(&mut self, alpha: f64, beta: f64) -> Result<f64, RandomError> {
        let y = self.gammavariate(alpha, 1.0)?;
        if y != 0.0 {
            return Ok(y / (y + self.gammavariate(beta, 1.0)?));
        }
        Ok(0.0)
    }

    /// `paretovariate(alpha)`: `(1 - random()) ** (-1 / alpha)`.
    pub fn paretovariate(&mut self, alpha: f64) -> Result<f64, RandomError> {
        let u = 1.0 - self.random();
        py_pow(u, py_div(-1.0, alpha)?)
    }

    /// `weibullvariate(alpha, beta)`: `alpha * (-log(1 - random())) ** (1 / beta)`.
    pub fn weibullvariate(&mut self, alpha: f64, beta: f64) -> Result<f64, RandomError> {
        let u = 1.0 - self.random();
        Ok(alpha * py_pow(-u.ln(), py_div(1.0, beta)?)?)
    }

    // ---- state -----------------------------------------------------------------

    /// `getstate()` (its version 3 body).
    pub fn state(&self) -> RandomState {
        RandomState {
            mt: self.mt.to_vec(),
            index: self.index,
            gauss_next: self.gauss_next,
        }
    }

    /// `setstate(state)`: `mt` must hold N words and `index` be in `0..=N`.
    pub fn set_state(
        &mut self,
        mt: &[u32],
        index: i64,
        gauss_next: Option<f64>,
    ) -> Result<(), RandomError> {
        if mt.len() != N {
            return Err(value_error("state vector is the wrong size"));
        }
        if !(0..=N as i64).contains(&index) {
            return Err(value_error("invalid state"));
        }
        self.mt.copy_from_slice(mt);
        self.index = index as usize;
        self.gauss_next = gauss_next;
        Ok(())
    }
}

#[cfg(test)]
#[path = "random_testdata/tests.rs"]
mod tests;
