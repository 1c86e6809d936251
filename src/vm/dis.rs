//! A disassembler for [`CodeObject`]s, in the spirit of `python3 -m dis`:
//! one line per instruction with its source line (when it changes), a `>>`
//! mark on jump targets, the index, the op, its argument and what the
//! argument means (the name, the constant, the jump target), then the
//! nested code objects found in the constants.
//!
//! It is a debugging and test aid: it only reads code objects and never
//! fails (an out-of-range argument is shown as `?`).

use std::collections::HashSet;
use std::fmt::Write;

use super::code::{
    CodeObject, Const, Instr, FORMAT_CONV_ASCII, FORMAT_CONV_REPR, FORMAT_CONV_STR,
    FORMAT_HAS_SPEC, MAKE_FUNCTION_ANNOTATIONS, MAKE_FUNCTION_CLOSURE, MAKE_FUNCTION_DEFAULTS,
    MAKE_FUNCTION_KWDEFAULTS,
};

/// Disassembles `code` and, after it, every code object nested in its
/// constants (depth first).
pub fn dis(code: &CodeObject) -> String {
    let mut out = String::new();
    dis_one(code, &mut out);
    for c in &code.consts {
        if let Const::Code(inner) = c {
            let _ = write!(
                out,
                "\nDisassembly of <code object {}, file \"{}\", line {}>:\n",
                inner.name, inner.filename, inner.first_line
            );
            out.push_str(&dis(inner));
        }
    }
    out
}

/// The instruction listing of one code object, without nested ones.
pub fn dis_one(code: &CodeObject, out: &mut String) {
    let targets: HashSet<u32> = code.instrs.iter().filter_map(|i| jump_target(*i)).collect();
    let mut last_line = None;
    for (i, instr) in code.instrs.iter().enumerate() {
        let line = code.lines.get(i).copied().unwrap_or(0);
        let line_col = if last_line != Some(line) {
            last_line = Some(line);
            line.to_string()
        } else {
            String::new()
        };
        let mark = if targets.contains(&(i as u32)) {
            ">>"
        } else {
            ""
        };
        let (name, arg) = op_parts(*instr);
        let mut text = format!("{line_col:>4} {mark:>2} {i:>4} {name}");
        if let Some(a) = arg {
            let _ = write!(
                text,
                "{:width$}{a:>5}",
                "",
                width = 22usize.saturating_sub(name.len())
            );
            if let Some(m) = meaning(code, *instr) {
                let _ = write!(text, " ({m})");
            }
        }
        out.push_str(text.trim_end());
        out.push('\n');
    }
}

/// The jump target of a jump-carrying instruction.
pub fn jump_target(instr: Instr) -> Option<u32> {
    match instr {
        Instr::Jump(t)
        | Instr::JumpBackward(t)
        | Instr::PopJumpIfFalse(t)
        | Instr::PopJumpIfTrue(t)
        | Instr::JumpIfFalseOrPop(t)
        | Instr::JumpIfTrueOrPop(t)
        | Instr::ForIter(t)
        | Instr::SetupFinally(t)
        | Instr::SetupWith(t)
        | Instr::SetupAsyncWith(t) => Some(t),
        _ => None,
    }
}

