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

/// Compiles every `.py` file under `$INTERLEAVE_CORPUS` (e.g. CPython's
/// `Lib/`), checking each code object; run by hand with
/// `INTERLEAVE_CORPUS=/path cargo test --lib stdlib_corpus -- --ignored --nocapture`.
#[test]
#[ignore]
fn stdlib_corpus() {
    let Ok(root) = std::env::var("INTERLEAVE_CORPUS") else {
        return;
    };
    let mut stack = vec![std::path::PathBuf::from(root)];
    let (mut ok_count, mut errs, mut bad) = (0, 0, 0);
    while let Some(p) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&p) else {
            continue;
        };
        for entry in rd.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "py") {
                let Ok(src) = std::fs::read_to_string(&path) else {
                    continue;
                };
                if std::env::var("INTERLEAVE_CORPUS_TRACE").is_ok() {
                    println!("FILE {}", path.display());
                }
                match compile(&src, "main.py") {
                    Ok(code) => match verify::verify(&code) {
                        Ok(()) => ok_count += 1,
                        Err(e) => {
                            bad += 1;
                            println!("BAD {}: {e}", path.display());
                        }
                    },
                    Err(e) => {
                        errs += 1;
                        println!(
                            "ERR {}: {}",
                            path.display(),
                            e.render().trim_end().replace('\n', " | ")
                        );
                    }
                }
            }
        }
    }
    println!("ok {ok_count}, errors {errs}, bad code {bad}");
    assert_eq!(bad, 0);
}

#[test]
#[ignore]
fn print_dis() {
    let Ok(path) = std::env::var("DIS_SRC") else {
        return;
    };
    let src = std::fs::read_to_string(path).unwrap();
    match compile(&src, "main.py") {
        Ok(code) => print!("{}", dis(&code)),
        Err(e) => print!("{}", e.render()),
    }
}

/// Compares code-object shapes with CPython's, file by file: run
/// `/tmp/diff/pyside.py` (see the task notes) to dump, for every file
/// python3 compiles, each code object's qualname, name, first line, counts,
/// flags, cellvars, freevars and varnames; then
/// `INTERLEAVE_DIFF=/tmp/diff/py cargo test --lib differential -- --ignored`.
#[test]
#[ignore]
fn differential_code_shapes() {
    use crate::vm::code::{
        CO_ASYNC_GENERATOR, CO_COROUTINE, CO_GENERATOR, CO_VARARGS, CO_VARKEYWORDS,
    };
    let Ok(dir) = std::env::var("INTERLEAVE_DIFF") else {
        return;
    };
    let files = std::fs::read_to_string(format!("{dir}/files.txt")).unwrap_or_default();
    let mask = CO_VARARGS | CO_VARKEYWORDS | CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR;
    fn walk(code: &CodeObject, mask: u32, out: &mut Vec<String>) {
        let j = |v: &[Rc<str>]| {
            v.iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
                .join(",")
        };
        let mut cells: Vec<Rc<str>> = code.cellvars.clone();
        cells.sort();
        let mut frees: Vec<Rc<str>> = code.freevars.clone();
        frees.sort();
        let mut names: Vec<Rc<str>> = code.names.clone();
        names.sort();
        names.dedup();
        out.push(format!(
            "{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}",
            code.qualname,
            code.name,
            code.first_line,
            code.argcount,
            code.posonlyargcount,
            code.kwonlyargcount,
            code.flags & mask,
            j(&cells),
            j(&frees),
            j(&code.varnames),
            j(&names)
        ));
        for c in &code.consts {
            if let Const::Code(inner) = c {
                walk(inner, mask, out);
            }
        }
    }
    let (mut same, mut differ, mut failed) = (0, 0, 0);
    for (i, path) in files.lines().enumerate() {
        let Ok(src) = std::fs::read_to_string(path) else {
            continue;
        };
        let Ok(want) = std::fs::read_to_string(format!("{dir}/{}.py.txt", i + 1)) else {
            continue;
        };
        let code = match compile(&src, "main.py") {
            Ok(c) => c,
            Err(e) => {
                if e.kind != crate::lang::CompileErrorKind::NotImplemented {
                    println!("FAILED {path}: {}", e.render().lines().last().unwrap_or(""));
                }
                failed += 1;
                continue;
            }
        };
        let mut got = Vec::new();
        walk(&code, mask, &mut got);
        got.sort();
        let want: Vec<&str> = want.lines().collect();
        if got.iter().map(String::as_str).collect::<Vec<_>>() == want {
            same += 1;
        } else {
            differ += 1;
            if differ <= 40 {
                let extra: Vec<_> = got
                    .iter()
                    .filter(|g| !want.contains(&g.as_str()))
                    .take(3)
                    .collect();
                let missing: Vec<_> = want
                    .iter()
                    .filter(|w| !got.iter().any(|g| g == *w))
                    .take(3)
                    .collect();
                println!("DIFF {path}\n  ours:    {extra:?}\n  cpython: {missing:?}");
            }
        }
    }
    println!("same {same}, differ {differ}, failed {failed}");
}

/// Compares rendered syntax errors with python3's on a JSON list of
/// `[source, stderr]` pairs (`INTERLEAVE_FUZZ=/tmp/fuzz/cases.json`),
/// printing a summary: exact matches, same message, same line.
#[test]
#[ignore]
fn syntax_error_fuzz() {
    let Ok(path) = std::env::var("INTERLEAVE_FUZZ") else {
        return;
    };
    let text = std::fs::read_to_string(path).unwrap_or_default();
    // Minimal JSON reading: the file is a list of two-string lists.
    let cases = parse_pairs(&text);
    let (mut exact, mut same_msg, mut same_line, mut total) = (0, 0, 0, 0);
    for (src, want) in &cases {
        total += 1;
        let got = match compile(src, "main.py") {
            Ok(_) => "<compiled>\n".to_string(),
            Err(e) => e.render(),
        };
        let last = |s: &str| s.trim_end().lines().last().unwrap_or("").to_string();
        let first = |s: &str| s.lines().next().unwrap_or("").to_string();
        if got == *want {
            exact += 1;
        } else {
            if std::env::var("INTERLEAVE_FUZZ_SHOW").is_ok() {
                println!("--- want:\n{want}--- got:\n{got}");
            }
        }
        if last(&got) == last(want) {
            same_msg += 1;
        }
        if first(&got) == first(want) {
            same_line += 1;
        }
    }
    println!("total {total}, exact {exact}, same message {same_msg}, same line {same_line}");
}

fn parse_pairs(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut strings = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '"' {
            continue;
        }
        let mut s = String::new();
        while let Some(c) = chars.next() {
            match c {
                '"' => break,
                '\\' => match chars.next() {
                    Some('n') => s.push('\n'),
                    Some('t') => s.push('\t'),
                    Some('r') => s.push('\r'),
                    Some('u') => {
                        let hex: String = (0..4).filter_map(|_| chars.next()).collect();
                        if let Some(ch) =
                            u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32)
                        {
                            s.push(ch);
                        }
                    }
                    Some(other) => s.push(other),
                    None => {}
                },
                other => s.push(other),
            }
        }
        strings.push(s);
        if strings.len() == 2 {
            let want = strings.pop().unwrap_or_default();
            let src = strings.pop().unwrap_or_default();
            out.push((src, want));
        }
    }
    out
}
