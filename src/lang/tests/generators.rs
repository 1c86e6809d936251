//! Generators, coroutines, async generators, `await`, `async with/for`.

use super::*;
use crate::vm::code::{CO_ASYNC_GENERATOR, CO_COROUTINE, CO_GENERATOR};

#[test]
fn generator_flags() {
    let code = ok("def g():\n    x = yield 1\n    yield\n    yield from h()\n    return 5\n");
    let g = code_named(&code, "g");
    assert_eq!(g.flags & CO_GENERATOR, CO_GENERATOR);
    assert!(g.is_generator());
    assert!(has_seq(&g, &["LoadConst", "YieldValue", "StoreFast"]));
    assert!(has_seq(
        &g,
        &["Call", "GetYieldFromIter", "LoadConst", "YieldFrom", "Pop"]
    ));
}

#[test]
fn coroutine_and_await() {
    let code = ok("async def f():\n    await g()\n    return 1\n");
    let f = code_named(&code, "f");
    assert_eq!(f.flags & CO_COROUTINE, CO_COROUTINE);
    assert!(f.is_coroutine());
    assert!(has_seq(
        &f,
        &["Call", "GetAwaitable", "LoadConst", "YieldFrom", "Pop"]
    ));
}

#[test]
fn async_generator() {
    let code = ok("async def f():\n    yield 1\n    await x\n");
    let f = code_named(&code, "f");
    assert_eq!(
        f.flags & (CO_ASYNC_GENERATOR | CO_COROUTINE | CO_GENERATOR),
        CO_ASYNC_GENERATOR
    );
    assert!(f.is_async_generator());
}

#[test]
fn async_with_shape() {
    let code = ok("async def f():\n    async with a as b, c:\n        await b\n");
    let f = code_named(&code, "f");
    assert!(has_seq(
        &f,
        &[
            "LoadGlobal",
            "BeforeAsyncWith",
            "GetAwaitable",
            "LoadConst",
            "YieldFrom",
            "SetupAsyncWith",
            "StoreFast"
        ]
    ));
    assert!(has_seq(
        &f,
        &[
            "WithExceptStart",
            "GetAwaitable",
            "LoadConst",
            "YieldFrom",
            "PopJumpIfTrue",
            "Reraise"
        ]
    ));
    assert_eq!(
        f.instrs
            .iter()
            .filter(|i| matches!(i, Instr::SetupAsyncWith(_)))
            .count(),
        2
    );
}

#[test]
fn async_for_shape() {
    let code = ok("async def f():\n    async for x in a:\n        if x:\n            break\n    else:\n        g()\n");
    let f = code_named(&code, "f");
    assert!(has_seq(
        &f,
        &[
            "LoadGlobal",
            "GetAIter",
            "SetupFinally",
            "GetANext",
            "LoadConst",
            "YieldFrom",
            "PopBlock",
            "StoreFast"
        ]
    ));
    assert!(has(&f, |i| *i == Instr::EndAsyncFor));
}

#[test]
fn return_inside_async_with_awaits_exit() {
    let code = ok("async def f():\n    async with a:\n        return 1\n");
    let f = code_named(&code, "f");
    assert!(has_seq(
        &f,
        &[
            "PopBlock",
            "Swap",
            "PushNull",
            "Swap",
            "LoadConst",
            "LoadConst",
            "LoadConst",
            "Call",
            "GetAwaitable",
            "LoadConst",
            "YieldFrom",
            "Pop",
            "ReturnValue"
        ]
    ));
}

#[test]
fn await_in_async_genexpr_inside_sync_function_is_allowed() {
    // python3 compiles this (the genexpr is an async generator).
    let code = ok("def f(y):\n    return (await x for x in y)\n");
    let ge = code_named(&code, "<genexpr>");
    assert_eq!(ge.flags & CO_ASYNC_GENERATOR, CO_ASYNC_GENERATOR);
}
