//! Where ints meet floats: `float(n)` and `n / m` correctly rounded for
//! ints of any size, `int(x)` truncating a float, and the exact comparison
//! of an int with a float that CPython's `float_richcompare` performs.
//!
//! Owns: rounding a big integer scaled by a power of two to the nearest
//! double (ties to even) and the messages of these conversions. Never:
//! goes through a lossy `as f64` on a value of more than 53 bits.

use std::cmp::Ordering;

use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{ToPrimitive, Zero};

use super::{Int, IntRef, NumError};

/// `x * 2**e` computed exactly whenever the result is representable
/// (steps by powers of two that are themselves normal doubles).
pub(crate) fn ldexp(mut x: f64, mut e: i64) -> f64 {
    const STEP: i64 = 1000;
    let up = f64::from_bits(((1023 + STEP) as u64) << 52);
    let down = f64::from_bits(((1023 - STEP) as u64) << 52);
    while e > STEP {
        x *= up;
        e -= STEP;
        if x.is_infinite() {
            return x;
        }
    }
    while e < -STEP {
        x *= down;
        e += STEP;
        if x == 0.0 {
            return x;
        }
    }
    x * f64::from_bits(((1023 + e) as u64) << 52)
}

/// The double nearest to `m * 2**exp2` (plus a positive amount smaller
/// than one unit of `m` when `sticky`), ties to even; `None` when it
/// overflows the double range.
pub(crate) fn round_to_f64(m: &BigUint, exp2: i64, sticky: bool) -> Option<f64> {
    let bits = m.bits() as i64;
    if bits == 0 {
        return Some(0.0);
    }
    let top = bits - 1 + exp2;
    if top > 1023 {
        return None;
    }
    let prec = if top >= -1022 { 53 } else { 53 - (-1022 - top) };
    let drop = bits - prec;
    let result = if drop <= 0 {
        // Exact: at most 53 significant bits.
        let v = m.to_u64().unwrap_or(0) as f64;
        ldexp(v, exp2)
    } else {
        let keep: BigUint = m >> (drop as u64);
        let mut keep = keep.to_u64().unwrap_or(0);
        let half_bit = (drop - 1) as u64;
        let half = half_bit < bits as u64 && m.bit(half_bit);
        let rest = sticky || m.trailing_zeros().is_some_and(|tz| tz < half_bit);
        if half && (rest || keep & 1 == 1) {
            keep += 1;
        }
        ldexp(keep as f64, exp2 + drop)
    };
    if result.is_infinite() {
        None
    } else {
        Some(result)
    }
}

impl Int {
    /// `int(x)` for a float: truncates toward zero.
    pub fn from_f64(x: f64) -> Result<Int, NumError> {
        if x.is_nan() {
            return Err(NumError::value("cannot convert float NaN to integer"));
        }
        if x.is_infinite() {
            return Err(NumError::overflow(
                "cannot convert float infinity to integer",
            ));
        }
        let t = x.trunc();
        // 2**63 is exactly representable; every double in (-2**63, 2**63)
        // converts exactly.
        const TWO_63: f64 = 9_223_372_036_854_775_808.0;
        if (-TWO_63..TWO_63).contains(&t) {
            return Ok(Int::Small(t as i64));
        }
        let bits = t.to_bits();
        let exp = ((bits >> 52) & 0x7ff) as i64 - 1075;
        let mantissa = (bits & ((1 << 52) - 1)) | (1 << 52);
        // |t| >= 2**63 here, so exp > 0.
        let mag = BigInt::from(mantissa) << (exp as u64);
        Ok(Int::from(if t < 0.0 { -mag } else { mag }))
    }

    /// `a / b`, correctly rounded.
    #[inline]
    pub fn truediv(&self, other: &Int) -> Result<f64, NumError> {
        self.as_ref().truediv(other.as_ref())
    }

    /// `float(n)`, correctly rounded.
    #[inline]
    pub fn to_f64(&self) -> Result<f64, NumError> {
        self.as_ref().to_f64()
    }

    /// Compares exactly with a float; `None` when `x` is NaN.
    pub fn cmp_f64(&self, x: f64) -> Option<Ordering> {
        self.as_ref().cmp_f64(x)
    }
}

