//! Python's `hash()` for the built-in types whose hash CPython computes
//! from the value alone: `int`, `bool`, `float`, `complex`, `tuple`, `str`,
//! `bytes`, `None`, and the identity hash of plain objects.
//!
//! Numbers follow `Python/pyhash.c` and `Objects/longobject.c` of CPython
//! 3.11 on a 64-bit build exactly: a number's hash is its value modulo the
//! Mersenne prime `2**61 - 1` ([`MODULUS`]), signed like the number, so
//! `hash(1) == hash(1.0) == hash(True)`; `-1` is never a hash (it is
//! CPython's error code) and becomes `-2`.
//!
//! `str` and `bytes` are SipHash-1-3 (CPython 3.11's default algorithm) over
//! the same bytes CPython hashes, with the all-zero key CPython uses when
//! `PYTHONHASHSEED=0`: every hash here equals `PYTHONHASHSEED=0 python3.11`'s,
//! so a set of strings iterates in that interpreter's order. (An ordinary
//! CPython run randomizes these per process.)
//!
//! `None` hashes to [`NONE_HASH`], the constant of CPython 3.12+ (3.11 hashes
//! None by its address, which differs from run to run). Objects hashed by
//! identity (and NaN floats, since 3.10) use [`hash_pointer`] on an id the
//! caller provides.
//!
//! This module only computes numbers: it never sees interpreter values and
//! never fails (an unhashable type is the caller's `TypeError`).

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

/// `_PyHASH_BITS`: numbers hash modulo `2**BITS - 1`.
pub const BITS: u32 = 61;
/// `_PyHASH_MODULUS`, the Mersenne prime `2**61 - 1`.
pub const MODULUS: u64 = (1 << BITS) - 1;
/// `_PyHASH_INF`: `hash(float('inf'))`; `-INF` for `-inf`.
pub const INF: i64 = 314_159;
/// `_PyHASH_IMAG`: the multiplier of the imaginary part in `hash(complex)`.
pub const IMAG: u64 = 1_000_003;
/// `hash(None)`: CPython 3.12's constant (`0xFCA86420`), used for 3.11 too.
pub const NONE_HASH: i64 = 0xFCA8_6420;

/// CPython never returns `-1` from `tp_hash` (it signals an error).
fn not_minus_one(h: i64) -> i64 {
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `hash(n)` for an int that fits in 64 bits (`long_hash`).
pub fn hash_i64(n: i64) -> i64 {
    // |n| < 2**63 < 4 * MODULUS, and |n| mod MODULUS < 2**61 fits in i64.
    let r = (n.unsigned_abs() % MODULUS) as i64;
    not_minus_one(if n < 0 { -r } else { r })
}

/// `hash(n)` for any int; equal to [`hash_i64`] where both apply.
pub fn hash_bigint(n: &BigInt) -> i64 {
    if let Some(small) = n.to_i64() {
        return hash_i64(small);
    }
    // Horner over the 64-bit digits, most significant first, in u128.
    let r = n
        .magnitude()
        .iter_u64_digits()
        .rev()
        .fold(0u64, |acc, digit| {
            ((((acc as u128) << 64) | digit as u128) % MODULUS as u128) as u64
        }) as i64;
    not_minus_one(if n.is_negative() { -r } else { r })
}

/// `hash(b)` for a bool: that of the int 0 or 1.
pub fn hash_bool(b: bool) -> i64 {
    b as i64
}

/// `_Py_HashPointer`: the identity hash of the object whose address (id) is
/// `id`, rotated so the always-zero alignment bits do not collide.
pub fn hash_pointer(id: u64) -> i64 {
    not_minus_one(id.rotate_right(4) as i64)
}

/// `hash(x)` for a float (`_Py_HashDouble`). `id` is the float object's
/// identity, used only when `x` is a NaN (3.10+: NaNs hash by identity).
/// Integral floats hash like the equal int.
pub fn hash_f64(x: f64, id: u64) -> i64 {
    if x.is_nan() {
        return hash_pointer(id);
    }
    if x.is_infinite() {
        return if x > 0.0 { INF } else { -INF };
    }
    if x == 0.0 {
        return 0;
    }
    // |x| = mantissa * 2**exponent with an integer mantissa below 2**53.
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let fraction = bits & ((1u64 << 52) - 1);
    let (mantissa, exponent) = if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1u64 << 52), biased - 1075)
    };
    // 2**61 == 1 (mod MODULUS): multiplying by 2**e is a 61-bit rotation.
    let e = exponent.rem_euclid(BITS as i64) as u32;
    let r = if e == 0 {
        mantissa
    } else {
        ((mantissa << e) & MODULUS) | (mantissa >> (BITS - e))
    } as i64;
    not_minus_one(if x < 0.0 { -r } else { r })
}

/// `hash(complex(real, imag))` (`complex_hash`); `id` as in [`hash_f64`].
pub fn hash_complex(real: f64, imag: f64, id: u64) -> i64 {
    let r = hash_f64(real, id) as u64;
    let i = hash_f64(imag, id) as u64;
    not_minus_one(r.wrapping_add(IMAG.wrapping_mul(i)) as i64)
}

const XXPRIME_1: u64 = 11_400_714_785_074_694_791;
const XXPRIME_2: u64 = 14_029_467_366_897_019_727;
const XXPRIME_5: u64 = 2_870_177_450_012_600_261;

/// `tuplehash` (3.8+, after xxHash), fed one item hash at a time: the
/// caller hashes the items (which may fail or run Python code) and adds
/// their hashes in order.
#[derive(Clone, Debug)]
pub struct TupleHasher {
    acc: u64,
    len: u64,
}

