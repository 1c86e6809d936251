//! The interpreter loop (CPython's `ceval.c`): executes the frames of one
//! thread, one instruction at a time, on a frame stack it does not own.
//!
//! [`Vm::eval`] runs until the bottom frame of this run returns (or, for a
//! generator frame, yields). Python-to-Python calls, class instantiation
//! with a Python `__init__`, and generators resumed by `for`/`yield from`
//! push frames on the same stack instead of recursing in Rust, so a thread
//! can be stopped between any two instructions. Builtins that call back
//! into Python (a `key=` function, `__eq__` in a dict lookup) start a
//! nested run of their own.
//!
//! The inner loop ([`Vm::run_frame`]) executes ops of the top frame until a
//! frame transition (call, return, yield, error) is needed; the outer loop
//! performs the transition. Every op costs virtual time from the cost table.

use std::rc::Rc;

use super::call::Args;
use super::code::{BinOp, CmpOp, Instr};
/// A thread's frames: boxed so that a frame moves between the stack and
/// its generator, and is reused from the pool, without copying.
type FrameStack = Vec<Box<Frame>>;

use super::dict::DictStr;
use super::frame::{Block, Frame, OnReturn};
use super::value::{GenState, IterState, Obj, ObjRef, Value};
use super::{Halt, PyErr, PyResult, Vm};

/// How a run ended.
pub enum RunResult {
    Returned(Value),
    /// The bottom frame is a generator frame and it yielded.
    Yielded(Value),
}

/// Why the inner loop stopped.
pub(crate) enum Exit {
    /// Push this frame (a call).
    Call(Box<Frame>),
    Return(Value),
    Yield(Value),
    /// An error raised by the op at `pc - 1`; a traceback entry for this
    /// frame still has to be added unless `reraise`.
    Error {
        err: PyErr,
        reraise: bool,
    },
    /// Keep running the current frame (from [`Vm::slow_op`]).
    Next,
}

/// What [`Vm::run_ops`] asks of [`Vm::run_frames`].
enum Step {
    Exit(Exit),
    /// Push this frame (a call of a plain Python function) and run it.
    Call(Box<Frame>),
    /// The top frame returned this to its caller, a frame of this run.
    Return(Value),
}

/// The interpreter loop counts ops and virtual time in one register, the
/// meter: ops from bit [`METER_SHIFT`] up, nanoseconds below. Each entry
/// of `Code::ops` carries the amount one execution adds (`METER_OP` plus
/// its cost), so that an op costs one add, and the check against the
/// limits one compare (see [`Vm::meter_limit`]).
pub(crate) const METER_SHIFT: u32 = 40;
/// One op on the meter.
pub(crate) const METER_OP: u64 = 1 << METER_SHIFT;
/// The nanoseconds field of the meter.
const METER_CLOCK: u64 = METER_OP - 1;
/// The most ops between two flushes of the meter.
const METER_WINDOW: u64 = 1 << 22;

/// Finished frames kept for reuse.
const FRAME_POOL_SIZE: usize = 64;

/// Deepest nesting of Rust-level runs (builtins calling back into Python)
/// before a RecursionError, whatever the Python depth: keeps the native
/// stack (1 MB in wasm) safe.
const MAX_NESTED_RUNS: usize = 150;

impl Vm {
    /// A frame for `code`, reusing the allocations of a finished one.
    pub(crate) fn take_frame(
        &mut self,
        code: Rc<super::Code>,
        globals: ObjRef,
        locals_dict: Option<ObjRef>,
    ) -> Box<Frame> {
        match self.frame_pool.pop() {
            Some(mut f) => {
                let n = code.obj.varnames.len();
                f.locals.resize(n, Value::Null);
                f.code = code;
                f.pc = 0;
                f.globals = globals;
                f.locals_dict = locals_dict;
                f.on_return = OnReturn::Push;
                f
            }
            None => Box::new(Frame::new(code, globals, locals_dict)),
        }
    }

    /// A frame for `code` with no locals yet (the fast call path fills
    /// them).
    #[inline(always)]
    fn take_frame_for_args(&mut self, code: Rc<super::Code>, globals: ObjRef) -> Box<Frame> {
        match self.frame_pool.pop() {
            Some(mut f) => {
                f.code = code;
                f.pc = 0;
                f.globals = globals;
                if !matches!(f.on_return, OnReturn::Push) {
                    f.on_return = OnReturn::Push;
                }
                f
            }
            None => {
                let mut f = Box::new(Frame::new(code, globals, None));
                f.locals.clear();
                f
            }
        }
    }

    /// Keeps a finished frame's allocations for the next call.
    pub(crate) fn recycle_frame(&mut self, mut f: Box<Frame>) {
        if self.frame_pool.len() >= FRAME_POOL_SIZE {
            return;
        }
        f.stack.clear();
        f.locals.clear();
        f.cells.clear();
        f.blocks.clear();
        f.locals_dict = None;
        f.generator = None;
        self.frame_pool.push(f);
    }

    /// Runs `frame` to completion on a fresh frame stack (a nested run):
    /// the result of a function call from Rust.
    pub fn run_frame_nested(&mut self, mut frame: Frame) -> PyResult<Value> {
        if self.nested_runs >= MAX_NESTED_RUNS {
            return Err(self.error("RecursionError", "maximum recursion depth exceeded"));
        }
        frame.on_return = OnReturn::Boundary;
        let mut frames = vec![Box::new(frame)];
        self.nested_runs += 1;
        let r = self.eval(&mut frames, None);
        self.nested_runs -= 1;
        match r? {
            RunResult::Returned(v) | RunResult::Yielded(v) => Ok(v),
        }
    }

    /// Runs the frames above `frames[0]` (whose `on_return` must be
    /// `Boundary`) until frame 0 returns or yields. `initial` starts the run
    /// by raising an error in the top frame (`generator.throw`).
    pub fn eval(&mut self, frames: &mut FrameStack, initial: Option<PyErr>) -> PyResult<RunResult> {
        self.depth += frames.len();
        let base_depth = self.depth - frames.len();
        let result = self.eval_inner(frames, initial);
        self.depth = base_depth;
        result
    }

    fn eval_inner(
        &mut self,
        frames: &mut FrameStack,
        initial: Option<PyErr>,
    ) -> PyResult<RunResult> {
        let mut exit = match initial {
            // Thrown into a suspended generator: raised at its yield.
            Some(err) => Exit::Error {
                err,
                reraise: false,
            },
            None => {
                if frames.is_empty() {
                    return Ok(RunResult::Returned(Value::None));
                }
                self.run_frames(frames)
            }
        };
        loop {
            exit = match exit {
                Exit::Call(frame) => {
                    if self.depth >= self.config.recursion_limit {
                        Exit::Error {
                            err: self.error("RecursionError", "maximum recursion depth exceeded"),
                            reraise: false,
                        }
                    } else {
                        frames.push(frame);
                        self.depth += 1;
                        // Function entry: a preemption point (3.10+).
                        if self.sched.eval_breaker && self.nested_runs == 0 {
                            return Err(PyErr::Halt(Halt::Breaker));
                        }
                        self.run_frames(frames)
                    }
                }
                Exit::Return(value) => {
                    let Some(done) = frames.pop() else {
                        return Ok(RunResult::Returned(value));
                    };
                    self.depth -= 1;
                    if let Some(g) = &done.generator {
                        self.gen_finished(g);
                    }
                    if frames.is_empty() {
                        return Ok(RunResult::Returned(value));
                    }
                    let caller = frames.last_mut().expect("non-empty");
                    let how = done.on_return.clone();
                    if done.generator.is_none() {
                        self.recycle_frame(done);
                    }
                    match self.deliver_return(caller, how, value) {
                        Ok(()) => self.run_frames(frames),
                        Err(err) => Exit::Error {
                            err,
                            reraise: false,
                        },
                    }
                }
                Exit::Yield(value) => {
                    let Some(done) = frames.pop() else {
                        return Ok(RunResult::Yielded(value));
                    };
                    self.depth -= 1;
                    let on_return = done.on_return.clone();
                    let gen = done.generator.clone();
                    if let Some(g) = &gen {
                        self.gen_suspend(g, done);
                    }
                    if frames.is_empty() {
                        return Ok(RunResult::Yielded(value));
                    }
                    let caller = frames.last_mut().expect("non-empty");
                    let awaiting = match (&on_return, &gen) {
                        (OnReturn::ASend(_), Some(g)) => {
                            super::builtins::asyncgen::stopped_at_await(g)
                        }
                        _ => false,
                    };
                    match on_return {
                        OnReturn::YieldFrom => {
                            // The delegating frame yields the same value; it
                            // stays at its YieldFrom to resume the delegation.
                            caller.pc -= 1;
                            caller.pop(); // the value it sent
                            Exit::Yield(value)
                        }
                        OnReturn::ASend(_) if awaiting => {
                            // An await inside the async generator: passed up.
                            caller.pc -= 1;
                            caller.pop();
                            Exit::Yield(value)
                        }
                        OnReturn::ASend(me) => {
                            // Its own `yield v`: the awaitable's result is v.
                            super::builtins::asyncgen::asend_done(&me);
                            caller.pop(); // sent value
                            caller.pop(); // the awaitable
                            caller.stack.push(value);
                            self.run_frames(frames)
                        }
                        _ => {
                            caller.stack.push(value);
                            self.run_frames(frames)
                        }
                    }
                }
                Exit::Next => {
                    if frames.is_empty() {
                        return Ok(RunResult::Returned(Value::None));
                    }
                    self.run_frames(frames)
                }
                Exit::Error { err, reraise } => {
                    if let PyErr::Halt(_) = err {
                        return Err(err);
                    }
                    match self.unwind(frames, err, reraise) {
                        Ok(()) => self.run_frames(frames),
                        Err(err) => return Err(err),
                    }
                }
            };
        }
    }

