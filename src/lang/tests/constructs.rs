//! Statements and expressions: what each construct compiles to.

use super::*;
use crate::vm::code::{BinOp, CmpOp, CodeKind, FORMAT_CONV_REPR, FORMAT_HAS_SPEC};

#[test]
fn module_basics() {
    let code = ok("x = 1\nprint(x + 2)\n");
    assert_eq!(code.kind, CodeKind::Module);
    assert_eq!(&*code.name, "<module>");
    assert_eq!(&*code.filename, "main.py");
    assert_eq!(code.first_line, 1);
    assert_eq!(
        op_names(&code),
        [
            "LoadConst",
            "StoreName",
            "PushNull",
            "LoadName",
            "LoadName",
            "LoadConst",
            "BinaryOp",
            "Call",
            "Pop",
            "LoadConst",
            "ReturnValue"
        ]
    );
    assert_eq!(names(&code), ["x", "print"]);
    assert_eq!(code.lines, [1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2]);
}

#[test]
fn main_guard_is_just_code() {
    let code = ok("def main():\n    pass\nif __name__ == '__main__':\n    main()\n");
    assert!(has(&code, |i| matches!(i, Instr::CompareOp(CmpOp::Eq))));
    assert!(has(&code, |i| matches!(i, Instr::PopJumpIfFalse(_))));
}

#[test]
fn constants() {
    let code = ok(
        "a = 123456789012345678901234567890\nb = 0xFFFFFFFFFFFFFFFFFF\nc = 2j\nd = ...\n\
         e = b'ab' b'c'\nf = 'x' 'y'\ng = -5\nh = (1, 2, (3,))\ni = 1.5\nj = None\nk = -9223372036854775808\n",
    );
    let consts = &code.consts;
    assert!(consts.contains(&Const::BigInt(Rc::from("123456789012345678901234567890"))));
    // python3 -c 'print(0xFFFFFFFFFFFFFFFFFF)'
    assert!(consts.contains(&Const::BigInt(Rc::from("4722366482869645213695"))));
    assert!(consts.contains(&Const::Imag(2.0)));
    assert!(consts.contains(&Const::Ellipsis));
    assert!(consts.contains(&Const::Bytes(Rc::from(&b"abc"[..]))));
    assert!(consts.contains(&Const::Str(Rc::from("xy"))));
    assert!(consts.contains(&Const::Int(-5)));
    assert!(consts.contains(&Const::Tuple(Rc::from(vec![
        Const::Int(1),
        Const::Int(2),
        Const::Tuple(Rc::from(vec![Const::Int(3)]))
    ]))));
    assert!(consts.contains(&Const::Float(1.5)));
    assert!(consts.contains(&Const::Int(i64::MIN)));
}

#[test]
fn float_zero_signs_are_distinct_constants() {
    let code = ok("a = 0.0\nb = -0.0\n");
    let floats: Vec<_> = code
        .consts
        .iter()
        .filter(|c| matches!(c, Const::Float(_)))
        .collect();
    assert_eq!(floats.len(), 2);
}

#[test]
fn unpacking_assignments() {
    let code = ok("a, b = 1, 2\na, *b, c = x\n[a, (b, c)] = y\na = b = c = 0\n");
    assert!(has(&code, |i| *i == Instr::UnpackSequence(2)));
    assert!(has(&code, |i| *i == Instr::UnpackEx(1 | (1 << 8))));
    assert_eq!(
        code.instrs
            .iter()
            .filter(|i| matches!(i, Instr::Copy(1)))
            .count(),
        2
    );
}

#[test]
fn starred_displays_and_calls() {
    let code = ok(
        "t = (*a, 1, *b)\nl = [1, *a]\ns = {*a, 2}\nd = {'k': 1, **m, 'j': 2}\nf(*a, x=1, **k)\n",
    );
    assert!(has_seq(
        &code,
        &[
            "BuildList",
            "LoadName",
            "ListExtend",
            "LoadConst",
            "ListAppend"
        ]
    ));
    assert!(has(&code, |i| *i == Instr::ListToTuple));
    assert!(has(&code, |i| *i == Instr::SetUpdate(1)));
    assert!(has(&code, |i| *i == Instr::DictUpdate(1)));
    assert!(has(&code, |i| *i == Instr::DictMerge(1)));
    assert!(has(&code, |i| *i == Instr::CallEx(1)));
}

