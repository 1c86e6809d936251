//! `operator`: the operators as functions, their in-place forms, and
//! `itemgetter`/`attrgetter`/`methodcaller`, written in Python
//! (`py/operator.py`) as CPython's pure-Python operator is.
//!
//! Holds only the factory; it must never hold behaviour of its own.

use crate::vm::value::ObjRef;
use crate::vm::{PyResult, Vm};

/// Factory of `operator`.
pub fn make(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    super::frozen_module(vm, module, "operator", "operator.py")
}