    /// Gives a finished callee's return value to its caller.
    fn deliver_return(&mut self, caller: &mut Frame, how: OnReturn, value: Value) -> PyResult<()> {
        match how {
            OnReturn::Push | OnReturn::Boundary => caller.stack.push(value),
            OnReturn::ForIter => {
                // The generator is exhausted: end the loop.
                caller.pop();
                if let Some(Instr::ForIter(target)) = caller.code.obj.instrs.get(caller.pc - 1) {
                    caller.pc = *target as usize;
                }
            }
            OnReturn::YieldFrom => {
                caller.pop(); // sent value
                caller.pop(); // sub-iterator
                caller.stack.push(value);
            }
            OnReturn::Send => return Err(self.stop_iteration(value)),
            OnReturn::ASend(me) => {
                super::builtins::asyncgen::asend_done(&me);
                return Err(self.error("StopAsyncIteration", ""));
            }
            OnReturn::EnterWith(handler) => {
                caller.blocks.push(Block::Finally {
                    handler,
                    level: caller.stack.len() as u32,
                });
                caller.stack.push(value);
            }
            OnReturn::Discard => {}
            OnReturn::Init(instance) => {
                if !value.is_none() {
                    let t = self.type_name(&value);
                    return self.type_error(format!("__init__() should return None, not '{t}'"));
                }
                caller.stack.push(instance);
            }
        }
        Ok(())
    }

    /// Finds a handler for `err` from the top frame down. On success the
    /// top frame is positioned at its handler. Frames without one are
    /// popped; reaching the bottom frame returns the error.
    fn unwind(&mut self, frames: &mut FrameStack, err: PyErr, reraise: bool) -> PyResult<()> {
        let PyErr::Exc(mut exc) = err else {
            return Err(err);
        };
        let mut new_here = !reraise;
        loop {
            let Some(frame) = frames.last_mut() else {
                return Err(PyErr::Exc(exc));
            };
            if new_here {
                self.add_traceback(&exc, &frame.code.obj, frame.pc.saturating_sub(1));
            }
            while let Some(block) = frame.blocks.pop() {
                match block {
                    Block::ExceptHandler { level } => {
                        frame.stack.truncate(level as usize + 1);
                        self.handled = frame.pop();
                    }
                    Block::Finally { handler, level } => {
                        frame.stack.truncate(level as usize);
                        frame.blocks.push(Block::ExceptHandler { level });
                        let prev = std::mem::replace(&mut self.handled, Value::Obj(exc.clone()));
                        frame.stack.push(prev);
                        frame.stack.push(Value::Obj(exc));
                        frame.pc = handler as usize;
                        return Ok(());
                    }
                }
            }
            // No handler in this frame: leave it.
            let done = frames.pop().expect("non-empty");
            self.depth -= 1;
            if let Some(g) = &done.generator {
                self.gen_finished(g);
                if self.exc_is(&exc, "StopIteration") {
                    exc = self.generator_raised_stop_iteration(&exc, g);
                }
            }
            if frames.is_empty() {
                return Err(PyErr::Exc(exc));
            }
            new_here = true;
        }
    }

    /// PEP 479: a StopIteration escaping a generator becomes a RuntimeError.
    fn generator_raised_stop_iteration(&mut self, stop: &ObjRef, gen: &ObjRef) -> ObjRef {
        let what = match &**gen {
            Obj::Generator(g) => match g.kind {
                super::value::GenKind::Generator => "generator",
                super::value::GenKind::Coroutine => "coroutine",
                super::value::GenKind::AsyncGenerator => "async generator",
            },
            _ => "generator",
        };
        let err = self.new_exception(
            self.types.exc("RuntimeError"),
            vec![Value::string(format!("{what} raised StopIteration"))],
        );
        if let Obj::Exception(d) = &*err {
            *d.cause.borrow_mut() = Value::Obj(stop.clone());
            *d.context.borrow_mut() = Value::Obj(stop.clone());
            d.suppress_context.set(true);
        }
        err
    }

    /// Sets `__context__` of a newly raised exception to the one being
    /// handled, as CPython does on every raise.
    fn set_context(&self, err: &PyErr) {
        if let (PyErr::Exc(e), Value::Obj(h)) = (err, &self.handled) {
            if Rc::ptr_eq(e, h) {
                return;
            }
            if let Obj::Exception(d) = &**e {
                if d.context.borrow().is_none() {
                    *d.context.borrow_mut() = Value::Obj(h.clone());
                }
            }
        }
    }

    /// Executes ops of the top frame of `frames` until a frame transition
    /// the outer loop must perform. Calls of plain Python functions (see
    /// `Code::simple_args`) and their returns to such a caller are done
    /// here, without leaving the loop.
    pub(crate) fn run_frames(&mut self, frames: &mut FrameStack) -> Exit {
        // Ops and virtual time run since the last flush (one meter, see
        // [`METER_OP`]), and the meter reading at which the loop must look
        // up the limits (see [`Vm::meter_limit`]). Added to the VM's totals
        // before anything that can run Python code or read them (`flush!`).
        let mut meter: u64 = 0;
        let mut limit = self.meter_limit();
        loop {
            let Some(frame) = frames.last_mut() else {
                self.flush_meter(meter);
                return Exit::Return(Value::None);
            };
            let code = frame.code.clone();
            match self.run_ops(frame, &code, &mut meter, &mut limit) {
                Step::Exit(exit) => return exit,
                Step::Call(new) => {
                    frames.push(new);
                    self.depth += 1;
                    // Function entry: a preemption point (3.10+).
                    if self.sched.eval_breaker && self.nested_runs == 0 {
                        self.flush_meter(meter);
                        return Exit::Error {
                            err: PyErr::Halt(Halt::Breaker),
                            reraise: true,
                        };
                    }
                }
                Step::Return(value) => {
                    let mut done = frames.pop().expect("the frame that returned");
                    self.depth -= 1;
                    // Not a generator's frame (see `ReturnValue`).
                    if self.frame_pool.len() < FRAME_POOL_SIZE {
                        done.stack.clear();
                        done.locals.clear();
                        done.cells.clear();
                        done.blocks.clear();
                        done.locals_dict = None;
                        self.frame_pool.push(done);
                    }
                    let caller = frames.last_mut().expect("its caller");
                    caller.stack.push(value);
                }
            }
        }
    }

    /// Adds what a meter counted (see [`METER_OP`]) to the VM's op count
    /// and clock.
    #[inline(always)]
    fn flush_meter(&mut self, meter: u64) {
        self.ops += meter >> METER_SHIFT;
        self.clock_ns += meter & METER_CLOCK;
    }