#[test]
fn calls() {
    let code = ok("f(1, 2)\no.m(1)\no.m(1, k=2)\nf(a=1, b=2)\nf(*args)\no.m(*a)\n");
    assert!(has_seq(
        &code,
        &["PushNull", "LoadName", "LoadConst", "LoadConst", "Call"]
    ));
    assert!(has_seq(
        &code,
        &["LoadName", "LoadMethod", "LoadConst", "Call"]
    ));
    assert!(has_seq(
        &code,
        &[
            "LoadMethod",
            "LoadConst",
            "LoadConst",
            "LoadConst",
            "CallKw"
        ]
    ));
    let kw = Const::Tuple(Rc::from(vec![
        Const::Str(Rc::from("a")),
        Const::Str(Rc::from("b")),
    ]));
    assert!(code.consts.contains(&kw));
    assert!(has(&code, |i| *i == Instr::CallKw(2)));
    // o.m(*a) falls back to a plain attribute load and CallEx.
    assert!(
        has_seq(
            &code,
            &["PushNull", "LoadName", "LoadAttr", "LoadName", "ListExtend"]
        ) || has_seq(&code, &["PushNull", "LoadName", "LoadAttr", "BuildList"])
    );
}

#[test]
fn chained_comparison_evaluates_once() {
    let code = ok("r = a < b < c\n");
    assert_eq!(
        op_names(&code)[..13],
        [
            "LoadName",
            "LoadName",
            "Swap",
            "Copy",
            "CompareOp",
            "JumpIfFalseOrPop",
            "LoadName",
            "CompareOp",
            "Jump",
            "Swap",
            "Pop",
            "StoreName",
            "LoadConst"
        ]
    );
    // `b` is loaded once.
    assert_eq!(
        code.instrs
            .iter()
            .filter(|i| matches!(i, Instr::LoadName(_)))
            .count(),
        3
    );
}

#[test]
fn comparisons_is_in() {
    let code = ok("a is b\na is not b\na in b\na not in b\na != b\n");
    for i in [
        Instr::IsOp(0),
        Instr::IsOp(1),
        Instr::ContainsOp(0),
        Instr::ContainsOp(1),
    ] {
        assert!(has(&code, |x| *x == i), "{i:?}");
    }
    assert!(has(&code, |i| *i == Instr::CompareOp(CmpOp::Ne)));
}

#[test]
fn bool_ops_short_circuit() {
    let code = ok("x = a and b or c\n");
    assert!(has(&code, |i| matches!(i, Instr::JumpIfFalseOrPop(_))));
    assert!(has(&code, |i| matches!(i, Instr::JumpIfTrueOrPop(_))));
    let code = ok("if a and not b:\n    pass\n");
    assert!(has(&code, |i| matches!(i, Instr::PopJumpIfFalse(_))));
    assert!(has(&code, |i| matches!(i, Instr::PopJumpIfTrue(_))));
    assert!(!has(&code, |i| matches!(i, Instr::UnaryOp(_))));
}

#[test]
fn conditional_expression_and_walrus() {
    let code = ok("x = a if c else b\nif (n := len(a)) > 10:\n    print(n)\n");
    assert!(has_seq(
        &code,
        &["Call", "Copy", "StoreName", "LoadConst", "CompareOp"]
    ));
}

#[test]
fn slices_and_subscripts() {
    let code = ok("a[1:2]\na[::2]\na[1:2, 3]\na[i] = v\ndel a[1:]\n");
    assert!(has(&code, |i| *i == Instr::BuildSlice(2)));
    assert!(has(&code, |i| *i == Instr::BuildSlice(3)));
    assert!(has(&code, |i| *i == Instr::StoreSubscr));
    assert!(has(&code, |i| *i == Instr::DeleteSubscr));
}

