//! Tools run by hand (`#[ignore]`d tests) to check the compiler against
//! CPython on large inputs. None of them runs in CI; each prints a summary.
//!
//! - `stdlib_corpus`: compiles every `.py` file under `$INTERLEAVE_CORPUS`
//!   (e.g. python3's `Lib/`) and checks each code object with `verify`.
//!   Last run: 11624 files compiled, 0 bad code objects; the 30 errors are
//!   Python 2 test data, deliberate syntax-error tests, `match`/`except*`.
//! - `differential_code_shapes`: compares, file by file, every code
//!   object's qualname, name, first line, argument counts, flags, cellvars,
//!   freevars, varnames (in order), the set of names and the set of
//!   (name op, variable) pairs used (`LoadFast x`, `LoadGlobal len`, …) with
//!   python3's, as dumped by the script in [`PY_DUMPER`].
//! - `syntax_error_fuzz`: renders syntax errors for a JSON list of
//!   `[source, python3 stderr]` pairs (windows of stdlib files with one
//!   bracket, quote, colon, comma or `=` deleted or inserted) and counts
//!   exact matches. Last runs on three sets: 308/311, 279/282, 272/279.
//! - `print_dis`, `dump_parse_errors`: show our code or ruff's errors for
//!   a file.

use super::*;

/// The python3 side of `differential_code_shapes`:
/// `python3 dumper.py <root> <outdir>`.
pub const PY_DUMPER: &str = r#"
import sys, os, types, dis
MASK = 0x4 | 0x8 | 0x20 | 0x80 | 0x200
OPS = {"LOAD_NAME": "LoadName", "STORE_NAME": "StoreName", "DELETE_NAME": "DeleteName",
    "LOAD_GLOBAL": "LoadGlobal", "STORE_GLOBAL": "StoreGlobal", "DELETE_GLOBAL": "DeleteGlobal",
    "LOAD_FAST": "LoadFast", "STORE_FAST": "StoreFast", "DELETE_FAST": "DeleteFast",
    "LOAD_DEREF": "LoadDeref", "STORE_DEREF": "StoreDeref", "DELETE_DEREF": "DeleteDeref",
    "LOAD_CLASSDEREF": "LoadClassDeref", "LOAD_CLOSURE": "LoadClosure"}
def name_ops(co):
    ops = [OPS[i.opname] + ":" + str(i.argval) for i in dis.get_instructions(co) if i.opname in OPS]
    return ",".join(sorted(set(ops)))
def walk(co, out):
    out.append("|".join([co.co_qualname, co.co_name, str(co.co_firstlineno),
        str(co.co_argcount), str(co.co_posonlyargcount), str(co.co_kwonlyargcount),
        str(co.co_flags & MASK), ",".join(sorted(co.co_cellvars)),
        ",".join(sorted(co.co_freevars)), ",".join(co.co_varnames),
        ",".join(sorted(set(co.co_names))), name_ops(co)]))
    for c in co.co_consts:
        if isinstance(c, types.CodeType):
            walk(c, out)
root, outdir = sys.argv[1], sys.argv[2]
files = sorted(os.path.join(dp, f) for dp, dn, fn in os.walk(root) for f in fn if f.endswith('.py'))
ok = []
for p in files:
    try:
        co = compile(open(p, encoding='utf-8').read(), 'main.py', 'exec')
    except Exception:
        continue
    out = []
    walk(co, out)
    ok.append(p)
    with open(os.path.join(outdir, str(len(ok)) + '.py.txt'), 'w') as f:
        f.write("\n".join(sorted(out)) + "\n")
with open(os.path.join(outdir, 'files.txt'), 'w') as f:
    f.write("\n".join(ok) + "\n")
"#;

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

/// Compares code-object shapes with CPython's, file by file. First run
/// this test once with `INTERLEAVE_DIFF=<dir>`: it writes `<dir>/dumper.py`
/// ([`PY_DUMPER`]); run `python3 <dir>/dumper.py <python Lib> <dir>`; then
/// `INTERLEAVE_DIFF=<dir> cargo test --lib differential -- --ignored
/// --nocapture`.
#[test]
#[ignore]
fn differential_code_shapes() {
    use crate::vm::code::{
        CO_ASYNC_GENERATOR, CO_COROUTINE, CO_GENERATOR, CO_VARARGS, CO_VARKEYWORDS,
    };
    let Ok(dir) = std::env::var("INTERLEAVE_DIFF") else {
        return;
    };
    let _ = std::fs::write(format!("{dir}/dumper.py"), PY_DUMPER);
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
        let mut ops: Vec<String> = code
            .instrs
            .iter()
            .filter_map(|i| {
                let (op, arg) = crate::vm::dis::op_parts(*i);
                let arg = arg? as usize;
                let cell = || {
                    code.cellvars
                        .get(arg)
                        .or_else(|| code.freevars.get(arg.wrapping_sub(code.cellvars.len())))
                        .map(|s| s.to_string())
                };
                let name = match i {
                    Instr::LoadName(_)
                    | Instr::StoreName(_)
                    | Instr::DeleteName(_)
                    | Instr::LoadGlobal(_)
                    | Instr::StoreGlobal(_)
                    | Instr::DeleteGlobal(_) => code.names.get(arg).map(|s| s.to_string()),
                    Instr::LoadFast(_) | Instr::StoreFast(_) | Instr::DeleteFast(_) => {
                        code.varnames.get(arg).map(|s| s.to_string())
                    }
                    Instr::LoadDeref(_)
                    | Instr::StoreDeref(_)
                    | Instr::DeleteDeref(_)
                    | Instr::LoadClassDeref(_)
                    | Instr::LoadClosure(_) => cell(),
                    _ => None,
                }?;
                Some(format!("{op}:{name}"))
            })
            .collect();
        ops.sort();
        ops.dedup();
        out.push(format!(
            "{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}",
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
            j(&names),
            ops.join(",")
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

#[test]
#[ignore]
fn dump_parse_errors() {
    use ruff_python_parser::{Mode, ParseOptions};
    use ruff_text_size::Ranged;
    let Ok(path) = std::env::var("DUMP_SRC") else {
        return;
    };
    let src = std::fs::read_to_string(path).unwrap_or_default();
    let opts =
        ParseOptions::from(Mode::Module).with_target_version(ruff_python_ast::PythonVersion::PY311);
    let parsed = ruff_python_parser::parse_unchecked(&src, opts);
    for e in parsed.errors() {
        println!("ERR {:?} @ {:?}", e.error, e.location);
    }
    for t in parsed.tokens().iter().take(60) {
        print!("{:?}@{:?} ", t.kind(), t.range());
    }
    println!();
}