    /// The loop of simple ops (locals, constants, int arithmetic and
    /// comparison, jumps, `for` over ranges, calls of plain Python
    /// functions); anything else goes through [`Vm::slow_op`]. `meter`
    /// counts what ran since the last flush (see [`METER_OP`]); `limit` is
    /// the reading at which the limits must be looked up again, from
    /// [`Vm::meter_limit`] at that flush.
    #[allow(unused_assignments)] // `flush!` zeroes the counters before returns too
    #[inline(always)]
    fn run_ops(
        &mut self,
        frame: &mut Frame,
        code: &super::Code,
        meter_out: &mut u64,
        limit_out: &mut u64,
    ) -> Step {
        let stream = &code.ops[..];
        // The instruction pointer and the counters live in locals
        // (registers) while ops run, and are written back before anything
        // can observe them.
        let mut pc = frame.pc;
        let mut meter = *meter_out;
        let mut limit = *limit_out;
        macro_rules! flush {
            () => {{
                self.flush_meter(meter);
                meter = 0;
            }};
        }
        // Leave the loop to switch frames, keeping the counters.
        macro_rules! switch {
            ($step:expr) => {{
                frame.pc = pc;
                *meter_out = meter;
                *limit_out = limit;
                return $step;
            }};
        }
        macro_rules! exit {
            ($exit:expr) => {{
                flush!();
                frame.pc = pc;
                return Step::Exit($exit);
            }};
        }
        macro_rules! fail {
            ($err:expr) => {{
                flush!();
                frame.pc = pc;
                let err: PyErr = $err;
                self.set_context(&err);
                return Step::Exit(Exit::Error {
                    err,
                    reraise: false,
                });
            }};
        }
        macro_rules! slow {
            ($instr:expr) => {{
                flush!();
                frame.pc = pc;
                match self.slow_op(frame, code, $instr) {
                    Exit::Next => {
                        pc = frame.pc;
                        limit = self.meter_limit();
                    }
                    exit => return Step::Exit(exit),
                }
            }};
        }
        loop {
            let Some(&(instr, tick)) = stream.get(pc) else {
                exit!(Exit::Return(Value::None));
            };
            if meter >= limit {
                flush!();
                if let Some(halt) = self.stop_reason() {
                    frame.pc = pc;
                    return Step::Exit(Exit::Error {
                        err: PyErr::Halt(halt),
                        reraise: true,
                    });
                }
                limit = self.meter_limit();
            }
            meter += tick;
            pc += 1;
            match instr {
                Instr::Nop => {}
                Instr::Pop => {
                    let v = frame.pop();
                    if matches!(&v, Value::Obj(o) if matches!(&**o, Obj::Generator(_))) {
                        self.dropping_generator(frame, pc - 1, v);
                    }
                }
                Instr::Copy(n) => {
                    let v = frame.peek(n as usize).clone();
                    frame.stack.push(v);
                }
                Instr::Swap(n) => {
                    let len = frame.stack.len();
                    let n = n as usize;
                    if n >= 1 && n <= len {
                        frame.stack.swap(len - 1, len - n);
                    }
                }
                Instr::PushNull => frame.stack.push(Value::Null),
                Instr::LoadConst(i) => frame.stack.push(code.consts[i as usize].clone()),
                Instr::LoadFast(i) => {
                    let v = &frame.locals[i as usize];
                    if v.is_null() {
                        let name = &code.obj.varnames[i as usize];
                        fail!(self.error(
                            "UnboundLocalError",
                            format!("cannot access local variable '{name}' where it is not associated with a value")
                        ));
                    }
                    frame.stack.push(v.clone());
                }
                Instr::StoreFast(i) => {
                    if let Some(v) = frame.stack.pop() {
                        frame.locals[i as usize] = v;
                    } else {
                        frame.locals[i as usize] = Value::Null;
                    }
                }
                Instr::SetupFinally(t) => {
                    frame.blocks.push(Block::Finally {
                        handler: t,
                        level: frame.stack.len() as u32,
                    });
                }
                Instr::PopBlock => {
                    frame.blocks.pop();
                }
                Instr::Jump(t) => pc = t as usize,
                Instr::JumpBackward(t) => {
                    pc = t as usize;
                    // A backward jump: a preemption point (3.10+).
                    if self.sched.eval_breaker && self.nested_runs == 0 {
                        flush!();
                        frame.pc = pc;
                        return Step::Exit(Exit::Error {
                            err: PyErr::Halt(Halt::Breaker),
                            reraise: true,
                        });
                    }
                }
                Instr::PopJumpIfFalse(t) => match frame.stack.last() {
                    Some(Value::Bool(b)) => {
                        let b = *b;
                        // SAFETY: TOS is a bool (matched above).
                        unsafe { frame.discard_plain(1) };
                        if !b {
                            pc = t as usize;
                        }
                    }
                    _ => slow!(instr),
                },
                Instr::PopJumpIfTrue(t) => match frame.stack.last() {
                    Some(Value::Bool(b)) => {
                        let b = *b;
                        // SAFETY: TOS is a bool (matched above).
                        unsafe { frame.discard_plain(1) };
                        if b {
                            pc = t as usize;
                        }
                    }
                    _ => slow!(instr),
                },
                Instr::BinaryOp(op) | Instr::InplaceOp(op) => {
                    let r = match (op, frame.stack.as_slice()) {
                        (BinOp::Add, [.., Value::Int(x), Value::Int(y)]) => x.checked_add(*y),
                        (BinOp::Sub, [.., Value::Int(x), Value::Int(y)]) => x.checked_sub(*y),
                        _ => None,
                    };
                    match r {
                        // SAFETY: `r` is only `Some` when the two top
                        // values are ints (matched above).
                        Some(r) => unsafe { frame.replace_plain(2, Value::Int(r)) },
                        None => slow!(instr),
                    }
                }
                Instr::CompareOp(op) => {
                    let r = match frame.stack.as_slice() {
                        [.., Value::Int(x), Value::Int(y)] => Some(match op {
                            CmpOp::Lt => x < y,
                            CmpOp::Le => x <= y,
                            CmpOp::Eq => x == y,
                            CmpOp::Ne => x != y,
                            CmpOp::Gt => x > y,
                            CmpOp::Ge => x >= y,
                        }),
                        _ => None,
                    };
                    match r {
                        Some(r) => {
                            // SAFETY: `r` is only `Some` when the two top
                            // values are ints (matched above).
                            unsafe { frame.discard_plain(2) };
                            // A comparison feeding a conditional jump (an
                            // `if`/`while` test) jumps without pushing the
                            // bool, as CPython 3.11's COMPARE_OP_INT_JUMP;
                            // the jump is still counted as an op.
                            match stream.get(pc) {
                                Some(&(Instr::PopJumpIfFalse(t), c)) => {
                                    meter += c;
                                    pc = if r { pc + 1 } else { t as usize };
                                }
                                Some(&(Instr::PopJumpIfTrue(t), c)) => {
                                    meter += c;
                                    pc = if r { t as usize } else { pc + 1 };
                                }
                                _ => frame.stack.push(Value::Bool(r)),
                            }
                        }
                        None => slow!(instr),
                    }
                }
                Instr::ForIter(t) => {
                    // `for i in range(..)`: the range iterator steps here.
                    let step = match frame.stack.last() {
                        Some(Value::Obj(o)) => match &**o {
                            Obj::Iter(cell) => match &mut *cell.borrow_mut() {
                                IterState::Range {
                                    next,
                                    step,
                                    remaining,
                                } => {
                                    if *remaining <= 0 {
                                        Some(None)
                                    } else {
                                        let v = *next;
                                        *next = next.wrapping_add(*step);
                                        *remaining -= 1;
                                        Some(Some(v))
                                    }
                                }
                                _ => None,
                            },
                            _ => None,
                        },
                        _ => None,
                    };
                    match step {
                        Some(Some(v)) => frame.stack.push(Value::Int(v)),
                        Some(None) => {
                            frame.stack.pop();
                            pc = t as usize;
                        }
                        None => slow!(instr),
                    }
                }
                Instr::ReturnValue => {
                    let v = frame.pop();
                    // Back to a caller of this run that called it with
                    // `Call`: the value is pushed there and its ops go on.
                    if matches!(frame.on_return, OnReturn::Push) && frame.generator.is_none() {
                        switch!(Step::Return(v));
                    }
                    exit!(Exit::Return(v));
                }
                Instr::LoadGlobal(i) => {
                    match self.cached_global(&frame.globals, code, i as usize) {
                        Some(v) => frame.stack.push(v),
                        None => slow!(instr),
                    }
                }
                Instr::StoreGlobal(i) => {
                    let v = frame.pop();
                    match self.store_cached_global(&frame.globals, code, i as usize, v) {
                        Ok(old) => drop(old),
                        Err(v) => {
                            frame.stack.push(v);
                            slow!(instr)
                        }
                    }
                }
                Instr::Call(argc) => {
                    // A Python function only gets a frame made: no Python
                    // code runs here, so nothing needs flushing.
                    let len = frame.stack.len();
                    let argc = argc as usize;
                    let callee = if len >= argc + 2 {
                        match (&frame.stack[len - argc - 2], &frame.stack[len - argc - 1]) {
                            (Value::Null, Value::Obj(f)) => Some((f, len - argc)),
                            (Value::Obj(f), _) => Some((f, len - argc - 1)),
                            _ => None,
                        }
                    } else {
                        None
                    };
                    let Some((Obj::Function(f), args_start)) =
                        callee.map(|(f, start)| (&**f, start))
                    else {
                        slow!(instr);
                        continue;
                    };
                    if f.code.simple_args == Some((len - args_start) as u32) {
                        // Positional arguments matching the parameters: they
                        // move from this stack into the new frame's slots.
                        if self.depth >= self.config.recursion_limit {
                            exit!(Exit::Error {
                                err: self
                                    .error("RecursionError", "maximum recursion depth exceeded"),
                                reraise: false,
                            });
                        }
                        let nlocals = f.code.obj.varnames.len();
                        let new_code = f.code.clone();
                        let globals = f.globals.clone();
                        let mut new = self.take_frame_for_args(new_code, globals);
                        let nargs = len - args_start;
                        // A fresh frame's locals are empty (see
                        // `take_frame_for_args`).
                        debug_assert!(new.locals.is_empty());
                        new.locals.reserve(nlocals);
                        let src = frame.stack.as_ptr();
                        // SAFETY: `len` is the stack's length and
                        // `len - argc - 2 < args_start <= len` (checked
                        // when the callee was found), so the slots read
                        // below are initialized. The stack is cut to
                        // `len - argc - 2` (below the callable) before any
                        // is read, so each value read is then owned once:
                        // the arguments by the new frame's locals, the
                        // callable (slot `args_start - 1`, a `Value::Obj`)
                        // by `callable`, dropped here. The remaining slot,
                        // `len - argc - 2` when it is not the callable, is
                        // the `Value::Null` of a plain call, which owns
                        // nothing. `src` stays valid: the stack's buffer is
                        // not touched in between.
                        let callable = unsafe {
                            frame.stack.set_len(len - argc - 2);
                            for k in args_start..len {
                                new.locals.push(std::ptr::read(src.add(k)));
                            }
                            std::ptr::read(src.add(args_start - 1))
                        };
                        if let Value::Obj(o) = callable {
                            drop(o);
                        }
                        for _ in nargs..nlocals {
                            new.locals.push(Value::Null);
                        }
                        switch!(Step::Call(new));
                    }
                    match self.call_from_stack(frame, argc, None) {
                        Ok(Some(f)) => exit!(Exit::Call(f)),
                        Ok(None) => {}
                        Err(e) => fail!(e),
                    }
                }
                other => slow!(other),
            }
        }
    }

