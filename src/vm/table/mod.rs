//! CPython-compatible hash tables and hashing, generic over the key type.
//!
//! - [`hash`]: Python's `hash()` for numbers, tuples, str/bytes and None.
//! - [`set`]: the open-addressing table of `set`/`frozenset`, a port of the
//!   algorithm of CPython 3.11's `setobject.c`, so sets iterate in CPython's
//!   order.
//! - [`dict`]: the insertion-ordered table of `dict`.
//!
//! Nothing here knows the interpreter's `Value` type: keys are any `K`, and
//! every lookup takes the key's precomputed hash and an equality callback
//! that may fail. The VM wraps these tables in its `dict`, `set` and
//! `frozenset` objects and supplies hashing and comparison.

pub mod dict;
pub mod hash;
pub mod set;

#[cfg(test)]
pub(crate) mod pylit;
#[cfg(test)]
mod tests;

pub use dict::Dict;
pub use set::SetTable;
