//! Python's `float` arithmetic beyond what IEEE-754 gives directly:
//! floor division, modulo and `divmod` with CPython's sign rules, `**` with
//! C99 `pow`'s special cases as CPython applies them, `round`, the exact
//! rational value (`as_integer_ratio`), `hash` and `float.hex()`.
//!
//! Owns: CPython's float semantics and messages for these operations.
//! Never: formats or parses text (that is `float_text`), and never returns
//! a complex number — a negative base with a non-integral exponent is
//! [`NumError::Complex`].

use num_bigint::{BigInt, BigUint};
use num_integer::Integer;
use num_traits::Pow;

use super::int::HASH_MODULUS;
use super::int_float::round_to_f64;
use super::{Int, IntRef, NumError};

/// `x / y`.
#[inline]
pub fn float_truediv(x: f64, y: f64) -> Result<f64, NumError> {
    if y == 0.0 {
        return Err(NumError::zero_division("float division by zero"));
    }
    Ok(x / y)
}

/// CPython's `_float_div_mod` for a non-zero divisor.
fn div_mod(vx: f64, wx: f64) -> (f64, f64) {
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 {
            f + 1.0
        } else {
            f
        }
    } else {
        0.0f64.copysign(vx / wx)
    };
    (floordiv, m)
}

/// `x // y`.
#[inline]
pub fn float_floordiv(x: f64, y: f64) -> Result<f64, NumError> {
    if y == 0.0 {
        return Err(NumError::zero_division("float floor division by zero"));
    }
    Ok(div_mod(x, y).0)
}

/// `x % y` (the result has the sign of `y`).
#[inline]
pub fn float_mod(x: f64, y: f64) -> Result<f64, NumError> {
    if y == 0.0 {
        return Err(NumError::zero_division("float modulo"));
    }
    let mut m = x % y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
        }
    } else {
        m = 0.0f64.copysign(y);
    }
    Ok(m)
}

/// `divmod(x, y)`.
pub fn float_divmod(x: f64, y: f64) -> Result<(f64, f64), NumError> {
    if y == 0.0 {
        return Err(NumError::zero_division("float divmod()"));
    }
    Ok(div_mod(x, y))
}

fn is_odd_integer(x: f64) -> bool {
    x.abs() % 2.0 == 1.0
}

/// `x ** y` as CPython's `float_pow`.
pub fn float_pow(iv: f64, iw: f64) -> Result<f64, NumError> {
    if iw == 0.0 {
        return Ok(1.0);
    }
    if iv.is_nan() {
        return Ok(iv);
    }
    if iw.is_nan() {
        return Ok(if iv == 1.0 { 1.0 } else { iw });
    }
    if iw.is_infinite() {
        let a = iv.abs();
        return Ok(if a == 1.0 {
            1.0
        } else if (iw > 0.0) == (a > 1.0) {
            iw.abs()
        } else {
            0.0
        });
    }
    if iv.is_infinite() {
        let odd = is_odd_integer(iw);
        return Ok(if iw > 0.0 {
            if odd {
                iv
            } else {
                iv.abs()
            }
        } else if odd {
            0.0f64.copysign(iv)
        } else {
            0.0
        });
    }
    if iv == 0.0 {
        if iw < 0.0 {
            return Err(NumError::zero_division(
                "0.0 cannot be raised to a negative power",
            ));
        }
        return Ok(if is_odd_integer(iw) { iv } else { 0.0 });
    }
    let mut base = iv;
    let mut negate = false;
    if iv < 0.0 {
        if iw != iw.floor() {
            return Err(NumError::Complex);
        }
        base = -iv;
        negate = is_odd_integer(iw);
    }
    if base == 1.0 {
        return Ok(if negate { -1.0 } else { 1.0 });
    }
    let r = base.powf(iw);
    if r.is_infinite() {
        return Err(NumError::overflow("(34, 'Numerical result out of range')"));
    }
    Ok(if negate { -r } else { r })
}

/// `round(x)`: the nearest int, ties to even.
pub fn float_round(x: f64) -> Result<Int, NumError> {
    Int::from_f64(x.round_ties_even())
}

/// `(m, e)` with `|x| == m * 2**e` exactly, for finite `x`.
pub(crate) fn decompose(x: f64) -> (u64, i64) {
    let bits = x.to_bits();
    let field = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1 << 52) - 1);
    if field == 0 {
        (frac, -1074)
    } else {
        (frac | (1 << 52), field - 1075)
    }
}

/// `q` rounded from `num / den` to the nearest integer, ties to even.
fn div_round_half_even(num: &BigUint, den: &BigUint) -> BigUint {
    let (q, r) = num.div_rem(den);
    let twice: BigUint = r << 1u32;
    match twice.cmp(den) {
        std::cmp::Ordering::Greater => q + 1u32,
        std::cmp::Ordering::Equal if q.is_odd() => q + 1u32,
        _ => q,
    }
}