impl IntRef<'_> {
    /// `a / b`, correctly rounded for ints of any size.
    #[inline]
    pub fn truediv(self, other: IntRef<'_>) -> Result<f64, NumError> {
        const EXACT: u64 = 1 << 53;
        if let (IntRef::Small(a), IntRef::Small(b)) = (self, other) {
            if b == 0 {
                return Err(NumError::zero_division("division by zero"));
            }
            if a.unsigned_abs() <= EXACT && b.unsigned_abs() <= EXACT {
                return Ok(a as f64 / b as f64);
            }
        }
        big_truediv(self.big().as_ref(), other.big().as_ref())
    }

    /// `float(a)`, correctly rounded.
    #[inline]
    pub fn to_f64(self) -> Result<f64, NumError> {
        match self {
            IntRef::Small(a) if a.unsigned_abs() <= 1 << 53 => Ok(a as f64),
            _ => {
                let b = self.big();
                let f = round_to_f64(b.magnitude(), 0, false)
                    .ok_or_else(|| NumError::overflow("int too large to convert to float"))?;
                Ok(if b.sign() == Sign::Minus { -f } else { f })
            }
        }
    }

    /// Exact comparison with a float, as CPython's `float_richcompare`
    /// (no rounding of either side); `None` when `x` is NaN.
    pub fn cmp_f64(self, x: f64) -> Option<Ordering> {
        if x.is_nan() {
            return None;
        }
        if x.is_infinite() {
            return Some(if x > 0.0 {
                Ordering::Less
            } else {
                Ordering::Greater
            });
        }
        if let IntRef::Small(a) = self {
            if a.unsigned_abs() <= 1 << 53 {
                return (a as f64).partial_cmp(&x);
            }
        }
        let floor = x.floor();
        let fi = Int::from_f64(floor).ok()?;
        Some(match self.cmp(&fi.as_ref()) {
            Ordering::Equal if floor != x => Ordering::Less,
            ord => ord,
        })
    }

    /// `a == x` for a float `x`.
    pub fn eq_f64(self, x: f64) -> bool {
        self.cmp_f64(x) == Some(Ordering::Equal)
    }
}

/// Correctly rounded `a / b` for ints of any size.
fn big_truediv(a: &BigInt, b: &BigInt) -> Result<f64, NumError> {
    if b.is_zero() {
        return Err(NumError::zero_division("division by zero"));
    }
    let negative = b.sign() == Sign::Minus && a.sign() != Sign::Minus
        || a.sign() == Sign::Minus && b.sign() != Sign::Minus;
    let signed = |f: f64| if negative { -f } else { f };
    if a.is_zero() {
        return Ok(signed(0.0));
    }
    let (na, nb) = (a.magnitude(), b.magnitude());
    let diff = na.bits() as i64 - nb.bits() as i64;
    let too_large = || NumError::overflow("integer division result too large for a float");
    if diff > 1025 {
        return Err(too_large());
    }
    if diff < -1080 {
        return Ok(signed(0.0));
    }
    // Scale so the quotient has 55 or 56 bits; the remainder is sticky.
    let shift = 55 - diff;
    let (q, r) = if shift >= 0 {
        (na << shift as u64).div_rem(nb)
    } else {
        na.div_rem(&(nb << (-shift) as u64))
    };
    let f = round_to_f64(&q, -shift, !r.is_zero()).ok_or_else(too_large)?;
    Ok(signed(f))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn to_f64_rounds_to_even() {
        // 2**53 + 1 is a tie between 2**53 and 2**53 + 2.
        assert_eq!(
            Int::from((1i64 << 53) + 1).to_f64().unwrap(),
            9007199254740992.0
        );
        assert_eq!(
            Int::from((1i64 << 53) + 3).to_f64().unwrap(),
            9007199254740996.0
        );
        let huge = Int::from(1).lshift(&Int::from(1024)).unwrap();
        assert!(huge.to_f64().is_err());
        let near = &huge - &Int::from(1).lshift(&Int::from(970)).unwrap();
        assert!(near.to_f64().is_err(), "rounds up to 2**1024");
    }

    #[test]
    fn compare_with_floats_exactly() {
        let a = Int::from((1i64 << 53) + 1);
        assert_eq!(a.cmp_f64(9007199254740992.0), Some(Ordering::Greater));
        assert_eq!(Int::from(3).cmp_f64(3.5), Some(Ordering::Less));
        assert_eq!(Int::from(-3).cmp_f64(-3.5), Some(Ordering::Greater));
        assert_eq!(Int::from(3).cmp_f64(f64::NAN), None);
        assert_eq!(
            Int::from(1)
                .lshift(&Int::from(2000))
                .unwrap()
                .cmp_f64(f64::INFINITY),
            Some(Ordering::Less)
        );
    }
}
