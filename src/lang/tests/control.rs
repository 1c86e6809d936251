//! Loops, `try`, `with`, and how `return` / `break` / `continue` leave them.

use super::*;

fn count(code: &CodeObject, pred: impl Fn(&Instr) -> bool) -> usize {
    code.instrs.iter().filter(|i| pred(i)).count()
}

#[test]
fn for_loop_shape() {
    let code = ok("for x in xs:\n    f(x)\nelse:\n    g()\n");
    assert!(has_seq(
        &code,
        &["LoadName", "GetIter", "ForIter", "StoreName"]
    ));
    let back = code
        .instrs
        .iter()
        .position(|i| matches!(i, Instr::JumpBackward(_)))
        .unwrap();
    let Instr::JumpBackward(t) = code.instrs[back] else {
        unreachable!()
    };
    assert!(matches!(code.instrs[t as usize], Instr::ForIter(_)));
    let Instr::ForIter(end) = code.instrs[t as usize] else {
        unreachable!()
    };
    // The loop exits into the else clause (g()).
    assert_eq!(code.instrs[end as usize], Instr::PushNull);
}

#[test]
fn while_loop_back_edge_is_jump_backward() {
    let code = ok("while n > 0:\n    n -= 1\n");
    assert_eq!(count(&code, |i| matches!(i, Instr::JumpBackward(_))), 1);
    let code = ok("while True:\n    if f():\n        break\n");
    // `while True` has no test at all.
    assert_eq!(count(&code, |i| matches!(i, Instr::PopJumpIfFalse(_))), 1);
    assert_eq!(count(&code, |i| matches!(i, Instr::JumpBackward(_))), 1);
}

#[test]
fn break_and_continue() {
    let code = ok("for x in xs:\n    if x:\n        continue\n    if not x:\n        break\n");
    // break pops the iterator; continue does not.
    assert!(has_seq(&code, &["Nop", "Pop", "Jump"]));
    assert_eq!(count(&code, |i| matches!(i, Instr::JumpBackward(_))), 2);
}

#[test]
fn return_inside_for_pops_the_iterator() {
    let code = ok("def f(xs):\n    for x in xs:\n        return x\n");
    let f = code_named(&code, "f");
    assert!(has_seq(&f, &["LoadFast", "Swap", "Pop", "ReturnValue"]));
}

#[test]
fn try_except_shape() {
    let code = ok("try:\n    f()\nexcept ValueError:\n    g()\nexcept (TypeError, KeyError) as e:\n    h(e)\nexcept:\n    k()\nelse:\n    m()\n");
    assert!(matches!(code.instrs[0], Instr::SetupFinally(_)));
    assert_eq!(count(&code, |i| *i == Instr::CheckExcMatch), 2);
    assert!(count(&code, |i| *i == Instr::PopExcept) >= 3);
    assert!(has(&code, |i| *i == Instr::Reraise));
}

#[test]
fn try_star_except_shape() {
    let code = ok("try:\n    f()\nexcept* ValueError:\n    g()\nexcept* (TypeError, KeyError) as e:\n    h(e)\nelse:\n    m()\n");
    assert!(matches!(code.instrs[0], Instr::SetupFinally(_)));
    assert_eq!(count(&code, |i| *i == Instr::CheckEgMatch), 2);
    assert_eq!(count(&code, |i| *i == Instr::PrepReraiseStar), 1);
    assert_eq!(count(&code, |i| *i == Instr::CheckExcMatch), 0);
    // Loops and functions inside a clause, and the clause inside them.
    ok("def f():\n    for x in y:\n        try:\n            pass\n        except* E as e:\n            for z in e.exceptions:\n                break\n            def g():\n                return 1\n        finally:\n            return 2\n");
    ok("async def f():\n    try:\n        await g()\n    except* E:\n        async with a:\n            await b()\n    finally:\n        c()\n");
}

#[test]
fn try_finally_duplicates_the_finally_body() {
    let code = ok("try:\n    f()\nfinally:\n    cleanup()\n");
    assert_eq!(names(&code).iter().filter(|n| *n == "cleanup").count(), 1);
    assert_eq!(count(&code, |i| *i == Instr::PopBlock), 1);
    // The finally body is emitted on the normal and the exceptional path.
    assert_eq!(count(&code, |i| *i == Instr::Call(0)), 3);
    assert!(has_seq(&code, &["Call", "Pop", "Reraise"]));
}

#[test]
fn return_in_try_finally_runs_finally() {
    let code = ok("def f():\n    try:\n        return g()\n    finally:\n        h()\n");
    let f = code_named(&code, "f");
    // return value computed, block popped, finally body inline, return.
    assert!(has_seq(
        &f,
        &[
            "Call",
            "PopBlock",
            "PushNull",
            "LoadGlobal",
            "Call",
            "Pop",
            "ReturnValue"
        ]
    ));
}

#[test]
fn return_inside_with_calls_exit() {
    let code = ok("def f():\n    with lock:\n        return 1\n");
    let f = code_named(&code, "f");
    assert!(has_seq(
        &f,
        &[
            "LoadConst",
            "PopBlock",
            "Swap",
            "PushNull",
            "Swap",
            "LoadConst",
            "LoadConst",
            "LoadConst",
            "Call",
            "Pop",
            "ReturnValue"
        ]
    ));
}

#[test]
fn with_shape() {
    let code = ok("with open(p) as f, lock:\n    f.read()\n");
    assert_eq!(count(&code, |i| matches!(i, Instr::SetupWith(_))), 2);
    assert_eq!(count(&code, |i| *i == Instr::WithExceptStart), 2);
    assert!(has_seq(
        &code,
        &[
            "WithExceptStart",
            "PopJumpIfTrue",
            "Reraise",
            "Pop",
            "PopExcept",
            "Pop"
        ]
    ));
    assert!(has_seq(&code, &["SetupWith", "StoreName"]));
    assert!(has_seq(&code, &["SetupWith", "Pop"]));
}

#[test]
fn break_out_of_with_and_try_in_loop() {
    ok("for x in xs:\n    with a:\n        try:\n            if x:\n                break\n            continue\n        finally:\n            f()\n");
    ok("while x:\n    try:\n        g()\n    except E as e:\n        break\n    except:\n        continue\n");
}

#[test]
fn return_from_except_and_finally_handlers() {
    ok("def f():\n    try:\n        g()\n    except E as e:\n        return e\n    finally:\n        return 2\n");
    ok("def f():\n    for x in y:\n        try:\n            pass\n        finally:\n            break\n");
    ok("def f():\n    try:\n        pass\n    finally:\n        try:\n            return 1\n        except:\n            return 2\n");
}

#[test]
fn nested_try_in_handler() {
    ok("try:\n    a()\nexcept E:\n    try:\n        b()\n    except F as f:\n        raise G from f\n    finally:\n        c()\n");
}

#[test]
fn if_elif_else() {
    let code = ok("if a:\n    x = 1\nelif b:\n    x = 2\nelif c:\n    x = 3\nelse:\n    x = 4\n");
    assert_eq!(count(&code, |i| matches!(i, Instr::PopJumpIfFalse(_))), 3);
    assert_eq!(count(&code, |i| matches!(i, Instr::StoreName(_))), 4);
}

#[test]
fn loop_else_with_break() {
    ok("for i in r:\n    if i:\n        break\nelse:\n    f()\nwhile c:\n    break\nelse:\n    g()\n");
}