    /// Every other op (and the general case of the simple ones): may run
    /// Python code, change frames or raise. [`Exit::Next`] continues the
    /// loop.
    #[inline(never)]
    fn slow_op(&mut self, frame: &mut Frame, code: &super::Code, instr: Instr) -> Exit {
        let instrs = &code.obj.instrs[..];
        macro_rules! fail {
            ($err:expr) => {{
                let err: PyErr = $err;
                self.set_context(&err);
                return Exit::Error {
                    err,
                    reraise: false,
                };
            }};
        }
        macro_rules! tri {
            ($e:expr) => {
                match $e {
                    Ok(v) => v,
                    Err(err) => fail!(err),
                }
            };
        }
        let _ = instrs;
        match instr {
            Instr::DeleteFast(i) => {
                if frame.locals[i as usize].is_null() {
                    let name = &code.obj.varnames[i as usize];
                    fail!(self.error(
                        "UnboundLocalError",
                        format!("cannot access local variable '{name}' where it is not associated with a value")
                    ));
                }
                frame.locals[i as usize] = Value::Null;
                self.name_deleted(frame);
            }
            Instr::LoadDeref(i) => {
                let v = tri!(self.load_deref(frame, i as usize));
                frame.stack.push(v);
            }
            Instr::StoreDeref(i) => {
                let v = frame.pop();
                if let Some(Obj::Cell(c)) = frame.cells.get(i as usize).map(|c| &**c) {
                    *c.borrow_mut() = v;
                }
            }
            Instr::DeleteDeref(i) => {
                tri!(self.load_deref(frame, i as usize));
                if let Some(Obj::Cell(c)) = frame.cells.get(i as usize).map(|c| &**c) {
                    *c.borrow_mut() = Value::Null;
                }
            }
            Instr::LoadClosure(i) => {
                let c = frame
                    .cells
                    .get(i as usize)
                    .cloned()
                    .map(Value::Obj)
                    .unwrap_or(Value::None);
                frame.stack.push(c);
            }
            Instr::LoadClassDeref(i) => {
                let name = cell_name(&code.obj, i as usize);
                let found = match &frame.locals_dict {
                    Some(d) => tri!(self.dict_get_str(d, &name)),
                    None => None,
                };
                let v = match found {
                    Some(v) => v,
                    None => tri!(self.load_deref(frame, i as usize)),
                };
                frame.stack.push(v);
            }
            Instr::LoadName(i) => {
                let v = tri!(self.load_name(frame, code, i as usize));
                frame.stack.push(v);
            }
            Instr::StoreName(i) => {
                let v = frame.pop();
                let target = frame
                    .locals_dict
                    .clone()
                    .unwrap_or_else(|| frame.globals.clone());
                tri!(self.dict_set(&target, code.names[i as usize].clone(), v));
            }
            Instr::DeleteName(i) => {
                let target = frame
                    .locals_dict
                    .clone()
                    .unwrap_or_else(|| frame.globals.clone());
                if !tri!(self.dict_del(&target, &code.names[i as usize])) {
                    fail!(self.name_error(&code.obj.names[i as usize]));
                }
                self.name_deleted(frame);
            }
            Instr::LoadGlobal(i) => {
                let v = tri!(self.load_global(&frame.globals, code, i as usize));
                frame.stack.push(v);
            }
            Instr::StoreGlobal(i) => {
                let v = frame.pop();
                match self.store_cached_global(&frame.globals, code, i as usize, v) {
                    Ok(old) => drop(old),
                    Err(v) => {
                        tri!(self.dict_set(
                            &frame.globals.clone(),
                            code.names[i as usize].clone(),
                            v
                        ))
                    }
                }
            }
            Instr::DeleteGlobal(i) => {
                if !tri!(self.dict_del(&frame.globals.clone(), &code.names[i as usize])) {
                    fail!(self.name_error(&code.obj.names[i as usize]));
                }
                self.name_deleted(frame);
            }
            // A property's getter or setter, `__getattr__` or `__setattr__`
            // written in Python runs as a frame of this thread (it may
            // block, as a Manager's Namespace and Value proxies do).
            Instr::LoadAttr(i) => {
                let obj = frame.pop();
                let v = tri!(self.get_attr_deferring(&obj, &code.names[i as usize]));
                match self.deferred_call.take() {
                    None => frame.stack.push(v),
                    Some((f, args)) => match tri!(self.call_or_frame(&f, Args::new(args))) {
                        CallOutcome::Value(r) => frame.stack.push(r),
                        CallOutcome::Frame(f) => return Exit::Call(f),
                    },
                }
            }
            Instr::StoreAttr(i) => {
                let obj = frame.pop();
                let v = frame.pop();
                tri!(self.set_attr_deferring(&obj, &code.names[i as usize], v));
                if let Some((f, args)) = self.deferred_call.take() {
                    if let CallOutcome::Frame(mut f) = tri!(self.call_or_frame(&f, Args::new(args)))
                    {
                        f.on_return = OnReturn::Discard;
                        return Exit::Call(f);
                    }
                }
            }
            Instr::DeleteAttr(i) => {
                let obj = frame.pop();
                tri!(self.del_attr(&obj, &code.names[i as usize]));
            }
            Instr::LoadMethod(i) => {
                let obj = frame.pop();
                let (a, b) = tri!(self.load_method(obj, &code.names[i as usize]));
                frame.stack.push(a);
                frame.stack.push(b);
            }
            Instr::BinaryOp(op) => {
                let b = frame.pop();
                let a = frame.pop();
                let r = match (op, &a, &b) {
                    (BinOp::Add, Value::Int(x), Value::Int(y)) if x.checked_add(*y).is_some() => {
                        Value::Int(x + y)
                    }
                    (BinOp::Sub, Value::Int(x), Value::Int(y)) if x.checked_sub(*y).is_some() => {
                        Value::Int(x - y)
                    }
                    _ => tri!(self.binary_op(&a, &b, op)),
                };
                frame.stack.push(r);
            }
            Instr::InplaceOp(op) => {
                let b = frame.pop();
                let a = frame.pop();
                let r = match (op, &a, &b) {
                    (BinOp::Add, Value::Int(x), Value::Int(y)) if x.checked_add(*y).is_some() => {
                        Value::Int(x + y)
                    }
                    (BinOp::Sub, Value::Int(x), Value::Int(y)) if x.checked_sub(*y).is_some() => {
                        Value::Int(x - y)
                    }
                    _ => tri!(self.inplace_op(&a, &b, op)),
                };
                frame.stack.push(r);
            }
            Instr::UnaryOp(op) => {
                let a = frame.pop();
                let r = tri!(self.unary_op(&a, op));
                frame.stack.push(r);
            }
            Instr::CompareOp(op) => {
                let b = frame.pop();
                let a = frame.pop();
                let r = match (&a, &b) {
                    (Value::Int(x), Value::Int(y)) => Value::Bool(match op {
                        CmpOp::Lt => x < y,
                        CmpOp::Le => x <= y,
                        CmpOp::Eq => x == y,
                        CmpOp::Ne => x != y,
                        CmpOp::Gt => x > y,
                        CmpOp::Ge => x >= y,
                    }),
                    _ => tri!(self.compare(&a, &b, op)),
                };
                frame.stack.push(r);
            }
            Instr::IsOp(invert) => {
                let b = frame.pop();
                let a = frame.pop();
                frame.stack.push(Value::Bool(a.is(&b) != (invert != 0)));
            }
            Instr::ContainsOp(invert) => {
                let b = frame.pop();
                let a = frame.pop();
                let r = tri!(self.contains(&b, &a));
                frame.stack.push(Value::Bool(r != (invert != 0)));
            }
            // A class's own `__getitem__`/`__setitem__`/`__delitem__`
            // written in Python runs as a frame of this thread, so that it
            // may block (a Manager's proxy waits for its reply) as a call
            // may; builtin containers are served natively.
            Instr::BinarySubscr => {
                let key = frame.pop();
                let container = frame.pop();
                if let Some(f) = self.python_special(&container, "__getitem__") {
                    match tri!(self.call_or_frame(&f, Args::new(vec![key]))) {
                        CallOutcome::Value(r) => frame.stack.push(r),
                        CallOutcome::Frame(f) => return Exit::Call(f),
                    }
                } else {
                    let r = tri!(self.getitem(&container, &key));
                    frame.stack.push(r);
                }
            }
            Instr::StoreSubscr => {
                let key = frame.pop();
                let container = frame.pop();
                let v = frame.pop();
                if let Some(f) = self.python_special(&container, "__setitem__") {
                    if let CallOutcome::Frame(mut f) =
                        tri!(self.call_or_frame(&f, Args::new(vec![key, v])))
                    {
                        f.on_return = OnReturn::Discard;
                        return Exit::Call(f);
                    }
                } else {
                    tri!(self.setitem(&container, key, v));
                }
            }
            Instr::DeleteSubscr => {
                let key = frame.pop();
                let container = frame.pop();
                if let Some(f) = self.python_special(&container, "__delitem__") {
                    if let CallOutcome::Frame(mut f) =
                        tri!(self.call_or_frame(&f, Args::new(vec![key])))
                    {
                        f.on_return = OnReturn::Discard;
                        return Exit::Call(f);
                    }
                } else {
                    tri!(self.delitem(&container, &key));
                }
            }
            Instr::BuildSlice(n) => {
                let step = if n == 3 { frame.pop() } else { Value::None };
                let stop = frame.pop();
                let start = frame.pop();
                frame
                    .stack
                    .push(Value::obj(Obj::Slice(Box::new([start, stop, step]))));
            }
            Instr::BuildTuple(n) => {
                let items = split_top(frame, n as usize);
                frame.stack.push(Value::tuple(items));
            }
            Instr::BuildList(n) => {
                let items = split_top(frame, n as usize);
                frame.stack.push(Value::list(items));
            }
            Instr::BuildSet(n) => {
                let items = split_top(frame, n as usize);
                let s = tri!(self.new_set(items));
                frame.stack.push(s);
            }
            Instr::BuildMap(n) => {
                let items = split_top(frame, 2 * n as usize);
                let d = self.new_dict_value();
                let dref = d.as_obj().expect("dict").clone();
                let mut it = items.into_iter();
                while let (Some(k), Some(v)) = (it.next(), it.next()) {
                    tri!(self.dict_set(&dref, k, v));
                }
                frame.stack.push(d);
            }
            Instr::BuildString(n) => {
                let items = split_top(frame, n as usize);
                let mut s = String::new();
                for v in &items {
                    s.push_str(v.as_str().unwrap_or(""));
                }
                frame.stack.push(Value::string(s));
            }
            Instr::FormatValue(flags) => {
                let spec = if flags & super::code::FORMAT_HAS_SPEC != 0 {
                    frame.pop()
                } else {
                    Value::Null
                };
                let v = frame.pop();
                let r = tri!(self.format_value(v, flags & 3, spec));
                frame.stack.push(r);
            }
            Instr::ListAppend(n) => {
                let v = frame.pop();
                if let Some(Obj::List(l)) = frame.peek(n as usize).as_obj().map(|o| &**o) {
                    l.borrow_mut().push(v);
                }
            }
            Instr::SetAdd(n) => {
                let v = frame.pop();
                let set = frame.peek(n as usize).clone();
                tri!(self.set_add(&set, v));
            }
            Instr::MapAdd(n) => {
                let v = frame.pop();
                let k = frame.pop();
                if let Some(d) = frame.peek(n as usize).as_obj().cloned() {
                    tri!(self.dict_set(&d, k, v));
                }
            }
            Instr::ListExtend(n) => {
                let it = frame.pop();
                let items = tri!(self.collect(&it));
                if let Some(Obj::List(l)) = frame.peek(n as usize).as_obj().map(|o| &**o) {
                    l.borrow_mut().extend(items);
                }
            }
            Instr::SetUpdate(n) => {
                let it = frame.pop();
                let set = frame.peek(n as usize).clone();
                if !tri!(self.set_merge(&set, &it)) {
                    let items = tri!(self.collect(&it));
                    for v in items {
                        tri!(self.set_add(&set, v));
                    }
                }
            }
            Instr::DictUpdate(n) | Instr::DictMerge(n) => {
                let src = frame.pop();
                let merge = matches!(instr, Instr::DictMerge(_));
                let dst = frame.peek(n as usize).clone();
                let callee = if merge {
                    call_name_below(frame, n as usize)
                } else {
                    None
                };
                tri!(self.dict_update_from(&dst, &src, merge, callee));
            }
            Instr::ListToTuple => {
                let l = frame.pop();
                let items = match l.as_obj().map(|o| &**o) {
                    Some(Obj::List(l)) => l.borrow().clone(),
                    _ => Vec::new(),
                };
                frame.stack.push(Value::tuple(items));
            }
            Instr::UnpackSequence(n) => {
                let seq = frame.pop();
                let items = tri!(self.unpack(&seq, n as usize));
                frame.stack.extend(items.into_iter().rev());
            }
            Instr::UnpackEx(arg) => {
                let seq = frame.pop();
                let before = (arg & 0xff) as usize;
                let after = (arg >> 8) as usize;
                let items = tri!(self.collect(&seq));
                if items.len() < before + after {
                    fail!(self.error(
                        "ValueError",
                        format!(
                            "not enough values to unpack (expected at least {}, got {})",
                            before + after,
                            items.len()
                        )
                    ));
                }
                let mut items = items;
                let tail = items.split_off(items.len() - after);
                let middle = items.split_off(before);
                for v in tail.into_iter().rev() {
                    frame.stack.push(v);
                }
                frame.stack.push(Value::list(middle));
                for v in items.into_iter().rev() {
                    frame.stack.push(v);
                }
            }
            Instr::Jump(t) | Instr::JumpBackward(t) => frame.pc = t as usize,
            Instr::PopJumpIfFalse(t) => {
                let v = frame.pop();
                let b = match v {
                    Value::Bool(b) => b,
                    _ => tri!(self.truthy(&v)),
                };
                if !b {
                    frame.pc = t as usize;
                }
            }
            Instr::PopJumpIfTrue(t) => {
                let v = frame.pop();
                let b = match v {
                    Value::Bool(b) => b,
                    _ => tri!(self.truthy(&v)),
                };
                if b {
                    frame.pc = t as usize;
                }
            }
            Instr::JumpIfFalseOrPop(t) => {
                let v = frame.top().clone();
                if !tri!(self.truthy(&v)) {
                    frame.pc = t as usize;
                } else {
                    frame.pop();
                }
            }
            Instr::JumpIfTrueOrPop(t) => {
                let v = frame.top().clone();
                if tri!(self.truthy(&v)) {
                    frame.pc = t as usize;
                } else {
                    frame.pop();
                }
            }
            Instr::GetIter => {
                let v = frame.pop();
                let it = tri!(self.get_iter(&v));
                frame.stack.push(it);
            }
            Instr::ForIter(t) => {
                let it = frame.top().clone();
                if let Some(g) = as_generator(&it) {
                    match self.gen_resume(g, Value::None, OnReturn::ForIter) {
                        Ok(Some(f)) => return Exit::Call(f),
                        Ok(None) => {
                            frame.pop();
                            frame.pc = t as usize;
                        }
                        Err(e) => fail!(e),
                    }
                    return Exit::Next;
                }
                match tri!(self.next_of(&it)) {
                    Some(v) => frame.stack.push(v),
                    None => {
                        frame.pop();
                        frame.pc = t as usize;
                    }
                }
            }
            Instr::ReturnValue => {
                let v = frame.pop();
                return Exit::Return(v);
            }
            Instr::Call(argc) => match self.call_from_stack(frame, argc as usize, None) {
                Ok(Some(f)) => return Exit::Call(f),
                Ok(None) => return self.after_call(),
                Err(e) => fail!(e),
            },
            Instr::CallKw(argc) => {
                let names = frame.pop();
                match self.call_from_stack(frame, argc as usize, Some(names)) {
                    Ok(Some(f)) => return Exit::Call(f),
                    Ok(None) => return self.after_call(),
                    Err(e) => fail!(e),
                }
            }
            Instr::CallEx(flags) => {
                let kwargs = if flags & 1 != 0 {
                    frame.pop()
                } else {
                    Value::None
                };
                let args = frame.pop();
                let callable = frame.pop();
                let self_or = frame.pop();
                let (callable, receiver) = if self_or.is_null() {
                    (callable, None)
                } else {
                    (self_or, Some(callable))
                };
                let mut pos: Vec<Value> = receiver.into_iter().collect();
                pos.extend(tri!(self.collect(&args)));
                let mut a = Args::new(pos);
                if let Value::Obj(d) = &kwargs {
                    a.kw = self.dict_items(d);
                }
                match self.call_or_frame(&callable, a) {
                    Ok(CallOutcome::Value(v)) => {
                        frame.stack.push(v);
                        return self.after_call();
                    }
                    Ok(CallOutcome::Frame(f)) => return Exit::Call(f),
                    Err(e) => fail!(e),
                }
            }
            Instr::MakeFunction(flags) => {
                let f = tri!(self.make_function(frame, flags));
                frame.stack.push(f);
            }
            Instr::LoadBuildClass => {
                let v = tri!(self.builtin("__build_class__"));
                frame.stack.push(v);
            }
            Instr::PopExcept => {
                if let Some(Block::ExceptHandler { .. }) = frame.blocks.last() {
                    frame.blocks.pop();
                }
                let finished = std::mem::replace(&mut self.handled, frame.pop());
                if !self.abandoned.is_empty() {
                    self.handler_finished(frame, frame.pc - 1, &finished);
                }
            }
            Instr::CheckExcMatch => {
                let ty = frame.pop();
                let exc = frame.top().clone();
                let r = tri!(self.exception_matches(&exc, &ty));
                frame.stack.push(Value::Bool(r));
            }
            Instr::CheckEgMatch => {
                let ty = frame.pop();
                let exc = frame.pop();
                let (rest, matched) = tri!(self.check_eg_match(exc, &ty));
                frame.stack.push(rest);
                frame.stack.push(matched);
            }
            Instr::PrepReraiseStar => {
                let results = frame.pop();
                let orig = frame.pop();
                let v = tri!(self.prep_reraise_star(&orig, &results));
                frame.stack.push(v);
            }
            Instr::Reraise => {
                let exc = frame.pop();
                match exc {
                    Value::Obj(e) => {
                        return Exit::Error {
                            err: PyErr::Exc(e),
                            reraise: true,
                        }
                    }
                    _ => fail!(self.error("SystemError", "Reraise of a non-exception")),
                }
            }
            Instr::RaiseVarargs(n) => {
                if n == 0 {
                    match &self.handled {
                        Value::Obj(e) => {
                            return Exit::Error {
                                err: PyErr::Exc(e.clone()),
                                reraise: true,
                            }
                        }
                        _ => {
                            fail!(self.error("RuntimeError", "No active exception to reraise"))
                        }
                    }
                }
                let cause = if n == 2 { Some(frame.pop()) } else { None };
                let exc = frame.pop();
                let err = match self.make_raise(exc, cause) {
                    Ok(e) | Err(e) => e,
                };
                fail!(err);
            }
            Instr::SetupWith(t) => {
                // [mgr] -> [exit, entered] with the block set up between
                // them; a Python `__enter__` runs as a frame of this thread
                // (it may block), the block is set up when it returns.
                let mgr = frame.pop();
                let (exit, enter) = tri!(self.with_methods(&mgr));
                frame.stack.push(exit);
                match self.call_or_frame(&enter, Args::new(vec![])) {
                    Ok(CallOutcome::Value(entered)) => {
                        frame.blocks.push(Block::Finally {
                            handler: t,
                            level: frame.stack.len() as u32,
                        });
                        frame.stack.push(entered);
                    }
                    Ok(CallOutcome::Frame(mut f)) => {
                        f.on_return = match f.on_return {
                            OnReturn::Push => OnReturn::EnterWith(t),
                            other => other,
                        };
                        return Exit::Call(f);
                    }
                    Err(e) => fail!(e),
                }
            }
            Instr::SetupAsyncWith(t) => {
                let result = frame.pop();
                frame.blocks.push(Block::Finally {
                    handler: t,
                    level: frame.stack.len() as u32,
                });
                frame.stack.push(result);
            }
            Instr::WithExceptStart => {
                let exc = frame.peek(1).clone();
                let exit = frame.peek(3).clone();
                let ty = self.type_of(&exc);
                let tb = Value::None;
                // `__exit__` runs on this thread's frame stack (it may block:
                // an executor's shutdown joins its workers).
                match tri!(self.call_or_frame(&exit, Args::new(vec![Value::Obj(ty), exc, tb]))) {
                    CallOutcome::Value(r) => frame.stack.push(r),
                    CallOutcome::Frame(f) => return Exit::Call(f),
                }
            }
            Instr::BeforeAsyncWith => {
                let mgr = frame.pop();
                let exit = tri!(self.get_attr_str(&mgr, "__aexit__"));
                let enter = tri!(self.get_attr_str(&mgr, "__aenter__"));
                let aw = tri!(self.call(&enter, Args::new(vec![])));
                frame.stack.push(exit);
                frame.stack.push(aw);
            }
            Instr::LoadAssertionError => {
                frame
                    .stack
                    .push(Value::Obj(self.types.exc("AssertionError")));
            }
            Instr::YieldValue => {
                let v = frame.pop();
                return Exit::Yield(v);
            }
            Instr::YieldFrom => {
                let sent = frame.peek(1).clone();
                let sub = frame.peek(2).clone();
                if let Some(g) = as_generator(&sub) {
                    match self.gen_resume(g, sent, OnReturn::YieldFrom) {
                        Ok(Some(f)) => return Exit::Call(f),
                        Ok(None) => {
                            // Already finished: its result is None.
                            frame.pop();
                            frame.pop();
                            frame.stack.push(Value::None);
                        }
                        Err(e) => fail!(e),
                    }
                    return Exit::Next;
                }
                // An async generator's awaitable: the generator's frame runs
                // on this stack.
                if let Some((agen, input)) = super::builtins::asyncgen::asend_resume(&sub, &sent) {
                    match self.gen_resume(&agen, input, OnReturn::ASend(sub.clone())) {
                        Ok(Some(f)) => return Exit::Call(f),
                        Ok(None) => {
                            super::builtins::asyncgen::asend_done(&sub);
                            fail!(self.error("StopAsyncIteration", ""));
                        }
                        Err(e) => {
                            super::builtins::asyncgen::asend_done(&sub);
                            fail!(e)
                        }
                    }
                }
                // A builtin iterator steps natively; anything else through
                // `__next__`/`send`, keeping the value of the StopIteration
                // that ends it (an awaitable's result).
                let step = if matches!(&sub, Value::Obj(o) if matches!(&**o, Obj::Iter(_))) {
                    self.next_of(&sub).map(|o| o.ok_or(Value::None))
                } else {
                    let method = if sent.is_none() { "__next__" } else { "send" };
                    let args = if sent.is_none() { vec![] } else { vec![sent] };
                    self.call_method_str(&sub, method, args)
                        .map(Ok)
                        .or_else(|e| self.stop_value(e).map(Err))
                };
                match tri!(step) {
                    Ok(v) => {
                        frame.pop();
                        frame.pc -= 1;
                        return Exit::Yield(v);
                    }
                    Err(result) => {
                        frame.pop();
                        frame.pop();
                        frame.stack.push(result);
                    }
                }
            }
            Instr::GetYieldFromIter => {
                let v = frame.pop();
                let it = if as_generator(&v).is_some() {
                    v
                } else {
                    tri!(self.get_iter(&v))
                };
                frame.stack.push(it);
            }
            Instr::GetAwaitable => {
                let v = frame.pop();
                let it = tri!(self.get_awaitable(v));
                frame.stack.push(it);
            }
            Instr::GetAIter => {
                let v = frame.pop();
                let it = tri!(self.call_method_str(&v, "__aiter__", vec![]));
                frame.stack.push(it);
            }
            Instr::GetANext => {
                let it = frame.top().clone();
                let aw = tri!(self.call_method_str(&it, "__anext__", vec![]));
                let aw = tri!(self.get_awaitable(aw));
                frame.stack.push(aw);
            }
            Instr::EndAsyncFor => {
                let exc = frame.pop();
                let is_stop = matches!(&exc, Value::Obj(e) if self.exc_is(e, "StopAsyncIteration"));
                if !is_stop {
                    match exc {
                        Value::Obj(e) => {
                            return Exit::Error {
                                err: PyErr::Exc(e),
                                reraise: true,
                            }
                        }
                        _ => {
                            fail!(self.error("SystemError", "EndAsyncFor without an exception"))
                        }
                    }
                }
                if let Some(Block::ExceptHandler { .. }) = frame.blocks.last() {
                    frame.blocks.pop();
                }
                self.handled = frame.pop();
                frame.pop(); // the async iterator
            }
            Instr::ImportName(i) => {
                let fromlist = frame.pop();
                let level = frame.pop();
                let m = tri!(self.import_name(
                    &code.obj.names[i as usize],
                    &fromlist,
                    &level,
                    &frame.globals
                ));
                frame.stack.push(m);
            }
            Instr::ImportFrom(i) => {
                let m = frame.top().clone();
                let v = tri!(self.import_from(&m, &code.names[i as usize]));
                frame.stack.push(v);
            }
            Instr::ImportStar => {
                let m = frame.pop();
                let target = frame
                    .locals_dict
                    .clone()
                    .unwrap_or_else(|| frame.globals.clone());
                tri!(self.import_star(&m, &target));
            }
            Instr::SetupAnnotations => {
                let target = frame
                    .locals_dict
                    .clone()
                    .unwrap_or_else(|| frame.globals.clone());
                if tri!(self.dict_get_str(&target, "__annotations__")).is_none() {
                    let d = self.new_dict_value();
                    let k = self.intern("__annotations__");
                    tri!(self.dict_set(&target, k, d));
                }
            }
            _ => {}
        }
        Exit::Next
    }