impl Default for TupleHasher {
    fn default() -> Self {
        Self::new()
    }
}

impl TupleHasher {
    pub fn new() -> Self {
        TupleHasher {
            acc: XXPRIME_5,
            len: 0,
        }
    }

    /// Mixes in the hash of the next item.
    pub fn add(&mut self, item_hash: i64) {
        self.acc = self
            .acc
            .wrapping_add((item_hash as u64).wrapping_mul(XXPRIME_2))
            .rotate_left(31)
            .wrapping_mul(XXPRIME_1);
        self.len += 1;
    }

    /// The tuple's hash. Like CPython, a result of `-1` becomes
    /// `1546275796` (not `-2`).
    pub fn finish(&self) -> i64 {
        let acc = self.acc.wrapping_add(self.len ^ (XXPRIME_5 ^ 3_527_539));
        if acc == u64::MAX {
            1_546_275_796
        } else {
            acc as i64
        }
    }
}

/// `hash(t)` for a tuple whose items hash to `item_hashes`, in order.
pub fn hash_tuple(item_hashes: impl IntoIterator<Item = i64>) -> i64 {
    let mut h = TupleHasher::new();
    for item in item_hashes {
        h.add(item);
    }
    h.finish()
}

/// `hash(b)` for `bytes` (and `_Py_HashBytes` in general): 0 for empty
/// input, else SipHash-1-3 with the zero key.
pub fn hash_bytes(data: &[u8]) -> i64 {
    if data.is_empty() {
        return 0;
    }
    not_minus_one(siphash13(0, 0, data) as i64)
}

/// `hash(s)` for a `str`. CPython hashes a string's PEP 393 storage: one
/// byte per character when all code points are below 256, else two bytes
/// (below 65536) or four, little-endian. So `hash('abc') == hash(b'abc')`.
pub fn hash_str(s: &str) -> i64 {
    let max = s.chars().map(u32::from).max().unwrap_or(0);
    if max < 0x80 {
        return hash_bytes(s.as_bytes());
    }
    let data: Vec<u8> = if max < 0x100 {
        s.chars().map(|c| u32::from(c) as u8).collect()
    } else if max < 0x1_0000 {
        s.chars()
            .flat_map(|c| (u32::from(c) as u16).to_le_bytes())
            .collect()
    } else {
        s.chars().flat_map(|c| u32::from(c).to_le_bytes()).collect()
    };
    hash_bytes(&data)
}

/// SipHash-1-3 (one compression round, three finalization rounds), the
/// function CPython 3.11 uses for str and bytes, keyed by `(k0, k1)`.
pub fn siphash13(k0: u64, k1: u64, data: &[u8]) -> u64 {
    let mut v = [
        k0 ^ 0x736f_6d65_7073_6575,
        k1 ^ 0x646f_7261_6e64_6f6d,
        k0 ^ 0x6c79_6765_6e65_7261,
        k1 ^ 0x7465_6462_7974_6573,
    ];
    let mut chunks = data.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let m = u64::from_le_bytes(word);
        v[3] ^= m;
        sip_round(&mut v);
        v[0] ^= m;
    }
    let mut last = (data.len() as u64) << 56;
    for (i, byte) in chunks.remainder().iter().enumerate() {
        last |= (*byte as u64) << (8 * i);
    }
    v[3] ^= last;
    sip_round(&mut v);
    v[0] ^= last;
    v[2] ^= 0xff;
    for _ in 0..3 {
        sip_round(&mut v);
    }
    v[0] ^ v[1] ^ v[2] ^ v[3]
}

fn sip_round(v: &mut [u64; 4]) {
    v[0] = v[0].wrapping_add(v[1]);
    v[1] = v[1].rotate_left(13) ^ v[0];
    v[0] = v[0].rotate_left(32);
    v[2] = v[2].wrapping_add(v[3]);
    v[3] = v[3].rotate_left(16) ^ v[2];
    v[0] = v[0].wrapping_add(v[3]);
    v[3] = v[3].rotate_left(21) ^ v[0];
    v[2] = v[2].wrapping_add(v[1]);
    v[1] = v[1].rotate_left(17) ^ v[2];
    v[2] = v[2].rotate_left(32);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ints_reduce_modulo_the_mersenne_prime() {
        assert_eq!(hash_i64(0), 0);
        assert_eq!(hash_i64(-1), -2);
        assert_eq!(hash_i64(MODULUS as i64), 0);
        assert_eq!(hash_i64(MODULUS as i64 + 1), 1);
        assert_eq!(hash_i64(i64::MIN), -4);
        assert_eq!(hash_bigint(&BigInt::from(i64::MIN)), -4);
        let big: BigInt = BigInt::from(1u8) << 200u32;
        assert_eq!(hash_bigint(&big), 1 << (200 % 61));
        assert_eq!(hash_bigint(&-big), -(1 << (200 % 61)));
    }

    #[test]
    fn integral_floats_hash_like_ints() {
        for n in [1i64, -1, 2, 1 << 52, -(1 << 60), 12345] {
            assert_eq!(hash_f64(n as f64, 0), hash_i64(n), "{n}");
        }
        assert_eq!(hash_f64(-0.0, 0), 0);
        assert_eq!(hash_f64(f64::NEG_INFINITY, 0), -INF);
        assert_eq!(hash_f64(f64::NAN, 0x1000), 0x100);
    }

    #[test]
    fn empty_tuple_and_empty_str() {
        assert_eq!(hash_tuple([]), 5_740_354_900_026_072_187);
        assert_eq!(hash_str(""), 0);
        assert_eq!(hash_bytes(b""), 0);
        assert_eq!(hash_str("abc"), hash_bytes(b"abc"));
    }
}
