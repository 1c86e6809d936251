//! `functools`: `partial`, `reduce`, `lru_cache`/`cache`, `wraps`,
//! `total_ordering`, `cmp_to_key`, `singledispatch`, `cached_property`,
//! written in Python (`py/functools.py`), as CPython's pure-Python
//! functools is. Calls to user functions stay ordinary Python calls, so a
//! thread can be preempted or block inside them.
//!
//! Holds only the factory; it must never hold behaviour of its own.

use crate::vm::value::ObjRef;
use crate::vm::{PyResult, Vm};

/// Factory of `functools`.
pub fn make(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    super::frozen_module(vm, module, "functools", "functools.py")
}
