//! Tests of the compiler, one file per area. Every program compiled here
//! also goes through [`verify::verify`] (stack and block discipline on
//! every path). Expected error texts were produced by running python3
//! 3.11 on the same source saved as `main.py` (`python3 main.py`, stderr
//! with the directory stripped).

mod classes;
mod comprehensions;
mod constructs;
mod control;
mod errors;
mod functions;
mod generators;
mod programs;
mod scopes;
mod snapshots;
mod tools;
mod verify;

use std::rc::Rc;

use crate::lang::{compile, CompileError};
use crate::vm::code::{CodeObject, Const, Instr};
use crate::vm::dis::dis;

/// Compiles, checks the code on every path, and returns the module code.
pub fn ok(src: &str) -> Rc<CodeObject> {
    let code = match compile(src, "main.py") {
        Ok(c) => c,
        Err(e) => panic!("unexpected compile error:\n{}\nsource:\n{src}", e.render()),
    };
    if let Err(e) = verify::verify(&code) {
        panic!("bad code: {e}\nsource:\n{src}\n{}", dis(&code));
    }
    code
}

/// Compiles a program that must fail.
pub fn err(src: &str) -> CompileError {
    match compile(src, "main.py") {
        Ok(c) => panic!("expected an error for:\n{src}\n{}", dis(&c)),
        Err(e) => e,
    }
}

/// The nested code object named `name` (depth first).
pub fn code_named(code: &Rc<CodeObject>, name: &str) -> Rc<CodeObject> {
    fn find(code: &Rc<CodeObject>, name: &str) -> Option<Rc<CodeObject>> {
        for c in &code.consts {
            if let Const::Code(inner) = c {
                if &*inner.name == name || &*inner.qualname == name {
                    return Some(inner.clone());
                }
                if let Some(found) = find(inner, name) {
                    return Some(found);
                }
            }
        }
        None
    }
    find(code, name).unwrap_or_else(|| panic!("no code object {name} in\n{}", dis(code)))
}

/// The op names of a code object, in order.
pub fn op_names(code: &CodeObject) -> Vec<&'static str> {
    code.instrs
        .iter()
        .map(|i| crate::vm::dis::op_parts(*i).0)
        .collect()
}

/// Whether the code contains an instruction matching `pred`.
pub fn has(code: &CodeObject, pred: impl Fn(&Instr) -> bool) -> bool {
    code.instrs.iter().any(pred)
}

/// Whether `needle` appears as a contiguous run of op names.
pub fn has_seq(code: &CodeObject, needle: &[&str]) -> bool {
    let ops = op_names(code);
    ops.windows(needle.len()).any(|w| w == needle)
}

/// Names in `names`, as strings.
pub fn names(code: &CodeObject) -> Vec<String> {
    code.names.iter().map(|s| s.to_string()).collect()
}

pub fn strs(v: &[Rc<str>]) -> Vec<&str> {
    v.iter().map(|s| &**s).collect()
}