    fn load_deref(&mut self, frame: &Frame, i: usize) -> PyResult<Value> {
        let v = match frame.cells.get(i).map(|c| &**c) {
            Some(Obj::Cell(c)) => c.borrow().clone(),
            _ => Value::Null,
        };
        if v.is_null() {
            let name = cell_name(&frame.code.obj, i);
            if i < frame.code.obj.cellvars.len() {
                return Err(self.error(
                    "UnboundLocalError",
                    format!("cannot access local variable '{name}' where it is not associated with a value"),
                ));
            }
            return Err(self.error(
                "NameError",
                format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"),
            ));
        }
        Ok(v)
    }

    fn load_name(&mut self, frame: &Frame, code: &super::Code, i: usize) -> PyResult<Value> {
        let name = &code.obj.names[i];
        if let Some(d) = &frame.locals_dict {
            if let Some(v) = self.dict_get_str(d, name)? {
                return Ok(v);
            }
        }
        self.load_global(&frame.globals, code, i)
    }

    fn load_global(&mut self, globals: &ObjRef, code: &super::Code, i: usize) -> PyResult<Value> {
        if let Some(v) = self.cached_global(globals, code, i) {
            return Ok(v);
        }
        let hash = code.name_hashes[i];
        let name = &code.obj.names[i];
        let builtins = self.builtins.clone();
        let (Obj::Dict(g), Obj::Dict(b)) = (&**globals, &*builtins) else {
            // Not plain dicts (never for the builtins): no cache.
            let found = match &**globals {
                Obj::Dict(d) => d.borrow().get_str(hash, name).cloned(),
                _ => None,
            };
            let found = found.or_else(|| match &*builtins {
                Obj::Dict(d) => d.borrow().get_str(hash, name).cloned(),
                _ => None,
            });
            return found.ok_or_else(|| self.name_error(name));
        };
        let (in_globals, pos, value) = {
            let g = g.borrow();
            match g.find_str(hash, name) {
                Some(pos) => (true, pos, g.entry_at(pos).map(|(_, v)| v.clone())),
                None => {
                    let b = b.borrow();
                    match b.find_str(hash, name) {
                        Some(pos) => (false, pos, b.entry_at(pos).map(|(_, v)| v.clone())),
                        None => return Err(self.name_error(name)),
                    }
                }
            }
        };
        let entry = super::GlobalCacheEntry {
            globals: Rc::as_ptr(globals) as usize,
            globals_keys: g.borrow().keys_version(),
            builtins_keys: b.borrow().keys_version(),
            in_globals,
            pos,
        };
        if let Some(slot) = code.global_cache.borrow_mut().get_mut(i) {
            *slot = Some(entry);
        }
        value.ok_or_else(|| self.name_error(name))
    }

