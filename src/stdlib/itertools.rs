//! `itertools`: CPython's iterator types (`count`, `cycle`, `repeat`,
//! `chain`, `islice`, `product`, `permutations`, `combinations`,
//! `accumulate`, `groupby`, `tee`, `zip_longest`, …) with their reprs,
//! messages and consumption order, written as Python classes
//! (`py/itertools.py`).
//!
//! Holds only the factory; it must never hold behaviour of its own.

use crate::vm::value::ObjRef;
use crate::vm::{PyResult, Vm};

/// Factory of `itertools`.
pub fn make(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    super::frozen_module(vm, module, "itertools", "itertools.py")
}
