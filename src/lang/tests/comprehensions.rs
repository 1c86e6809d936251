//! Comprehensions and generator expressions.

use super::*;
use crate::vm::code::{CodeKind, CO_ASYNC_GENERATOR, CO_COROUTINE, CO_GENERATOR};

#[test]
fn list_comprehension_is_a_nested_code_object() {
    let code = ok("r = [x * 2 for x in xs if x]\n");
    assert!(has_seq(
        &code,
        &[
            "PushNull",
            "LoadConst",
            "MakeFunction",
            "LoadName",
            "GetIter",
            "Call",
            "StoreName"
        ]
    ));
    let lc = code_named(&code, "<listcomp>");
    assert_eq!(lc.kind, CodeKind::Comprehension);
    assert_eq!(lc.argcount, 1);
    assert_eq!(
        op_names(&lc),
        [
            "BuildList",
            "LoadFast",
            "ForIter",
            "StoreFast",
            "LoadFast",
            "PopJumpIfFalse",
            "LoadFast",
            "LoadConst",
            "BinaryOp",
            "ListAppend",
            "JumpBackward",
            "ReturnValue"
        ]
    );
    assert!(has(&lc, |i| *i == Instr::ListAppend(2)));
}

#[test]
fn nested_fors_use_deeper_appends() {
    let code = ok("r = {(a, b) for a in x for b in a}\nd = {k: v for k, v in items for _ in r}\n");
    let sc = code_named(&code, "<setcomp>");
    assert!(has(&sc, |i| *i == Instr::SetAdd(3)));
    assert!(has_seq(&sc, &["LoadFast", "GetIter", "ForIter"]));
    let dc = code_named(&code, "<dictcomp>");
    assert!(has(&dc, |i| *i == Instr::MapAdd(3)));
    assert!(has(&dc, |i| *i == Instr::BuildMap(0)));
}

#[test]
fn generator_expression() {
    let code = ok("g = (x for x in xs)\ntotal = sum(x for x in xs)\n");
    let ge = code_named(&code, "<genexpr>");
    assert_eq!(ge.flags & CO_GENERATOR, CO_GENERATOR);
    assert!(has_seq(
        &ge,
        &["LoadFast", "YieldValue", "Pop", "JumpBackward"]
    ));
    assert_eq!(
        op_names(&ge)[op_names(&ge).len() - 2..],
        ["LoadConst", "ReturnValue"]
    );
}

#[test]
fn first_iterable_evaluated_outside() {
    let code = ok("def f(n):\n    return [i for i in range(n)]\n");
    let f = code_named(&code, "f");
    assert!(has_seq(
        &f,
        &["LoadGlobal", "LoadFast", "Call", "GetIter", "Call"]
    ));
    let lc = code_named(&code, "<listcomp>");
    assert!(lc.freevars.is_empty());
}

#[test]
fn async_comprehensions() {
    let code = ok("async def f(a):\n    return [x async for x in a]\n");
    let f = code_named(&code, "f");
    assert!(has_seq(
        &f,
        &[
            "LoadFast",
            "GetAIter",
            "Call",
            "GetAwaitable",
            "LoadConst",
            "YieldFrom"
        ]
    ));
    let lc = code_named(&code, "<listcomp>");
    assert_eq!(lc.flags & CO_COROUTINE, CO_COROUTINE);
    assert!(has_seq(
        &lc,
        &[
            "SetupFinally",
            "GetANext",
            "LoadConst",
            "YieldFrom",
            "PopBlock"
        ]
    ));
    assert!(has(&lc, |i| *i == Instr::EndAsyncFor));
    let code = ok("async def f(a):\n    return (await x for x in a)\n");
    let ge = code_named(&code, "<genexpr>");
    assert_eq!(ge.flags & CO_ASYNC_GENERATOR, CO_ASYNC_GENERATOR);
    let code = ok("async def f(a, b):\n    return [y for x in a async for y in b(x) if await y]\n");
    ok("async def f(a):\n    return {k: v async for k, v in a}\n");
    let lc = code_named(&code, "<listcomp>");
    assert!(has(&lc, |i| *i == Instr::GetAIter));
}

#[test]
fn lambda_in_comprehension_qualname() {
    let code = ok("fs = [lambda: i for i in range(3)]\n");
    assert_eq!(
        &*code_named(&code, "<lambda>").qualname,
        "<listcomp>.<lambda>"
    );
    let lc = code_named(&code, "<listcomp>");
    assert_eq!(strs(&lc.cellvars), ["i"]);
}