    /// A global through the code's cache, if neither dict's keys changed
    /// since it was filled.
    #[inline(always)]
    fn cached_global(&self, globals: &ObjRef, code: &super::Code, i: usize) -> Option<Value> {
        let cache = code.global_cache.borrow();
        let e = cache.get(i)?.as_ref()?;
        if e.globals != Rc::as_ptr(globals) as usize {
            return None;
        }
        let Obj::Dict(g) = &**globals else {
            return None;
        };
        let g = g.borrow();
        if e.globals_keys != g.keys_version() {
            return None;
        }
        if e.in_globals {
            return g.entry_at(e.pos).map(|(_, v)| v.clone());
        }
        let Obj::Dict(b) = &*self.builtins else {
            return None;
        };
        let b = b.borrow();
        if e.builtins_keys != b.keys_version() {
            return None;
        }
        b.entry_at(e.pos).map(|(_, v)| v.clone())
    }

    /// `StoreGlobal` of a name the cache places in the globals: replaces
    /// the value in place (the keys do not change, so the cache stays
    /// valid). Gives `v` back when the cache cannot say where it goes.
    #[inline]
    fn store_cached_global(
        &self,
        globals: &ObjRef,
        code: &super::Code,
        i: usize,
        v: Value,
    ) -> Result<Value, Value> {
        let cache = code.global_cache.borrow();
        let Some(Some(e)) = cache.get(i) else {
            return Err(v);
        };
        let Obj::Dict(g) = &**globals else {
            return Err(v);
        };
        if !e.in_globals || e.globals != Rc::as_ptr(globals) as usize {
            return Err(v);
        }
        let mut g = g.borrow_mut();
        if e.globals_keys != g.keys_version() {
            return Err(v);
        }
        match g.value_at_mut(e.pos) {
            // The old value is dropped by the caller, after the borrow.
            Some(slot) => Ok(std::mem::replace(slot, v)),
            None => Err(v),
        }
    }

