//! Python's `int`: an unbounded integer kept inline as an `i64` while it
//! fits and as a [`BigInt`] only beyond that, with CPython's arithmetic
//! (floor division, modulo with the divisor's sign, two's complement bit
//! operations on negatives, `pow` with a modulus), exact comparison with
//! floats, correctly rounded conversion and true division to `f64`, and
//! Python's hash. Conversions to and from floats live in `int_float`.
//!
//! Owns: the [`Int`] representation invariant and every operation on it.
//! Never: allocates for an operation whose operands and result fit in an
//! `i64` (those are the interpreter's hottest path), never panics on a
//! value a program can build, and never builds an int of more than
//! [`MAX_INT_BITS`] bits (that is a `MemoryError`). Text lives in
//! `int_text`.

use std::borrow::Cow;
use std::cmp::Ordering;

use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::float::float_pow;
use super::NumError;

/// The largest int this simulation builds, in bits (8 MiB of digits).
/// CPython would try and take minutes or exhaust memory; we raise
/// `MemoryError` at once.
pub const MAX_INT_BITS: u64 = 1 << 26;

/// The modulus of Python's numeric hash: `sys.hash_info.modulus`.
pub(crate) const HASH_MODULUS: u64 = (1 << 61) - 1;

/// A Python `int`.
///
/// Invariant: normalized — `Big` holds only values outside the `i64`
/// range, so two equal ints always have the same variant and the derived
/// `PartialEq`/`Hash` are value equality.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Int {
    Small(i64),
    Big(BigInt),
}

/// A borrowed view of an int, for callers that keep small ints inline and
/// big ones behind a pointer. Same invariant as [`Int`].
#[derive(Clone, Copy, Debug)]
pub enum IntRef<'a> {
    Small(i64),
    Big(&'a BigInt),
}

/// What `int ** int` gives: an int, or a float for a negative exponent.
#[derive(Clone, Debug, PartialEq)]
pub enum PowResult {
    Int(Int),
    Float(f64),
}

pub(super) fn memory() -> NumError {
    NumError::Memory
}

impl Default for Int {
    fn default() -> Self {
        Int::Small(0)
    }
}

impl From<i64> for Int {
    #[inline]
    fn from(v: i64) -> Self {
        Int::Small(v)
    }
}

impl From<i32> for Int {
    #[inline]
    fn from(v: i32) -> Self {
        Int::Small(v.into())
    }
}

impl From<u64> for Int {
    #[inline]
    fn from(v: u64) -> Self {
        match i64::try_from(v) {
            Ok(s) => Int::Small(s),
            Err(_) => Int::Big(BigInt::from(v)),
        }
    }
}

impl From<usize> for Int {
    #[inline]
    fn from(v: usize) -> Self {
        Int::from(v as u64)
    }
}

impl From<bool> for Int {
    #[inline]
    fn from(v: bool) -> Self {
        Int::Small(v.into())
    }
}

impl From<i128> for Int {
    #[inline]
    fn from(v: i128) -> Self {
        match i64::try_from(v) {
            Ok(s) => Int::Small(s),
            Err(_) => Int::Big(BigInt::from(v)),
        }
    }
}

impl From<BigInt> for Int {
    /// Normalizes: a value that fits in an `i64` becomes `Small`.
    fn from(v: BigInt) -> Self {
        match v.to_i64() {
            Some(s) => Int::Small(s),
            None => Int::Big(v),
        }
    }
}

impl From<BigUint> for Int {
    fn from(v: BigUint) -> Self {
        Int::from(BigInt::from(v))
    }
}

impl<'a> From<&'a Int> for IntRef<'a> {
    #[inline]
    fn from(v: &'a Int) -> Self {
        v.as_ref()
    }
}

impl<'a> From<&'a BigInt> for IntRef<'a> {
    /// A view of a possibly unnormalized `BigInt` (one that fits an `i64`
    /// is viewed as `Small`).
    fn from(v: &'a BigInt) -> Self {
        match v.to_i64() {
            Some(s) => IntRef::Small(s),
            None => IntRef::Big(v),
        }
    }
}

