#![cfg(not(target_arch = "wasm32"))]
//! `multiprocessing.Value` and `Array` (shared memory): the `mp_value*`
//! conformance programs print what python3 printed under every runtime
//! model — 4 processes doing `v.value += 1` lose updates under every
//! model (processes have their own GILs, and the read and the write take
//! the value's lock separately), none inside `with v.get_lock():`; arrays
//! written by a child are seen by the parent; typecodes, conversions and
//! their errors.

#[path = "common/mp_programs.rs"]
mod mp_programs;

#[test]
fn value_and_array_programs_match_cpython_under_every_model() {
    mp_programs::check_prefix("mp_value", 1);
}
