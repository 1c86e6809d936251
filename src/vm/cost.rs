//! The virtual-time cost of each op, in nanoseconds, per runtime profile.
//!
//! Calibration (default profile): CPython 3.11 on the development machine
//! runs `while n > 0: n -= 1` (6 ops per iteration in our bytecode) at
//! about 30 ns per iteration, and a call-heavy `fib(25)` at about 75 ns
//! per call; the figures below reproduce those totals within 10 %. See
//! `benches/` for the measurement against `python3`.

use super::code::Instr;

#[derive(Clone, Debug)]
pub struct CostTable {
    /// Simple stack and local-variable ops.
    pub simple: u64,
    /// Arithmetic, comparisons, subscripts.
    pub operator: u64,
    /// Attribute and global lookups.
    pub lookup: u64,
    /// Calls (the callee's own ops are counted separately).
    pub call: u64,
    /// Building containers, imports, class and function creation.
    pub build: u64,
}

impl Default for CostTable {
    fn default() -> Self {
        CostTable {
            simple: 4,
            operator: 8,
            lookup: 12,
            call: 45,
            build: 30,
        }
    }
}

impl CostTable {
    /// The same table with every cost multiplied by `percent` / 100 (a
    /// runtime model's single-thread slowdown).
    pub fn scaled(&self, percent: u64) -> CostTable {
        let f = |c: u64| (c * percent).div_ceil(100);
        CostTable {
            simple: f(self.simple),
            operator: f(self.operator),
            lookup: f(self.lookup),
            call: f(self.call),
            build: f(self.build),
        }
    }

    #[inline]
    pub fn of(&self, instr: &Instr) -> u64 {
        use Instr::*;
        match instr {
            Nop | Pop | Copy(_) | Swap(_) | PushNull | LoadConst(_) | LoadFast(_)
            | StoreFast(_) | DeleteFast(_) | LoadDeref(_) | StoreDeref(_) | DeleteDeref(_)
            | LoadClosure(_) | Jump(_) | JumpBackward(_) | PopJumpIfFalse(_) | PopJumpIfTrue(_)
            | JumpIfFalseOrPop(_) | JumpIfTrueOrPop(_) | SetupFinally(_) | PopBlock | PopExcept
            | ReturnValue | ForIter(_) => self.simple,
            BinaryOp(_) | InplaceOp(_) | UnaryOp(_) | CompareOp(_) | IsOp(_) | ContainsOp(_)
            | BinarySubscr | StoreSubscr | DeleteSubscr | CheckExcMatch | CheckEgMatch
            | GetIter | UnpackSequence(_) | ListAppend(_) | SetAdd(_) | MapAdd(_) => self.operator,
            LoadName(_) | StoreName(_) | DeleteName(_) | LoadGlobal(_) | StoreGlobal(_)
            | DeleteGlobal(_) | LoadAttr(_) | StoreAttr(_) | DeleteAttr(_) | LoadMethod(_)
            | LoadClassDeref(_) => self.lookup,
            Call(_) | CallKw(_) | CallEx(_) => self.call,
            _ => self.build,
        }
    }
}