/// The op's name and its numeric argument, if it has one.
pub fn op_parts(instr: Instr) -> (&'static str, Option<u32>) {
    use Instr::*;
    match instr {
        Nop => ("Nop", None),
        Pop => ("Pop", None),
        Copy(n) => ("Copy", Some(n)),
        Swap(n) => ("Swap", Some(n)),
        PushNull => ("PushNull", None),
        LoadConst(i) => ("LoadConst", Some(i)),
        LoadFast(i) => ("LoadFast", Some(i)),
        StoreFast(i) => ("StoreFast", Some(i)),
        DeleteFast(i) => ("DeleteFast", Some(i)),
        LoadDeref(i) => ("LoadDeref", Some(i)),
        StoreDeref(i) => ("StoreDeref", Some(i)),
        DeleteDeref(i) => ("DeleteDeref", Some(i)),
        LoadClosure(i) => ("LoadClosure", Some(i)),
        LoadClassDeref(i) => ("LoadClassDeref", Some(i)),
        LoadName(i) => ("LoadName", Some(i)),
        StoreName(i) => ("StoreName", Some(i)),
        DeleteName(i) => ("DeleteName", Some(i)),
        LoadGlobal(i) => ("LoadGlobal", Some(i)),
        StoreGlobal(i) => ("StoreGlobal", Some(i)),
        DeleteGlobal(i) => ("DeleteGlobal", Some(i)),
        LoadAttr(i) => ("LoadAttr", Some(i)),
        StoreAttr(i) => ("StoreAttr", Some(i)),
        DeleteAttr(i) => ("DeleteAttr", Some(i)),
        LoadMethod(i) => ("LoadMethod", Some(i)),
        BinaryOp(_) => ("BinaryOp", Some(0)),
        InplaceOp(_) => ("InplaceOp", Some(0)),
        UnaryOp(_) => ("UnaryOp", Some(0)),
        CompareOp(_) => ("CompareOp", Some(0)),
        IsOp(n) => ("IsOp", Some(n)),
        ContainsOp(n) => ("ContainsOp", Some(n)),
        BinarySubscr => ("BinarySubscr", None),
        StoreSubscr => ("StoreSubscr", None),
        DeleteSubscr => ("DeleteSubscr", None),
        BuildSlice(n) => ("BuildSlice", Some(n)),
        BuildTuple(n) => ("BuildTuple", Some(n)),
        BuildList(n) => ("BuildList", Some(n)),
        BuildSet(n) => ("BuildSet", Some(n)),
        BuildMap(n) => ("BuildMap", Some(n)),
        BuildString(n) => ("BuildString", Some(n)),
        FormatValue(n) => ("FormatValue", Some(n)),
        ListAppend(n) => ("ListAppend", Some(n)),
        SetAdd(n) => ("SetAdd", Some(n)),
        MapAdd(n) => ("MapAdd", Some(n)),
        ListExtend(n) => ("ListExtend", Some(n)),
        SetUpdate(n) => ("SetUpdate", Some(n)),
        DictUpdate(n) => ("DictUpdate", Some(n)),
        DictMerge(n) => ("DictMerge", Some(n)),
        ListToTuple => ("ListToTuple", None),
        UnpackSequence(n) => ("UnpackSequence", Some(n)),
        UnpackEx(n) => ("UnpackEx", Some(n)),
        Jump(t) => ("Jump", Some(t)),
        JumpBackward(t) => ("JumpBackward", Some(t)),
        PopJumpIfFalse(t) => ("PopJumpIfFalse", Some(t)),
        PopJumpIfTrue(t) => ("PopJumpIfTrue", Some(t)),
        JumpIfFalseOrPop(t) => ("JumpIfFalseOrPop", Some(t)),
        JumpIfTrueOrPop(t) => ("JumpIfTrueOrPop", Some(t)),
        GetIter => ("GetIter", None),
        ForIter(t) => ("ForIter", Some(t)),
        ReturnValue => ("ReturnValue", None),
        Call(n) => ("Call", Some(n)),
        CallKw(n) => ("CallKw", Some(n)),
        CallEx(n) => ("CallEx", Some(n)),
        MakeFunction(n) => ("MakeFunction", Some(n)),
        LoadBuildClass => ("LoadBuildClass", None),
        SetupFinally(t) => ("SetupFinally", Some(t)),
        PopBlock => ("PopBlock", None),
        PopExcept => ("PopExcept", None),
        CheckExcMatch => ("CheckExcMatch", None),
        CheckEgMatch => ("CheckEgMatch", None),
        PrepReraiseStar => ("PrepReraiseStar", None),
        Reraise => ("Reraise", None),
        RaiseVarargs(n) => ("RaiseVarargs", Some(n)),
        SetupWith(t) => ("SetupWith", Some(t)),
        SetupAsyncWith(t) => ("SetupAsyncWith", Some(t)),
        WithExceptStart => ("WithExceptStart", None),
        BeforeAsyncWith => ("BeforeAsyncWith", None),
        LoadAssertionError => ("LoadAssertionError", None),
        YieldValue => ("YieldValue", None),
        YieldFrom => ("YieldFrom", None),
        GetYieldFromIter => ("GetYieldFromIter", None),
        GetAwaitable => ("GetAwaitable", None),
        GetAIter => ("GetAIter", None),
        GetANext => ("GetANext", None),
        EndAsyncFor => ("EndAsyncFor", None),
        ImportName(i) => ("ImportName", Some(i)),
        ImportFrom(i) => ("ImportFrom", Some(i)),
        ImportStar => ("ImportStar", None),
        SetupAnnotations => ("SetupAnnotations", None),
    }
}

