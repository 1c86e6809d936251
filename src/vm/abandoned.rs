//! Coroutines a library refused and dropped with an exception (3.11's
//! `TaskGroup.create_task` on a group that is not running): CPython frees
//! such a coroutine with the exception's traceback, and its "coroutine …
//! was never awaited" RuntimeWarning comes out where that happens — at the
//! end of the except clause that handled the error, or at interpreter exit
//! ("sys:1") when nothing did.
//!
//! Our tracebacks keep no frames, so the VM keeps the coroutine here,
//! beside a weak reference to the exception, and decides when CPython
//! would have freed it: when an except clause that handled the exception
//! ends and nothing else holds the exception. The warning's line is then
//! CPython's: that of the clause's last statement, or -1 when the clause's
//! end is a join of several paths (an artificial instruction there gets no
//! line) — or at a `del` of the last name that held it. An exception
//! freed any other way (a variable overwritten, a container emptied) is
//! not watched: its coroutine warns at exit. This module never runs
//! Python code.

use std::rc::{Rc, Weak};

use super::code::Instr;
use super::frame::Frame;
use super::value::{GenKind, GenState, Obj, ObjRef, Value};
use super::Vm;

/// A coroutine that dies with an exception.
pub struct Abandoned {
    exc: Weak<Obj>,
    coro: ObjRef,
}

impl Vm {
    /// Records that `coro` is dropped, unawaited, with `exc`.
    pub fn abandon_coroutine(&mut self, exc: &ObjRef, coro: &Value) {
        let Some(o) = coro.as_obj() else { return };
        if matches!(&**o, Obj::Generator(g) if g.kind == GenKind::Coroutine) {
            self.abandoned.push(Abandoned {
                exc: Rc::downgrade(exc),
                coro: o.clone(),
            });
        }
    }

    /// At `PopExcept` (instruction `at` of `frame`), when `finished` was
    /// the exception handled: warns for the coroutines that die with it.
    #[cold]
    pub(crate) fn handler_finished(&mut self, frame: &Frame, at: usize, finished: &Value) {
        let Value::Obj(exc) = finished else { return };
        let Some(k) = self
            .abandoned
            .iter()
            .position(|a| a.exc.upgrade().is_some_and(|e| Rc::ptr_eq(&e, exc)))
        else {
            return;
        };
        let instrs = &frame.code.obj.instrs;
        // `name = None; del name` follows when the clause bound it.
        let named = matches!(instrs.get(at + 1), Some(Instr::LoadConst(_)))
            && matches!(
                instrs.get(at + 2),
                Some(Instr::StoreName(_) | Instr::StoreFast(_) | Instr::StoreDeref(_))
            );
        // Held by `finished` (no longer the handled exception) and by the
        // name until it is cleared.
        if Rc::strong_count(exc) > 1 + usize::from(named) {
            return;
        }
        let a = self.abandoned.remove(k);
        let line = clause_end_line(frame, at);
        self.warn_never_awaited(&a.coro, &frame.code.obj.filename, line);
    }

    /// After `del name` in `frame` (whose `pc` is past the instruction):
    /// the coroutines whose exception that freed warn at its line.
    #[inline]
    pub(crate) fn name_deleted(&mut self, frame: &Frame) {
        if self.abandoned.is_empty() {
            return;
        }
        let code = frame.code.obj.clone();
        let line = code.lines.get(frame.pc.wrapping_sub(1)).copied();
        for a in std::mem::take(&mut self.abandoned) {
            if a.exc.strong_count() > 0 {
                self.abandoned.push(a);
            } else {
                self.warn_never_awaited(&a.coro, &code.filename, line);
            }
        }
    }

    /// At exit: the coroutines still waiting for their warning. CPython
    /// frees those whose exception is still alive while finalizing, at no
    /// line ("sys:1"); one whose exception was freed some other way
    /// warned there in CPython — it is warned here, late, rather than
    /// never.
    pub fn warn_abandoned_at_exit(&mut self) {
        for a in std::mem::take(&mut self.abandoned) {
            if let Some(text) = never_awaited_text(&a.coro) {
                self.write_stderr(&format!("sys:1: RuntimeWarning: {text}\n"));
            }
        }
    }

    fn warn_never_awaited(&mut self, coro: &ObjRef, filename: &Rc<str>, line: Option<u32>) {
        let Some(text) = never_awaited_text(coro) else {
            return;
        };
        let key = (text.clone(), filename.clone(), line.unwrap_or(u32::MAX));
        if !self.warned.insert(key) {
            return;
        }
        let mut out = match line {
            Some(n) => format!("{filename}:{n}: RuntimeWarning: {text}\n"),
            None => format!("{filename}:-1: RuntimeWarning: {text}\n"),
        };
        if let Some(src) = line.and_then(|n| self.source_line(filename, n)) {
            out.push_str(&format!("  {}\n", src.trim()));
        }
        out.push_str("RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n");
        self.write_stderr(&out);
    }
}

/// "coroutine 'f' was never awaited", if it never started.
fn never_awaited_text(coro: &ObjRef) -> Option<String> {
    match &**coro {
        Obj::Generator(g) if g.state.get() == GenState::Created => {
            Some(format!("coroutine '{}' was never awaited", g.qualname))
        }
        _ => None,
    }
}

/// The line CPython gives the end of an except clause whose `PopExcept` is
/// instruction `at`: the line of the instruction before the clause's
/// cleanup, unless a jump also leads there (then none: CPython's -1).
fn clause_end_line(frame: &Frame, at: usize) -> Option<u32> {
    let code = &frame.code.obj;
    let mut start = at;
    while start > 0 && matches!(code.instrs[start - 1], Instr::PopBlock) {
        start -= 1;
    }
    let joined = code.instrs.iter().any(|i| match *i {
        Instr::Jump(t)
        | Instr::PopJumpIfFalse(t)
        | Instr::PopJumpIfTrue(t)
        | Instr::JumpIfFalseOrPop(t)
        | Instr::JumpIfTrueOrPop(t)
        | Instr::ForIter(t) => t as usize == start,
        _ => false,
    });
    if joined || start == 0 {
        return None;
    }
    code.lines.get(start - 1).copied()
}
