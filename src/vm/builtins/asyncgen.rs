//! Async generators (`async def` with `yield`): `__aiter__`, `__anext__`,
//! `asend`, `athrow`, `aclose`, and the awaitable that each of them
//! returns (CPython's `async_generator_asend`).
//!
//! An async generator's frame suspends for two reasons: an `await` inside
//! it yields a value up to whoever drives the coroutine (the frame stops
//! *at* its `YieldFrom`), or its own `yield v` produces the next item (the
//! frame stops *after* a `YieldValue`). The awaitable tells them apart by
//! where the frame stopped: the first is passed up, the second completes
//! the awaitable with `v` (as `StopIteration(v)`).

use super::Methods;
use crate::vm::call::Args;
use crate::vm::code::Instr;
use crate::vm::module::native_data;
use crate::vm::value::{GenState, Obj, ObjRef, Value};
use crate::vm::{PyErr, PyResult, Vm};

/// The Rust state of an `async_generator_asend` awaitable.
pub struct ASend {
    pub agen: ObjRef,
    /// The value to send first (None for `__anext__`), or an exception to
    /// throw (`athrow`).
    pub first: Option<Result<Value, PyErr>>,
    pub done: bool,
}

/// Whether a suspended generator frame stopped at an `await` (inside a
/// `YieldFrom`) rather than after its own `yield`.
pub(crate) fn stopped_at_await(g: &ObjRef) -> bool {
    let Obj::Generator(gen) = &**g else {
        return false;
    };
    let frame = gen.frame.borrow();
    match frame.as_ref() {
        Some(f) => matches!(f.code.obj.instrs.get(f.pc), Some(Instr::YieldFrom)),
        None => false,
    }
}

/// For `YieldFrom` over an asend awaitable: its async generator and the
/// value to send it now (the first value, else `sent`), marking the first
/// one taken; None when the awaitable must step through its methods
/// (finished, or throwing).
pub(crate) fn asend_resume(me: &Value, sent: &Value) -> Option<(ObjRef, Value)> {
    native_data(me, |a: &mut ASend| {
        if a.done || matches!(a.first, Some(Err(_))) {
            return None;
        }
        let v = match a.first.take() {
            Some(Ok(v)) => v,
            _ => sent.clone(),
        };
        Some((a.agen.clone(), v))
    })
    .flatten()
}

/// Marks an asend awaitable finished.
pub(crate) fn asend_done(me: &Value) {
    native_data(me, |a: &mut ASend| a.done = true);
}

impl Vm {
    fn asend_class(&mut self) -> ObjRef {
        if let Some(Value::Obj(c)) = self.modules.get("<async_generator_asend>") {
            return c.clone();
        }
        let c = self.new_native_class("async_generator_asend", "builtins", ASEND_METHODS, None);
        self.modules
            .insert("<async_generator_asend>".into(), Value::Obj(c.clone()));
        c
    }

    fn new_asend(&mut self, agen: ObjRef, first: Result<Value, PyErr>) -> Value {
        let class = self.asend_class();
        self.new_native(
            &class,
            ASend {
                agen,
                first: Some(first),
                done: false,
            },
        )
    }

    /// One step of an asend awaitable: `Ok(v)` to pass `v` up (an inner
    /// await suspended), or the error that ends the awaitable
    /// (`StopIteration(item)`, `StopAsyncIteration`, or a real error).
    fn asend_step(&mut self, me: &Value, sent: Result<Value, PyErr>) -> PyResult<Value> {
        let Some((agen, first, done)) =
            native_data(me, |a: &mut ASend| (a.agen.clone(), a.first.take(), a.done))
        else {
            return self.type_error("not an async_generator_asend");
        };
        if done {
            return self.error_val(
                "RuntimeError",
                "cannot reuse already awaited __anext__()/asend()",
            );
        }
        let input = first.unwrap_or(sent);
        let step = match input {
            Ok(v) => self.gen_send(&agen, v, None),
            Err(e) => super::iter::throw_into(self, &agen, e),
        };
        let finish = |vm: &mut Vm| {
            native_data(me, |a: &mut ASend| a.done = true);
            let _ = vm;
        };
        match step {
            Ok(Ok(v)) => {
                if stopped_at_await(&agen) {
                    Ok(v)
                } else {
                    finish(self);
                    Err(self.stop_iteration(v))
                }
            }
            Ok(Err(_)) => {
                finish(self);
                Err(self.error("StopAsyncIteration", ""))
            }
            Err(e) => {
                finish(self);
                // PEP 479 for async generators: a StopAsyncIteration raised
                // inside becomes a RuntimeError.
                Err(e)
            }
        }
    }
}

