//! Function definitions, lambdas, decorators, defaults, annotations.

use super::*;
use crate::vm::code::{
    CodeKind, CO_VARARGS, CO_VARKEYWORDS, MAKE_FUNCTION_ANNOTATIONS, MAKE_FUNCTION_CLOSURE,
    MAKE_FUNCTION_DEFAULTS, MAKE_FUNCTION_KWDEFAULTS,
};

#[test]
fn signature_counts_and_flags() {
    let code = ok("def f(a, b, /, c, d=1, *args, e, f=2, **kw):\n    pass\n");
    let f = code_named(&code, "f");
    assert_eq!(f.kind, CodeKind::Function);
    assert_eq!(f.posonlyargcount, 2);
    assert_eq!(f.argcount, 4);
    assert_eq!(f.kwonlyargcount, 2);
    assert_eq!(
        f.flags & (CO_VARARGS | CO_VARKEYWORDS),
        CO_VARARGS | CO_VARKEYWORDS
    );
    assert_eq!(
        strs(&f.varnames),
        ["a", "b", "c", "d", "e", "f", "args", "kw"]
    );
    assert_eq!(f.first_line, 1);
}

#[test]
fn defaults_and_kwdefaults() {
    let code = ok("def f(a=1, b=x, *, c=3):\n    pass\n");
    assert!(has_seq(
        &code,
        &[
            "LoadConst",
            "LoadName",
            "BuildTuple",
            "LoadConst",
            "LoadConst",
            "BuildMap",
            "LoadConst",
            "MakeFunction"
        ]
    ));
    assert!(has(&code, |i| *i
        == Instr::MakeFunction(
            MAKE_FUNCTION_DEFAULTS | MAKE_FUNCTION_KWDEFAULTS
        )));
}

#[test]
fn annotations_dict() {
    let code =
        ok("def f(a: int, /, b: str = '', *c: float, d: bool, **e: dict) -> None:\n    pass\n");
    assert!(has(&code, |i| *i
        == Instr::MakeFunction(
            MAKE_FUNCTION_DEFAULTS | MAKE_FUNCTION_ANNOTATIONS
        )));
    assert!(has(&code, |i| *i == Instr::BuildMap(6)));
    // CPython 3.11 order: b, a, c, d, e, return (python3: f.__annotations__).
    let keys: Vec<String> = code
        .consts
        .iter()
        .filter_map(|c| match c {
            Const::Str(s) => Some(s.to_string()),
            _ => None,
        })
        .collect();
    let pos = |k: &str| keys.iter().position(|x| x == k).unwrap();
    assert!(
        pos("b") < pos("a")
            && pos("a") < pos("c")
            && pos("d") < pos("e")
            && pos("e") < pos("return")
    );
}

#[test]
fn function_locals_do_not_evaluate_annotations() {
    let code = ok("def f():\n    x: int = 1\n    y: undefined_name\n");
    let f = code_named(&code, "f");
    assert!(!names(&f).contains(&"int".to_string()));
    assert!(!has(&f, |i| *i == Instr::SetupAnnotations));
}

#[test]
fn decorators_apply_innermost_first() {
    let code = ok("@a\n@b(1)\ndef f():\n    pass\n");
    assert_eq!(
        op_names(&code)[..11],
        [
            "PushNull",
            "LoadName",
            "PushNull",
            "PushNull",
            "LoadName",
            "LoadConst",
            "Call",
            "LoadConst",
            "MakeFunction",
            "Call",
            "Call"
        ]
    );
    let f = code_named(&code, "f");
    // co_firstlineno is the first decorator's line.
    assert_eq!(f.first_line, 1);
}

#[test]
fn lambdas() {
    let code = ok("f = lambda x, y=2: x + y\ng = lambda: (yield)\n");
    let l = code_named(&code, "<lambda>");
    assert_eq!(l.kind, CodeKind::Lambda);
    assert_eq!(l.argcount, 2);
    assert_eq!(
        op_names(&l),
        ["LoadFast", "LoadFast", "BinaryOp", "ReturnValue"]
    );
    assert!(has(&code, |i| *i == Instr::MakeFunction(MAKE_FUNCTION_DEFAULTS)));
}

#[test]
fn closure_flag() {
    let code = ok("def f():\n    x = 1\n    return lambda: x\n");
    let f = code_named(&code, "f");
    assert!(has(&f, |i| *i == Instr::MakeFunction(MAKE_FUNCTION_CLOSURE)));
    assert_eq!(
        &*code_named(&code, "<lambda>").qualname,
        "f.<locals>.<lambda>"
    );
}

#[test]
fn nested_qualnames() {
    let code = ok("class A:\n    class B:\n        def m(self):\n            def g(): pass\n");
    assert_eq!(&*code_named(&code, "B").qualname, "A.B");
    assert_eq!(&*code_named(&code, "m").qualname, "A.B.m");
    assert_eq!(&*code_named(&code, "g").qualname, "A.B.m.<locals>.g");
}

#[test]
fn implicit_return_none() {
    let code = ok("def f():\n    x = 1\n");
    let f = code_named(&code, "f");
    assert_eq!(
        op_names(&f)[f.instrs.len() - 2..],
        ["LoadConst", "ReturnValue"]
    );
}