    /// `MakeFunction`: see `Instr::MakeFunction` for the stack layout.
    fn make_function(&mut self, frame: &mut Frame, flags: u32) -> PyResult<Value> {
        use super::code::*;
        let code = frame.pop();
        let closure = if flags & MAKE_FUNCTION_CLOSURE != 0 {
            Some(frame.pop())
        } else {
            None
        };
        let annotations = if flags & MAKE_FUNCTION_ANNOTATIONS != 0 {
            Some(frame.pop())
        } else {
            None
        };
        let kwdefaults = if flags & MAKE_FUNCTION_KWDEFAULTS != 0 {
            Some(frame.pop())
        } else {
            None
        };
        let defaults = if flags & MAKE_FUNCTION_DEFAULTS != 0 {
            Some(frame.pop())
        } else {
            None
        };
        let Some(Obj::Code(code)) = code.as_obj().map(|o| &**o) else {
            return Err(self.error("SystemError", "MakeFunction without a code object"));
        };
        let cells = match closure.as_ref().and_then(|c| c.as_tuple()) {
            Some(t) => t.iter().filter_map(|c| c.as_obj().cloned()).collect(),
            None => Vec::new(),
        };
        let module = self
            .dict_get_str(&frame.globals.clone(), "__name__")?
            .unwrap_or(Value::None);
        let doc = code
            .obj
            .docstring
            .as_deref()
            .map(Value::str)
            .unwrap_or(Value::None);
        Ok(Value::obj(Obj::Function(Box::new(
            super::value::Function {
                code: code.clone(),
                globals: frame.globals.clone(),
                name: std::cell::RefCell::new(code.obj.name.clone()),
                qualname: std::cell::RefCell::new(code.obj.qualname.clone()),
                defaults: defaults
                    .as_ref()
                    .and_then(|d| d.as_tuple())
                    .map(|t| t.to_vec())
                    .unwrap_or_default(),
                kwdefaults: kwdefaults.and_then(|d| d.as_obj().cloned()),
                closure: cells,
                dict: std::cell::RefCell::new(super::dict::Dict::new()),
                annotations: annotations.and_then(|d| d.as_obj().cloned()),
                module,
                doc,
            },
        ))))
    }

    /// `raise exc [from cause]`: the exception to raise (never fails: a bad
    /// operand becomes the TypeError CPython raises).
    fn make_raise(&mut self, exc: Value, cause: Option<Value>) -> Result<PyErr, PyErr> {
        let exc = self.exception_instance(exc, "exceptions must derive from BaseException")?;
        if let Some(cause) = cause {
            let cause = match cause {
                Value::None => Value::None,
                c => Value::Obj(
                    self.exception_instance(c, "exception causes must derive from BaseException")?,
                ),
            };
            if let Obj::Exception(d) = &*exc {
                *d.cause.borrow_mut() = cause;
                d.suppress_context.set(true);
            }
        }
        Ok(PyErr::Exc(exc))
    }

    /// An exception instance from a class (instantiated with no args) or
    /// an instance; anything else is a TypeError with `msg`.
    pub fn exception_instance(&mut self, v: Value, msg: &str) -> PyResult<ObjRef> {
        let base = self.types.exc("BaseException");
        match &v {
            Value::Obj(o) => match &**o {
                Obj::Exception(_) => Ok(o.clone()),
                Obj::Type(_) if super::types::is_subtype(o, &base) => {
                    let inst = self.call(&v, Args::new(vec![]))?;
                    match inst {
                        Value::Obj(e) if matches!(&*e, Obj::Exception(_)) => Ok(e),
                        _ => self.type_error(msg.to_string()),
                    }
                }
                _ => self.type_error(msg.to_string()),
            },
            _ => self.type_error(msg.to_string()),
        }
    }

    /// `except T:` matching: T is a class or a tuple of classes.
    pub(super) fn exception_matches(&mut self, exc: &Value, ty: &Value) -> PyResult<bool> {
        let base = self.types.exc("BaseException");
        let check = |t: &Value| -> Option<bool> {
            let o = t.as_obj()?;
            if !matches!(&**o, Obj::Type(_)) || !super::types::is_subtype(o, &base) {
                return None;
            }
            let Some(Obj::Exception(d)) = exc.as_obj().map(|e| &**e) else {
                return Some(false);
            };
            Some(super::types::is_subtype(&d.class, o))
        };
        let items: Vec<Value> = match ty.as_tuple() {
            Some(t) => t.to_vec(),
            None => vec![ty.clone()],
        };
        let mut matched = false;
        for t in &items {
            match check(t) {
                Some(m) => matched |= m,
                None => {
                    return self.type_error(
                        "catching classes that do not inherit from BaseException is not allowed",
                    )
                }
            }
        }
        Ok(matched)
    }

    /// `with mgr:` entry: (bound `__exit__`, result of `__enter__()`).
    fn with_methods(&mut self, mgr: &Value) -> PyResult<(Value, Value)> {
        let t = self.type_of(mgr);
        let enter = super::types::lookup(&t, super::ops::str_hash("__enter__"), "__enter__");
        let exit = super::types::lookup(&t, super::ops::str_hash("__exit__"), "__exit__");
        let (Some(enter), Some(exit)) = (enter, exit) else {
            let name = self.type_name(mgr);
            let missing =
                if super::types::lookup(&t, super::ops::str_hash("__enter__"), "__enter__")
                    .is_none()
                {
                    ""
                } else {
                    " and __exit__"
                };
            let _ = missing;
            return self.type_error(format!(
                "'{name}' object does not support the context manager protocol"
            ));
        };
        let exit_bound = self.bind(exit, mgr.clone());
        let enter_bound = self.bind(enter, mgr.clone());
        Ok((exit_bound, enter_bound))
    }

    /// After a call that returned here: a preemption point (3.10+).
    fn after_call(&self) -> Exit {
        if self.sched.eval_breaker && self.nested_runs == 0 {
            return Exit::Error {
                err: PyErr::Halt(Halt::Breaker),
                reraise: true,
            };
        }
        Exit::Next
    }

    /// Ops the loop may run before it must call [`Vm::stop_reason`]: the
    /// budget, and in top-level runs the scheduler's op limit and as many
    /// ops as surely end before its deadline (no op costs more than
    /// `max_op_cost`), so that one compare per op serves both. Near the
    /// deadline this is 0 and every op asks [`Vm::stop_reason`], which
    /// compares the clock exactly.
    #[inline]
    fn limits(&self) -> u64 {
        let budget = self.config.max_ops.saturating_sub(self.ops);
        if self.nested_runs > 0 {
            return budget;
        }
        let ops = budget.min(self.sched.stop_ops.saturating_sub(self.ops));
        let clock_left = self.sched.deadline_ns.saturating_sub(self.clock_ns);
        ops.min(clock_left / self.max_op_cost)
    }

    /// [`Vm::limits`] as a meter reading (ops in the upper bits), capped
    /// so that the ops and the time of one flush window fit their fields
    /// of the meter: at most [`METER_WINDOW`] ops, and no more than keep
    /// their time under 2^39 ns (half the clock field; the window may
    /// overrun by a fused op or two).
    #[inline]
    fn meter_limit(&self) -> u64 {
        let cap = METER_WINDOW.min((1u64 << 39) / self.max_op_cost.max(1));
        self.limits().min(cap) << METER_SHIFT
    }