fn agen_of(vm: &Vm, args: &Args) -> PyResult<ObjRef> {
    match args.pos.first() {
        Some(Value::Obj(o)) if matches!(&**o, Obj::Generator(_)) => Ok(o.clone()),
        _ => vm.type_error("descriptor requires an 'async_generator' object"),
    }
}

fn aiter(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    agen_of(vm, args).map(Value::Obj)
}

fn anext(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let g = agen_of(vm, args)?;
    Ok(vm.new_asend(g, Ok(Value::None)))
}

fn asend(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let g = agen_of(vm, args)?;
    let v = args.pos.get(1).cloned().unwrap_or(Value::None);
    Ok(vm.new_asend(g, Ok(v)))
}

fn athrow(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let g = agen_of(vm, args)?;
    let Some(typ) = args.pos.get(1).cloned() else {
        return vm.type_error("athrow expected at least 1 argument, got 0");
    };
    let exc = vm.exception_instance(typ, "exceptions must derive from BaseException")?;
    Ok(vm.new_asend(g, Err(PyErr::Exc(exc))))
}

fn aclose(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let g = agen_of(vm, args)?;
    if let Obj::Generator(gen) = &*g {
        if matches!(gen.state.get(), GenState::Created | GenState::Closed) {
            gen.state.set(GenState::Closed);
            *gen.frame.borrow_mut() = None;
            return Ok(vm.new_asend(g.clone(), Ok(Value::None)));
        }
    }
    let exit = vm.new_exception(vm.types.exc("GeneratorExit"), vec![]);
    Ok(vm.new_asend(g, Err(PyErr::Exc(exit))))
}

pub const ASYNC_GENERATOR_METHODS: Methods = &[
    ("__aiter__", aiter),
    ("__anext__", anext),
    ("asend", asend),
    ("athrow", athrow),
    ("aclose", aclose),
];

fn asend_await(_vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    Ok(args.pos.first().cloned().unwrap_or(Value::None))
}

fn asend_send(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let me = args.pos.first().cloned().unwrap_or(Value::None);
    let v = args.pos.get(1).cloned().unwrap_or(Value::None);
    vm.asend_step(&me, Ok(v))
}

fn asend_next(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let me = args.pos.first().cloned().unwrap_or(Value::None);
    vm.asend_step(&me, Ok(Value::None))
}

fn asend_throw(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let me = args.pos.first().cloned().unwrap_or(Value::None);
    let Some(typ) = args.pos.get(1).cloned() else {
        return vm.type_error("throw expected at least 1 argument, got 0");
    };
    let exc = vm.exception_instance(typ, "exceptions must derive from BaseException")?;
    vm.asend_step(&me, Err(PyErr::Exc(exc)))
}

fn asend_close(_vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    if let Some(me) = args.pos.first() {
        native_data(me, |a: &mut ASend| a.done = true);
    }
    Ok(Value::None)
}

const ASEND_METHODS: Methods = &[
    ("__await__", asend_await),
    ("__iter__", asend_await),
    ("__next__", asend_next),
    ("send", asend_send),
    ("throw", asend_throw),
    ("close", asend_close),
];

#[cfg(test)]
mod tests {
    use crate::run::{run, RunOptions};

    #[test]
    fn async_for_over_an_async_generator_matches_cpython() {
        // python3 3.11 prints: [0, 10, 20] 6 / [100, 400] / StopAsyncIteration
        let program = "class Pause:\n    def __await__(self):\n        yield\n\n\
async def ticker(n):\n    for i in range(n):\n        await Pause()\n        yield i * 10\n\n\
async def main():\n    got = [v async for v in ticker(3)]\n    sq = [v * v async for v in ticker(3) if v]\n    return got, sq\n\n\
def drive(c):\n    n = 0\n    while True:\n        try:\n            c.send(None)\n            n += 1\n        except StopIteration as s:\n            return s.value, n\n\n\
(got, sq), n = drive(main())\nprint(got, n)\nprint(sq)\n\
async def empty():\n    return\n    yield\n\
a = empty().__anext__()\ntry:\n    a.send(None)\nexcept StopAsyncIteration as e:\n    print(type(e).__name__)\n";
        let out = run(program, &RunOptions::default());
        assert_eq!(
            out.stdout, "[0, 10, 20] 6\n[100, 400]\nStopAsyncIteration\n",
            "{}",
            out.stderr
        );
    }
}