/// `round(x, ndigits)`: `x` rounded to the nearest multiple of
/// `10**-ndigits` (ties to even on the exact binary value, so
/// `round(2.675, 2) == 2.67`), then correctly rounded back to a float.
pub fn float_round_ndigits(x: f64, ndigits: IntRef<'_>) -> Result<f64, NumError> {
    const NDIGITS_MAX: i64 = 323;
    const NDIGITS_MIN: i64 = -308;
    if !x.is_finite() {
        return Ok(x);
    }
    let nd = match ndigits {
        IntRef::Small(v) => v,
        IntRef::Big(_) if ndigits.is_negative() => i64::MIN,
        IntRef::Big(_) => i64::MAX,
    };
    if nd > NDIGITS_MAX {
        return Ok(x);
    }
    if nd < NDIGITS_MIN {
        return Ok(0.0 * x);
    }
    if x == 0.0 {
        return Ok(x);
    }
    let (m, e) = decompose(x);
    let m = BigUint::from(m);
    let pow10 = BigUint::from(10u32).pow(nd.unsigned_abs() as u32);
    let too_large = || NumError::overflow("rounded value too large to represent");
    let rounded = if nd >= 0 {
        // n = round(|x| * 10**nd), result = n / 10**nd.
        let num = m * &pow10;
        let n = if e >= 0 {
            num << e as u64
        } else {
            div_round_half_even(&num, &(BigUint::from(1u32) << (-e) as u64))
        };
        let q = BigInt::from(n);
        Int::from(q)
            .as_ref()
            .truediv(IntRef::from(&BigInt::from(pow10)))
            .map_err(|_| too_large())?
    } else {
        // n = round(|x| / 10**k), result = n * 10**k.
        let (num, den) = if e >= 0 {
            (m << e as u64, pow10.clone())
        } else {
            (m, pow10.clone() << (-e) as u64)
        };
        let n = div_round_half_even(&num, &den) * pow10;
        round_to_f64(&n, 0, false).ok_or_else(too_large)?
    };
    Ok(rounded.copysign(x))
}

/// `float.is_integer()`.
pub fn float_is_integer(x: f64) -> bool {
    x.is_finite() && x.floor() == x
}

/// `float.as_integer_ratio()`: the exact value as a reduced fraction with
/// a positive denominator.
pub fn float_as_integer_ratio(x: f64) -> Result<(Int, Int), NumError> {
    if x.is_infinite() {
        return Err(NumError::overflow(
            "cannot convert Infinity to integer ratio",
        ));
    }
    if x.is_nan() {
        return Err(NumError::value("cannot convert NaN to integer ratio"));
    }
    let (mut m, mut e) = decompose(x);
    if m == 0 {
        return Ok((Int::Small(0), Int::Small(1)));
    }
    let tz = m.trailing_zeros() as i64;
    m >>= tz;
    e += tz;
    let m = BigInt::from(m);
    let m = if x < 0.0 { -m } else { m };
    if e >= 0 {
        Ok((Int::from(m << e as u64), Int::Small(1)))
    } else {
        Ok((Int::from(m), Int::from(BigInt::from(1u32) << (-e) as u64)))
    }
}

/// `hash(x)`: consistent with `hash(int)` (and `Fraction`) for the same
/// value; `None` for NaN, whose hash is its object's identity since 3.10.
pub fn float_hash(x: f64) -> Option<i64> {
    if x.is_nan() {
        return None;
    }
    if x.is_infinite() {
        return Some(if x > 0.0 { 314_159 } else { -314_159 });
    }
    let (m, e) = decompose(x);
    // 2**61 == 1 (mod 2**61 - 1), so 2**e == 2**(e mod 61).
    let p = u128::from(HASH_MODULUS);
    let h = (u128::from(m) % p) * (1u128 << e.rem_euclid(61)) % p;
    let h = h as i64;
    let h = if x < 0.0 { -h } else { h };
    Some(if h == -1 { -2 } else { h })
}

/// `float.hex()`.
pub fn float_hex(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = x.to_bits();
    let field = (bits >> 52) & 0x7ff;
    let frac = bits & ((1 << 52) - 1);
    if field == 0 {
        format!("{sign}0x0.{frac:013x}p-1022")
    } else {
        let e = field as i64 - 1023;
        format!("{sign}0x1.{frac:013x}p{e:+}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modulo_signs() {
        assert_eq!(float_mod(-0.0, 5.0).unwrap().to_bits(), 0.0f64.to_bits());
        assert_eq!(float_mod(0.0, -5.0).unwrap().to_bits(), (-0.0f64).to_bits());
        let (q, r) = float_divmod(-0.0, 5.0).unwrap();
        assert_eq!(
            (q.to_bits(), r.to_bits()),
            ((-0.0f64).to_bits(), 0.0f64.to_bits())
        );
        assert_eq!(float_mod(-1e-300, 1e300).unwrap(), 1e300);
    }

    #[test]
    fn pow_special_cases() {
        assert_eq!(float_pow(f64::NAN, 0.0).unwrap(), 1.0);
        assert_eq!(float_pow(1.0, f64::NAN).unwrap(), 1.0);
        assert_eq!(float_pow(-1.0, f64::INFINITY).unwrap(), 1.0);
        assert_eq!(float_pow(-8.0, 1.0 / 3.0), Err(NumError::Complex));
        assert!(matches!(float_pow(10.0, 400.0), Err(NumError::Overflow(_))));
        assert!(matches!(
            float_pow(0.0, -1.0),
            Err(NumError::ZeroDivision(_))
        ));
    }

    #[test]
    fn rounding_to_digits() {
        let r = |x: f64, n: i64| float_round_ndigits(x, IntRef::Small(n)).unwrap();
        assert_eq!(r(2.675, 2), 2.67);
        assert_eq!(r(0.125, 2), 0.12);
        assert_eq!(r(0.375, 2), 0.38);
        assert_eq!(r(123.456, -1), 120.0);
        assert_eq!(r(-0.001, 2).to_bits(), (-0.0f64).to_bits());
        assert!(float_round_ndigits(1.7976931348623157e308, IntRef::Small(-308)).is_err());
    }

    #[test]
    fn hashes_match_ints() {
        assert_eq!(float_hash(0.5), Some(1152921504606846976));
        assert_eq!(float_hash(-2.5), Some(-1152921504606846978));
        assert_eq!(float_hash(5e-324), Some(16777216));
        assert_eq!(float_hash(-1.0), Some(-2));
        assert_eq!(
            float_hash(1e300).unwrap(),
            Int::from_f64(1e300).unwrap().hash()
        );
    }
}