    /// Why the loop must stop now, if it must (a limit was reached).
    fn stop_reason(&self) -> Option<Halt> {
        if self.ops >= self.config.max_ops {
            return Some(Halt::Budget);
        }
        if self.nested_runs > 0 {
            return None;
        }
        if self.ops >= self.sched.stop_ops || self.clock_ns >= self.sched.deadline_ns {
            return Some(Halt::Deadline);
        }
        None
    }

    /// Resumes a thread stopped by [`Halt::Syscall`]: the call's result
    /// goes where the call's result would have gone. Only calls and `with`
    /// entries may block; anything else is refused with a RuntimeError.
    pub fn deliver_syscall_result(
        &mut self,
        frames: &mut [Box<Frame>],
        value: Value,
    ) -> PyResult<()> {
        let Some(frame) = frames.last_mut() else {
            return Ok(());
        };
        match frame.code.obj.instrs.get(frame.pc.wrapping_sub(1)) {
            Some(Instr::Call(_) | Instr::CallKw(_) | Instr::CallEx(_)) => {
                frame.stack.push(value);
                Ok(())
            }
            Some(Instr::SetupWith(t)) => {
                frame.blocks.push(Block::Finally {
                    handler: *t,
                    level: frame.stack.len() as u32,
                });
                frame.stack.push(value);
                Ok(())
            }
            _ => Err(self.error(
                "RuntimeError",
                "a blocking call in this position is not simulated (only calls and `with` may block)",
            )),
        }
    }

    /// The value of a StopIteration ending a `send`, or the error itself.
    fn stop_value(&mut self, err: PyErr) -> PyResult<Value> {
        match &err {
            PyErr::Exc(e) if self.exc_is(e, "StopIteration") => Ok(self.stop_iteration_value(e)),
            _ => Err(err),
        }
    }

    pub fn stop_iteration_value(&self, e: &ObjRef) -> Value {
        match &**e {
            Obj::Exception(d) => d
                .args
                .borrow()
                .as_tuple()
                .and_then(|t| t.first().cloned())
                .unwrap_or(Value::None),
            _ => Value::None,
        }
    }

    /// `await v`: the iterator to delegate to.
    fn get_awaitable(&mut self, v: Value) -> PyResult<Value> {
        if let Some(Obj::Generator(g)) = v.as_obj().map(|o| &**o) {
            if g.kind == super::value::GenKind::Coroutine {
                return Ok(v);
            }
        }
        let t = self.type_of(&v);
        match super::types::lookup(&t, super::ops::str_hash("__await__"), "__await__") {
            Some(f) => {
                let bound = self.bind(f, v);
                self.call(&bound, Args::new(vec![]))
            }
            None => {
                let name = self.type_name(&v);
                self.type_error(format!("object {name} can't be used in 'await' expression"))
            }
        }
    }

    // ---- generators --------------------------------------------------------

    /// A generator value discarded by `frame` (an expression statement):
    /// if that frees a coroutine that never started, CPython's RuntimeWarning
    /// "coroutine ... was never awaited", at the frame's line, once per
    /// location.
    #[cold]
    fn dropping_generator(&mut self, frame: &Frame, at: usize, v: Value) {
        let Value::Obj(o) = v else { return };
        let Obj::Generator(g) = &*o else { return };
        if g.kind != super::value::GenKind::Coroutine || g.state.get() != GenState::Created {
            return;
        }
        // Held by `v` and by its own suspended frame only?
        let self_refs = g
            .frame
            .borrow()
            .as_ref()
            .and_then(|f| f.generator.as_ref())
            .map_or(0, |s| usize::from(Rc::ptr_eq(s, &o)));
        if Rc::strong_count(&o) != 1 + self_refs {
            return;
        }
        let code = &frame.code.obj;
        let line = code.lines.get(at).copied().unwrap_or(code.first_line);
        let text = format!("coroutine '{}' was never awaited", g.qualname);
        if !self
            .warned
            .insert((text.clone(), code.filename.clone(), line))
        {
            return;
        }
        let mut out = format!("{}:{line}: RuntimeWarning: {text}\n", code.filename);
        if let Some(src) = self.source_line(&code.filename, line) {
            out.push_str(&format!("  {}\n", src.trim()));
        }
        out.push_str("RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n");
        self.write_stderr(&out);
    }

    /// Takes a generator's frame to run it with `sent`; `None` when it is
    /// already finished.
    pub(crate) fn gen_resume(
        &mut self,
        gen: &ObjRef,
        sent: Value,
        how: OnReturn,
    ) -> PyResult<Option<Box<Frame>>> {
        let Obj::Generator(g) = &**gen else {
            return Ok(None);
        };
        match g.state.get() {
            GenState::Closed if g.kind == super::value::GenKind::Coroutine => {
                return Err(self.error("RuntimeError", "cannot reuse already awaited coroutine"));
            }
            GenState::Closed => return Ok(None),
            GenState::Running => {
                let what = if g.kind == super::value::GenKind::Coroutine {
                    "coroutine"
                } else {
                    "generator"
                };
                return self.value_error(format!("{what} already executing"));
            }
            GenState::Created if !sent.is_none() => {
                return self.type_error("can't send non-None value to a just-started generator");
            }
            _ => {}
        }
        let Some(mut frame) = g.frame.borrow_mut().take() else {
            return Ok(None);
        };
        // `Null` resumes without a sent value (the frame was fixed up).
        if g.state.get() == GenState::Suspended && !sent.is_null() {
            frame.stack.push(sent);
        }
        g.state.set(GenState::Running);
        frame.on_return = how;
        Ok(Some(frame))
    }

    fn gen_suspend(&mut self, gen: &ObjRef, frame: Box<Frame>) {
        if let Obj::Generator(g) = &**gen {
            *g.frame.borrow_mut() = Some(frame);
            g.state.set(GenState::Suspended);
        }
    }

    fn gen_finished(&mut self, gen: &ObjRef) {
        if let Obj::Generator(g) = &**gen {
            g.state.set(GenState::Closed);
            *g.frame.borrow_mut() = None;
        }
    }

    /// Resumes a generator from Rust (`next`, `send`, `throw`): `Ok(Ok(v))`
    /// when it yields v, `Ok(Err(r))` when it returns r.
    pub fn gen_send(
        &mut self,
        gen: &ObjRef,
        sent: Value,
        throw: Option<PyErr>,
    ) -> PyResult<Result<Value, Value>> {
        if let (Some(err), Obj::Generator(g)) = (&throw, &**gen) {
            if g.state.get() == GenState::Created || g.state.get() == GenState::Closed {
                // Thrown into a generator that has not started: it is
                // closed and the exception raised here.
                g.state.set(GenState::Closed);
                *g.frame.borrow_mut() = None;
                return Err(err.clone());
            }
        }
        let sent = if throw.is_some() { Value::Null } else { sent };
        let frame = match self.gen_resume_for_send(gen, sent, throw.is_some())? {
            Some(f) => f,
            None => return Ok(Err(Value::None)),
        };
        if self.nested_runs >= MAX_NESTED_RUNS {
            return Err(self.error("RecursionError", "maximum recursion depth exceeded"));
        }
        let mut frames = vec![frame];
        self.nested_runs += 1;
        let r = self.eval(&mut frames, throw);
        self.nested_runs -= 1;
        match r? {
            RunResult::Yielded(v) => Ok(Ok(v)),
            RunResult::Returned(v) => Ok(Err(v)),
        }
    }

    fn gen_resume_for_send(
        &mut self,
        gen: &ObjRef,
        sent: Value,
        throwing: bool,
    ) -> PyResult<Option<Box<Frame>>> {
        if throwing {
            let Obj::Generator(g) = &**gen else {
                return Ok(None);
            };
            if g.state.get() == GenState::Running {
                return self.value_error("generator already executing");
            }
            let Some(mut frame) = g.frame.borrow_mut().take() else {
                return Ok(None);
            };
            g.state.set(GenState::Running);
            frame.on_return = OnReturn::Boundary;
            return Ok(Some(frame));
        }
        let f = self.gen_resume(gen, sent, OnReturn::Boundary)?;
        Ok(f)
    }
}

/// Pops the top `n` values, first-pushed first.
fn split_top(frame: &mut Frame, n: usize) -> Vec<Value> {
    let at = frame.stack.len().saturating_sub(n);
    frame.stack.split_off(at)
}

fn cell_name(code: &super::code::CodeObject, i: usize) -> Rc<str> {
    code.cellvars
        .iter()
        .chain(code.freevars.iter())
        .nth(i)
        .cloned()
        .unwrap_or_else(|| "?".into())
}

pub(crate) fn as_generator(v: &Value) -> Option<&ObjRef> {
    match v {
        Value::Obj(o) if matches!(&**o, Obj::Generator(_)) => Some(o),
        _ => None,
    }
}

/// For `f(**a, **b)` error messages: the name of the function being called,
/// found below the kwargs dict being built.
fn call_name_below(frame: &Frame, n: usize) -> Option<Value> {
    // Layout: [.., callable_or_NULL, self_or_callable, args_tuple, kwargs_dict]
    let below = n + 2;
    let a = frame.peek(below + 1);
    let b = frame.peek(below);
    Some(if a.is_null() { b.clone() } else { a.clone() })
}

/// What calling something produced: a value now, or a frame to push.
pub enum CallOutcome {
    Value(Value),
    Frame(Box<Frame>),
}
