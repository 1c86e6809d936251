//! Numbers and their text with CPython 3.11's exact semantics: `int`
//! (unbounded, small values inline), `float` (IEEE-754 double), the
//! format-spec mini-language, printf-style `%` formatting and the parser
//! of `str.format` templates; `complex` (two `f64`s).
//!
//! This module owns arithmetic, conversions between ints, floats and text,
//! and every error message those can raise, worded as CPython words them.
//! It works on Rust primitives and [`num_bigint::BigInt`] only: it must
//! never know about the interpreter's values, objects or exceptions (the
//! VM wraps [`Int`] and `f64` in its own values and turns [`NumError`] into
//! Python exceptions), and it must never panic on anything a Python program
//! can influence.

mod complex;
#[cfg(test)]
mod conformance;
mod float;
mod float_text;
mod format;
mod int;
mod int_float;
mod int_text;
mod percent;
mod str_format;
mod unicode;
#[rustfmt::skip]
mod unicode_tables;

pub use complex::{complex_repr, format_complex, parse_complex, Complex};
pub use float::{
    float_as_integer_ratio, float_divmod, float_floordiv, float_hash, float_hex, float_is_integer,
    float_mod, float_pow, float_round, float_round_ndigits, float_truediv,
};
pub use float_text::{float_repr, parse_float};
pub use format::{
    format_float, format_int, format_int_typed, format_str, Align, FormatSpec, Grouping, SignMode,
};
pub use int::{Int, IntRef, PowResult, MAX_INT_BITS};
pub use int_text::{parse_int, MAX_STR_DIGITS};
pub use percent::{
    parse_percent, star_precision, star_width, PercentArg, PercentArgs, PercentCount, PercentFlags,
    PercentPiece, PercentSpec, PercentSpecs,
};
pub use str_format::{
    check_recursion, conversion_error, parse_field_name, AutoNumber, FieldAccessor, FieldAccessors,
    FieldKey, FieldName, MarkupItem, MarkupIter, MAX_FORMAT_RECURSION,
};
pub use unicode::{decimal_value, is_printable, is_py_space, py_str_repr, strip_py_whitespace};

/// The longest text (in characters) a width or precision may ask for;
/// longer requests raise `MemoryError` instead of exhausting the page.
pub const MAX_TEXT_LEN: usize = 1 << 24;

/// An error with the Python exception class it becomes and CPython's
/// message text for it. The message is exactly `str(exc)` in CPython.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NumError {
    /// `ZeroDivisionError`.
    ZeroDivision(String),
    /// `OverflowError`.
    Overflow(String),
    /// `ValueError`.
    Value(String),
    /// `TypeError`.
    Type(String),
    /// `MemoryError` (results beyond [`MAX_INT_BITS`] or [`MAX_TEXT_LEN`]).
    Memory,
    /// The result would be a `complex` (a negative float raised to a
    /// non-integral power): the VM computes it with [`Complex::pow`].
    Complex,
}

impl NumError {
    /// The name of the Python exception class this error becomes.
    pub fn class_name(&self) -> &'static str {
        match self {
            NumError::ZeroDivision(_) => "ZeroDivisionError",
            NumError::Overflow(_) => "OverflowError",
            NumError::Value(_) => "ValueError",
            NumError::Type(_) => "TypeError",
            NumError::Memory => "MemoryError",
            NumError::Complex => "NotImplementedError",
        }
    }

    /// The exception's message (`str(exc)`); empty for `MemoryError`.
    pub fn message(&self) -> &str {
        match self {
            NumError::ZeroDivision(m)
            | NumError::Overflow(m)
            | NumError::Value(m)
            | NumError::Type(m) => m,
            NumError::Memory => "",
            NumError::Complex => "complex numbers are not simulated",
        }
    }

    pub(crate) fn value(msg: impl Into<String>) -> Self {
        NumError::Value(msg.into())
    }

    pub(crate) fn overflow(msg: impl Into<String>) -> Self {
        NumError::Overflow(msg.into())
    }

    pub(crate) fn zero_division(msg: impl Into<String>) -> Self {
        NumError::ZeroDivision(msg.into())
    }

    pub(crate) fn type_error(msg: impl Into<String>) -> Self {
        NumError::Type(msg.into())
    }
}

impl std::fmt::Display for NumError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.class_name(), self.message())
    }
}

impl std::error::Error for NumError {}
