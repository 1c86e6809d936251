//! Class definitions.

use super::*;
use crate::vm::code::CodeKind;

#[test]
fn class_body_shape() {
    let code = ok("class C(Base, metaclass=M):\n    '''Doc.'''\n    x = 1\n");
    assert!(has_seq(
        &code,
        &[
            "PushNull",
            "LoadBuildClass",
            "LoadConst",
            "MakeFunction",
            "LoadConst",
            "LoadName",
            "LoadName",
            "LoadConst",
            "CallKw",
            "StoreName"
        ]
    ));
    let c = code_named(&code, "C");
    assert_eq!(c.kind, CodeKind::Class);
    assert_eq!(
        op_names(&c),
        [
            "LoadName",
            "StoreName",
            "LoadConst",
            "StoreName",
            "LoadConst",
            "StoreName",
            "LoadConst",
            "StoreName",
            "LoadConst",
            "ReturnValue"
        ]
    );
    assert_eq!(
        names(&c),
        ["__name__", "__module__", "__qualname__", "__doc__", "x"]
    );
    assert_eq!(c.docstring.as_deref(), Some("Doc."));
    assert!(c.consts.contains(&Const::Str(Rc::from("C"))));
}

#[test]
fn class_without_bases_and_decorated() {
    let code = ok("@dec\nclass C:\n    pass\n");
    assert!(has_seq(
        &code,
        &[
            "PushNull",
            "LoadName",
            "PushNull",
            "LoadBuildClass",
            "LoadConst",
            "MakeFunction",
            "LoadConst",
            "Call",
            "Call",
            "StoreName"
        ]
    ));
    assert_eq!(code_named(&code, "C").first_line, 1);
}

#[test]
fn class_with_starred_bases() {
    let code = ok("class C(*bases, **kw):\n    pass\n");
    assert!(has(&code, |i| *i == Instr::BuildList(2)));
    assert!(has(&code, |i| *i == Instr::CallEx(1)));
}

#[test]
fn class_annotations() {
    let code = ok("class P:\n    x: int\n    y: int = 0\n");
    let p = code_named(&code, "P");
    assert!(has(&p, |i| *i == Instr::SetupAnnotations));
    assert_eq!(
        p.instrs
            .iter()
            .filter(|i| **i == Instr::StoreSubscr)
            .count(),
        2
    );
}

#[test]
fn methods_and_properties() {
    let code = ok(
        "class C:\n    def __init__(self, v):\n        self.v = v\n    @property\n    def value(self):\n        return self.v\n    @staticmethod\n    def s():\n        return 1\n",
    );
    let init = code_named(&code, "__init__");
    assert_eq!(&*init.qualname, "C.__init__");
    assert!(has_seq(&init, &["LoadFast", "LoadFast", "StoreAttr"]));
}