impl PartialOrd for Int {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Int {
    fn cmp(&self, other: &Self) -> Ordering {
        self.as_ref().cmp_impl(other.as_ref())
    }
}

impl std::fmt::Display for Int {
    /// Decimal digits, without CPython's 4300-digit limit (use
    /// [`Int::to_str`] for `str(n)`).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Int::Small(v) => write!(f, "{v}"),
            Int::Big(v) => write!(f, "{v}"),
        }
    }
}

/// Round `q = a / b` (floor division with remainder `r`, `b > 0`) to the
/// nearest with ties to even, as CPython's `_PyLong_DivmodNear`.
fn round_half_even_quotient(q: BigInt, r: &BigInt, b: &BigInt) -> BigInt {
    let twice: BigInt = r << 1u32;
    match twice.cmp(b) {
        Ordering::Greater => q + 1,
        Ordering::Equal if q.is_odd() => q + 1,
        _ => q,
    }
}

/// The bits of a `u64` magnitude.
#[inline]
fn u64_bits(v: u64) -> u64 {
    u64::from(64 - v.leading_zeros())
}

impl Int {
    /// The borrowed view.
    #[inline]
    pub fn as_ref(&self) -> IntRef<'_> {
        match self {
            Int::Small(v) => IntRef::Small(*v),
            Int::Big(b) => IntRef::Big(b),
        }
    }

    /// The value as a `BigInt` (allocates for a small one).
    pub fn to_bigint(&self) -> BigInt {
        self.as_ref().to_bigint()
    }

    /// Is this int zero?
    #[inline]
    pub fn is_zero(&self) -> bool {
        matches!(self, Int::Small(0))
    }
}

/// Forwarders so owned ints read naturally: `a.add(&b)`.
macro_rules! forward_binary {
    ($($name:ident -> $ret:ty),* $(,)?) => {
        impl Int {
            $(
                #[inline]
                pub fn $name(&self, other: &Int) -> $ret {
                    self.as_ref().$name(other.as_ref())
                }
            )*
        }
    };
}

forward_binary!(
    mul_checked -> Result<Int, NumError>,
    floordiv -> Result<Int, NumError>,
    modulo -> Result<Int, NumError>,
    divmod -> Result<(Int, Int), NumError>,
    pow -> Result<PowResult, NumError>,
    lshift -> Result<Int, NumError>,
    rshift -> Result<Int, NumError>,
);

macro_rules! forward_unary {
    ($($name:ident -> $ret:ty),* $(,)?) => {
        impl Int {
            $(
                #[inline]
                pub fn $name(&self) -> $ret {
                    self.as_ref().$name()
                }
            )*
        }
    };
}

forward_unary!(
    abs -> Int,
    invert -> Int,
    bit_length -> u64,
    hash -> i64,
    is_negative -> bool,
    to_index -> Result<i64, NumError>,
    to_usize -> Option<usize>,
    to_i64 -> Option<i64>,
);

impl Int {
    /// `pow(self, exp, modulus)`.
    pub fn pow_mod(&self, exp: &Int, modulus: &Int) -> Result<Int, NumError> {
        self.as_ref().pow_mod(exp.as_ref(), modulus.as_ref())
    }

    /// `round(self, ndigits)`.
    pub fn round(&self, ndigits: &Int) -> Result<Int, NumError> {
        self.as_ref().round(ndigits.as_ref())
    }
}

impl<'a> IntRef<'a> {
    /// An owned copy.
    pub fn to_int(self) -> Int {
        match self {
            IntRef::Small(v) => Int::Small(v),
            IntRef::Big(b) => Int::Big(b.clone()),
        }
    }

    /// The value as a `BigInt` (allocates for a small one).
    pub fn to_bigint(self) -> BigInt {
        self.big().into_owned()
    }

