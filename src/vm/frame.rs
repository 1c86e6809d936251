//! A frame: one activation of a code object — its instruction pointer,
//! value stack, fast locals, cells, block stack — and what happens to its
//! result when it ends ([`OnReturn`]).
//!
//! Frames of one thread live in a `Vec<Frame>` owned by the thread, not by
//! the Rust stack, so that execution can stop between any two instructions
//! and resume later; a suspended generator owns its frame.

use std::rc::Rc;

use super::value::{ObjRef, Value};
use super::Code;

/// An entry of the block stack (see `vm::code`, section "exceptions").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Block {
    /// `SetupFinally`/`SetupWith`: go to `handler` with the stack cut to `level`.
    Finally { handler: u32, level: u32 },
    /// An except handler is running; `prev` is at stack position `level`.
    ExceptHandler { level: u32 },
}

/// What the caller does with a frame's result.
#[derive(Clone)]
pub enum OnReturn {
    /// Push the return value on the caller's stack (a normal call).
    Push,
    /// Return it to the Rust code that started this run (nested call, or
    /// the bottom of a thread).
    Boundary,
    /// A generator resumed by the caller's `ForIter`: a yield pushes the
    /// value; a return ends the loop.
    ForIter,
    /// A generator resumed by the caller's `YieldFrom`.
    YieldFrom,
    /// An async generator resumed by the caller's `YieldFrom` over one of
    /// its `__anext__`/`asend` awaitables (the value): an `await` inside
    /// passes its yield up as `YieldFrom` does; its own `yield v` completes
    /// the awaitable with v; its return raises StopAsyncIteration.
    ASend(super::value::Value),
    /// A generator resumed by a call to its `send`/`__next__` from Python
    /// code (run on the caller's frame stack, not nested): a yield is the
    /// call's result; a return raises StopIteration in the caller.
    Send,
    /// `__init__` of a class instantiation: the result must be None; the
    /// instance is pushed instead.
    Init(Value),
    /// `__enter__` of a `with` at the caller's `SetupWith(handler)`: the
    /// `with` block is set up with the result, then it is pushed.
    EnterWith(u32),
    /// A Python `__setitem__`/`__delitem__` run by the caller's
    /// `StoreSubscr`/`DeleteSubscr`: the result is dropped.
    Discard,
}

pub struct Frame {
    pub code: Rc<Code>,
    /// Index of the next instruction.
    pub pc: usize,
    pub stack: Vec<Value>,
    /// Fast locals by slot (`Null` when unbound).
    pub locals: Vec<Value>,
    /// Cellvars then freevars.
    pub cells: Vec<ObjRef>,
    /// The module's globals dict.
    pub globals: ObjRef,
    /// The dict for `LoadName`/`StoreName` (module and class bodies).
    pub locals_dict: Option<ObjRef>,
    pub blocks: Vec<Block>,
    /// The generator object this frame belongs to, if any.
    pub generator: Option<ObjRef>,
    pub on_return: OnReturn,
}

impl Frame {
    pub fn new(code: Rc<Code>, globals: ObjRef, locals_dict: Option<ObjRef>) -> Frame {
        let nlocals = code.obj.varnames.len();
        Frame {
            stack: Vec::with_capacity(8),
            locals: vec![Value::Null; nlocals],
            cells: Vec::new(),
            code,
            pc: 0,
            globals,
            locals_dict,
            blocks: Vec::new(),
            generator: None,
            on_return: OnReturn::Push,
        }
    }

    /// The source line of the instruction being executed (the one before
    /// `pc`), for tracebacks.
    pub fn line(&self) -> u32 {
        let i = self.pc.saturating_sub(1);
        self.code
            .obj
            .lines
            .get(i)
            .copied()
            .unwrap_or(self.code.obj.first_line)
    }

    #[inline]
    pub fn pop(&mut self) -> Value {
        self.stack.pop().unwrap_or(Value::Null)
    }

    #[inline]
    pub fn top(&self) -> &Value {
        self.stack.last().unwrap_or(&Value::Null)
    }

    /// Replaces the top `n` values by `v`, without dropping them: for the
    /// interpreter loop's int fast paths, whose operands own nothing.
    ///
    /// # Safety
    /// The stack holds at least `n >= 1` values, and none of the top `n`
    /// is a `Value::Obj` (each is plain data that owns nothing).
    #[inline(always)]
    pub unsafe fn replace_plain(&mut self, n: usize, v: Value) {
        let len = self.stack.len();
        // SAFETY: `1 <= n <= len` (the caller's contract), so `len - n` is
        // a slot of the stack and the new length is at most `len`. The
        // values forgotten or overwritten own nothing, so skipping their
        // drop leaks nothing; slot `len - n` is initialized with `v`.
        unsafe {
            self.stack.set_len(len - n + 1);
            std::ptr::write(self.stack.as_mut_ptr().add(len - n), v);
        }
    }

    /// Removes the top `n` values without dropping them (see
    /// [`Frame::replace_plain`]).
    ///
    /// # Safety
    /// The stack holds at least `n` values, and none of the top `n` is a
    /// `Value::Obj`.
    #[inline(always)]
    pub unsafe fn discard_plain(&mut self, n: usize) {
        let len = self.stack.len();
        // SAFETY: `n <= len` (the caller's contract); the values cut off
        // own nothing, so not dropping them leaks nothing.
        unsafe { self.stack.set_len(len - n) }
    }

    /// The value `n` deep (1 = TOS).
    #[inline]
    pub fn peek(&self, n: usize) -> &Value {
        let len = self.stack.len();
        if n == 0 || n > len {
            return &Value::Null;
        }
        &self.stack[len - n]
    }
}