#[test]
fn augmented_assignment_evaluates_target_once() {
    let code = ok("x += 1\no.a -= 2\nd[k()] *= 3\n");
    assert!(has_seq(
        &code,
        &["LoadName", "LoadConst", "InplaceOp", "StoreName"]
    ));
    assert!(has_seq(
        &code,
        &[
            "Copy",
            "LoadAttr",
            "LoadConst",
            "InplaceOp",
            "Swap",
            "StoreAttr"
        ]
    ));
    assert!(has_seq(
        &code,
        &[
            "Copy",
            "Copy",
            "BinarySubscr",
            "LoadConst",
            "InplaceOp",
            "Swap",
            "Swap",
            "StoreSubscr"
        ]
    ));
    assert!(has(&code, |i| *i == Instr::InplaceOp(BinOp::Mul)));
    // k() is called once.
    assert_eq!(
        code.instrs
            .iter()
            .filter(|i| matches!(i, Instr::Call(_)))
            .count(),
        1
    );
}

#[test]
fn delete_targets() {
    let code = ok("del a, b.c, d[0], (e, [f])\n");
    assert_eq!(
        code.instrs
            .iter()
            .filter(|i| matches!(i, Instr::DeleteName(_)))
            .count(),
        3
    );
    assert!(has(&code, |i| matches!(i, Instr::DeleteAttr(_))));
    assert!(has(&code, |i| *i == Instr::DeleteSubscr));
}

#[test]
fn fstrings() {
    let code =
        ok("s = f'a{x}b{y!r:>{w}.{p}f}c'\nt = f'{x=}'\nu = f'{x=:>5}'\nv = f''\nw = 'p' f'{x}'\n");
    assert!(has(&code, |i| *i
        == Instr::FormatValue(FORMAT_CONV_REPR | FORMAT_HAS_SPEC)));
    assert!(code.consts.contains(&Const::Str(Rc::from("x="))));
    // `f'{x=}'` uses repr; with a spec it does not.
    assert!(has(&code, |i| *i == Instr::FormatValue(FORMAT_CONV_REPR)));
    assert!(has(&code, |i| *i == Instr::FormatValue(FORMAT_HAS_SPEC)));
    assert!(code.consts.contains(&Const::Str(Rc::from(""))));
    assert!(code.consts.contains(&Const::Str(Rc::from("p"))));
    assert!(has(&code, |i| *i == Instr::BuildString(5)));
}

#[test]
fn imports() {
    let code = ok("import os\nimport a.b.c\nimport a.b as ab\nfrom x import y as z, w\nfrom . import q\nfrom m import *\n");
    assert_eq!(
        names(&code)[..3],
        ["os".to_string(), "a.b.c".into(), "a".into()]
    );
    assert!(has_seq(&code, &["ImportName", "LoadAttr", "StoreName"]));
    assert!(has_seq(
        &code,
        &[
            "ImportName",
            "ImportFrom",
            "StoreName",
            "ImportFrom",
            "StoreName",
            "Pop"
        ]
    ));
    assert!(has(&code, |i| *i == Instr::ImportStar));
    assert!(code.consts.contains(&Const::Tuple(Rc::from(vec![
        Const::Str(Rc::from("y")),
        Const::Str(Rc::from("w"))
    ]))));
    assert!(code.consts.contains(&Const::Int(1)));
}

#[test]
fn assert_statement() {
    let code = ok("assert x\nassert y, 'msg'\n");
    assert!(has_seq(
        &code,
        &[
            "LoadName",
            "PopJumpIfTrue",
            "LoadAssertionError",
            "RaiseVarargs"
        ]
    ));
    assert!(has_seq(
        &code,
        &[
            "PushNull",
            "LoadAssertionError",
            "LoadConst",
            "Call",
            "RaiseVarargs"
        ]
    ));
}