    pub(super) fn big(self) -> Cow<'a, BigInt> {
        match self {
            IntRef::Small(v) => Cow::Owned(BigInt::from(v)),
            IntRef::Big(b) => Cow::Borrowed(b),
        }
    }

    /// The value if it fits an `i64`.
    #[inline]
    pub fn to_i64(self) -> Option<i64> {
        match self {
            IntRef::Small(v) => Some(v),
            IntRef::Big(_) => None,
        }
    }

    /// The value if it is non-negative and fits a `usize`.
    #[inline]
    pub fn to_usize(self) -> Option<usize> {
        match self {
            IntRef::Small(v) => usize::try_from(v).ok(),
            IntRef::Big(b) => b.to_usize(),
        }
    }

    /// `operator.index(n)` as a C `Py_ssize_t`, for indexing and sizes.
    #[inline]
    pub fn to_index(self) -> Result<i64, NumError> {
        match self {
            IntRef::Small(v) => Ok(v),
            IntRef::Big(_) => Err(NumError::overflow(
                "cannot fit 'int' into an index-sized integer",
            )),
        }
    }

    #[inline]
    pub fn is_negative(self) -> bool {
        match self {
            IntRef::Small(v) => v < 0,
            IntRef::Big(b) => b.sign() == Sign::Minus,
        }
    }

    #[inline]
    pub fn is_zero(self) -> bool {
        matches!(self, IntRef::Small(0))
    }

    /// `a + b`.
    #[inline]
    fn add_impl(self, other: IntRef<'_>) -> Int {
        if let (IntRef::Small(a), IntRef::Small(b)) = (self, other) {
            return match a.checked_add(b) {
                Some(r) => Int::Small(r),
                None => Int::from(i128::from(a) + i128::from(b)),
            };
        }
        Int::from(self.big().as_ref() + other.big().as_ref())
    }

    /// `a - b`.
    #[inline]
    fn sub_impl(self, other: IntRef<'_>) -> Int {
        if let (IntRef::Small(a), IntRef::Small(b)) = (self, other) {
            return match a.checked_sub(b) {
                Some(r) => Int::Small(r),
                None => Int::from(i128::from(a) - i128::from(b)),
            };
        }
        Int::from(self.big().as_ref() - other.big().as_ref())
    }

    /// `a * b`.
    #[inline]
    fn mul_impl(self, other: IntRef<'_>) -> Int {
        if let (IntRef::Small(a), IntRef::Small(b)) = (self, other) {
            return match a.checked_mul(b) {
                Some(r) => Int::Small(r),
                None => Int::from(i128::from(a) * i128::from(b)),
            };
        }
        Int::from(self.big().as_ref() * other.big().as_ref())
    }

    /// `a * b`, refusing (`MemoryError`) a product of more than
    /// [`MAX_INT_BITS`] bits — what the VM should use for `*`, since
    /// repeated squaring grows ints exponentially.
    #[inline]
    pub fn mul_checked(self, other: IntRef<'_>) -> Result<Int, NumError> {
        if let (IntRef::Small(_), IntRef::Small(_)) = (self, other) {
            return Ok(self.mul_impl(other));
        }
        if self.bit_length().saturating_add(other.bit_length()) > MAX_INT_BITS + 1 {
            return Err(memory());
        }
        Ok(self.mul_impl(other))
    }

    /// `-a`.
    #[inline]
    fn neg_impl(self) -> Int {
        match self {
            IntRef::Small(a) => match a.checked_neg() {
                Some(r) => Int::Small(r),
                None => Int::from(-i128::from(a)),
            },
            IntRef::Big(b) => Int::from(-b.clone()),
        }
    }

    /// `abs(a)`.
    #[inline]
    pub fn abs(self) -> Int {
        if self.is_negative() {
            self.neg_impl()
        } else {
            self.to_int()
        }
    }

    /// `~a`, that is `-a - 1`.
    #[inline]
    pub fn invert(self) -> Int {
        match self {
            IntRef::Small(a) => Int::Small(!a),
            IntRef::Big(b) => Int::from(-b - 1),
        }
    }

    /// `a // b`.
    #[inline]
    pub fn floordiv(self, other: IntRef<'_>) -> Result<Int, NumError> {
        if let (IntRef::Small(a), IntRef::Small(b)) = (self, other) {
            if b == 0 {
                return Err(NumError::zero_division(
                    "integer division or modulo by zero",
                ));
            }
            if let Some(q) = a.checked_div(b) {
                let r = a - q * b;
                return Ok(Int::Small(if r != 0 && (r ^ b) < 0 { q - 1 } else { q }));
            }
            // i64::MIN // -1
            return Ok(Int::from(-i128::from(a)));
        }
        let b = other.big();
        if b.is_zero() {
            return Err(NumError::zero_division(
                "integer division or modulo by zero",
            ));
        }
        Ok(Int::from(self.big().div_floor(&b)))
    }

    /// `a % b` (the result has the sign of `b`).
    #[inline]
    pub fn modulo(self, other: IntRef<'_>) -> Result<Int, NumError> {
        if let (IntRef::Small(a), IntRef::Small(b)) = (self, other) {
            if b == 0 {
                return Err(NumError::zero_division("integer modulo by zero"));
            }
            let r = a.wrapping_rem(b);
            return Ok(Int::Small(if r != 0 && (r ^ b) < 0 { r + b } else { r }));
        }
        let b = other.big();
        if b.is_zero() {
            return Err(NumError::zero_division("integer modulo by zero"));
        }
        Ok(Int::from(self.big().mod_floor(&b)))
    }

    /// `divmod(a, b)`.
    pub fn divmod(self, other: IntRef<'_>) -> Result<(Int, Int), NumError> {
        if let (IntRef::Small(_), IntRef::Small(b)) = (self, other) {
            if b == 0 {
                return Err(NumError::zero_division(
                    "integer division or modulo by zero",
                ));
            }
            let q = self.floordiv(other)?;
            let r = self.modulo(other)?;
            return Ok((q, r));
        }
        let b = other.big();
        if b.is_zero() {
            return Err(NumError::zero_division(
                "integer division or modulo by zero",
            ));
        }
        let (q, r) = self.big().div_mod_floor(&b);
        Ok((Int::from(q), Int::from(r)))
    }

    /// `a ** b` (a float when `b` is negative).
    pub fn pow(self, exp: IntRef<'_>) -> Result<PowResult, NumError> {
        if exp.is_negative() {
            let base = self.to_f64()?;
            let e = exp.to_f64()?;
            return float_pow(base, e).map(PowResult::Float);
        }
        let e = match exp {
            IntRef::Small(e) => e as u64,
            IntRef::Big(_) => {
                // Only 0, 1 and -1 have a representable power here.
                return match self {
                    IntRef::Small(0) => Ok(PowResult::Int(Int::Small(0))),
                    IntRef::Small(1) => Ok(PowResult::Int(Int::Small(1))),
                    IntRef::Small(-1) => {
                        let odd = exp.big().is_odd();
                        Ok(PowResult::Int(Int::Small(if odd { -1 } else { 1 })))
                    }
                    _ => Err(memory()),
                };
            }
        };
        Ok(PowResult::Int(self.pow_u64(e)?))
    }

    /// `a ** e` for a non-negative exponent.
    pub fn pow_u64(self, e: u64) -> Result<Int, NumError> {
        if let IntRef::Small(a) = self {
            if let Ok(e32) = u32::try_from(e) {
                if let Some(r) = a.checked_pow(e32) {
                    return Ok(Int::Small(r));
                }
            }
            match a {
                0 => return Ok(Int::Small(if e == 0 { 1 } else { 0 })),
                1 => return Ok(Int::Small(1)),
                -1 => return Ok(Int::Small(if e % 2 == 1 { -1 } else { 1 })),
                _ => {}
            }
        }
        let bits = self.bit_length();
        if bits.saturating_sub(1).saturating_mul(e) > MAX_INT_BITS {
            return Err(memory());
        }
        let e32 = u32::try_from(e).map_err(|_| memory())?;
        Ok(Int::from(num_traits::Pow::pow(self.big().as_ref(), e32)))
    }

    /// `pow(a, e, m)`, with a modular inverse for a negative exponent.
    pub fn pow_mod(self, exp: IntRef<'_>, modulus: IntRef<'_>) -> Result<Int, NumError> {
        if modulus.is_zero() {
            return Err(NumError::value("pow() 3rd argument cannot be 0"));
        }
        if let (IntRef::Small(a), IntRef::Small(e), IntRef::Small(m)) = (self, exp, modulus) {
            if e >= 0 {
                return Ok(Int::Small(small_pow_mod(a, e as u64, m)));
            }
        }
        let m = modulus.big();
        let mm = m.abs();
        let mut base = self.big().mod_floor(&mm);
        let mut e = exp.to_bigint();
        if e.sign() == Sign::Minus {
            base = mod_inverse(&base, &mm)
                .ok_or_else(|| NumError::value("base is not invertible for the given modulus"))?;
            e = -e;
        }
        let mut r = if mm.is_one() {
            BigInt::zero()
        } else {
            base.modpow(&e, &mm)
        };
        if m.sign() == Sign::Minus && !r.is_zero() {
            r -= &mm;
        }
        Ok(Int::from(r))
    }

    /// `a << n`.
    pub fn lshift(self, n: IntRef<'_>) -> Result<Int, NumError> {
        if n.is_negative() {
            return Err(NumError::value("negative shift count"));
        }
        if self.is_zero() {
            return Ok(Int::Small(0));
        }
        let n = match n {
            IntRef::Small(n) => n as u64,
            IntRef::Big(_) => return Err(memory()),
        };
        if let IntRef::Small(a) = self {
            if n < 63 {
                let r = a << n;
                if r >> n == a {
                    return Ok(Int::Small(r));
                }
            }
        }
        if self.bit_length().saturating_add(n) > MAX_INT_BITS {
            return Err(memory());
        }
        Ok(Int::from(self.big().as_ref() << n))
    }

    /// `a >> n` (floors: `-1 >> 5 == -1`).
    pub fn rshift(self, n: IntRef<'_>) -> Result<Int, NumError> {
        if n.is_negative() {
            return Err(NumError::value("negative shift count"));
        }
        let n = match n {
            IntRef::Small(n) => n as u64,
            IntRef::Big(_) => u64::MAX,
        };
        match self {
            IntRef::Small(a) => Ok(Int::Small(a >> n.min(63))),
            IntRef::Big(b) => {
                if n >= b.bits() {
                    return Ok(Int::Small(if b.sign() == Sign::Minus { -1 } else { 0 }));
                }
                Ok(Int::from(b >> n))
            }
        }
    }

    /// `a & b` (two's complement on negatives).
    #[inline]
    fn bitand_impl(self, other: IntRef<'_>) -> Int {
        if let (IntRef::Small(a), IntRef::Small(b)) = (self, other) {
            return Int::Small(a & b);
        }
        Int::from(self.big().as_ref() & other.big().as_ref())
    }

    /// `a | b` (two's complement on negatives).
    #[inline]
    fn bitor_impl(self, other: IntRef<'_>) -> Int {
        if let (IntRef::Small(a), IntRef::Small(b)) = (self, other) {
            return Int::Small(a | b);
        }
        Int::from(self.big().as_ref() | other.big().as_ref())
    }

    /// `a ^ b` (two's complement on negatives).
    #[inline]
    fn bitxor_impl(self, other: IntRef<'_>) -> Int {
        if let (IntRef::Small(a), IntRef::Small(b)) = (self, other) {
            return Int::Small(a ^ b);
        }
        Int::from(self.big().as_ref() ^ other.big().as_ref())
    }

    /// Total order of ints.
    #[inline]
    fn cmp_impl(self, other: IntRef<'_>) -> Ordering {
        match (self, other) {
            (IntRef::Small(a), IntRef::Small(b)) => a.cmp(&b),
            // A normalized big int lies outside the i64 range.
            (IntRef::Small(_), IntRef::Big(b)) => {
                if b.sign() == Sign::Minus {
                    Ordering::Greater
                } else {
                    Ordering::Less
                }
            }
            (IntRef::Big(a), IntRef::Small(_)) => {
                if a.sign() == Sign::Minus {
                    Ordering::Less
                } else {
                    Ordering::Greater
                }
            }
            (IntRef::Big(a), IntRef::Big(b)) => a.cmp(b),
        }
    }

    /// `int.bit_length()`.
    #[inline]
    pub fn bit_length(self) -> u64 {
        match self {
            IntRef::Small(a) => u64_bits(a.unsigned_abs()),
            IntRef::Big(b) => b.bits(),
        }
    }

    /// `hash(n)`: the value modulo 2**61 - 1 with the sign kept; -1 is
    /// reserved so `hash(-1) == -2`.
    #[inline]
    pub fn hash(self) -> i64 {
        let (neg, h) = match self {
            IntRef::Small(a) => (a < 0, a.unsigned_abs() % HASH_MODULUS),
            IntRef::Big(b) => {
                let r = b.magnitude() % BigUint::from(HASH_MODULUS);
                (b.sign() == Sign::Minus, r.to_u64().unwrap_or(0))
            }
        };
        let h = h as i64;
        let h = if neg { -h } else { h };
        if h == -1 {
            -2
        } else {
            h
        }
    }

    /// `round(n, ndigits)`: exact, ties to even.
    pub fn round(self, ndigits: IntRef<'_>) -> Result<Int, NumError> {
        if !ndigits.is_negative() {
            return Ok(self.to_int());
        }
        // 10**k > 2 * |n| makes the result 0; k beyond any int's size.
        let k = match ndigits {
            IntRef::Small(d) => d.unsigned_abs(),
            IntRef::Big(_) => return Ok(Int::Small(0)),
        };
        if k > self.bit_length() * 30103 / 100000 + 2 {
            return Ok(Int::Small(0));
        }
        let pow10 = num_traits::Pow::pow(BigInt::from(10u32), k as u32);
        let (q, r) = self.big().div_mod_floor(&pow10);
        let q = round_half_even_quotient(q, &r, &pow10);
        Ok(Int::from(q * pow10))
    }
}

