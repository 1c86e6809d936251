//! CPython 3.2–3.9: the new GIL (`Python/ceval_gil.h`). A thread that
//! wants the GIL waits one switch interval (5 ms by default); if no switch
//! happened meanwhile it sets the drop request, which the holder honours
//! at its next instruction boundary; forced switching makes the dropper
//! wait until another thread has taken the GIL.

use super::{DropPoints, RuntimeModel};

pub struct Cpython39;

impl RuntimeModel for Cpython39 {
    fn name(&self) -> &'static str {
        "cpython-3.9"
    }
    fn version(&self) -> (u32, u32, u32) {
        (3, 9, 18)
    }
    fn has_gil(&self) -> bool {
        true
    }
    fn drop_points(&self) -> DropPoints {
        DropPoints::EveryInstruction
    }
}