#[test]
fn raise_forms() {
    let code = ok("def f():\n    raise\ndef g():\n    raise E\ndef h():\n    raise E from C\n");
    assert!(has(&code_named(&code, "f"), |i| *i == Instr::RaiseVarargs(0)));
    assert!(has(&code_named(&code, "g"), |i| *i == Instr::RaiseVarargs(1)));
    assert!(has(&code_named(&code, "h"), |i| *i == Instr::RaiseVarargs(2)));
}

#[test]
fn module_annotations() {
    let code = ok("x: int = 1\ny: str\nz.a: int\n");
    assert_eq!(code.instrs[0], Instr::SetupAnnotations);
    assert!(has_seq(
        &code,
        &["LoadName", "LoadName", "LoadConst", "StoreSubscr"]
    ));
    assert!(names(&code).contains(&"__annotations__".to_string()));
    let code = ok("from __future__ import annotations\nx: List[int] = []\n");
    assert!(code.consts.contains(&Const::Str(Rc::from("List[int]"))));
}

#[test]
fn docstrings() {
    let code = ok("'''Module doc.'''\nx = 1\n");
    assert_eq!(code.docstring.as_deref(), Some("Module doc."));
    assert!(names(&code).contains(&"__doc__".to_string()));
    let code = ok("def f():\n    'Doc of f.'\n    return 1\n");
    let f = code_named(&code, "f");
    assert_eq!(f.docstring.as_deref(), Some("Doc of f."));
    assert!(!f.consts.contains(&Const::Str(Rc::from("Doc of f."))));
}

#[test]
fn debug_constant_and_pass() {
    let code = ok("if __debug__:\n    pass\nx = __debug__\n");
    assert!(code.consts.contains(&Const::Bool(true)));
    assert!(!names(&code).contains(&"__debug__".to_string()));
}

#[test]
fn spans_and_lines_of_a_multiline_call() {
    let src = "x = g(\n    1,\n    2)\n";
    let code = ok(src);
    let call = code
        .instrs
        .iter()
        .position(|i| matches!(i, Instr::Call(_)))
        .unwrap();
    assert_eq!(code.lines[call], 1);
    let span = code.spans[call];
    assert_eq!(
        &src[span.start as usize..span.end as usize],
        "g(\n    1,\n    2)"
    );
    // The constant `2` is on line 3.
    let two = code
        .instrs
        .iter()
        .position(|i| {
            *i == Instr::LoadConst(
                code.consts
                    .iter()
                    .position(|c| *c == Const::Int(2))
                    .unwrap() as u32,
            )
        })
        .unwrap();
    assert_eq!(code.lines[two], 3);
}

#[test]
fn method_call_on_next_line_reports_the_method_line() {
    // python3 reports line 5 for `(o\n  .m(1))` (see the traceback test in
    // the task notes): the call starts at the method name.
    let src = "o = O()\nx = (o\n  .m(1))\n";
    let code = ok(src);
    let call = code
        .instrs
        .iter()
        .rposition(|i| matches!(i, Instr::Call(1)))
        .unwrap();
    assert_eq!(code.lines[call], 3);
    let span = code.spans[call];
    assert_eq!(&src[span.start as usize..span.end as usize], "m(1)");
}

#[test]
fn compilation_is_deterministic() {
    let src = "import threading\nclass C(B):\n    def m(self, *a, **k):\n        return super().m(*a, **k)\n\
               def f(x):\n    y = [x + i for i in range(3) if (z := i)]\n    return lambda: (x, y, z)\n";
    let a = ok(src);
    let b = ok(src);
    assert_eq!(a, b);
    assert_eq!(dis(&a), dis(&b));
}

#[test]
fn binary_operation_line_is_its_own() {
    // python3 reports `x = (1 +\n  None)` at line 1 (where `1 + None`
    // starts); each operand keeps its own line.
    let code = ok("x = (a\n  +\n  b)\n");
    let add = code
        .instrs
        .iter()
        .position(|i| matches!(i, Instr::BinaryOp(_)))
        .unwrap();
    assert_eq!(code.lines[add], 1);
    let b = code
        .instrs
        .iter()
        .rposition(|i| matches!(i, Instr::LoadName(_)))
        .unwrap();
    assert_eq!(code.lines[b], 3);
}