impl PartialEq for IntRef<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.cmp_impl(*other) == Ordering::Equal
    }
}

impl Eq for IntRef<'_> {}

impl PartialOrd for IntRef<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for IntRef<'_> {
    fn cmp(&self, other: &Self) -> Ordering {
        self.cmp_impl(*other)
    }
}

/// `a + b`, `a - b`, ... on views (`IntRef`) and on `&Int`, all giving an
/// owned `Int`; small operands with a small result never allocate.
macro_rules! int_binary_ops {
    ($($trait:ident $method:ident $imp:ident),* $(,)?) => {
        $(
            impl<'b> std::ops::$trait<IntRef<'b>> for IntRef<'_> {
                type Output = Int;
                #[inline]
                fn $method(self, other: IntRef<'b>) -> Int {
                    self.$imp(other)
                }
            }

            impl<'b> std::ops::$trait<&'b Int> for &Int {
                type Output = Int;
                #[inline]
                fn $method(self, other: &'b Int) -> Int {
                    self.as_ref().$imp(other.as_ref())
                }
            }
        )*
    };
}

int_binary_ops!(
    Add add add_impl,
    Sub sub sub_impl,
    Mul mul mul_impl,
    BitAnd bitand bitand_impl,
    BitOr bitor bitor_impl,
    BitXor bitxor bitxor_impl,
);