fn name_at(v: &[std::rc::Rc<str>], i: u32) -> String {
    v.get(i as usize)
        .map_or_else(|| "?".to_string(), |s| s.to_string())
}

fn cell_name(code: &CodeObject, i: u32) -> String {
    let i = i as usize;
    code.cellvars
        .get(i)
        .or_else(|| code.freevars.get(i.wrapping_sub(code.cellvars.len())))
        .map_or_else(|| "?".to_string(), |s| s.to_string())
}

/// What an instruction's argument means, when it means something.
fn meaning(code: &CodeObject, instr: Instr) -> Option<String> {
    use Instr::*;
    Some(match instr {
        LoadConst(i) => code
            .consts
            .get(i as usize)
            .map_or_else(|| "?".to_string(), const_repr),
        LoadFast(i) | StoreFast(i) | DeleteFast(i) => name_at(&code.varnames, i),
        LoadDeref(i) | StoreDeref(i) | DeleteDeref(i) | LoadClosure(i) | LoadClassDeref(i) => {
            cell_name(code, i)
        }
        LoadName(i) | StoreName(i) | DeleteName(i) | LoadGlobal(i) | StoreGlobal(i)
        | DeleteGlobal(i) | LoadAttr(i) | StoreAttr(i) | DeleteAttr(i) | LoadMethod(i)
        | ImportName(i) | ImportFrom(i) => name_at(&code.names, i),
        BinaryOp(op) => op.symbol().to_string(),
        InplaceOp(op) => format!("{}=", op.symbol()),
        UnaryOp(op) => format!("{op:?}"),
        CompareOp(op) => op.symbol().to_string(),
        IsOp(n) => if n == 0 { "is" } else { "is not" }.to_string(),
        ContainsOp(n) => if n == 0 { "in" } else { "not in" }.to_string(),
        FormatValue(n) => {
            let conv = match n & 3 {
                FORMAT_CONV_STR => "str",
                FORMAT_CONV_REPR => "repr",
                FORMAT_CONV_ASCII => "ascii",
                _ => "",
            };
            let spec = if n & FORMAT_HAS_SPEC != 0 {
                "with format"
            } else {
                ""
            };
            let m = [conv, spec]
                .iter()
                .filter(|s| !s.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join(", ");
            if m.is_empty() {
                return None;
            }
            m
        }
        MakeFunction(n) => {
            let names = [
                (MAKE_FUNCTION_DEFAULTS, "defaults"),
                (MAKE_FUNCTION_KWDEFAULTS, "kwdefaults"),
                (MAKE_FUNCTION_ANNOTATIONS, "annotations"),
                (MAKE_FUNCTION_CLOSURE, "closure"),
            ];
            let m: Vec<&str> = names
                .iter()
                .filter(|(bit, _)| n & bit != 0)
                .map(|(_, s)| *s)
                .collect();
            if m.is_empty() {
                return None;
            }
            m.join(", ")
        }
        UnpackEx(n) => format!("{} before, {} after", n & 0xff, n >> 8),
        _ => {
            let t = jump_target(instr)?;
            format!("to {t}")
        }
    })
}

/// A constant written as Python's `repr` would write it.
pub fn const_repr(c: &Const) -> String {
    match c {
        Const::None => "None".to_string(),
        Const::Bool(true) => "True".to_string(),
        Const::Bool(false) => "False".to_string(),
        Const::Int(i) => i.to_string(),
        Const::BigInt(s) => s.to_string(),
        Const::Float(f) => float_repr(*f),
        Const::Imag(f) => format!("{}j", float_repr(*f).trim_end_matches(".0")),
        Const::Str(s) => str_repr(s),
        Const::Bytes(b) => {
            let mut out = String::from("b'");
            for &byte in b.iter() {
                match byte {
                    b'\'' => out.push_str("\\'"),
                    b'\\' => out.push_str("\\\\"),
                    b'\n' => out.push_str("\\n"),
                    b'\r' => out.push_str("\\r"),
                    b'\t' => out.push_str("\\t"),
                    0x20..=0x7e => out.push(byte as char),
                    _ => {
                        let _ = write!(out, "\\x{byte:02x}");
                    }
                }
            }
            out.push('\'');
            out
        }
        Const::Tuple(items) => {
            let inner: Vec<String> = items.iter().map(const_repr).collect();
            if inner.len() == 1 {
                format!("({},)", inner[0])
            } else {
                format!("({})", inner.join(", "))
            }
        }
        Const::FrozenSet(items) => {
            let inner: Vec<String> = items.iter().map(const_repr).collect();
            format!("frozenset({{{}}})", inner.join(", "))
        }
        Const::Ellipsis => "Ellipsis".to_string(),
        Const::Code(code) => format!("<code object {}>", code.name),
    }
}

fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".to_string();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf" } else { "-inf" }.to_string();
    }
    let s = format!("{f:?}");
    if s.contains('e') || s.contains('.') {
        s
    } else {
        format!("{s}.0")
    }
}

fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::new();
    out.push(quote);
    for ch in s.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vm::code::{BinOp, CodeKind, Span};
    use std::rc::Rc;

    fn code(instrs: Vec<Instr>, lines: Vec<u32>, consts: Vec<Const>) -> CodeObject {
        CodeObject {
            kind: CodeKind::Function,
            name: Rc::from("f"),
            qualname: Rc::from("f"),
            filename: Rc::from("main.py"),
            flags: 0,
            argcount: 1,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            varnames: vec![Rc::from("x")],
            cellvars: vec![],
            freevars: vec![],
            names: vec![Rc::from("print")],
            consts,
            spans: vec![Span::default(); instrs.len()],
            instrs,
            lines,
            first_line: 1,
            docstring: None,
        }
    }

    #[test]
    fn listing_format() {
        let c = code(
            vec![
                Instr::LoadFast(0),
                Instr::PopJumpIfFalse(5),
                Instr::LoadFast(0),
                Instr::LoadConst(0),
                Instr::BinaryOp(BinOp::Add),
                Instr::LoadGlobal(0),
                Instr::ReturnValue,
            ],
            vec![2, 2, 3, 3, 3, 4, 4],
            vec![Const::Int(1)],
        );
        let expected = "   2       0 LoadFast                  0 (x)
           1 PopJumpIfFalse            5 (to 5)
   3       2 LoadFast                  0 (x)
           3 LoadConst                 0 (1)
           4 BinaryOp                  0 (+)
   4 >>    5 LoadGlobal                0 (print)
           6 ReturnValue
";
        assert_eq!(dis(&c), expected);
    }

    #[test]
    fn bad_arguments_do_not_panic() {
        let c = code(
            vec![Instr::LoadConst(9), Instr::LoadDeref(4), Instr::LoadName(7)],
            vec![1, 1, 1],
            vec![],
        );
        let text = dis(&c);
        assert_eq!(text.matches("(?)").count(), 3);
    }

    #[test]
    fn const_reprs_follow_python() {
        // python3 -c "print(repr('it\'s'), repr((1,)), repr(b'a\x00'), repr(2j), repr(1.0))"
        assert_eq!(const_repr(&Const::Str(Rc::from("it's"))), "\"it's\"");
        assert_eq!(
            const_repr(&Const::Tuple(Rc::from(vec![Const::Int(1)]))),
            "(1,)"
        );
        assert_eq!(
            const_repr(&Const::Bytes(Rc::from(&b"a\x00"[..]))),
            "b'a\\x00'"
        );
        assert_eq!(const_repr(&Const::Imag(2.0)), "2j");
        assert_eq!(const_repr(&Const::Float(1.0)), "1.0");
        assert_eq!(const_repr(&Const::Str(Rc::from("a\nb"))), "'a\\nb'");
    }
}