impl std::ops::Neg for IntRef<'_> {
    type Output = Int;
    #[inline]
    fn neg(self) -> Int {
        self.neg_impl()
    }
}

impl std::ops::Neg for &Int {
    type Output = Int;
    #[inline]
    fn neg(self) -> Int {
        self.as_ref().neg_impl()
    }
}

/// `pow(a, e, m)` on machine integers (`m != 0`).
fn small_pow_mod(a: i64, mut e: u64, m: i64) -> i64 {
    let mm = u128::from(m.unsigned_abs());
    if mm == 1 {
        return 0;
    }
    let mut base = i128::from(a).rem_euclid(mm as i128) as u128;
    let mut r: u128 = 1;
    while e > 0 {
        if e & 1 == 1 {
            r = r * base % mm;
        }
        base = base * base % mm;
        e >>= 1;
    }
    // r < |m| <= 2**63.
    let r = r as i128;
    let r = if m < 0 && r != 0 { r - mm as i128 } else { r };
    r as i64
}

/// The inverse of `a` modulo `m` (`m > 0`, `0 <= a < m`).
fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let g = a.extended_gcd(m);
    if !g.gcd.is_one() {
        return None;
    }
    Some(g.x.mod_floor(m))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn big(s: &str) -> Int {
        Int::from(s.parse::<BigInt>().unwrap())
    }

    #[test]
    fn small_results_stay_small() {
        let a = Int::from(i64::MAX);
        assert_eq!(&a + &Int::from(-1), Int::Small(i64::MAX - 1));
        assert!(matches!(&a + &Int::from(1), Int::Big(_)));
        assert_eq!(&(&a + &Int::from(1)) - &Int::from(1), Int::Small(i64::MAX));
        assert_eq!(
            Int::from(i64::MIN).floordiv(&Int::from(-1)).unwrap(),
            big("9223372036854775808")
        );
        assert_eq!(
            Int::from(i64::MIN).modulo(&Int::from(-1)).unwrap(),
            Int::Small(0)
        );
        assert_eq!(-&Int::from(i64::MIN), big("9223372036854775808"));
        assert_eq!(-&big("9223372036854775808"), Int::Small(i64::MIN));
    }

    #[test]
    fn size_limits() {
        let big = Int::from(1)
            .lshift(&Int::from(MAX_INT_BITS as i64 / 2 + 8))
            .unwrap();
        assert_eq!(big.mul_checked(&big), Err(NumError::Memory));
        assert!(Int::from(3).mul_checked(&big).is_ok());
        assert_eq!(
            Int::from(2).pow(&Int::from(1i64 << 40)),
            Err(NumError::Memory)
        );
        assert_eq!(
            Int::from(-1).pow(&Int::from(1).lshift(&Int::from(100)).unwrap()),
            Ok(PowResult::Int(Int::from(1)))
        );
    }

    #[test]
    fn floor_semantics() {
        let cases = [
            (7, 2, 3, 1),
            (-7, 2, -4, 1),
            (7, -2, -4, -1),
            (-7, -2, 3, -1),
        ];
        for (a, b, q, r) in cases {
            let (a, b) = (Int::from(a), Int::from(b));
            assert_eq!(a.floordiv(&b).unwrap(), Int::from(q));
            assert_eq!(a.modulo(&b).unwrap(), Int::from(r));
        }
        assert_eq!(
            Int::from(1).modulo(&Int::from(0)),
            Err(NumError::zero_division("integer modulo by zero"))
        );
    }

    #[test]
    fn shifts_and_bits() {
        assert_eq!(
            Int::from(1).lshift(&Int::from(62)).unwrap(),
            Int::from(1i64 << 62)
        );
        assert_eq!(
            Int::from(1).lshift(&Int::from(63)).unwrap(),
            big("9223372036854775808")
        );
        assert_eq!(
            Int::from(-1).lshift(&Int::from(63)).unwrap(),
            Int::Small(i64::MIN)
        );
        assert_eq!(
            Int::from(-5).rshift(&Int::from(100)).unwrap(),
            Int::from(-1)
        );
        assert_eq!(
            big("-36893488147419103232").rshift(&Int::from(1)).unwrap(),
            big("-18446744073709551616")
        );
        assert_eq!(
            big("-36893488147419103233").rshift(&Int::from(1)).unwrap(),
            big("-18446744073709551617")
        );
        assert_eq!(
            Int::from(1).lshift(&Int::from(1i64 << 40)),
            Err(NumError::Memory)
        );
        assert_eq!(
            Int::from(0).lshift(&big("100000000000000000000")).unwrap(),
            Int::from(0)
        );
    }

    #[test]
    fn hashes() {
        assert_eq!(Int::from(-1).hash(), -2);
        assert_eq!(Int::from(HASH_MODULUS as i64).hash(), 0);
        assert_eq!(big("2305843009213693952").hash(), 1);
    }
}
